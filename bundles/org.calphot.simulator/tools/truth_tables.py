#!/usr/bin/env python3
"""Writes the simulator's independent truth tables with astropy (run once; outputs are committed).

earth_bary_astropy.csv: every 2 days from MJD(TDB) 53370 (2005) to 64330 (2035) the barycentric position of the
geocentre (ICRS, AU; astropy get_body_barycentric('earth', ephemeris='builtin') = ERFA epv00) and TDB-TT at the
geocentre (ms). tt_utc_astropy.csv: TT-UTC (s) from each UTC day on which it changes (leap seconds).
Usage: python3 truth_tables.py OUTDIR   (astropy >= 5, offline: bundled IERS/leap-second tables)
"""
import sys
import numpy as np
import astropy
from astropy.time import Time
from astropy.utils import iers
from astropy.coordinates import get_body_barycentric
import erfa

iers.conf.auto_download = False
iers.conf.auto_max_age = None
out = sys.argv[1]

mjd = np.arange(53370.0, 64330.0 + 1, 2.0)
t = Time(mjd, format='mjd', scale='tdb')
pos = get_body_barycentric('earth', t, ephemeris='builtin').xyz.to('AU').value
tdb_tt_ms = (t.tdb.jd1 - t.tt.jd1 + t.tdb.jd2 - t.tt.jd2) * 86400e3
with open(out + '/earth_bary_astropy.csv', 'w') as f:
    f.write('# barycentric ICRS position of the geocentre and TDB-TT at the geocentre, every 2 days\n')
    f.write('# astropy %s, pyerfa %s: get_body_barycentric("earth", Time(mjd, scale="tdb"), ephemeris="builtin");'
            ' tdb_minus_tt_ms = Time.tdb - Time.tt (erfa.dtdb, geocentre)\n' % (astropy.__version__, erfa.__version__))
    f.write('mjd_tdb,x_au,y_au,z_au,tdb_minus_tt_ms\n')
    for i in range(len(mjd)):
        f.write('%.1f,%.11f,%.11f,%.11f,%.6f\n' % (mjd[i], pos[0][i], pos[1][i], pos[2][i], tdb_tt_ms[i]))

days = np.arange(53370.0, 64331.0, 1.0)
u = Time(days, format='mjd', scale='utc')
tt_utc = np.round((u.tt.jd1 - u.jd1 + u.tt.jd2 - u.jd2) * 86400, 6)
with open(out + '/tt_utc_astropy.csv', 'w') as f:
    f.write('# TT-UTC in seconds from 0h UTC of mjd_utc on (astropy %s bundled leap-second table)\n' % astropy.__version__)
    f.write('mjd_utc,tt_minus_utc_s\n')
    prev = None
    for d, v in zip(days, tt_utc):
        if v != prev:
            f.write('%.0f,%.3f\n' % (d, v))
            prev = v
