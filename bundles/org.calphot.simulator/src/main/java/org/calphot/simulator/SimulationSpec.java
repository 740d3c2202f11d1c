// SPDX-License-Identifier: EPL-2.0 OR GPL-2.0-or-later
// Copyright (c) 2026 the calphot contributors
package org.calphot.simulator;

import java.util.Arrays;

import org.calphot.core.BadInputException;
import org.calphot.core.Location;

/**
 * Everything a simulated run depends on. Per-CCD arrays are in the instrument's CCD order
 * ({@link Instrument#ccds()}); magnitudes are AB in the instrument's natural (super-SDSS) system.
 *
 * @param instrument        HiPERCAM, ULTRACAM or ULTRASPEC
 * @param format            log format to write
 * @param frames            number of exposures (of the red CCDs for ULTRACAM)
 * @param seed              random seed: the same spec and seed give the same bytes
 * @param runName           file stem, e.g. {@code run001}
 * @param startMjdUtc       MJD(UTC) at the start of the first exposure
 * @param exposureS         exposure time, seconds (ULTRACAM u-band: nblue of these plus dead times)
 * @param nblue             ULTRACAM u-band co-adds (1 elsewhere)
 * @param targetName        target name (written in the truth file and the config)
 * @param targetCoords      ICRS target position, {@code hh:mm:ss.ss +dd:mm:ss.s}
 * @param t0BmjdTdb         reference mid-eclipse time, BMJD(TDB)
 * @param periodDays        orbital period, days
 * @param eclipseWidthPhase white-dwarf eclipse width, first to last contact, in phase
 * @param ingressPhase      ingress (= egress) duration, in phase
 * @param wdMag             white dwarf AB magnitude per CCD (uneclipsed)
 * @param secMag            mean AB magnitude of the rest of the system (disc, donor) per CCD; never eclipsed
 * @param secAmplitude      fractional amplitude of the sinusoidal modulation of the secondary light (0 = flat)
 * @param humpPhase         phase of its maximum (e.g. 0.85, an orbital hump before eclipse)
 * @param compMags          comparison-star AB magnitudes, [ccd][comparison]; aperture 2, 3, ... in order
 * @param zeroPoints        AB magnitude giving 1 ADU/s above the atmosphere, per CCD
 * @param extinction        k, mag per airmass (airmass = sec z, plane parallel), per CCD
 * @param skyRates          dark-sky level, ADU/s/pixel, per CCD
 * @param seeingArcsec      median seeing FWHM at zenith at 6200 A, arcsec
 * @param cloudDepthMag     peak grey extinction of thin clouds, mag (0 = clear)
 * @param junkFraction      fraction of frames flagged JUNK (a cosmic ray or satellite in one aperture)
 * @param badTimeFraction   fraction of frames with MJDok = 0 (frame 1 and the last frame always have it)
 * @param nanFraction       fraction of aperture measurements that fail (NO_EXTRACTION, counts nan/-1)
 * @param site              site name looked up in the site registry (and written as cal_phot's observatory)
 * @param constantTarget    the target is a constant star of magnitudes {@code wdMag} (a standard-star run):
 *                          no eclipse, no secondary light
 * @param brightSpot        bright-spot flux at the hump's mean, as a fraction of the white dwarf's in every CCD
 *                          (0 = none); seen as {@code 1 + cos(2 pi (phase - spotHumpPhase))} times that
 * @param spotInDelayPhase  bright spot's mid-ingress after the white dwarf's, in phase
 * @param spotEgDelayPhase  bright spot's mid-egress after the white dwarf's, in phase
 * @param spotIngressPhase  bright spot's ingress (= egress) duration, in phase
 * @param spotHumpPhase     phase of the bright spot's (orbital hump's) maximum
 * @param flickerRms        flickering: rms of red noise as a fraction of the disc and bright-spot light (0 = none)
 * @param flickerIndex      its power-spectrum index alpha (power proportional to f^-alpha)
 */
public record SimulationSpec(Instrument instrument, LogFormat format, int frames, long seed, String runName,
        double startMjdUtc, double exposureS, int nblue, String targetName, String targetCoords, double t0BmjdTdb,
        double periodDays, double eclipseWidthPhase, double ingressPhase, double[] wdMag, double[] secMag,
        double secAmplitude, double humpPhase, double[][] compMags, double[] zeroPoints, double[] extinction,
        double[] skyRates, double seeingArcsec, double cloudDepthMag, double junkFraction, double badTimeFraction,
        double nanFraction, String site, boolean constantTarget, double brightSpot, double spotInDelayPhase,
        double spotEgDelayPhase, double spotIngressPhase, double spotHumpPhase, double flickerRms,
        double flickerIndex) {

    /** The 1.0 API's constructor: a CV without bright spot or flickering (the Builder's defaults for those). */
    public SimulationSpec(Instrument instrument, LogFormat format, int frames, long seed, String runName,
            double startMjdUtc, double exposureS, int nblue, String targetName, String targetCoords, double t0BmjdTdb,
            double periodDays, double eclipseWidthPhase, double ingressPhase, double[] wdMag, double[] secMag,
            double secAmplitude, double humpPhase, double[][] compMags, double[] zeroPoints, double[] extinction,
            double[] skyRates, double seeingArcsec, double cloudDepthMag, double junkFraction, double badTimeFraction,
            double nanFraction, String site, boolean constantTarget) {
        this(instrument, format, frames, seed, runName, startMjdUtc, exposureS, nblue, targetName, targetCoords,
                t0BmjdTdb, periodDays, eclipseWidthPhase, ingressPhase, wdMag, secMag, secAmplitude, humpPhase,
                compMags, zeroPoints, extinction, skyRates, seeingArcsec, cloudDepthMag, junkFraction, badTimeFraction,
                nanFraction, site, constantTarget, 0.0, 0.009, 0.018, 0.004, 0.85, 0.0, 1.5);
    }

    /** The largest number of comparison stars of any CCD (apertures 2..n+1). */
    public int ncomp() {
        int n = 0;
        for (double[] c : compMags) {
            n = Math.max(n, c.length);
        }
        return n;
    }

    /** Number of comparison stars of CCD {@code ccd} (real ULTRACAM nights have e.g. 2/2/3 apertures). */
    public int ncomp(int ccd) {
        return compMags[ccd].length;
    }

    /** Apertures of CCD {@code ccd}: the target plus its comparisons. */
    public int naps(int ccd) {
        return 1 + compMags[ccd].length;
    }

    /** True when the target has a bright spot or flickers (the CV model beyond the white dwarf and the disc). */
    public boolean cvExtras() {
        return brightSpot > 0 || flickerRms > 0;
    }

    /** Cycle time of one exposure: exposure plus dead time. */
    public double cycleS() {
        return exposureS + instrument.deadTime();
    }

    /** Defaults for an instrument: a short run of an 84-min eclipsing CV with two comparisons. */
    public static Builder defaults(Instrument inst) {
        Builder b = new Builder();
        b.instrument = inst;
        int n = inst.nccd();
        b.zeroPoints = new double[n];
        b.extinction = new double[n];
        b.skyRates = new double[n];
        for (int i = 0; i < n; i++) {
            Instrument.Ccd c = inst.ccds().get(i);
            b.zeroPoints[i] = c.zeroPoint();
            b.extinction[i] = c.extinction();
            b.skyRates[i] = c.skyRate();
        }
        b.nblue = inst.defaultNblue();
        b.site = inst.site();
        // magnitudes by filter, mapped onto this instrument's CCD order
        b.wdMag = byFilter(inst, 18.3, 18.5, 18.9, 19.2, 19.5);
        b.secMag = byFilter(inst, 19.6, 19.0, 18.6, 18.3, 18.1);
        double[] c1 = byFilter(inst, 16.214, 15.102, 14.731, 14.552, 14.437);
        double[] c2 = byFilter(inst, 17.953, 16.912, 16.405, 16.218, 16.120);
        b.compMags = new double[n][];
        for (int i = 0; i < n; i++) {
            b.compMags[i] = new double[] {c1[i], c2[i]};
        }
        switch (inst) {
            case HIPERCAM -> {
                b.targetCoords = "10:00:00.00 +20:00:00.0";
                b.startMjdUtc = 60383.94;
                b.t0BmjdTdb = 60383.9712345;
                b.exposureS = 3.0;
            }
            case ULTRACAM -> {
                b.targetCoords = "10:00:00.00 -20:00:00.0";
                b.startMjdUtc = 60384.10;
                b.t0BmjdTdb = 60384.1312345;
                b.exposureS = 3.0;
            }
            case ULTRASPEC -> {
                b.targetCoords = "10:00:00.00 +20:00:00.0";
                b.startMjdUtc = 60384.62;
                b.t0BmjdTdb = 60384.6512345;
                b.exposureS = 4.0;
            }
        }
        return b;
    }

    private static double[] byFilter(Instrument inst, double u, double g, double r, double i, double z) {
        double[] out = new double[inst.nccd()];
        for (int k = 0; k < out.length; k++) {
            out[k] = switch (inst.ccds().get(k).filter().charAt(0)) {
                case 'u' -> u;
                case 'g' -> g;
                case 'r' -> r;
                case 'i' -> i;
                default -> z;
            };
        }
        return out;
    }

    /** Mutable builder; {@link #build()} validates. */
    public static final class Builder {
        Instrument instrument;
        LogFormat format = LogFormat.HIPERCAM;
        int frames = 1000;
        long seed = 1;
        String runName = "run001";
        double startMjdUtc;
        double exposureS;
        int nblue;
        String targetName = "SIMCV";
        String targetCoords;
        double t0BmjdTdb;
        double periodDays = 0.0583110795;
        double eclipseWidthPhase = 0.040;
        double ingressPhase = 0.005;
        double[] wdMag;
        double[] secMag;
        double secAmplitude = 0.10;
        double humpPhase = 0.85;
        double[][] compMags;
        double[] zeroPoints;
        double[] extinction;
        double[] skyRates;
        double seeingArcsec = 1.0;
        double cloudDepthMag = 0.0;
        double junkFraction = 0.002;
        double badTimeFraction = 0.002;
        double nanFraction = 0.001;
        String site;
        boolean constantTarget;
        double brightSpot = 0.0;
        double spotInDelayPhase = 0.009;
        double spotEgDelayPhase = 0.018;
        double spotIngressPhase = 0.004;
        double spotHumpPhase = 0.85;
        double flickerRms = 0.0;
        double flickerIndex = 1.5;

        /**
         * A standard-star run: the target (aperture 1) becomes a constant star of these AB magnitudes (per CCD) at
         * {@code coords}; the comparisons stay as they are.
         */
        public Builder standard(String name, String coords, double... mags) {
            targetName = name;
            targetCoords = coords;
            wdMag = mags.clone();
            constantTarget = true;
            return this;
        }

        public Builder format(LogFormat v) { format = v; return this; }
        public Builder frames(int v) { frames = v; return this; }
        public Builder seed(long v) { seed = v; return this; }
        public Builder runName(String v) { runName = v; return this; }
        public Builder startMjdUtc(double v) { startMjdUtc = v; return this; }
        public Builder exposureS(double v) { exposureS = v; return this; }
        public Builder nblue(int v) { nblue = v; return this; }
        public Builder targetName(String v) { targetName = v; return this; }
        public Builder targetCoords(String v) { targetCoords = v; return this; }
        public Builder t0BmjdTdb(double v) { t0BmjdTdb = v; return this; }
        public Builder periodDays(double v) { periodDays = v; return this; }
        public Builder eclipseWidthPhase(double v) { eclipseWidthPhase = v; return this; }
        public Builder ingressPhase(double v) { ingressPhase = v; return this; }
        public Builder wdMag(double... v) { wdMag = v.clone(); return this; }
        public Builder secMag(double... v) { secMag = v.clone(); return this; }
        public Builder secAmplitude(double v) { secAmplitude = v; return this; }
        public Builder humpPhase(double v) { humpPhase = v; return this; }
        public Builder compMags(double[][] v) {
            compMags = new double[v.length][];
            for (int i = 0; i < v.length; i++) {
                compMags[i] = v[i].clone();
            }
            return this;
        }
        public Builder zeroPoints(double... v) { zeroPoints = v.clone(); return this; }
        public Builder extinction(double... v) { extinction = v.clone(); return this; }
        public Builder skyRates(double... v) { skyRates = v.clone(); return this; }
        public Builder seeingArcsec(double v) { seeingArcsec = v; return this; }
        public Builder cloudDepthMag(double v) { cloudDepthMag = v; return this; }
        public Builder junkFraction(double v) { junkFraction = v; return this; }
        public Builder badTimeFraction(double v) { badTimeFraction = v; return this; }
        public Builder nanFraction(double v) { nanFraction = v; return this; }
        public Builder site(String v) { site = v; return this; }
        public Builder brightSpot(double v) { brightSpot = v; return this; }
        public Builder spotInDelayPhase(double v) { spotInDelayPhase = v; return this; }
        public Builder spotEgDelayPhase(double v) { spotEgDelayPhase = v; return this; }
        public Builder spotIngressPhase(double v) { spotIngressPhase = v; return this; }
        public Builder spotHumpPhase(double v) { spotHumpPhase = v; return this; }
        public Builder flickerRms(double v) { flickerRms = v; return this; }
        public Builder flickerIndex(double v) { flickerIndex = v; return this; }

        public SimulationSpec build() throws BadInputException {
            int n = instrument.nccd();
            check(frames >= 1 && frames <= 100_000_000, "frames", "frames must be 1 .. 1e8, not " + frames);
            check(exposureS > 0 && exposureS < 3600, "exposure", "exposure must be in (0, 3600) s");
            check(startMjdUtc > 41317 && startMjdUtc < 88000, "start", "start MJD must be in 1972..2100");
            check(nblue >= 1 && (nblue == 1 || instrument == Instrument.ULTRACAM), "nblue",
                    "nblue > 1 only for ULTRACAM");
            check(periodDays > 0, "period", "period must be > 0");
            check(eclipseWidthPhase > 0 && eclipseWidthPhase < 0.5, "eclipse-width", "eclipse width must be in (0, 0.5)");
            check(ingressPhase > 0 && 2 * ingressPhase <= eclipseWidthPhase, "ingress",
                    "ingress must be > 0 and at most half the eclipse width");
            check(secAmplitude >= 0 && secAmplitude < 1, "sec-amplitude", "secondary amplitude must be in [0, 1)");
            for (double[] a : new double[][] {wdMag, secMag, zeroPoints, extinction, skyRates}) {
                check(a != null && a.length == n, "bands", "per-CCD arrays need " + n + " values");
            }
            check(compMags != null && compMags.length == n, "comparisons",
                    "need comparison magnitudes for each of " + n + " CCDs");
            for (double[] c : compMags) {
                check(c != null && c.length >= 1, "comparisons", "every CCD needs at least one comparison");
            }
            check(brightSpot >= 0 && brightSpot <= 10, "bright-spot", "bright spot must be in [0, 10] x the white dwarf");
            check(spotIngressPhase > 0 && spotInDelayPhase >= 0 && spotEgDelayPhase >= 0
                    && spotIngressPhase <= eclipseWidthPhase - ingressPhase + spotEgDelayPhase - spotInDelayPhase,
                    "bright-spot", "bright-spot ingress must be > 0, delays >= 0, and its eclipse no shorter than"
                            + " its ingress");
            check(flickerRms >= 0 && flickerRms <= 0.5, "flicker", "flicker rms must be in [0, 0.5]");
            check(flickerIndex >= 0 && flickerIndex <= 3, "flicker-index", "flicker index must be in [0, 3]");
            check(seeingArcsec > 0.2 && seeingArcsec < 10, "seeing", "seeing must be in (0.2, 10) arcsec");
            check(cloudDepthMag >= 0 && cloudDepthMag < 5, "clouds", "cloud depth must be in [0, 5) mag");
            check(fraction(junkFraction) && fraction(badTimeFraction) && fraction(nanFraction), "fractions",
                    "junk/bad-time/nan fractions must be in [0, 0.5]");
            check(runName != null && runName.matches("[A-Za-z0-9_.-]+"), "run", "run name must be a plain file stem");
            // magnitudes are written to the YAML with 3 decimals: simulate exactly what the YAML says
            double[][] comps = new double[n][];
            for (int i = 0; i < n; i++) {
                comps[i] = round3(compMags[i]);
            }
            return new SimulationSpec(instrument, format, frames, seed, runName, startMjdUtc, exposureS, nblue,
                    targetName, targetCoords, t0BmjdTdb, periodDays, eclipseWidthPhase, ingressPhase, wdMag.clone(),
                    secMag.clone(), secAmplitude, humpPhase, comps, zeroPoints.clone(), extinction.clone(),
                    skyRates.clone(), seeingArcsec, cloudDepthMag, junkFraction, badTimeFraction, nanFraction, site,
                    constantTarget, constantTarget ? 0 : brightSpot, spotInDelayPhase, spotEgDelayPhase,
                    spotIngressPhase, spotHumpPhase, constantTarget ? 0 : flickerRms, flickerIndex);
        }

        private static boolean fraction(double f) {
            return f >= 0 && f <= 0.5;
        }

        private static double[] round3(double[] a) {
            double[] r = new double[a.length];
            for (int i = 0; i < a.length; i++) {
                r[i] = Math.rint(a[i] * 1000) / 1000;
            }
            return r;
        }

        private static void check(boolean ok, String key, String msg) throws BadInputException {
            if (!ok) {
                throw new BadInputException(msg, new Location(null, 0, 0, key));
            }
        }
    }

    @Override
    public String toString() {
        return "SimulationSpec[" + instrument + ", " + format + ", frames=" + frames + ", seed=" + seed
                + (constantTarget ? ", standard " + targetName : "") + ", comps="
                + Arrays.deepToString(compMags) + "]";
    }
}
