// SPDX-License-Identifier: EPL-2.0 OR GPL-2.0-or-later
// Copyright (c) 2026 the calphot contributors
package org.calphot.simulator.internal;

import java.io.IOException;
import java.io.OutputStream;

import org.calphot.simulator.Instrument;
import org.calphot.simulator.SimulatedLine;
import org.calphot.simulator.SimulationSpec;

/**
 * The log of the C++ ULTRACAM pipeline ({@code cpp-ultracam src/reduce.cc}, post-2010, no nsat):
 * {@code Logger::logit} header lines, the column description, and per CCD one line
 * {@code "%8i %16.10f %1i %9.6f %1i %7.3f %7.3f"} plus per aperture
 * {@code " %2i %9.4f %9.4f %9.4f %9.4f %7.4f %7.4f"} and {@code " %10.1f %7.1f %9.2f %3i %4i %2i %2i"}.
 * Every CCD is written for every frame; with NBLUE co-adds the u-band CCD carries error code 12
 * ("blue frame is junk") and {@code 0. -1 0.} on the frames it is not read out. Flags map to codes
 * 8 (saturation), 5 (non-linear: "peppered"), 1 (junk: cosmic ray) and 11 (failed extraction).
 */
public final class UlogWriter implements LineWriter {

    private final SimulationSpec spec;
    private final Layout layout;
    private final OutputStream out;
    private final ByteOut b = new ByteOut(1 << 20);
    private final int blue;
    /** The pre-2010 variant: nsat after the time flag. */
    private final boolean nsat;
    private int lastNsat;
    private double blueFwhm;

    public UlogWriter(SimulationSpec spec, Layout layout, OutputStream out) {
        if (spec.instrument() == Instrument.HIPERCAM) {
            throw new IllegalArgumentException("the C++ ULTRACAM pipeline never reduced HiPERCAM data: "
                    + "use the hipercam formats");
        }
        this.spec = spec;
        this.layout = layout;
        this.out = out;
        this.blue = spec.nblue() > 1 ? spec.instrument().blueIndex() : -1;
        this.nsat = spec.format() == org.calphot.simulator.LogFormat.ULOG_NSAT;
    }

    private static String logit(String start, String val) {
        StringBuilder s = new StringBuilder("# ").append(start);
        for (int i = start.length(); i < 50; i++) {
            s.append(' ');
        }
        return s.append(" = ").append(val).append(" \n").toString();
    }

    @Override
    public void header() throws IOException {
        String run = spec.runName();
        StringBuilder h = new StringBuilder();
        h.append("# \n");
        h.append(logit("Reduction file used", run + ".red"));
        h.append(logit("Version", nsat ? "14/11/2007" : "21/09/2009"));
        h.append(logit("Log file", run + ".log"));
        h.append(logit("Behaviour on facing problems", "relaxed"));
        h.append("# Cosmic ray cleaning disabled.\n");
        h.append(logit("Extraction control", "variable normal"));
        h.append(logit("Aperture file", run + ".ape"));
        h.append(logit("Aperture reposition mode", "reference_plus_tweak"));
        h.append(logit("Readout noise", Double.toString(spec.instrument().readout())));
        h.append(logit("Gain", Double.toString(spec.instrument().gain())));
        h.append(logit("Data file name", run));
        h.append(logit("Starting from frame number", "1"));
        h.append("# Junk data trimmed.\n");
        h.append("# \n");
        h.append("#  ULTRACAM pipeline software version ").append(spec.format().pipelineVersion()).append('\n');
        h.append("# \n");
        h.append("# Information extracted from the XML headers follows:\n");
        h.append("# \n");
        h.append("# Instrument.instrument              ").append(spec.instrument().id().toUpperCase(java.util.Locale.ROOT))
                .append('\n');
        h.append("# Instrument.nblue                   ").append(spec.nblue()).append('\n');
        h.append("# Exposure                           ").append(spec.exposureS()).append('\n');
        h.append("# \n");
        h.append("# \n");
        h.append("# For each CCD of each frame reduced, the following information is printed:\n");
        h.append("# \n");
        h.append("# name/number mjd flag ").append(nsat ? "nsat " : "").append("expose ccd fwhm beta [naper x y xm ym"
                + " exm eym counts sigma sky nsky nrej worst error_flag]*num_aper\n");
        h.append("# \n");
        h.append("# where 'name/number' is either the file name for ucm file list data or the frame number for data"
                + " from the .dat files,\n");
        h.append("# 'mjd' is the Modified Julian Date (UTC) at the centre of the exposure. MJD = JD-2400000.5, no"
                + " correction for light travel\n");
        h.append("# etc is made on the basis that the key thing is have a well-understood & correct time. 'flag' is"
                + " an indication of whether\n");
        h.append("# the time is thought to be reliable or not (1=OK,0=NOK). 'expose' is the exposure time in"
                + " seconds. 'ccd' is the ccd number\n");
        h.append("# (1=red,2=green,3=uv). 'fwhm' is the fitted FWHM, =0 if no fit made. 'beta' is the fitted"
                + " Moffat exponent, 0 if no Moffat fit is made.\n");
        h.append("# 'naper' = aperture number, ('x','y') = aperture position actually used, ('xm', 'ym') = the"
                + " measured aperture position (0,0) for\n");
        h.append("# invalid and/or linked apertures, ('exm', 'eym') = the 1-sigma uncertainty in the measured"
                + " aperture position (-1,-1) for invalid\n");
        h.append("# and/or linked apertures. 'counts' = estimated target counts, 'sigma' = 1-sigma uncertainty."
                + " 'sky' = sky background in counts,\n");
        h.append("# 'nsky' = the number of sky pixels available, 'nrej' = number of sky pixels rejected, 'worst'"
                + " is the value of the worst bad pixel\n");
        h.append("# within the star aperture (0 is OK) and 'error_flag' is one of a number of codes with the"
                + " following possibilities:\n");
        h.append("# \n");
        String[] codes = {"All OK",
            "At least one attempt was made to remove a cosmic ray from the star aperture (non-fatal)",
            "Sky annulus overlaps edge of data window (non-fatal)",
            "Sky annulus overlaps edge of data window and at least one cosmic ray was zapped (non-fatal)",
            "Sky < -5: may indicate a bad bias frame which leads to underestimated errors in the photon case"
                    + " (non-fatal).",
            "Counts in at least one pixel of the aperture exceeds peppering level for the CCD (non-fatal)",
            "No sky pixels (non-fatal, although could be bad!)",
            "Aperture has extra apertures but these are ignored for optimal extraction (non-fatal)",
            "Counts in at least one pixel of the aperture exceeds saturation level for the CCD (non-fatal, but bad!)",
            "Aperture lies outside all data windows (fatal)",
            "Target aperture overlaps edge of data window (fatal)",
            "Aperture has been invalidated (fatal)",
            "Blue frame is junk (fatal)"};
        for (int i = 0; i < codes.length; i++) {
            h.append("# Error code = ").append(i).append(", meaning: ").append(codes[i]).append('\n');
        }
        h.append("# \n");
        h.append("# For the fatal codes, 0. -1 0. 0 will be printed in place of \"counts sigma sky nrej\"\n");
        h.append("# The square bracketed section is repeated for each aperture.\n");
        h.append("# \n");
        b.ascii(h.toString());
        b.writeTo(out);
    }

    /** ULTRACAM error code for a line's hipercam-style flag. */
    static int code(int flag, boolean measured) {
        if (!measured) {
            return 11; // aperture invalid: nothing extracted
        }
        if ((flag & 16) != 0) {
            return 8;
        }
        if ((flag & 32) != 0) {
            return 5;
        }
        if ((flag & 512) != 0) {
            return 1;
        }
        return 0;
    }

    @Override
    public void line(SimulatedLine L) throws IOException {
        if (L.ccdIndex == blue) {
            blueFwhm = Double.isNaN(L.mfwhm) ? 0 : L.mfwhm;
        }
        lastNsat = L.nsat;
        b.integer(L.nframe, 8).ch(' ').fixed(L.mjdUtc, 10, 16).ch(' ').ch(L.mjdOk ? '1' : '0').ch(' ');
        if (nsat) {
            b.integer(L.nsat, 2).ch(' ');
        }
        b.fixed(L.exptimS, 6, 9).ch(' ').integer(L.ccdIndex + 1, 1).ch(' ')
                .fixed(Double.isNaN(L.mfwhm) ? 0 : L.mfwhm, 3, 7).ch(' ').fixed(0.0, 3, 7);
        for (int a = 0; a < L.naps(); a++) {
            boolean posOk = !Double.isNaN(L.xe[a]);
            boolean measured = !Double.isNaN(L.counts[a]);
            b.ch(' ').integer(a + 1, 2).ch(' ').fixed(L.x[a], 4, 9).ch(' ').fixed(L.y[a], 4, 9).ch(' ')
                    .fixed(posOk ? L.x[a] : 0, 4, 9).ch(' ').fixed(posOk ? L.y[a] : 0, 4, 9).ch(' ')
                    .fixed(posOk ? L.xe[a] : -1, 4, 7).ch(' ').fixed(posOk ? L.ye[a] : -1, 4, 7);
            b.ch(' ').fixed(measured ? L.counts[a] : 0, 1, 10).ch(' ').fixed(measured ? L.countse[a] : -1, 1, 7)
                    .ch(' ').fixed(measured ? L.sky[a] : 0, 2, 9).ch(' ').integer(L.nsky[a], 3).ch(' ')
                    .integer(L.nrej[a], 4).ch(' ').integer(0, 2).ch(' ').integer(code(L.flag[a], measured), 2);
        }
        b.ch('\n');
        // the u-band CCD is written every frame: junk where it was not read out
        if (blue >= 0 && L.ccdIndex == blue - 1 && L.nframe % spec.nblue() != 0) {
            double expBlue = spec.nblue() * spec.exposureS() + (spec.nblue() - 1) * spec.instrument().deadTime();
            b.integer(L.nframe, 8).ch(' ').fixed(L.mjdUtc, 10, 16).ch(' ').ch(L.mjdOk ? '1' : '0').ch(' ');
            if (nsat) {
                b.integer(lastNsat, 2).ch(' ');
            }
            b.fixed(expBlue, 6, 9).ch(' ').integer(blue + 1, 1).ch(' ').fixed(blueFwhm, 3, 7).ch(' ')
                    .fixed(0.0, 3, 7);
            for (int a = 0; a < layout.x0[blue].length; a++) {
                b.ch(' ').integer(a + 1, 2).ch(' ').fixed(layout.x0[blue][a], 4, 9).ch(' ')
                        .fixed(layout.y0[blue][a], 4, 9).ch(' ').fixed(0, 4, 9).ch(' ').fixed(0, 4, 9).ch(' ')
                        .fixed(-1, 4, 7).ch(' ').fixed(-1, 4, 7);
                b.ch(' ').fixed(0, 1, 10).ch(' ').fixed(-1, 1, 7).ch(' ').fixed(0, 2, 9).ch(' ').integer(0, 3)
                        .ch(' ').integer(0, 4).ch(' ').integer(0, 2).ch(' ').integer(12, 2);
            }
            b.ch('\n');
        }
        if (b.length() > (1 << 19)) {
            b.writeTo(out);
        }
    }

    @Override
    public void finish() throws IOException {
        b.writeTo(out);
        out.flush();
    }
}
