// SPDX-License-Identifier: EPL-2.0 OR GPL-2.0-or-later
// Copyright (c) 2026 the calphot contributors
package org.calphot.time.internal;

import org.calphot.core.time.Site;
import org.calphot.core.time.SkyPosition;
import org.jastronomy.jsofa.JSOFA;
import org.jastronomy.jsofa.JSOFAIllegalParameter;
import org.jastronomy.jsofa.JSOFAInternalError;

/**
 * The slowly-changing quantities of the time and sky chain, evaluated with jsofa at one TT instant
 * ("a node"). The expensive jsofa calls (epv00 ~26 us, c2i06a ~290 us, dtdb ~40 us each) happen
 * here, per node; the per-frame kernel in {@link SofaTimeCorrector} only interpolates channels and
 * rotates by the Earth rotation angle.
 */
final class NodeModel {

    static final double DJM0 = 2400000.5;
    /** Light time for 1 au, seconds (IAU 2012 au / c), as SOFA's ERFA_AULT. */
    static final double AULT = JSOFA.AULT;
    /** Speed of light, km/s. */
    static final double C_KMS = JSOFA.CMPS / 1000.0;

    // base layout: quantities independent of site and target
    static final int B_EB = 0; // Earth barycentric position, au (3)
    static final int B_VB = 3; // Earth barycentric velocity, au/day (3)
    static final int B_EH = 6; // Earth heliocentric position, au (3)
    static final int B_G = 9; // TDB-TT at the geocentre, s
    static final int B_A = 10; // dtdb topocentric: coefficient of u*sin(tsol), s/km
    static final int B_B = 11; // ... of u*cos(tsol), s/km
    static final int B_C = 12; // ... of v, s/km
    static final int B_C2I = 13; // GCRS->CIRS matrix, row-major (9)
    static final int B_POM = 22; // polar-motion matrix TIRS->ITRS, row-major (9)
    static final int NB = 31;

    // channel layout: per (site, target), what the kernel interpolates
    static final int C_SEB = 0; // s . Earth barycentric position, au
    static final int C_SEH = 1; // s . Earth heliocentric position, au
    static final int C_G = 2;
    static final int C_A = 3;
    static final int C_B = 4;
    static final int C_C = 5;
    static final int C_S = 6; // target unit vector in CIRS (3)
    static final int C_V = 9; // Earth barycentric velocity in CIRS, units of c (3)
    static final int C_P = 12; // geocentric apparent direction of the target in CIRS (3)
    static final int C_R = 15; // site geocentric position in TIRS, km (3)
    static final int C_U = 18; // site zenith (geodetic normal) in TIRS (3)
    static final int NCH = 21;

    private NodeModel() {
    }

    /** Evaluates the base quantities at MJD(TT) {@code ttMjd}. */
    static void base(double ttMjd, EarthOrientation eop, double[] b) {
        double g = JSOFA.jauDtdb(DJM0, ttMjd, 0.0, 0.0, 0.0, 0.0);
        // SOFA dtdb is linear in u and v, and its u terms are sums of sin(tsol + slow phase): three more
        // evaluations give the coefficients, so the per-frame term needs only sin/cos of tsol.
        final double scale = 1000.0; // km; a large lever keeps the differences well above rounding
        b[B_G] = g;
        b[B_A] = (JSOFA.jauDtdb(DJM0, ttMjd, 0.0, 0.5 * Math.PI, scale, 0.0) - g) / scale;
        b[B_B] = (JSOFA.jauDtdb(DJM0, ttMjd, 0.0, 0.0, scale, 0.0) - g) / scale;
        b[B_C] = (JSOFA.jauDtdb(DJM0, ttMjd, 0.0, 0.0, 0.0, scale) - g) / scale;

        // astropy evaluates the builtin ephemeris at TDB
        double[][] pvh = new double[2][3];
        double[][] pvb = new double[2][3];
        JSOFA.jauEpv00(DJM0, ttMjd + g / 86400.0, pvh, pvb);
        System.arraycopy(pvb[0], 0, b, B_EB, 3);
        System.arraycopy(pvb[1], 0, b, B_VB, 3);
        System.arraycopy(pvh[0], 0, b, B_EH, 3);

        double[][] c2i = JSOFA.jauC2i06a(DJM0, ttMjd);
        for (int r = 0; r < 3; r++) {
            System.arraycopy(c2i[r], 0, b, B_C2I + 3 * r, 3);
        }
        double[][] pom;
        if (eop == null) {
            pom = new double[][] {{1, 0, 0}, {0, 1, 0}, {0, 0, 1}};
        } else {
            double[] xy = new double[2];
            eop.polarMotion(ttMjd - 69.184 / 86400.0, xy); // UTC to ~1 s is ample for daily EOP values
            pom = JSOFA.jauPom00(xy[0], xy[1], JSOFA.jauSp00(DJM0, ttMjd));
        }
        for (int r = 0; r < 3; r++) {
            System.arraycopy(pom[r], 0, b, B_POM + 3 * r, 3);
        }
    }

    /** Site-fixed vectors: geocentric position (km) and geodetic zenith in ITRS, plus dtdb's u, v (km). */
    record SiteVectors(double[] rItrsKm, double[] upItrs, double uKm, double vKm, double lonRad, double radiusKm) {

        static SiteVectors of(Site site) {
            double lon = Math.toRadians(site.lonEastDeg());
            double lat = Math.toRadians(site.latDeg());
            double[] xyz;
            try {
                xyz = JSOFA.jauGd2gc(1, lon, lat, site.heightM()); // 1 = WGS84, as astropy's from_geodetic
            } catch (JSOFAIllegalParameter | JSOFAInternalError e) {
                throw new IllegalStateException("jsofa gd2gc failed for " + site, e);
            }
            double[] r = {xyz[0] / 1000.0, xyz[1] / 1000.0, xyz[2] / 1000.0};
            double[] up = {Math.cos(lat) * Math.cos(lon), Math.cos(lat) * Math.sin(lon), Math.sin(lat)};
            return new SiteVectors(r, up, Math.hypot(r[0], r[1]), r[2], lon,
                    Math.sqrt(r[0] * r[0] + r[1] * r[1] + r[2] * r[2]));
        }
    }

    static double[] unitVector(SkyPosition target) {
        double ra = Math.toRadians(target.raDeg());
        double dec = Math.toRadians(target.decDeg());
        return new double[] {Math.cos(dec) * Math.cos(ra), Math.cos(dec) * Math.sin(ra), Math.sin(dec)};
    }

    /** Derives the per-(site, target) channels from base quantities {@code b} into {@code c[off..off+NCH)}. */
    static void channels(double[] b, double[] s, SiteVectors site, double[] c, int off) {
        c[off + C_SEB] = s[0] * b[B_EB] + s[1] * b[B_EB + 1] + s[2] * b[B_EB + 2];
        c[off + C_SEH] = s[0] * b[B_EH] + s[1] * b[B_EH + 1] + s[2] * b[B_EH + 2];
        c[off + C_G] = b[B_G];
        c[off + C_A] = b[B_A];
        c[off + C_B] = b[B_B];
        c[off + C_C] = b[B_C];
        mul(b, B_C2I, s, c, off + C_S);
        double k = AULT / 86400.0; // au/day -> units of c
        double[] v = {b[B_VB] * k, b[B_VB + 1] * k, b[B_VB + 2] * k};
        mul(b, B_C2I, v, c, off + C_V);

        // geocentric apparent direction as SOFA atciq/astropy atciqz: light deflection by the Sun,
        // annual aberration, then bias-precession-nutation (diurnal aberration is added per frame)
        double em = Math.sqrt(b[B_EH] * b[B_EH] + b[B_EH + 1] * b[B_EH + 1] + b[B_EH + 2] * b[B_EH + 2]);
        double[] eh = {b[B_EH] / em, b[B_EH + 1] / em, b[B_EH + 2] / em};
        double[] pnat = JSOFA.jauLdsun(s, eh, em);
        double bm1 = Math.sqrt(1.0 - (v[0] * v[0] + v[1] * v[1] + v[2] * v[2]));
        double[] ppr = JSOFA.jauAb(pnat, v, em, bm1);
        mul(b, B_C2I, ppr, c, off + C_P);

        // TIRS = POM^T * ITRS
        mulT(b, B_POM, site.rItrsKm(), c, off + C_R);
        mulT(b, B_POM, site.upItrs(), c, off + C_U);
    }

    private static void mul(double[] m, int mo, double[] x, double[] out, int o) {
        for (int r = 0; r < 3; r++) {
            out[o + r] = m[mo + 3 * r] * x[0] + m[mo + 3 * r + 1] * x[1] + m[mo + 3 * r + 2] * x[2];
        }
    }

    private static void mulT(double[] m, int mo, double[] x, double[] out, int o) {
        for (int r = 0; r < 3; r++) {
            out[o + r] = m[mo + r] * x[0] + m[mo + 3 + r] * x[1] + m[mo + 6 + r] * x[2];
        }
    }
}
