// SPDX-License-Identifier: EPL-2.0 OR GPL-2.0-or-later
// Copyright (c) 2026 the calphot contributors
package org.calphot.simulator;

import java.util.List;
import java.util.Locale;

/**
 * The three *CAM instruments as the simulator models them. Numbers and their sources:
 * CCD order, filters, plate scales and the {@code warn} levels follow the HiPERCAM pipeline's
 * {@code genred} defaults and the real logs (log-formats-and-peers.md A8); zero points and
 * extinction coefficients are cam_cal's defaults (science.md 2.3, 3.1); ULTRASPEC has no published
 * zero point or extinction, so its values are plausible guesses (a 2.4-m telescope ~0.9 mag below
 * the NTT) and are recorded as such in the truth file. Sky rates are dark-sky surface brightnesses
 * (u 22.5, g 22.0, r 21.5, i 20.5, z 19.5 mag/arcsec^2) through each pixel and zero point.
 */
public enum Instrument {

    HIPERCAM("hipercam", "hcam", "hipercam-gtc", "hl", "lapalma", 0.081, 1.1, 4.2, 0.0079, 1,
            List.of(new Ccd("1", "us", "u", 3560, 28.15, 0.48, 50000, 64000, 1.2),
                    new Ccd("2", "gs", "g", 4730, 29.22, 0.24, 50000, 64000, 5.1),
                    new Ccd("3", "rs", "r", 6200, 28.78, 0.18, 50000, 64000, 5.4),
                    new Ccd("4", "is", "i", 7670, 28.43, 0.15, 50000, 64000, 9.8),
                    new Ccd("5", "zs", "z", 9000, 27.94, 0.10, 50000, 64000, 15.7))),

    ULTRACAM("ultracam", "ucam", "ultracam-ntt", "ul", "lasilla", 0.35, 1.1, 3.2, 0.024, 3,
            List.of(new Ccd("1", "rs", "r", 6200, 26.30, 0.18, 50000, 64000, 10.2),
                    new Ccd("2", "gs", "g", 4730, 26.70, 0.24, 28000, 64000, 9.3),
                    new Ccd("3", "us", "u", 3560, 25.09, 0.48, 28000, 64000, 1.3))),

    ULTRASPEC("ultraspec", "uspec", "ultraspec-tnt", "us", "TNO", 0.45, 1.1, 4.5, 0.015, 1,
            List.of(new Ccd("1", "g", "g", 4730, 25.90, 0.24, 60000, 64000, 8.8)));

    /**
     * One CCD: label, filter, the band key cal_phot's YAML uses for it, effective wavelength (A),
     * default zero point (AB mag giving 1 ADU/s above the atmosphere), default extinction k
     * (mag/airmass), the pipeline's non-linear and saturation warning levels (ADU), and the dark-sky
     * rate in ADU/s/pixel.
     */
    public record Ccd(String label, String filter, String bandKey, double lambdaA, double zeroPoint,
            double extinction, double nonlinear, double saturation, double skyRate) {
    }

    private final String id;
    private final String calphotInst;
    private final String reduceInstrument;
    private final String source;
    private final String site;
    private final double scale;
    private final double gain;
    private final double readout;
    private final double deadTime;
    private final int defaultNblue;
    private final List<Ccd> ccds;

    Instrument(String id, String calphotInst, String reduceInstrument, String source, String site, double scale,
            double gain, double readout, double deadTime, int defaultNblue, List<Ccd> ccds) {
        this.id = id;
        this.calphotInst = calphotInst;
        this.reduceInstrument = reduceInstrument;
        this.source = source;
        this.site = site;
        this.scale = scale;
        this.gain = gain;
        this.readout = readout;
        this.deadTime = deadTime;
        this.defaultNblue = defaultNblue;
        this.ccds = ccds;
    }

    /** Lower-case name used on the command line ({@code hipercam}, {@code ultracam}, {@code ultraspec}). */
    public String id() { return id; }

    /** cal_phot's {@code inst} value: {@code hcam}, {@code ucam}, {@code uspec}. */
    public String calphotInst() { return calphotInst; }

    /** The reduce file's {@code [general] instrument} value. */
    public String reduceInstrument() { return reduceInstrument; }

    /** The {@code reduce} {@code source} parameter. */
    public String source() { return source; }

    /** Site name as cal_phot's {@code observatory} key (an astropy site name) and calphot's registry know it. */
    public String site() { return site; }

    /** Arcsec per unbinned pixel. */
    public double scale() { return scale; }

    /** Electrons per ADU. */
    public double gain() { return gain; }

    /** Read noise, RMS ADU. */
    public double readout() { return readout; }

    /** Dead time between exposures, seconds. */
    public double deadTime() { return deadTime; }

    /** u-band co-adds (ULTRACAM NBLUE); 1 elsewhere. */
    public int defaultNblue() { return defaultNblue; }

    public List<Ccd> ccds() { return ccds; }

    public int nccd() { return ccds.size(); }

    /** Index of the co-added blue CCD (ULTRACAM CCD 3), or -1. */
    public int blueIndex() { return this == ULTRACAM ? 2 : -1; }

    public static Instrument parse(String s) {
        String t = s.trim().toLowerCase(Locale.ROOT);
        for (Instrument i : values()) {
            if (i.id.equals(t) || i.calphotInst.equals(t)) {
                return i;
            }
        }
        throw new IllegalArgumentException("unknown instrument '" + s + "' (hipercam, ultracam, ultraspec)");
    }
}
