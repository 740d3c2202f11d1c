// SPDX-License-Identifier: EPL-2.0 OR GPL-2.0-or-later
// Copyright (c) 2026 the calphot contributors
package org.calphot.simulator;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.calphot.core.BadInputException;
import org.calphot.core.CalphotException;
import org.calphot.core.CancelledException;
import org.calphot.core.Location;
import org.calphot.core.ProgressMonitor;
import org.calphot.core.Warnings;
import org.calphot.core.time.Site;
import org.calphot.core.time.SiteRegistry;
import org.calphot.core.time.SkyPosition;
import org.calphot.core.time.TimeColumns;
import org.calphot.core.time.TimeCorrector;
import org.calphot.simulator.internal.ByteOut;
import org.calphot.simulator.internal.ConfigWriter;
import org.calphot.simulator.internal.Flicker;
import org.calphot.simulator.internal.HipercamLogWriter;
import org.calphot.simulator.internal.Layout;
import org.calphot.simulator.internal.LineWriter;
import org.calphot.simulator.internal.SplitMix;
import org.calphot.simulator.internal.TruthWriter;
import org.calphot.simulator.internal.UlogWriter;

/**
 * Simulates *CAM photometry of an eclipsing white-dwarf binary and its comparison stars, and writes
 * the log, a truth file and a matching cal_phot config.
 * <p>
 * Model, per line (one CCD of one exposure): frame times from the start, exposure and dead time
 * (ULTRACAM's u-band CCD read every {@code nblue} frames, co-adding them); BMJD(TDB), altitude and
 * airmass (sec z) from an independent {@link SkyTruth}, never calphot's time service; target flux = exposure-mean of
 * {@link EclipseModel}; counts = T(t) * texp * F / 3631 Jy * 10^(0.4 (ZP - k X)) with T grey clouds;
 * seeing FWHM = s0 (1 + 0.15 sin) X^0.6 (lambda / 6200 A)^-0.2 with 3 % frame jitter; apertures
 * scaled with the FWHM; noise: Gaussian approximation of Poisson (counts / gain, ADU^2) + sky and
 * read noise over the aperture, plus the sky estimate's own error; peak pixel from a Gaussian PSF
 * plus bias and sky sets {@code cmax} and the pipeline's non-linear/saturation flags. Frame 1 and
 * the last frame have MJDok = 0 (ULTRASPEC also frame 2 and a 0.5-s frame 1 time-stamped after frame
 * 2; ULTRACAM a 0.0005-s junk frame 1 with no FWHM), plus random bad-time frames, JUNK points (a
 * cosmic ray added to one aperture) and failed extractions (NO_EXTRACTION, counts nan).
 * <p>
 * Randomness comes from {@link SplitMix} streams derived from the seed, drawn in a fixed order that
 * does not depend on the format, so the three formats of one seed describe the same data.
 */
public final class Simulator {

    /** Receives each line in log order (frame, then CCD). */
    @FunctionalInterface
    public interface LineSink {
        void line(SimulatedLine line) throws IOException;
    }

    private static final int CHUNK = 4096;
    private static final double BIAS = 1000.0;

    private final SkyTruth truth;
    private final SiteRegistry sites;

    /** A simulator whose times and airmasses come from {@link SkyTruth#independent()}. */
    public Simulator(SiteRegistry sites) {
        this(SkyTruth.independent(), sites);
    }

    /** A simulator with the given source of true times and airmasses. */
    public Simulator(SkyTruth truth, SiteRegistry sites) {
        this.truth = truth;
        this.sites = sites;
    }

    /**
     * Kept for callers of the first version: the corrector is no longer used, the truth must not come from the time
     * service under test ({@link SkyTruth#independent()} is used).
     *
     * @deprecated use {@link #Simulator(SiteRegistry)}
     */
    @Deprecated
    public Simulator(TimeCorrector corrector, SiteRegistry sites) {
        this(sites);
    }

    /** Where this simulator's true times and airmasses come from. */
    public SkyTruth truth() {
        return truth;
    }

    /** What {@link #generate} saw: BMJD range of the lines and the line count. */
    public record Summary(long lines, double firstBmjdTdb, double lastBmjdTdb, Site site, SkyPosition target,
            double minAirmass, double maxAirmass, String truthSource) {

        /** True mid-eclipse times (BMJD TDB) between the first and last line. */
        public List<Double> eclipses(SimulationSpec spec) {
            List<Double> out = new ArrayList<>();
            if (spec.constantTarget()) {
                return out;
            }
            long e0 = (long) Math.ceil((firstBmjdTdb - spec.t0BmjdTdb()) / spec.periodDays());
            long e1 = (long) Math.floor((lastBmjdTdb - spec.t0BmjdTdb()) / spec.periodDays());
            for (long e = e0; e <= e1; e++) {
                out.add(spec.t0BmjdTdb() + e * spec.periodDays());
            }
            return out;
        }

        /** Cycle numbers of {@link #eclipses}. */
        public List<Long> cycles(SimulationSpec spec) {
            List<Long> out = new ArrayList<>();
            if (spec.constantTarget()) {
                return out;
            }
            long e0 = (long) Math.ceil((firstBmjdTdb - spec.t0BmjdTdb()) / spec.periodDays());
            long e1 = (long) Math.floor((lastBmjdTdb - spec.t0BmjdTdb()) / spec.periodDays());
            for (long e = e0; e <= e1; e++) {
                out.add(e);
            }
            return out;
        }
    }

    /** Files written by {@link #write}. */
    public record Result(Path log, Path truthCsv, Path truthJson, Path config, long logBytes, long lines,
            List<Double> eclipseBmjdTdb, double seconds, Path eclipseTimes) {
    }

    /**
     * Writes {@code <run>.log}, {@code <run>.truth.csv}, {@code <run>.truth.json},
     * {@code <run>.eclipse_times.txt} (when the run covers an eclipse) and {@code calphot.yaml} into
     * {@code outDir} (created if needed; files replaced atomically).
     *
     * @param truthFrames false to skip the per-line truth CSV (benchmark inputs); the JSON summary is always written
     */
    public Result write(SimulationSpec spec, Path outDir, boolean truthFrames, ProgressMonitor monitor,
            Warnings warnings) throws CalphotException {
        long t0 = System.nanoTime();
        Path log = outDir.resolve(spec.runName() + ".log");
        Path csv = outDir.resolve(spec.runName() + ".truth.csv");
        Path json = outDir.resolve(spec.runName() + ".truth.json");
        Path yaml = outDir.resolve("calphot.yaml");
        Layout layout = new Layout(spec);
        Path tmpLog = null;
        Path tmpCsv = null;
        try {
            Files.createDirectories(outDir);
            // temporary siblings with the default permissions (createTempFile would make them owner-only)
            String tag = "." + ProcessHandle.current().pid() + "-" + System.nanoTime() + ".tmp";
            tmpLog = outDir.resolve("." + log.getFileName() + tag);
            tmpCsv = truthFrames ? outDir.resolve("." + csv.getFileName() + tag) : null;
            Summary summary;
            try (OutputStream lo = new BufferedOutputStream(Files.newOutputStream(tmpLog), 1 << 20);
                    OutputStream co = tmpCsv == null ? OutputStream.nullOutputStream()
                            : new BufferedOutputStream(Files.newOutputStream(tmpCsv), 1 << 20)) {
                LineWriter lw = spec.format().isUlog() ? new UlogWriter(spec, layout, lo)
                        : new HipercamLogWriter(spec, layout, lo);
                TruthWriter tw = tmpCsv == null ? null : new TruthWriter(spec, co);
                lw.header();
                if (tw != null) {
                    tw.header();
                }
                summary = generate(spec, layout, line -> {
                    lw.line(line);
                    if (tw != null) {
                        tw.line(line);
                    }
                }, monitor, warnings);
                lw.finish();
                if (tw != null) {
                    tw.finish();
                }
            }
            move(tmpLog, log);
            tmpLog = null;
            if (tmpCsv != null) {
                move(tmpCsv, csv);
                tmpCsv = null;
            } else {
                Files.deleteIfExists(csv);
            }
            List<Double> ecl = summary.eclipses(spec);
            org.calphot.core.util.AtomicFiles.writeString(json,
                    TruthWriter.summaryJson(spec, summary, log.getFileName().toString(),
                            truthFrames ? csv.getFileName().toString() : null));
            org.calphot.core.util.AtomicFiles.writeString(yaml, ConfigWriter.yaml(spec, log.getFileName().toString()));
            Path times = outDir.resolve(spec.runName() + ".eclipse_times.txt");
            if (ecl.isEmpty()) {
                Files.deleteIfExists(times);
                times = null;
            } else {
                org.calphot.core.util.AtomicFiles.writeString(times, TruthWriter.eclipseTimes(spec, summary));
            }
            return new Result(log, truthFrames ? csv : null, json, yaml, Files.size(log), summary.lines(), ecl,
                    (System.nanoTime() - t0) * 1e-9, times);
        } catch (IOException e) {
            throw new CalphotException("cannot write simulated files: " + e.getMessage(), Location.of(outDir.toString()),
                    e);
        } finally {
            deleteQuietly(tmpLog);
            deleteQuietly(tmpCsv);
        }
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, java.nio.file.StandardCopyOption.ATOMIC_MOVE,
                    java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        } catch (java.nio.file.AtomicMoveNotSupportedException e) {
            Files.move(from, to, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private static void deleteQuietly(Path p) {
        if (p != null) {
            try {
                Files.deleteIfExists(p);
            } catch (IOException ignored) {
                // best effort: a stray temporary file is harmless
            }
        }
    }

    /** Generates the lines without writing anything (tests, other sinks). */
    public Summary generate(SimulationSpec spec, LineSink sink, ProgressMonitor monitor, Warnings warnings)
            throws CalphotException {
        try {
            return generate(spec, new Layout(spec), sink, monitor, warnings);
        } catch (IOException e) {
            throw new CalphotException("line sink failed: " + e.getMessage(), e);
        }
    }

    private Summary generate(SimulationSpec spec, Layout layout, LineSink sink, ProgressMonitor monitor,
            Warnings warnings) throws CalphotException, IOException {
        ProgressMonitor pm = monitor == null ? ProgressMonitor.NULL : monitor;
        Warnings w = warnings == null ? Warnings.IGNORE : warnings;
        Site site = sites.lookup(spec.site(), new Location(null, 0, 0, "observatory"), w);
        SkyPosition target = SkyPosition.parse(spec.targetCoords(), new Location(null, 0, 0, "target coords"));
        Instrument inst = spec.instrument();
        int nccd = inst.nccd();
        double[] wdMjy = new double[nccd];
        double[] secMjy = new double[nccd];
        double[][] compMjy = new double[nccd][];
        double[] zpFactor = new double[nccd];
        double[] bandSeeing = new double[nccd];
        for (int c = 0; c < nccd; c++) {
            wdMjy[c] = EclipseModel.abToMilliJansky(spec.wdMag()[c]);
            secMjy[c] = EclipseModel.abToMilliJansky(spec.secMag()[c]);
            compMjy[c] = new double[spec.ncomp(c)];
            for (int j = 0; j < spec.ncomp(c); j++) {
                compMjy[c][j] = EclipseModel.abToMilliJansky(spec.compMags()[c][j]);
            }
            zpFactor[c] = StrictMath.pow(10.0, 0.4 * spec.zeroPoints()[c]) / 3631.0e3;
            bandSeeing[c] = StrictMath.pow(inst.ccds().get(c).lambdaA() / 6200.0, -0.2);
        }

        Weather weather = Weather.draw(spec.seed());

        SplitMix rng = SplitMix.stream(spec.seed(), 1);
        // one buffer per CCD: CCDs may have different numbers of apertures
        SimulatedLine[] ccdLines = new SimulatedLine[nccd];
        for (int c = 0; c < nccd; c++) {
            ccdLines[c] = new SimulatedLine(spec.naps(c));
        }
        Flicker flicker = spec.flickerRms() > 0 ? new Flicker(spec.seed(), spec.flickerRms(), spec.flickerIndex(),
                spec.t0BmjdTdb(), spec.frames() * spec.cycleS(), spec.cycleS()) : null;

        double cycleDays = spec.cycleS() / 86400.0;
        double expDays = spec.exposureS() / 86400.0;
        int frames = spec.frames();
        pm.begin("simulating " + frames + " frames", frames);

        // per-chunk line lists
        int maxLines = CHUNK * nccd;
        int[] lFrame = new int[maxLines];
        int[] lCcd = new int[maxLines];
        double[] lMjd = new double[maxLines];
        double[] lExp = new double[maxLines];
        boolean[] lOk = new boolean[maxLines];
        TimeColumns tc = TimeColumns.barycentric(maxLines);
        double[] frameJitter = new double[CHUNK + 1];
        double[][] frameU = new double[CHUNK + 1][6];

        long lines = 0;
        double firstB = Double.NaN;
        double lastB = Double.NaN;
        double minX = Double.POSITIVE_INFINITY;
        double maxX = Double.NEGATIVE_INFINITY;

        for (int f0 = 1; f0 <= frames; f0 += CHUNK) {
            if (pm.isCanceled()) {
                throw new CancelledException();
            }
            int f1 = Math.min(frames, f0 + CHUNK - 1);
            int nl = frameLines(spec, f0, f1, cycleDays, expDays, rng, frameJitter, frameU, lFrame, lCcd, lMjd, lExp,
                    lOk);
            truth.compute(site, target, lMjd, 0, nl, tc.bmjdTdb(), tc.altDeg(), tc.airmass());

            for (int l = 0; l < nl; l++) {
                int n = lFrame[l];
                int c = lCcd[l];
                double[] fu = frameU[n - f0];
                double X = tc.airmass()[l];
                if (!(X >= 1.0) || !(X < 40)) {
                    throw new BadInputException("target below the horizon (altitude " + tc.altDeg()[l]
                            + " deg) at MJD(UTC) " + lMjd[l] + "; the run lasts "
                            + String.format(java.util.Locale.ROOT, "%.2f", frames * spec.cycleS() / 3600)
                            + " h: shorten it (frames, exposure) or choose another start time or target",
                            new Location(null, 0, 0, "start"));
                }
                double tDays = lMjd[l] - spec.startMjdUtc();
                SimulatedLine line = ccdLines[c];
                line.flicker = flicker == null ? 0 : flicker.mean(tc.bmjdTdb()[l], lExp[l]);
                fill(spec, inst, layout, line, rng, c, n, lMjd[l], lExp[l], lOk[l], tc.bmjdTdb()[l], X,
                        tc.altDeg()[l], tDays, fu, frameJitter[n - f0], wdMjy[c], secMjy[c], compMjy[c], zpFactor[c],
                        bandSeeing[c], weather);
                sink.line(line);
                lines++;
                if (Double.isNaN(firstB)) {
                    firstB = line.bmjdTdb;
                }
                firstB = Math.min(firstB, line.bmjdTdb);
                lastB = Double.isNaN(lastB) ? line.bmjdTdb : Math.max(lastB, line.bmjdTdb);
                minX = Math.min(minX, X);
                maxX = Math.max(maxX, X);
            }
            pm.worked(f1 - f0 + 1);
        }
        return new Summary(lines, firstB, lastB, site, target, minX, maxX, truth.source());
    }

    /**
     * The lines of frames f0..f1 (one per CCD, the blue CCD only on its co-add frames) with their mid-times,
     * exposures and time flags; draws the per-frame random numbers, always the same number whatever happens to the
     * frame. Returns the number of lines.
     */
    private static int frameLines(SimulationSpec spec, int f0, int f1, double cycleDays, double expDays, SplitMix rng,
            double[] frameJitter, double[][] frameU, int[] lFrame, int[] lCcd, double[] lMjd, double[] lExp,
            boolean[] lOk) {
        Instrument inst = spec.instrument();
        int nccd = inst.nccd();
        int blue = spec.nblue() > 1 ? inst.blueIndex() : -1;
        int nblue = spec.nblue();
        int frames = spec.frames();
        int nl = 0;
        for (int n = f0; n <= f1; n++) {
            // per-frame draws, always the same number whatever happens to the frame
            frameJitter[n - f0] = rng.gaussian();
            for (int k = 0; k < 6; k++) {
                frameU[n - f0][k] = rng.uniform();
            }
            double start = spec.startMjdUtc() + (n - 1) * cycleDays;
            boolean ok = n != 1 && n != frames && frameU[n - f0][0] >= spec.badTimeFraction();
            for (int c = 0; c < nccd; c++) {
                double mid;
                double exp;
                boolean lineOk = ok;
                if (c == blue) {
                    if (n % nblue != 0) {
                        continue;
                    }
                    double first = spec.startMjdUtc() + (n - nblue) * cycleDays;
                    mid = 0.5 * (first + start + expDays);
                    exp = nblue * spec.exposureS() + (nblue - 1) * inst.deadTime();
                    if (n == nblue) {
                        // the first co-add contains the 0.0005-s junk frame 1
                        exp = (nblue - 1) * (spec.exposureS() + inst.deadTime()) + 0.0005;
                        mid = start + expDays - 0.5 * exp / 86400.0;
                        lineOk = false;
                    }
                } else {
                    mid = start + 0.5 * expDays;
                    exp = spec.exposureS();
                    if (n == 1 && inst == Instrument.ULTRACAM) {
                        exp = 0.0005;
                        mid = start + 0.5 * exp / 86400.0;
                    } else if (n == 1 && inst == Instrument.ULTRASPEC && frames > 1) {
                        // as in the real DP Leo log: 0.5 s, stamped 1.7 s after frame 2's mid-time
                        exp = 0.5;
                        mid = start + cycleDays + 0.5 * expDays + 1.7 / 86400.0;
                    }
                    if (n == 2 && inst == Instrument.ULTRASPEC) {
                        lineOk = false;
                    }
                }
                lFrame[nl] = n;
                lCcd[nl] = c;
                lMjd[nl] = mid;
                lExp[nl] = exp;
                lOk[nl] = lineOk;
                nl++;
            }
        }
        return nl;
    }

    private static void fill(SimulationSpec spec, Instrument inst, Layout layout, SimulatedLine L, SplitMix rng,
            int c, int n, double mjd, double exp, boolean ok, double bmjd, double X, double alt, double tDays,
            double[] fu, double jitter, double wdMjy, double secMjy, double[] compMjy, double zpFactor,
            double bandSeeing, Weather weather) {
        double[] cloudTau = weather.cloudTau();
        double[] cloudPhi = weather.cloudPhi();
        double seeTau = weather.seeTau();
        double seePhi = weather.seePhi();
        double driftTau = weather.driftTau();
        double driftPhi = weather.driftPhi();
        Instrument.Ccd ccd = inst.ccds().get(c);
        int naps = L.naps();
        L.ccdIndex = c;
        L.ccdLabel = ccd.label();
        L.nframe = n;
        // GPS satellites in view, written only by the pre-2010 ULTRACAM pipeline (ulog-nsat)
        L.nsat = 4 + (int) (fu[5] * 6);
        L.mjdUtc = mjd;
        L.mjdOk = ok;
        L.exptimS = exp;
        L.bmjdTdb = bmjd;
        L.airmass = X;
        L.altDeg = alt;
        double ph = (bmjd - spec.t0BmjdTdb()) / spec.periodDays();
        L.phase = ph - Math.rint(ph);

        // grey clouds: depth * max(0, mean of three sinusoids), in magnitudes
        double transp = 1.0;
        if (spec.cloudDepthMag() > 0) {
            double s = 0;
            for (int k = 0; k < 3; k++) {
                s += StrictMath.sin(2 * Math.PI * tDays / cloudTau[k] + cloudPhi[k]);
            }
            transp = StrictMath.pow(10.0, -0.4 * spec.cloudDepthMag() * Math.max(0, s / 3));
        }
        L.transparency = transp;

        double seeing = spec.seeingArcsec() * (1 + 0.15 * StrictMath.sin(2 * Math.PI * tDays / seeTau + seePhi))
                * StrictMath.pow(X, 0.6) * bandSeeing * (1 + 0.03 * jitter);
        double fwhmPx = seeing / inst.scale();
        L.fwhmPx = fwhmPx;
        double driftX = 1.5 * StrictMath.sin(2 * Math.PI * tDays / driftTau + driftPhi);
        double driftY = 1.0 * StrictMath.cos(2 * Math.PI * tDays / driftTau + driftPhi);

        double rt = Layout.clamp(Layout.RT * fwhmPx, Layout.RT_MIN, Layout.RT_MAX);
        double r2 = Layout.clamp(Layout.R2 * fwhmPx, Layout.R2_MIN, Layout.R2_MAX);
        double r3 = Layout.clamp(Layout.R3 * fwhmPx, Math.max(Layout.R3_MIN, r2 + 3), Layout.R3_MAX);
        double area = Math.PI * rt * rt;
        int skyPix = (int) Math.round(Math.PI * (r3 * r3 - r2 * r2));
        double skyLevel = spec.skyRates()[c] * exp * StrictMath.pow(X, 0.3);
        double gain = inst.gain();
        double ron2 = inst.readout() * inst.readout();
        double pixVar = skyLevel / gain + ron2;
        double peakFrac = 4 * Math.log(2) / (Math.PI * fwhmPx * fwhmPx);
        double extinct = StrictMath.pow(10.0, -0.4 * spec.extinction()[c] * X);
        double scaleC = transp * exp * zpFactor * extinct;

        double targetMjy = spec.constantTarget() ? wdMjy : spec.cvExtras()
                ? EclipseModel.cvMilliJansky(spec, bmjd, exp, wdMjy, secMjy, L.flicker)
                : EclipseModel.targetMilliJansky(bmjd, exp, spec.t0BmjdTdb(), spec.periodDays(),
                spec.eclipseWidthPhase(), spec.ingressPhase(), wdMjy, secMjy, spec.secAmplitude(), spec.humpPhase());

        boolean junkFrame = n > 1 && fu[1] < spec.junkFraction();
        int junkCcd = (int) (fu[2] * spec.instrument().nccd());
        int junkAp = (int) (fu[3] * naps);
        boolean noFwhm = n == 1 && inst == Instrument.ULTRACAM;

        double fwSum = 0;
        int fwN = 0;
        Optics o = new Optics(fwhmPx, driftX, driftY, area, skyPix, skyLevel, gain, pixVar, peakFrac, scaleC);
        for (int a = 0; a < naps; a++) {
            double fitted = aperture(spec, ccd, layout, L, rng, c, a, o, targetMjy, compMjy, junkFrame && c == junkCcd
                    && a == junkAp, fu, noFwhm);
            if (a != 0) {
                fwSum += fitted;
                fwN++;
            }
        }
        L.mfwhm = noFwhm || fwN == 0 ? Double.NaN : fwSum / fwN;
        L.mbeta = noFwhm ? Double.NaN : -1.0;
    }

    /** What one frame of one CCD looks like through the atmosphere and the optics, shared by its apertures. */
    private record Optics(double fwhmPx, double driftX, double driftY, double area, int skyPix, double skyLevel,
            double gain, double pixVar, double peakFrac, double scaleC) {
    }

    /**
     * Aperture a of one line: counts, sky, position, FWHM and flags, with a fixed number of random draws. Returns the
     * fitted FWHM (NaN for the target, which is linked and not fitted) for the line's mean FWHM.
     */
    private static double aperture(SimulationSpec spec, Instrument.Ccd ccd, Layout layout, SimulatedLine L,
            SplitMix rng, int c, int a, Optics o, double targetMjy, double[] compMjy, boolean junkHere, double[] fu,
            boolean noFwhm) {
        double fwhmPx = o.fwhmPx();
        double driftX = o.driftX();
        double driftY = o.driftY();
        double area = o.area();
        int skyPix = o.skyPix();
        double skyLevel = o.skyLevel();
        double gain = o.gain();
        double pixVar = o.pixVar();
        double peakFrac = o.peakFrac();
        double scaleC = o.scaleC();
        double fitted = Double.NaN;
        // fixed number of draws per aperture
        double gC = rng.gaussian();
        double gS = rng.gaussian();
        double gX = rng.gaussian();
        double gY = rng.gaussian();
        double gF = rng.gaussian();
        double gM = rng.gaussian();
        double uNan = rng.uniform();
        int nrej = rng.nextInt(4);

        double mjy = a == 0 ? targetMjy : compMjy[a - 1];
        double mu = mjy * scaleC;
        L.trueMjy[a] = mjy;
        L.expectedCounts[a] = mu;
        double junk = junkHere ? 300 + 3000 * fu[4] : 0;
        L.junkCounts[a] = junk;
        int nsky = Math.max(1, skyPix - nrej);
        double skyErrPix = Math.sqrt(pixVar);
        double bgVar = area * pixVar * (1 + area / nsky);
        double var = Math.max(mu, 0) / gain + bgVar;
        double obs = mu + Math.sqrt(var) * gC + junk;
        double err = Math.sqrt(Math.max(obs, 0) / gain + bgVar);
        double snr = Math.max(obs / err, 1.0);
        double sigmaPsf = fwhmPx / 2.3548;
        double posErr = Math.max(0.0005, sigmaPsf / snr);

        L.counts[a] = obs;
        L.countse[a] = err;
        L.sky[a] = skyLevel + skyErrPix / Math.sqrt(nsky) * gS;
        L.skye[a] = skyErrPix / Math.sqrt(nsky);
        L.nsky[a] = nsky;
        L.nrej[a] = nrej;
        double peak = BIAS + skyLevel + (mu + junk) * peakFrac + Math.sqrt(pixVar) * gM;
        L.cmax[a] = (int) Math.floor(peak);
        int flag = 0;
        if (L.cmax[a] >= ccd.nonlinear()) {
            flag |= 32; // TARGET_NONLINEAR
        }
        if (L.cmax[a] >= ccd.saturation()) {
            flag |= 16; // TARGET_SATURATED
        }
        if (junk > 0) {
            flag |= 512; // JUNK, as hipercam's flagcloud marks single bad points
        }
        double xt = layout.x0[c][a] + driftX;
        double yt = layout.y0[c][a] + driftY;
        if (a == 0) {
            // the target is linked to the reference aperture: position from it, no own fit
            L.x[a] = xt;
            L.y[a] = yt;
            L.xe[a] = Double.NaN;
            L.ye[a] = Double.NaN;
            L.fwhm[a] = Double.NaN;
            L.fwhme[a] = Double.NaN;
            L.beta[a] = Double.NaN;
            L.betae[a] = Double.NaN;
        } else {
            L.x[a] = xt + posErr * gX;
            L.y[a] = yt + posErr * gY;
            L.xe[a] = posErr;
            L.ye[a] = posErr;
            L.fwhm[a] = fwhmPx * (1 + 0.02 * gF);
            L.fwhme[a] = Math.max(0.001, 2 * posErr);
            L.beta[a] = 0.0;
            L.betae[a] = -1.0; // Gaussian fits: hipercam writes beta 0.000, betae -1.000
            fitted = L.fwhm[a];
        }
        if (uNan < spec.nanFraction() || noFwhm) {
            // failed extraction: hipercam writes nan (old versions 0.0 / -1)
            L.counts[a] = Double.NaN;
            L.countse[a] = Double.NaN;
            L.sky[a] = Double.NaN;
            L.skye[a] = Double.NaN;
            L.nsky[a] = 0;
            L.nrej[a] = 0;
            L.cmax[a] = 0;
            flag = noFwhm ? 1 : (flag & ~(16 | 32)) | 64; // NO_FWHM / NO_EXTRACTION
            if (noFwhm) {
                L.xe[a] = Double.NaN;
                L.ye[a] = Double.NaN;
                L.fwhm[a] = Double.NaN;
                L.fwhme[a] = Double.NaN;
                L.beta[a] = Double.NaN;
                L.betae[a] = Double.NaN;
                L.x[a] = layout.x0[c][a];
                L.y[a] = layout.y0[c][a];
            }
        }
        L.flag[a] = flag;
        return fitted;
    }

    /** Slow weather, from its own random stream: grey clouds (three sinusoids), seeing and pointing drift. */
    private record Weather(double[] cloudTau, double[] cloudPhi, double seeTau, double seePhi, double driftTau,
            double driftPhi) {
        static Weather draw(long seed) {
            SplitMix weather = SplitMix.stream(seed, 2);
            double[] cloudTau = new double[3];
            double[] cloudPhi = new double[3];
            for (int k = 0; k < 3; k++) {
                cloudTau[k] = (0.004 + 0.04 * weather.uniform()); // 6 .. 64 min
                cloudPhi[k] = 2 * Math.PI * weather.uniform();
            }
            double seeTau = 0.02 + 0.08 * weather.uniform();
            double seePhi = 2 * Math.PI * weather.uniform();
            double driftTau = 0.03 + 0.05 * weather.uniform();
            double driftPhi = 2 * Math.PI * weather.uniform();
            return new Weather(cloudTau, cloudPhi, seeTau, seePhi, driftTau, driftPhi);
        }
    }

    /** For writers: a byte buffer sized for a line. */
    static ByteOut buffer() {
        return new ByteOut(1 << 16);
    }
}
