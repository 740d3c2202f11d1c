// SPDX-License-Identifier: EPL-2.0 OR GPL-2.0-or-later
// Copyright (c) 2026 the calphot contributors
package org.calphot.simulator;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.calphot.core.BadInputException;
import org.calphot.core.CalphotException;
import org.calphot.core.Location;
import org.calphot.core.ProgressMonitor;
import org.calphot.core.Warnings;
import org.calphot.core.catalogue.Catalogue;
import org.calphot.core.catalogue.CatalogueResult;
import org.calphot.core.catalogue.CatalogueStar;
import org.calphot.core.catalogue.QueryOptions;
import org.calphot.core.time.SiteRegistry;
import org.calphot.core.time.TimeCorrector;
import org.calphot.io.JsonWriter;

/** The logic of {@code calphot simulate}: parsed options in, files and a summary out. */
public final class SimulateTool {

    /**
     * Options; a null or NaN value means the instrument's default.
     *
     * @param instrument hipercam | ultracam | ultraspec
     * @param format     hipercam | hipercam-old | hipercam-0.17 | ulog | ulog-nsat
     * @param truthFrames write the per-line truth CSV
     * @param standard   null, or a standard star's name: aperture 1 becomes that constant star, at its catalogue
     *                   position with its catalogue magnitudes (a standard-star run)
     * @param brightSpot    bright-spot flux as a fraction of the white dwarf's (NaN = none)
     * @param flickerRms    flickering rms as a fraction of the disc and bright-spot light (NaN = none)
     * @param flickerIndex  power-law index of the flickering's power spectrum (NaN = 1.5)
     */
    public record Args(String instrument, String format, int frames, long seed, Path out, String run,
            double exposureS, double startMjdUtc, Integer nblue, String target, double t0BmjdTdb, double periodDays,
            double seeingArcsec, double cloudsMag, double junkFraction, double badTimeFraction, double nanFraction,
            boolean truthFrames, boolean json, String standard, double brightSpot, double flickerRms,
            double flickerIndex) {

        /** Without a bright spot or flickering. */
        public Args(String instrument, String format, int frames, long seed, Path out, String run, double exposureS,
                double startMjdUtc, Integer nblue, String target, double t0BmjdTdb, double periodDays,
                double seeingArcsec, double cloudsMag, double junkFraction, double badTimeFraction,
                double nanFraction, boolean truthFrames, boolean json, String standard) {
            this(instrument, format, frames, seed, out, run, exposureS, startMjdUtc, nblue, target, t0BmjdTdb,
                    periodDays, seeingArcsec, cloudsMag, junkFraction, badTimeFraction, nanFraction, truthFrames, json,
                    standard, Double.NaN, Double.NaN, Double.NaN);
        }
    }

    private final TimeCorrector corrector;
    private final SiteRegistry sites;
    private final Catalogue standards;

    public SimulateTool(TimeCorrector corrector, SiteRegistry sites) {
        this(corrector, sites, null);
    }

    /** @param standards the standard-star catalogue, needed only for {@link Args#standard()} */
    public SimulateTool(TimeCorrector corrector, SiteRegistry sites, Catalogue standards) {
        this.corrector = corrector;
        this.sites = sites;
        this.standards = standards;
    }

    /** Builds the spec the options describe (no standard star). */
    public static SimulationSpec spec(Args a) throws BadInputException {
        return builder(a).build();
    }

    /** Builds the spec, resolving {@link Args#standard()} in this tool's standards catalogue. */
    public SimulationSpec resolve(Args a) throws CalphotException {
        SimulationSpec.Builder b = builder(a);
        if (a.standard() != null && !a.standard().isBlank()) {
            if (standards == null) {
                throw new CalphotException("no standard-star catalogue is installed");
            }
            SimulationSpec draft = b.build();
            Instrument inst = draft.instrument();
            LocalDate date = LocalDate.ofEpochDay((long) Math.floor(draft.startMjdUtc()) - 40587L);
            CatalogueResult r = standards.queryByName(a.standard(),
                    QueryOptions.DEFAULTS.withSystem(inst.id(), null, date));
            CatalogueStar star = r.nearest();
            double[] mags = new double[inst.nccd()];
            for (int c = 0; c < mags.length; c++) {
                String f = inst.ccds().get(c).filter();
                int k = bandIndex(r.bands(), f);
                if (k < 0 || !Double.isFinite(star.mag(k))) {
                    throw new BadInputException("standard " + star.id() + " has no " + f + " magnitude in "
                            + r.system() + " (bands " + r.bands() + ")", new Location(null, 0, 0, "--standard"));
                }
                mags[c] = star.mag(k);
            }
            b.standard(star.id(), sexagesimal(star.raDeg(), star.decDeg()), mags);
        }
        return b.build();
    }

    /** The catalogue band of a filter: exact ({@code rs}), else its first letter ({@code r}, {@code r'}). */
    static int bandIndex(List<String> bands, String filter) {
        int k = bands.indexOf(filter);
        if (k < 0) {
            k = bands.indexOf(filter.substring(0, 1));
        }
        if (k < 0) {
            k = bands.indexOf(filter.charAt(0) + "'");
        }
        return k;
    }

    /** {@code hh:mm:ss.sss +dd:mm:ss.ss} of a position in degrees. */
    static String sexagesimal(double raDeg, double decDeg) {
        double h = raDeg / 15.0;
        long rms = Math.round(h * 3600 * 1000); // milliseconds of time
        long dmas = Math.round(Math.abs(decDeg) * 3600 * 100); // centi-arcsec
        return String.format(Locale.ROOT, "%02d:%02d:%06.3f %s%02d:%02d:%05.2f", rms / 3_600_000,
                rms / 60_000 % 60, rms % 60_000 / 1000.0, decDeg < 0 ? "-" : "+", dmas / 360_000, dmas / 6000 % 60,
                dmas % 6000 / 100.0);
    }

    private static SimulationSpec.Builder builder(Args a) throws BadInputException {
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
        if (fmt.isUlog() && inst == Instrument.HIPERCAM) {
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
        if (!Double.isNaN(a.brightSpot())) {
            b.brightSpot(a.brightSpot());
        }
        if (!Double.isNaN(a.flickerRms())) {
            b.flickerRms(a.flickerRms());
        }
        if (!Double.isNaN(a.flickerIndex())) {
            b.flickerIndex(a.flickerIndex());
        }
        return b;
    }

    /** Runs; prints where the files went (or one JSON object); returns the exit code. */
    public int run(Args a, PrintWriter out, ProgressMonitor monitor, Warnings warnings) throws CalphotException {
        SimulationSpec spec = resolve(a);
        Path dir = a.out() == null ? Path.of(".") : a.out();
        Simulator.Result r = new Simulator(sites).write(spec, dir, a.truthFrames(), monitor, warnings);
        if (a.json()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("log", r.log().toString());
            m.put("truth_csv", r.truthCsv() == null ? null : r.truthCsv().toString());
            m.put("truth_json", r.truthJson().toString());
            m.put("config", r.config().toString());
            m.put("eclipse_times", r.eclipseTimes() == null ? null : r.eclipseTimes().toString());
            m.put("standard", spec.constantTarget() ? spec.targetName() : null);
            m.put("instrument", spec.instrument().id());
            m.put("format", spec.format().id());
            m.put("seed", spec.seed());
            m.put("frames", spec.frames());
            m.put("lines", r.lines());
            m.put("log_bytes", r.logBytes());
            m.put("seconds", r.seconds());
            m.put("eclipse_bmjd_tdb", r.eclipseBmjdTdb());
            out.println(JsonWriter.write(m));
        } else {
            out.printf(Locale.ROOT, "simulated %s, %d frames, %d lines, seed %d, format %s (SYNTHETIC DATA)%n",
                    spec.instrument().id(), spec.frames(), r.lines(), spec.seed(), spec.format().id());
            out.printf(Locale.ROOT, "log:    %s (%.1f MB, %.2f s)%n", r.log(), r.logBytes() / 1e6, r.seconds());
            if (r.truthCsv() != null) {
                out.println("truth:  " + r.truthCsv());
            }
            out.println("truth:  " + r.truthJson());
            out.println("config: " + r.config());
            if (spec.constantTarget()) {
                out.println("standard-star run: aperture 1 is " + spec.targetName() + " at " + spec.targetCoords()
                        + ", AB " + java.util.Arrays.toString(spec.wdMag()));
            } else {
                if (r.eclipseTimes() != null) {
                    out.println("eclipse times: " + r.eclipseTimes());
                }
                out.println("true mid-eclipse times (BMJD TDB): " + r.eclipseBmjdTdb());
            }
        }
        out.flush();
        return 0;
    }
}
