// SPDX-License-Identifier: EPL-2.0 OR GPL-2.0-or-later
// Copyright (c) 2026 the calphot contributors
package org.calphot.simulator.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.calphot.core.BadInputException;
import org.calphot.core.Location;
import org.calphot.core.time.Site;
import org.calphot.core.time.SkyPosition;
import org.calphot.simulator.SkyTruth;

/**
 * The simulator's truth for times and airmasses, deliberately independent of calphot's time service (which uses
 * jsofa): the geocentre's barycentric position and TDB-TT come from a table astropy computed (every 2 days,
 * 2005-2035, {@code tools/truth_tables.py}), interpolated with 4-point Lagrange polynomials (error well below a
 * microsecond of light time); TT-UTC from astropy's leap-second steps; the observatory's offset, the target's
 * precessed position and its altitude from the IAU 1976 precession and IAU 1982 sidereal-time formulas (UT1 taken as
 * UTC, no nutation or aberration). Against astropy's own vectors: BMJD within 0.2 ms, altitude within ~40 arcsec,
 * i.e. sec z within 0.05 % at airmass 2 (checked in {@code IndependentSkyTest}); the simulator's tests need 10 ms
 * and 0.1 %.
 */
public final class IndependentSky implements SkyTruth {

    private static final double C = 299_792_458.0;
    private static final double AU = 149_597_870_700.0;
    private static final double WGS84_A = 6_378_137.0;
    private static final double WGS84_F = 1 / 298.257223563;
    private static final double ARCSEC = Math.PI / (180 * 3600);

    private static volatile IndependentSky instance;

    private final double mjd0;
    private final double step;
    private final double[] x;
    private final double[] y;
    private final double[] z;
    private final double[] tdbTtMs;
    private final double[] leapMjd;
    private final double[] leapTtUtc;

    private IndependentSky() {
        List<double[]> rows = read("earth_bary_astropy.csv");
        int n = rows.size();
        mjd0 = rows.get(0)[0];
        step = rows.get(1)[0] - mjd0;
        x = new double[n];
        y = new double[n];
        z = new double[n];
        tdbTtMs = new double[n];
        for (int i = 0; i < n; i++) {
            double[] r = rows.get(i);
            x[i] = r[1];
            y[i] = r[2];
            z[i] = r[3];
            tdbTtMs[i] = r[4];
        }
        List<double[]> leaps = read("tt_utc_astropy.csv");
        leapMjd = new double[leaps.size()];
        leapTtUtc = new double[leaps.size()];
        for (int i = 0; i < leaps.size(); i++) {
            leapMjd[i] = leaps.get(i)[0];
            leapTtUtc[i] = leaps.get(i)[1];
        }
    }

    /** The shared instance (tables read once). */
    public static IndependentSky instance() {
        IndependentSky s = instance;
        if (s == null) {
            synchronized (IndependentSky.class) {
                s = instance;
                if (s == null) {
                    s = new IndependentSky();
                    instance = s;
                }
            }
        }
        return s;
    }

    private static List<double[]> read(String name) {
        List<double[]> rows = new ArrayList<>();
        try (InputStream in = IndependentSky.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("simulator truth table missing: " + name);
            }
            // '#' comment lines, one header row, then numbers (commons-csv, as every CSV calphot reads)
            CSVFormat format = CSVFormat.DEFAULT.builder().setCommentMarker('#').setIgnoreEmptyLines(true)
                    .setIgnoreSurroundingSpaces(true).setHeader().setSkipHeaderRecord(true).build();
            try (CSVParser p = CSVParser.parse(new InputStreamReader(in, StandardCharsets.US_ASCII), format)) {
                for (CSVRecord rec : p) {
                    double[] v = new double[rec.size()];
                    for (int i = 0; i < v.length; i++) {
                        v[i] = Double.parseDouble(rec.get(i));
                    }
                    rows.add(v);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return rows;
    }

    @Override
    public String source() {
        return "independent: astropy 8.0.1 table of the Earth's barycentric position and leap seconds;"
                + " IAU 1976 precession, IAU 1982 GMST (UT1 = UTC); not calphot's time service";
    }

    /** First and last MJD(UTC) the table covers. */
    public double[] range() {
        return new double[] {mjd0 + step + 1, mjd0 + (x.length - 3) * step - 1};
    }

    @Override
    public void compute(Site site, SkyPosition target, double[] mjdUtc, int from, int n, double[] bmjdTdb,
            double[] altDeg, double[] airmass) throws BadInputException {
        double lat = Math.toRadians(site.latDeg());
        double lon = Math.toRadians(site.lonEastDeg());
        double[] itrs = geodeticToItrs(lat, lon, site.heightM());
        double ra = Math.toRadians(target.raDeg());
        double dec = Math.toRadians(target.decDeg());
        double[] n0 = {Math.cos(dec) * Math.cos(ra), Math.cos(dec) * Math.sin(ra), Math.sin(dec)};
        double[] range = range();
        for (int i = from; i < from + n; i++) {
            double mjd = mjdUtc[i];
            if (!(mjd >= range[0] && mjd <= range[1])) {
                throw new BadInputException(String.format(Locale.ROOT,
                        "MJD(UTC) %.5f is outside the simulator's truth table (%.0f to %.0f)", mjd, range[0],
                        range[1]), new Location(null, 0, 0, "start"));
            }
            double ttUtc = ttMinusUtc(mjd);
            double mjdTt = mjd + ttUtc / 86400.0;
            double tdbTt = interpolate(tdbTtMs, mjdTt) / 1000.0;
            double mjdTdb = mjdTt + tdbTt / 86400.0;

            double[][] p = precession((mjdTt - 51544.5) / 36525.0);
            double gmst = gmstRad(mjd);
            // observatory: ITRS rotated by sidereal time (equator of date), then back to the J2000 axes
            double c = Math.cos(gmst);
            double s = Math.sin(gmst);
            double[] od = {c * itrs[0] - s * itrs[1], s * itrs[0] + c * itrs[1], itrs[2]};
            double[] obs = transposeTimes(p, od);
            double ex = interpolate(x, mjdTdb) * AU + obs[0];
            double ey = interpolate(y, mjdTdb) * AU + obs[1];
            double ez = interpolate(z, mjdTdb) * AU + obs[2];
            double ltt = (ex * n0[0] + ey * n0[1] + ez * n0[2]) / C;
            bmjdTdb[i] = mjdTdb + ltt / 86400.0;

            // target: mean place of date, hour angle from GMST and the east longitude
            double[] nd = times(p, n0);
            double raD = Math.atan2(nd[1], nd[0]);
            double decD = Math.asin(Math.max(-1, Math.min(1, nd[2])));
            double ha = gmst + lon - raD;
            double sinAlt = Math.sin(lat) * Math.sin(decD) + Math.cos(lat) * Math.cos(decD) * Math.cos(ha);
            altDeg[i] = Math.toDegrees(Math.asin(sinAlt));
            airmass[i] = sinAlt > 0 ? 1.0 / sinAlt : Double.NaN;
        }
    }

    /** TT-UTC in seconds on the UTC day of {@code mjdUtc} (leap-second days are not modelled within the day). */
    double ttMinusUtc(double mjdUtc) {
        double day = Math.floor(mjdUtc);
        double v = leapTtUtc[0];
        for (int i = 0; i < leapMjd.length && leapMjd[i] <= day; i++) {
            v = leapTtUtc[i];
        }
        return v;
    }

    private double interpolate(double[] f, double mjd) {
        double u = (mjd - mjd0) / step;
        int i = (int) Math.floor(u) - 1;
        i = Math.max(0, Math.min(f.length - 4, i));
        double t = u - i; // in [1, 2) for interior points
        double l0 = -(t - 1) * (t - 2) * (t - 3) / 6;
        double l1 = t * (t - 2) * (t - 3) / 2;
        double l2 = -t * (t - 1) * (t - 3) / 2;
        double l3 = t * (t - 1) * (t - 2) / 6;
        return l0 * f[i] + l1 * f[i + 1] + l2 * f[i + 2] + l3 * f[i + 3];
    }

    private static double[] geodeticToItrs(double lat, double lon, double h) {
        double e2 = WGS84_F * (2 - WGS84_F);
        double sl = Math.sin(lat);
        double nr = WGS84_A / Math.sqrt(1 - e2 * sl * sl);
        return new double[] {(nr + h) * Math.cos(lat) * Math.cos(lon), (nr + h) * Math.cos(lat) * Math.sin(lon),
                (nr * (1 - e2) + h) * sl};
    }

    /** Greenwich mean sidereal time (IAU 1982), UT1 approximated by UTC. */
    private static double gmstRad(double mjdUtc) {
        double d = mjdUtc - 51544.5;
        double t = d / 36525.0;
        double deg = 280.46061837 + 360.98564736629 * d + 0.000387933 * t * t - t * t * t / 38710000.0;
        return Math.toRadians(((deg % 360) + 360) % 360);
    }

    /** IAU 1976 precession matrix, J2000 mean equator to mean equator of date; t in Julian centuries of TT. */
    static double[][] precession(double t) {
        double zeta = (2306.2181 + (0.30188 + 0.017998 * t) * t) * t * ARCSEC;
        double zz = (2306.2181 + (1.09468 + 0.018203 * t) * t) * t * ARCSEC;
        double theta = (2004.3109 - (0.42665 + 0.041833 * t) * t) * t * ARCSEC;
        double cz = Math.cos(zeta);
        double sz = Math.sin(zeta);
        double cZ = Math.cos(zz);
        double sZ = Math.sin(zz);
        double ct = Math.cos(theta);
        double st = Math.sin(theta);
        return new double[][] {
            {cZ * ct * cz - sZ * sz, -cZ * ct * sz - sZ * cz, -cZ * st},
            {sZ * ct * cz + cZ * sz, -sZ * ct * sz + cZ * cz, -sZ * st},
            {st * cz, -st * sz, ct}};
    }

    private static double[] times(double[][] m, double[] v) {
        return new double[] {m[0][0] * v[0] + m[0][1] * v[1] + m[0][2] * v[2],
            m[1][0] * v[0] + m[1][1] * v[1] + m[1][2] * v[2], m[2][0] * v[0] + m[2][1] * v[1] + m[2][2] * v[2]};
    }

    private static double[] transposeTimes(double[][] m, double[] v) {
        return new double[] {m[0][0] * v[0] + m[1][0] * v[1] + m[2][0] * v[2],
            m[0][1] * v[0] + m[1][1] * v[1] + m[2][1] * v[2], m[0][2] * v[0] + m[1][2] * v[1] + m[2][2] * v[2]};
    }
}
