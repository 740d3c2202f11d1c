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
 */
public record SimulationSpec(Instrument instrument, LogFormat format, int frames, long seed, String runName,
        double startMjdUtc, double exposureS, int nblue, String targetName, String targetCoords, double t0BmjdTdb,
        double periodDays, double eclipseWidthPhase, double ingressPhase, double[] wdMag, double[] secMag,
        double secAmplitude, double humpPhase, double[][] compMags, double[] zeroPoints, double[] extinction,
        double[] skyRates, double seeingArcsec, double cloudDepthMag, double junkFraction, double badTimeFraction,
        double nanFraction, String site, boolean constantTarget) {

    /** Number of comparison stars (apertures 2..n+1 on every CCD). */
    public int ncomp() {
        return compMags[0].length;
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
            check(compMags != null && compMags.length == n && compMags[0].length >= 1, "comparisons",
                    "need comparison magnitudes for each of " + n + " CCDs");
            for (double[] c : compMags) {
                check(c.length == compMags[0].length, "comparisons", "every CCD needs the same number of comparisons");
            }
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
                    constantTarget);
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
