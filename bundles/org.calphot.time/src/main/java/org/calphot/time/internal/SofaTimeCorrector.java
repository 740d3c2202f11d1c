// SPDX-License-Identifier: EPL-2.0 OR GPL-2.0-or-later
// Copyright (c) 2026 the calphot contributors
package org.calphot.time.internal;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.IntStream;

import org.calphot.core.BadInputException;
import org.calphot.core.CalphotException;
import org.calphot.core.Location;
import org.calphot.core.Warnings;
import org.calphot.core.time.AirmassFormula;
import org.calphot.core.time.TimeColumns;
import org.calphot.core.time.TimeCorrector;
import org.calphot.core.time.TimeRequest;
import org.jastronomy.jsofa.JSOFA;
import org.osgi.service.component.annotations.Component;

/**
 * MJD(UTC) to BMJD(TDB) with jsofa, following astropy's builtin-ephemeris recipe
 * ({@code (t.tdb + t.light_travel_time(target, 'barycentric')).mjd} with {@code location} set):
 * <ol>
 * <li>UTC -&gt; TAI with SOFA's quasi-JD convention (86401-s leap-second days), TAI -&gt; TT (+32.184 s);</li>
 * <li>TDB - TT by SOFA dtdb with the site's longitude, spin-axis distance u and equatorial height v;</li>
 * <li>Roemer delay s.(E + r)/c: E Earth's barycentre offset from SOFA epv00 (at TDB); r the site's
 * ITRS vector rotated to GCRS (c2i06a, ERA, polar motion) and then, as astropy's GCRS-&gt;ICRS
 * transform does to any vector, with annual aberration removed from its direction (~2 us effect);</li>
 * <li>airless altitude: light deflection, annual + diurnal aberration, c2i06a, ERA, polar motion,
 * geodetic zenith (SOFA atco13 with zero pressure, as astropy's AltAz with pressure 0).</li>
 * </ol>
 * Slow quantities (everything but the Earth rotation angle and the UTC-dependent terms) are
 * evaluated at nodes {@link #STEP_DAYS} apart in TT, aligned to multiples of the step, and
 * interpolated with 4-point Lagrange cubics; a call with fewer frames than nodes evaluates them
 * at each frame instead. Measured interpolation error: see {@code GridInterpolationTest}
 * (&lt; 1 ns in BMJD, &lt; 0.001" in altitude).
 */
@Component(service = TimeCorrector.class, property = "name=sofa")
public final class SofaTimeCorrector implements TimeCorrector {

    /** Node spacing in days (exact in binary, so node times are exact). */
    static final double STEP_DAYS = 0.125;
    private static final int CHUNK = 16384;
    /** Earth rotation rate, rad/s (ERA rate 1.00273781191135448 turns per UT1 day). */
    private static final double OMEGA = 2.0 * Math.PI * 1.00273781191135448 / 86400.0;

    enum Mode { AUTO, GRID, DIRECT }

    private final EarthOrientation eop;
    private final AtomicBoolean staleWarned = new AtomicBoolean();
    private final AtomicBoolean eopWarned = new AtomicBoolean();
    private volatile Mode mode = Mode.AUTO;

    /**
     * With the bundled IERS EOP 14 C04 table (to 2022-11-29), as astropy does offline; outside it UT1-UTC
     * and polar motion are zero (with a warning).
     */
    public SofaTimeCorrector() {
        this(EarthOrientation.builtin());
    }

    /** No Earth-orientation data at all: UT1-UTC and polar motion are zero. */
    static SofaTimeCorrector withoutEarthOrientation() {
        return new SofaTimeCorrector(null);
    }

    SofaTimeCorrector(EarthOrientation eop) {
        this.eop = eop;
    }

    /** Tests force one evaluation path to compare them. */
    void setMode(Mode mode) {
        this.mode = mode;
    }

    @Override
    public TimeCorrector withEarthOrientation(Path iersTable) throws CalphotException {
        return new SofaTimeCorrector(EarthOrientation.read(iersTable));
    }

    @Override
    public Map<String, Object> provenance() {
        LeapSeconds ls = LeapSeconds.get();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("recipe", "astropy builtin: (t.tdb + t.light_travel_time(target, 'barycentric')).mjd, "
                + "observer vector with annual aberration removed as astropy's GCRS->ICRS does");
        m.put("library", "jsofa " + JSOFA.JSOFA_RELEASE + " (SOFA " + JSOFA.SOFA_RELEASE + ")");
        m.put("ephemeris", "SOFA epv00 (astropy 'builtin'; vs DE405 <= 13.4 km, i.e. <= 45 us)");
        m.put("tdb_minus_tt", "SOFA dtdb with site longitude, u, v and UT = UTC day fraction");
        m.put("earth_rotation", "SOFA c2i06a (IAU 2006/2000A, CIO based) + era00 + pom00");
        m.put("leap_seconds", "jsofa dat: last step MJD " + ls.lastChangeMjd() + ", TAI-UTC " + ls.lastDat() + " s");
        m.put("leap_seconds_valid_until_mjd", LeapSeconds.VALID_UNTIL_MJD);
        m.put("leap_seconds_valid_until_source", LeapSeconds.VALID_UNTIL_SOURCE);
        m.put("leap_seconds_stale_warning", staleWarned.get());
        if (eop == null) {
            m.put("earth_orientation", "none: UT1-UTC = 0, polar motion = 0");
        } else {
            m.put("earth_orientation", eop.source() + " (MJD " + eop.firstMjd() + " .. " + eop.lastMjd() + ")");
            m.put("earth_orientation_gap_warning", eopWarned.get());
        }
        m.put("grid_step_days", STEP_DAYS);
        m.put("grid_interpolation", "4-point Lagrange in TT; tested error < 1 ns (BMJD), < 0.001 arcsec (altitude)");
        m.put("neglected", "Shapiro delay (<~20 us), target proper motion/parallax, refraction");
        return m;
    }

    @Override
    public void correct(TimeRequest request, double[] mjdUtc, int from, int to, TimeColumns out, Warnings warnings)
            throws CalphotException {
        if (from < 0 || to > mjdUtc.length || from > to) {
            throw new IllegalArgumentException("bad range [" + from + ", " + to + ") of " + mjdUtc.length);
        }
        Warnings w = warnings == null ? Warnings.IGNORE : warnings;
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        int finite = 0;
        for (int i = from; i < to; i++) {
            double t = mjdUtc[i];
            if (Double.isNaN(t)) {
                continue;
            }
            if (!(t >= LeapSeconds.FIRST_MJD && t < LeapSeconds.LAST_MJD)) {
                throw new BadInputException("MJD(UTC) " + t + " outside the supported range "
                        + LeapSeconds.FIRST_MJD + " (1972-01-01) .. " + LeapSeconds.LAST_MJD + " (2100-01-01)",
                        new Location(null, 0, 0, "mjd_utc[" + i + "]"));
            }
            min = Math.min(min, t);
            max = Math.max(max, t);
            finite++;
        }
        if (finite > 0) {
            if (max >= LeapSeconds.VALID_UNTIL_MJD && staleWarned.compareAndSet(false, true)) {
                w.warn("leap-second table is only known complete before MJD " + (long) LeapSeconds.VALID_UNTIL_MJD
                        + " (2026-06-28, IERS Bulletin C); later times assume TAI-UTC stays "
                        + LeapSeconds.get().lastDat() + " s: check for newly announced leap seconds");
            }
            if (needsEarthRotation(out)) {
                if (eop == null) {
                    if (eopWarned.compareAndSet(false, true)) {
                        w.warn("no Earth-orientation table (--eop): UT1-UTC and polar motion taken as 0, "
                                + "altitude good to ~15 arcsec (timing unaffected)");
                    }
                } else if ((!eop.covers(min) || !eop.covers(max)) && eopWarned.compareAndSet(false, true)) {
                    // |UT1-UTC| < 0.9 s turns the Earth by < 6.6e-5 rad: the site moves < 0.42 km (1.4 us of light
                    // time) and the sky by < 14 arcsec; polar motion (< 0.5 arcsec) adds < 0.05 us
                    w.warn("times outside the Earth-orientation table " + eop.source() + " (MJD " + eop.firstMjd()
                            + " .. " + eop.lastMjd() + "): UT1-UTC and polar motion taken as 0 there, which shifts "
                            + "BMJD(TDB) by at most 1.4 us and altitudes by at most 14 arcsec");
                }
            }
        }
        Prepared p = prepare(request, min, max, finite);
        int n = to - from;
        if (n >= 4 * CHUNK) {
            int chunks = (n + CHUNK - 1) / CHUNK;
            IntStream.range(0, chunks).parallel().forEach(k -> {
                int a = from + k * CHUNK;
                run(p, mjdUtc, a, Math.min(to, a + CHUNK), out);
            });
        } else {
            run(p, mjdUtc, from, to, out);
        }
    }

    private static boolean needsEarthRotation(TimeColumns out) {
        return out.altDeg() != null || out.airmass() != null;
    }

    /** Everything constant over one call. */
    private record Prepared(double[] s, NodeModel.SiteVectors site, AirmassFormula formula, double[] grid,
            long kLo, int nodes, EarthOrientation eop) {
    }

    private Prepared prepare(TimeRequest request, double min, double max, int finite) {
        double[] s = NodeModel.unitVector(request.target());
        NodeModel.SiteVectors site = NodeModel.SiteVectors.of(request.site());
        double[] grid = null;
        long kLo = 0;
        int nodes = 0;
        if (finite > 0) {
            // TT - UTC lies in [42.184, 70) s for 1972..2100 with the present table
            long lo = (long) Math.floor((min + 40.0 / 86400.0) / STEP_DAYS) - 1;
            long hi = (long) Math.floor((max + 71.0 / 86400.0) / STEP_DAYS) + 2;
            long count = hi - lo + 1;
            boolean useGrid = switch (mode) {
                case GRID -> true;
                case DIRECT -> false;
                case AUTO -> count <= finite;
            };
            if (useGrid) {
                kLo = lo;
                nodes = (int) count;
                double[] g = new double[nodes * NodeModel.NCH];
                final long base = lo;
                IntStream range = IntStream.range(0, nodes);
                if (nodes >= 16) {
                    range = range.parallel();
                }
                range.forEach(j -> {
                    double[] b = new double[NodeModel.NB];
                    NodeModel.base((base + j) * STEP_DAYS, eop, b);
                    NodeModel.channels(b, s, site, g, j * NodeModel.NCH);
                });
                grid = g;
            }
        }
        return new Prepared(s, site, request.airmassFormula(), grid, kLo, nodes, eop);
    }

    private static void run(Prepared p, double[] mjdUtc, int from, int to, TimeColumns out) {
        final int nch = NodeModel.NCH;
        final double[] c = new double[nch];
        final double[] b = p.grid == null ? new double[NodeModel.NB] : null;
        final double[] g = p.grid;
        final LeapSeconds leap = LeapSeconds.get();
        final NodeModel.SiteVectors site = p.site;
        final double uKm = site.uKm();
        final double vKm = site.vKm();
        final double lon = site.lonRad();
        final double rn = site.radiusKm();
        final boolean wantAlt = out.altDeg() != null || out.airmass() != null;
        final double[] bmjd = out.bmjdTdb();
        final double[] tdbUtc = out.tdbMinusUtcS();
        final double[] lttB = out.lttBaryS();
        final double[] lttH = out.lttHelioS();
        final double[] hmjd = out.hmjdTdb();
        final double[] alt = out.altDeg();
        final double[] am = out.airmass();
        final AirmassFormula formula = p.formula;
        int lastDay = Integer.MIN_VALUE;
        double dat0 = 0;
        double dleap = 0;
        for (int i = from; i < to; i++) {
            double mjd = mjdUtc[i];
            if (Double.isNaN(mjd)) {
                fillNaN(out, i);
                continue;
            }
            double dayD = Math.floor(mjd);
            int day = (int) dayD;
            double f = mjd - dayD;
            if (day != lastDay) {
                dat0 = leap.datAtStartOf(day);
                dleap = leap.leapAtEndOf(day);
                lastDay = day;
            }
            // TT - UTC; on a leap-second day the fraction spans 86400 + dleap SI seconds
            double ttmu = 32.184 + dat0 + f * dleap;
            double tt = mjd + ttmu / 86400.0;
            if (g != null) {
                double x = tt / STEP_DAYS - p.kLo;
                int k = (int) x;
                double u = x - k;
                int o = (k - 1) * nch;
                double um1 = u - 1.0;
                double um2 = u - 2.0;
                double up1 = u + 1.0;
                double w0 = -u * um1 * um2 / 6.0;
                double w1 = up1 * um1 * um2 / 2.0;
                double w2 = -up1 * u * um2 / 2.0;
                double w3 = up1 * u * um1 / 6.0;
                for (int j = 0; j < nch; j++) {
                    c[j] = w0 * g[o + j] + w1 * g[o + nch + j] + w2 * g[o + 2 * nch + j] + w3 * g[o + 3 * nch + j];
                }
            } else {
                NodeModel.base(tt, p.eop, b);
                NodeModel.channels(b, p.s, site, c, 0);
            }
            // TDB - TT: geocentric series plus SOFA's topocentric terms (UT ~ UTC fraction, as astropy)
            double tsol = f * (2.0 * Math.PI) + lon;
            double tdbmtt = c[NodeModel.C_G] + uKm * (c[NodeModel.C_A] * Math.sin(tsol)
                    + c[NodeModel.C_B] * Math.cos(tsol)) + vKm * c[NodeModel.C_C];

            // Earth rotation angle from UT1 = UTC (quasi-JD) + elapsed leap fraction + (UT1 - UTC)
            double dut1 = p.eop == null ? 0.0 : p.eop.dut1(mjd);
            double era = JSOFA.jauEra00(NodeModel.DJM0 + dayD, f + (f * dleap + dut1) / 86400.0);
            double ce = Math.cos(era);
            double se = Math.sin(era);
            // site vector TIRS -> CIRS (rotation by -ERA about the CIP)
            double rtx = c[NodeModel.C_R];
            double rty = c[NodeModel.C_R + 1];
            double rx = ce * rtx - se * rty;
            double ry = se * rtx + ce * rty;
            double rz = c[NodeModel.C_R + 2];
            double sx = c[NodeModel.C_S];
            double sy = c[NodeModel.C_S + 1];
            double sz = c[NodeModel.C_S + 2];
            double vx = c[NodeModel.C_V];
            double vy = c[NodeModel.C_V + 1];
            double vz = c[NodeModel.C_V + 2];
            double sr = sx * rx + sy * ry + sz * rz;
            double sv = sx * vx + sy * vy + sz * vz;
            double rv = (rx * vx + ry * vy + rz * vz) / rn;
            // astropy's GCRS->ICRS treats the site vector as a direction and removes annual aberration:
            // r' = r - |r| v + r (r^.v) to first order (second order ~1e-10 s)
            double siteS = (sr - rn * sv + sr * rv) / NodeModel.C_KMS;
            double ltt = c[NodeModel.C_SEB] * NodeModel.AULT + siteS;
            double tdbMinusUtc = ttmu + tdbmtt;
            if (bmjd != null) {
                bmjd[i] = mjd + (tdbMinusUtc + ltt) / 86400.0;
            }
            if (tdbUtc != null) {
                tdbUtc[i] = tdbMinusUtc;
            }
            if (lttB != null) {
                lttB[i] = ltt;
            }
            if (lttH != null || hmjd != null) {
                double lh = c[NodeModel.C_SEH] * NodeModel.AULT + siteS;
                if (lttH != null) {
                    lttH[i] = lh;
                }
                if (hmjd != null) {
                    hmjd[i] = mjd + (tdbMinusUtc + lh) / 86400.0;
                }
            }
            if (wantAlt) {
                // diurnal aberration (first order) from the site's velocity omega x r in CIRS
                double wx = -OMEGA * ry / NodeModel.C_KMS;
                double wy = OMEGA * rx / NodeModel.C_KMS;
                double px = c[NodeModel.C_P];
                double py = c[NodeModel.C_P + 1];
                double pz = c[NodeModel.C_P + 2];
                double pw = px * wx + py * wy;
                double qx = px + wx - px * pw;
                double qy = py + wy - py * pw;
                double qz = pz - pz * pw;
                double qn = Math.sqrt(qx * qx + qy * qy + qz * qz);
                // CIRS -> TIRS (rotation by +ERA), then dot with the zenith
                double tx = ce * qx + se * qy;
                double ty = -se * qx + ce * qy;
                double sinAlt = (c[NodeModel.C_U] * tx + c[NodeModel.C_U + 1] * ty + c[NodeModel.C_U + 2] * qz) / qn;
                if (alt != null) {
                    alt[i] = Math.toDegrees(Math.asin(Math.max(-1.0, Math.min(1.0, sinAlt))));
                }
                if (am != null) {
                    am[i] = formula.airmass(sinAlt);
                }
            }
        }
    }

    private static void fillNaN(TimeColumns out, int i) {
        for (double[] a : new double[][] {out.bmjdTdb(), out.tdbMinusUtcS(), out.lttBaryS(), out.lttHelioS(),
                out.hmjdTdb(), out.altDeg(), out.airmass()}) {
            if (a != null) {
                a[i] = Double.NaN;
            }
        }
    }
}
