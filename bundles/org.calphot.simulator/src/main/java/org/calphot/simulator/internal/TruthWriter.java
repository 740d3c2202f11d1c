// SPDX-License-Identifier: EPL-2.0 OR GPL-2.0-or-later
// Copyright (c) 2026 the calphot contributors
package org.calphot.simulator.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.calphot.io.JsonWriter;
import org.calphot.simulator.Instrument;
import org.calphot.simulator.SimulatedLine;
import org.calphot.simulator.SimulationSpec;
import org.calphot.simulator.Simulator;

/**
 * The truth next to a simulated log: a CSV with one row per log line (the true flux of every star in
 * mJy, the expected counts, the junk counts added, time, airmass, clouds, seeing) and a JSON summary
 * (model parameters, zero points, extinction, true mid-eclipse times).
 */
public final class TruthWriter {

    private final SimulationSpec spec;
    private final OutputStream out;
    private final ByteOut b = new ByteOut(1 << 20);

    public TruthWriter(SimulationSpec spec, OutputStream out) {
        this.spec = spec;
        this.out = out;
    }

    public void header() throws IOException {
        StringBuilder h = new StringBuilder();
        h.append("# calphot simulate truth: one row per log line (CCD, frame). SYNTHETIC DATA.\n");
        h.append("# flux_mjy_<ap>: true exposure-mean flux above the atmosphere (AB, mJy); ap 1 = target.\n");
        h.append("# counts_true_<ap>: expected counts (ADU) before noise = transparency * exptim * flux / 3631 Jy"
                + " * 10^(0.4 (ZP - k airmass)); junk_<ap>: counts added by a junk event.\n");
        h.append("# airmass = sec z (plane parallel, airless altitude); phase from the nearest eclipse.\n");
        if (spec.flickerRms() > 0) {
            h.append("# flux_mjy_1 includes the flickering (exposure mean) and the bright spot.\n");
        }
        h.append("ccd,nframe,mjd_utc,mjd_ok,exptim_s,bmjd_tdb,phase,airmass,alt_deg,transparency,fwhm_px");
        for (int a = 1; a <= 1 + spec.ncomp(); a++) {
            h.append(",flux_mjy_").append(a).append(",counts_true_").append(a).append(",junk_").append(a);
        }
        h.append('\n');
        b.ascii(h.toString());
    }

    public void line(SimulatedLine L) throws IOException {
        b.ascii(L.ccdLabel).ch(',').integer(L.nframe).ch(',').fixed(L.mjdUtc, 10).ch(',').ch(L.mjdOk ? '1' : '0')
                .ch(',').fixed(L.exptimS, 6).ch(',').fixed(L.bmjdTdb, 10).ch(',').fixed(L.phase, 7).ch(',')
                .fixed(L.airmass, 6).ch(',').fixed(L.altDeg, 4).ch(',').fixed(L.transparency, 6).ch(',')
                .fixed(L.fwhmPx, 3);
        for (int a = 0; a < L.naps(); a++) {
            b.ch(',').fixed(L.trueMjy[a], 9).ch(',').fixed(L.expectedCounts[a], 3).ch(',')
                    .fixed(L.junkCounts[a], 1);
        }
        // a CCD with fewer apertures than the most: empty fields
        for (int a = L.naps(); a < 1 + spec.ncomp(); a++) {
            b.ascii(",,,");
        }
        b.ch('\n');
        if (b.length() > (1 << 19)) {
            b.writeTo(out);
        }
    }

    public void finish() throws IOException {
        b.writeTo(out);
        out.flush();
    }

    /** Nominal error written with the exact times: the ephemeris fit divides by it, so it cannot be 0. */
    public static final double ECLIPSE_TIME_NOMINAL_ERR = 1e-5;
    private static final String NOMINAL_ERR_TEXT = "0.00001";

    /**
     * The true mid-eclipse times in cal_phot's {@code EPHEMERIS/eclipse_times.txt} layout: a source-key line
     * {@code #name,id}, then {@code cycle,time,err,id}. Cycles count from the simulation's T0; the times are
     * exact, the error column is the nominal {@link #ECLIPSE_TIME_NOMINAL_ERR} days.
     */
    public static String eclipseTimes(SimulationSpec spec, Simulator.Summary s) {
        StringBuilder b = new StringBuilder();
        b.append("#calphot simulate truth seed ").append(spec.seed()).append(" (exact times; err nominal ")
                .append(NOMINAL_ERR_TEXT).append(" d),1\n");
        List<Double> t = s.eclipses(spec);
        List<Long> c = s.cycles(spec);
        for (int i = 0; i < t.size(); i++) {
            b.append(c.get(i)).append(',').append(new java.math.BigDecimal(t.get(i))
                    .setScale(9, java.math.RoundingMode.HALF_EVEN).toPlainString()).append(',')
                    .append(NOMINAL_ERR_TEXT).append(",1\n");
        }
        return b.toString();
    }

    /**
     * The bright spot, the flickering and, per eclipse in the run, the true white-dwarf contact points: mid-ingress
     * and mid-egress (the middle of each linear ramp), their mean (the mid-eclipse, = T0 + E P) and the width between
     * them, and the bright spot's own mid-ingress and mid-egress.
     */
    private static void cv(SimulationSpec spec, Simulator.Summary s, Map<String, Object> model) {
        double p = spec.periodDays();
        double wdIn = -0.5 * (spec.eclipseWidthPhase() - spec.ingressPhase());
        double wdEg = -wdIn;
        Map<String, Object> bs = new LinkedHashMap<>();
        bs.put("flux_fraction_of_wd", spec.brightSpot());
        bs.put("mid_ingress_delay_phase", spec.spotInDelayPhase());
        bs.put("mid_egress_delay_phase", spec.spotEgDelayPhase());
        bs.put("ingress_phase", spec.spotIngressPhase());
        bs.put("hump_phase", spec.spotHumpPhase());
        bs.put("description", "eclipsed from the white dwarf's mid-ingress + delay to its mid-egress + delay, linear"
                + " ramps; flux = fraction * wd * (1 + cos(2 pi (phase - hump_phase))) when visible");
        model.put("bright_spot", bs);
        Map<String, Object> fl = new LinkedHashMap<>();
        fl.put("rms_fraction", spec.flickerRms());
        fl.put("power_index", spec.flickerIndex());
        fl.put("description", "red noise (power ~ f^-index, Timmer & Koenig), one realisation for all CCDs,"
                + " multiplying the disc and bright-spot light by (1 + noise)");
        model.put("flicker", fl);
        List<Object> ecl = new ArrayList<>();
        List<Double> t = s.eclipses(spec);
        List<Long> c = s.cycles(spec);
        for (int i = 0; i < t.size(); i++) {
            Map<String, Object> e = new LinkedHashMap<>();
            double mid = t.get(i);
            e.put("cycle", c.get(i));
            e.put("wd_mid_bmjd_tdb", mid);
            e.put("wd_ingress_bmjd_tdb", mid + wdIn * p);
            e.put("wd_egress_bmjd_tdb", mid + wdEg * p);
            e.put("wd_width_s", (wdEg - wdIn) * p * 86400);
            if (spec.brightSpot() > 0) {
                e.put("bs_ingress_bmjd_tdb", mid + (wdIn + spec.spotInDelayPhase()) * p);
                e.put("bs_egress_bmjd_tdb", mid + (wdEg + spec.spotEgDelayPhase()) * p);
            }
            ecl.add(e);
        }
        model.put("eclipses", ecl);
    }

    /** The JSON summary. */
    public static String summaryJson(SimulationSpec spec, Simulator.Summary s, String logName, String csvName) {
        Instrument inst = spec.instrument();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("synthetic", true);
        m.put("generator", "calphot simulate (org.calphot.simulator 0.1.0)");
        m.put("log", logName);
        m.put("truth_csv", csvName);
        m.put("format", spec.format().id());
        m.put("pipeline_version_written", spec.format().pipelineVersion());
        m.put("instrument", inst.id());
        m.put("seed", spec.seed());
        m.put("frames", spec.frames());
        m.put("lines", s.lines());
        m.put("exposure_s", spec.exposureS());
        m.put("dead_time_s", inst.deadTime());
        m.put("nblue", spec.nblue());
        m.put("start_mjd_utc", spec.startMjdUtc());
        Map<String, Object> site = new LinkedHashMap<>();
        site.put("name", s.site().name());
        site.put("lat_deg", s.site().latDeg());
        site.put("lon_east_deg", s.site().lonEastDeg());
        site.put("height_m", s.site().heightM());
        site.put("as_written", spec.site());
        m.put("site", site);
        Map<String, Object> target = new LinkedHashMap<>();
        target.put("name", spec.targetName());
        target.put("coords", spec.targetCoords());
        target.put("ra_deg", s.target().raDeg());
        target.put("dec_deg", s.target().decDeg());
        m.put("target", target);
        Map<String, Object> eph = new LinkedHashMap<>();
        eph.put("t0_bmjd_tdb", spec.t0BmjdTdb());
        eph.put("period_days", spec.periodDays());
        m.put("ephemeris", eph);
        m.put("eclipse_bmjd_tdb", new ArrayList<>(s.eclipses(spec)));
        m.put("eclipse_cycles", new ArrayList<>(s.cycles(spec)));
        m.put("first_bmjd_tdb", s.firstBmjdTdb());
        m.put("last_bmjd_tdb", s.lastBmjdTdb());
        m.put("airmass_range", new double[] {s.minAirmass(), s.maxAirmass()});
        m.put("airmass_formula", "sec z = 1/sin(airless altitude)");
        m.put("time_truth", s.truthSource());
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("eclipse_width_phase", spec.eclipseWidthPhase());
        model.put("ingress_phase", spec.ingressPhase());
        model.put("ingress_s", spec.ingressPhase() * spec.periodDays() * 86400);
        model.put("secondary_amplitude", spec.secAmplitude());
        model.put("hump_phase", spec.humpPhase());
        model.put("description", "white dwarf totally eclipsed, linear ingress/egress; rest of system uneclipsed,"
                + " times 1 + A cos(2 pi (phase - hump)); fluxes are exposure means");
        if (!spec.constantTarget()) {
            cv(spec, s, model);
        }
        m.put("model", model);
        m.put("standard_star", spec.constantTarget());
        if (spec.constantTarget()) {
            model.put("description", "constant star (standard-star run): aperture 1 has the AB magnitudes wd_mag");
        }
        List<Object> ccds = new ArrayList<>();
        for (int c = 0; c < inst.nccd(); c++) {
            Instrument.Ccd cc = inst.ccds().get(c);
            Map<String, Object> cm = new LinkedHashMap<>();
            cm.put("ccd", cc.label());
            cm.put("filter", cc.filter());
            cm.put("band_key", cc.bandKey());
            cm.put("zero_point", spec.zeroPoints()[c]);
            cm.put("zero_point_meaning", "AB mag giving 1 ADU/s above the atmosphere (airmass 0)");
            cm.put("extinction_k", spec.extinction()[c]);
            cm.put("sky_adu_per_s_per_pixel", spec.skyRates()[c]);
            cm.put("wd_mag", spec.wdMag()[c]);
            cm.put("wd_mjy", org.calphot.simulator.EclipseModel.abToMilliJansky(spec.wdMag()[c]));
            cm.put("secondary_mag", spec.secMag()[c]);
            cm.put("secondary_mjy", org.calphot.simulator.EclipseModel.abToMilliJansky(spec.secMag()[c]));
            cm.put("comparison_mags", spec.compMags()[c]);
            double[] cf = new double[spec.ncomp(c)];
            for (int j = 0; j < cf.length; j++) {
                cf[j] = org.calphot.simulator.EclipseModel.abToMilliJansky(spec.compMags()[c][j]);
            }
            cm.put("comparison_mjy", cf);
            cm.put("nonlinear_adu", cc.nonlinear());
            cm.put("saturation_adu", cc.saturation());
            ccds.add(cm);
        }
        m.put("ccds", ccds);
        Map<String, Object> det = new LinkedHashMap<>();
        det.put("gain_e_per_adu", inst.gain());
        det.put("readout_adu", inst.readout());
        det.put("bias_adu", 1000.0);
        det.put("scale_arcsec_per_pixel", inst.scale());
        det.put("seeing_arcsec", spec.seeingArcsec());
        det.put("cloud_depth_mag", spec.cloudDepthMag());
        det.put("junk_fraction", spec.junkFraction());
        det.put("bad_time_fraction", spec.badTimeFraction());
        det.put("nan_fraction", spec.nanFraction());
        det.put("noise", "Gaussian approximation of Poisson (counts/gain) + aperture * (sky/gain + readout^2)"
                + " * (1 + area/nsky)");
        m.put("detector", det);
        m.put("limits", "no aperture losses, colour terms, scintillation, flat-field or second-order extinction;"
                + " comparison stars are constant; grey clouds only");
        return JsonWriter.pretty(m) + "\n";
    }
}
