// SPDX-License-Identifier: EPL-2.0 OR GPL-2.0-or-later
// Copyright (c) 2026 the calphot contributors
package org.calphot.pipeline;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.calphot.core.BadInputException;
import org.calphot.core.CalphotException;
import org.calphot.core.Location;
import org.calphot.core.ProgressMonitor;
import org.calphot.core.Warnings;
import org.calphot.ephemeris.CycleNumbers;
import org.calphot.ephemeris.EclipseTimeTable;
import org.calphot.ephemeris.EclipseTimer;
import org.calphot.ephemeris.EclipseTiming;
import org.calphot.ephemeris.EclipseTimesFile;
import org.calphot.ephemeris.Ephemeris;
import org.calphot.ephemeris.EphemerisFit;
import org.calphot.ephemeris.EphemerisFitter;

/**
 * Eclipse timing of lightcurves, shared by {@code calphot eclipse-times} and {@code calphot run}:
 * which eclipses to time, their cycle numbers from a prior ephemeris, and the eclipse-times file.
 */
public final class EclipseTimes {

    /** Where cal_phot kept its ephemeris files, relative to the output folder. */
    public static final Path FOLDER = Path.of("EPHEMERIS");
    public static final Path FILE = FOLDER.resolve("eclipse_times.txt");
    /** 16 walkers x 4000 steps: 2000 left tau (~40 steps on real data) too close to emcee's 50 tau rule. */
    public static final int TIMING_STEPS = 4000;

    private static final double DAY = 86400.0;

    private EclipseTimes() {
    }

    /**
     * Eclipses timed in one lightcurve and their cycle numbers (0 without a prior ephemeris), and
     * the predicted eclipses that were not timed, with the reason.
     */
    public record Timed(List<EclipseTiming> timings, int[] cycles, List<EclipseTimer.NotTimed> notTimed) {

        public Timed {
            timings = List.copyOf(timings);
            notTimed = List.copyOf(notTimed);
        }

        public Timed(List<EclipseTiming> timings, int[] cycles) {
            this(timings, cycles, List.of());
        }

        public double[] times() {
            return timings.stream().mapToDouble(EclipseTiming::midBmjdTdb).toArray();
        }

        public double[] errors() {
            return timings.stream().mapToDouble(EclipseTiming::error).toArray();
        }
    }

    /**
     * Times the eclipses of one lightcurve: inside the manual window when the options have one;
     * else every eclipse the prior predicts in the data; else the deepest dip. A lightcurve with
     * nothing to time gives an empty result and a warning naming {@code where}.
     *
     * @param prior the ephemeris the cycle numbers come from, or null (cycles 0, as cal_phot wrote)
     */
    public static Timed time(EclipseTimer timer, double[] bmjdTdb, double[] flux, double[] fluxErr, Ephemeris prior,
            EclipseTimer.Options options, ProgressMonitor monitor, Warnings warnings, Location where)
            throws CalphotException {
        List<EclipseTiming> t = new ArrayList<>();
        List<EclipseTimer.NotTimed> not = new ArrayList<>();
        if (options.hasWindow() || prior == null) {
            try {
                t.add(timer.time(bmjdTdb, flux, fluxErr, options, monitor));
            } catch (org.calphot.core.CancelledException e) {
                throw e;
            } catch (CalphotException e) {
                String why = e.getMessage();
                warnings.warn(where, "no eclipse timed" + (options.hasWindow() ? " inside the window" : "") + ": "
                        + why);
                double mid = options.hasWindow() ? 0.5 * (options.windowStart() + options.windowEnd()) : Double.NaN;
                long cycle = prior != null && Double.isFinite(mid) ? prior.nearestCycle(mid) : 0;
                not.add(new EclipseTimer.NotTimed(cycle, mid, why));
            }
        } else {
            EclipseTimer.Survey s = timer.survey(bmjdTdb, flux, fluxErr, prior, options, monitor);
            t.addAll(s.timed());
            not.addAll(s.notTimed());
            for (EclipseTimer.NotTimed n : s.notTimed()) {
                warnings.warn(where, String.format(Locale.ROOT, "eclipse E = %d (predicted BMJD %.6f) not timed: %s",
                        n.cycle(), n.predictedBmjdTdb(), n.reason()));
            }
            if (t.isEmpty() && not.isEmpty()) {
                warnings.warn(where, "no eclipse timed: the prior ephemeris predicts no eclipse in the data");
            }
        }
        double[] times = t.stream().mapToDouble(EclipseTiming::midBmjdTdb).toArray();
        int[] cycles;
        if (prior != null) {
            Warnings located = (loc, msg) -> warnings.warn(where, msg);
            cycles = CycleNumbers.assign(times, prior, located);
        } else {
            cycles = new int[times.length];
        }
        for (EclipseTiming e : t) {
            if (e.warning() != null) {
                warnings.warn(where, String.format(Locale.ROOT, "eclipse at BMJD %.6f: %s", e.midBmjdTdb(),
                        e.warning()));
            }
        }
        return new Timed(t, cycles, not);
    }

    /**
     * The ephemeris cycle numbers come from: the given one, else a least-squares fit of the
     * existing eclipse times when they span at least two cycles, else null.
     */
    public static Ephemeris prior(Ephemeris given, EclipseTimeTable existing) {
        return prior(given, existing, Warnings.IGNORE, Location.NONE);
    }

    /** As {@link #prior(Ephemeris, EclipseTimeTable)}; a least-squares fit that fails is a warning at {@code where}. */
    public static Ephemeris prior(Ephemeris given, EclipseTimeTable existing, Warnings warnings, Location where) {
        if (given != null) {
            return given;
        }
        if (existing == null || existing.size() < 2) {
            return null;
        }
        int c0 = existing.cycles()[0];
        boolean spread = false;
        for (int c : existing.cycles()) {
            spread |= c != c0;
        }
        if (!spread) {
            return null;
        }
        try {
            EphemerisFit f = EphemerisFitter.create().fitLeastSquares(existing);
            return f.ephemeris();
        } catch (CalphotException | IllegalArgumentException e) {
            warnings.warn(where, "the least-squares ephemeris of the " + existing.size() + " eclipse times failed ("
                    + e.getMessage() + "): no prior ephemeris, cycle numbers are not assigned");
            return null;
        }
    }

    /** The eclipse-times file if it exists, else an empty table. */
    public static EclipseTimeTable readOrEmpty(Path file, Warnings warnings) throws CalphotException {
        return file != null && Files.isRegularFile(file) ? EclipseTimesFile.read(file, warnings)
                : EclipseTimeTable.empty();
    }

    /**
     * The source name of a log in the eclipse-times file: its path relative to {@code base} when
     * it lies below it, else as given (cal_phot asked the user to type one).
     */
    public static String sourceName(Path log, Path base) {
        Path abs = log.toAbsolutePath().normalize();
        if (base != null) {
            Path b = base.toAbsolutePath().normalize();
            if (abs.startsWith(b)) {
                return b.relativize(abs).toString();
            }
        }
        return log.normalize().toString();
    }

    /** Figure file stem of one eclipse: {@code <log stem>_E<cycle>}, or the time when there is no cycle. */
    public static String figureStem(Path log, int cycle, double bmjdTdb, boolean hasCycle) {
        String name = log.getFileName().toString();
        if (name.endsWith(".log")) {
            name = name.substring(0, name.length() - 4);
        }
        return hasCycle ? name + "_E" + cycle : String.format(Locale.ROOT, "%s_%.5f", name, bmjdTdb);
    }

    /** O - C of a time against an ephemeris at a cycle, seconds. */
    public static double ocSeconds(double bmjdTdb, Ephemeris e, int cycle) {
        return (bmjdTdb - e.predict(cycle)) * DAY;
    }

    /**
     * Signal-to-noise of the deepest dip: (median - minimum) of the 7-point running median over the
     * median error; NaN without data. Chooses the CCD to time on (HiPERCAM's first CCD is u, the noisiest).
     */
    public static double eclipseSnr(double[] bmjdTdb, double[] flux, double[] err) {
        List<double[]> ok = new ArrayList<>();
        for (int i = 0; i < flux.length; i++) {
            if (Double.isFinite(bmjdTdb[i]) && Double.isFinite(flux[i]) && Double.isFinite(err[i]) && err[i] > 0) {
                ok.add(new double[] {bmjdTdb[i], flux[i], err[i]});
            }
        }
        int n = ok.size();
        if (n < 15) {
            return Double.NaN;
        }
        ok.sort((a, b) -> Double.compare(a[0], b[0]));
        double[] sm = new double[n];
        double[] es = new double[n];
        double[] buf = new double[7];
        for (int i = 0; i < n; i++) {
            int a = Math.max(0, i - 3);
            int b = Math.min(n - 1, i + 3);
            for (int k = a; k <= b; k++) {
                buf[k - a] = ok.get(k)[1];
            }
            java.util.Arrays.sort(buf, 0, b - a + 1);
            sm[i] = buf[(b - a) / 2];
            es[i] = ok.get(i)[2];
        }
        double min = Double.POSITIVE_INFINITY;
        for (double v : sm) {
            min = Math.min(min, v);
        }
        double[] sorted = sm.clone();
        java.util.Arrays.sort(sorted);
        java.util.Arrays.sort(es);
        return (sorted[n / 2] - min) / es[n / 2];
    }

    /** One timed eclipse as the JSON object of {@code eclipse-times --json} and provenance. */
    public static java.util.Map<String, Object> json(String log, String ccd, String band, Object cycle,
            EclipseTiming e, double ocSeconds) {
        java.util.Map<String, Object> m = new java.util.LinkedHashMap<>();
        m.put("log", log);
        m.put("ccd", ccd);
        m.put("band", band);
        m.put("model", e.model());
        m.put("cycle", cycle);
        m.put("bmjd_tdb", e.midBmjdTdb());
        m.put("err_white_s", finite(e.errWhite() * DAY));
        m.put("err_red_s", finite(e.errRed() * DAY));
        m.put("err_s", finite(e.error() * DAY));
        m.put("err_method", e.errMethod());
        m.put("oc_s", finite(ocSeconds));
        m.put("chi2_nu", finite(e.reducedChi2()));
        m.put("points", e.nPoints());
        if (e.hasContacts()) {
            m.put("ingress_bmjd_tdb", e.ingressBmjdTdb());
            m.put("ingress_err_s", finite(e.ingressErr() * DAY));
            m.put("egress_bmjd_tdb", e.egressBmjdTdb());
            m.put("egress_err_s", finite(e.egressErr() * DAY));
            m.put("wd_width_s", finite(e.wdWidth() * DAY));
        }
        return m;
    }

    private static Double finite(double v) {
        return Double.isFinite(v) ? v : null;
    }
}
