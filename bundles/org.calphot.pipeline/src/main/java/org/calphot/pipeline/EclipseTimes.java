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

    private static final double DAY = 86400.0;

    private EclipseTimes() {
    }

    /** Eclipses timed in one lightcurve and their cycle numbers (0 without a prior ephemeris). */
    public record Timed(List<EclipseTiming> timings, int[] cycles) {

        public Timed {
            timings = List.copyOf(timings);
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
        if (options.hasWindow() || prior == null) {
            try {
                t.add(timer.time(bmjdTdb, flux, fluxErr, options, monitor));
            } catch (BadInputException e) {
                warnings.warn(where, "no eclipse timed" + (options.hasWindow() ? " inside the window" : "") + ": "
                        + e.getMessage());
            }
        } else {
            t.addAll(timer.timeAll(bmjdTdb, flux, fluxErr, prior, options, monitor));
            if (t.isEmpty()) {
                warnings.warn(where, "no eclipse timed: none of the eclipses the prior ephemeris predicts in the data"
                        + " is covered with a clear dip (try --window)");
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
        return new Timed(t, cycles);
    }

    /**
     * The ephemeris cycle numbers come from: the given one, else a least-squares fit of the
     * existing eclipse times when they span at least two cycles, else null.
     */
    public static Ephemeris prior(Ephemeris given, EclipseTimeTable existing) {
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
}
