package org.calphot.simulator;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import org.calphot.core.BadInputException;
import org.calphot.core.CalphotException;
import org.calphot.core.Location;
import org.calphot.core.ProgressMonitor;
import org.calphot.core.Warnings;
import org.calphot.core.time.SiteRegistry;
import org.calphot.core.time.TimeCorrector;
import org.calphot.core.util.Json;

/** The logic of {@code calphot simulate}: parsed options in, files and a summary out. */
public final class SimulateTool {

    /**
     * Options; a null or NaN value means the instrument's default.
     *
     * @param instrument hipercam | ultracam | ultraspec
     * @param format     hipercam | hipercam-old | ulog
     * @param truthFrames write the per-line truth CSV
     */
    public record Args(String instrument, String format, int frames, long seed, Path out, String run,
            double exposureS, double startMjdUtc, Integer nblue, String target, double t0BmjdTdb, double periodDays,
            double seeingArcsec, double cloudsMag, double junkFraction, double badTimeFraction, double nanFraction,
            boolean truthFrames, boolean json) {
    }

    private final TimeCorrector corrector;
    private final SiteRegistry sites;

    public SimulateTool(TimeCorrector corrector, SiteRegistry sites) {
        this.corrector = corrector;
        this.sites = sites;
    }

    /** Builds the spec the options describe. */
    public static SimulationSpec spec(Args a) throws BadInputException {
        Instrument inst;
        LogFormat fmt;
        try {
            inst = Instrument.parse(a.instrument() == null ? "hipercam" : a.instrument());
        } catch (IllegalArgumentException e) {
            throw new BadInputException(e.getMessage(), new Location(null, 0, 0, "--instrument"));
        }
        try {
            fmt = LogFormat.parse(a.format() == null ? "hipercam" : a.format());
        } catch (IllegalArgumentException e) {
            throw new BadInputException(e.getMessage(), new Location(null, 0, 0, "--format"));
        }
        if (fmt == LogFormat.ULOG && inst == Instrument.HIPERCAM) {
            throw new BadInputException("the ulog format is the C++ ULTRACAM pipeline's: use --instrument ultracam"
                    + " or ultraspec", new Location(null, 0, 0, "--format"));
        }
        SimulationSpec.Builder b = SimulationSpec.defaults(inst).format(fmt).frames(a.frames()).seed(a.seed());
        if (a.run() != null) {
            b.runName(a.run());
        }
        if (!Double.isNaN(a.exposureS())) {
            b.exposureS(a.exposureS());
        }
        if (!Double.isNaN(a.startMjdUtc())) {
            b.startMjdUtc(a.startMjdUtc());
        }
        if (a.nblue() != null) {
            b.nblue(a.nblue());
        }
        if (a.target() != null) {
            b.targetCoords(a.target());
        }
        if (!Double.isNaN(a.t0BmjdTdb())) {
            b.t0BmjdTdb(a.t0BmjdTdb());
        }
        if (!Double.isNaN(a.periodDays())) {
            b.periodDays(a.periodDays());
        }
        if (!Double.isNaN(a.seeingArcsec())) {
            b.seeingArcsec(a.seeingArcsec());
        }
        if (!Double.isNaN(a.cloudsMag())) {
            b.cloudDepthMag(a.cloudsMag());
        }
        if (!Double.isNaN(a.junkFraction())) {
            b.junkFraction(a.junkFraction());
        }
        if (!Double.isNaN(a.badTimeFraction())) {
            b.badTimeFraction(a.badTimeFraction());
        }
        if (!Double.isNaN(a.nanFraction())) {
            b.nanFraction(a.nanFraction());
        }
        return b.build();
    }

    /** Runs; prints where the files went (or one JSON object); returns the exit code. */
    public int run(Args a, PrintWriter out, ProgressMonitor monitor, Warnings warnings) throws CalphotException {
        SimulationSpec spec = spec(a);
        Path dir = a.out() == null ? Path.of(".") : a.out();
        Simulator.Result r = new Simulator(corrector, sites).write(spec, dir, a.truthFrames(), monitor, warnings);
        if (a.json()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("log", r.log().toString());
            m.put("truth_csv", r.truthCsv() == null ? null : r.truthCsv().toString());
            m.put("truth_json", r.truthJson().toString());
            m.put("config", r.config().toString());
            m.put("instrument", spec.instrument().id());
            m.put("format", spec.format().id());
            m.put("seed", spec.seed());
            m.put("frames", spec.frames());
            m.put("lines", r.lines());
            m.put("log_bytes", r.logBytes());
            m.put("seconds", r.seconds());
            m.put("eclipse_bmjd_tdb", r.eclipseBmjdTdb());
            out.println(Json.write(m));
        } else {
            out.printf(Locale.ROOT, "simulated %s, %d frames, %d lines, seed %d, format %s (SYNTHETIC DATA)%n",
                    spec.instrument().id(), spec.frames(), r.lines(), spec.seed(), spec.format().id());
            out.printf(Locale.ROOT, "log:    %s (%.1f MB, %.2f s)%n", r.log(), r.logBytes() / 1e6, r.seconds());
            if (r.truthCsv() != null) {
                out.println("truth:  " + r.truthCsv());
            }
            out.println("truth:  " + r.truthJson());
            out.println("config: " + r.config());
            out.println("true mid-eclipse times (BMJD TDB): " + r.eclipseBmjdTdb());
        }
        out.flush();
        return 0;
    }
}
