// SPDX-License-Identifier: EPL-2.0 OR GPL-2.0-or-later
// Copyright (c) 2026 the calphot contributors
package org.calphot.simulator.internal;

import java.io.IOException;
import java.io.OutputStream;

import org.calphot.simulator.Instrument;
import org.calphot.simulator.LogFormat;
import org.calphot.simulator.SimulatedLine;
import org.calphot.simulator.SimulationSpec;

/**
 * The HiPERCAM {@code reduce} ASCII log, as {@code hipercam/reduction.py LogWriter} writes it
 * (header text, column and data-type definitions and number formats copied from hipercam 1.6.7's
 * {@code write_header}/{@code write_results}; the 0.20.x writer differs only in writing negative
 * sentinels where 1.x writes {@code nan}). Each data line is preceded by a lone {@code #} and ends
 * with a space before the newline, as the pipeline's do.
 */
public final class HipercamLogWriter implements LineWriter {

    private static final String APER_TYPES = "f4 f4 f4 f4 f4 f4 f4 f4 f4 f4 f4 f4 i4 i4 i4 u4 ";
    /** hipercam 0.17: no cmax. */
    private static final String APER_TYPES_017 = "f4 f4 f4 f4 f4 f4 f4 f4 f4 f4 f4 f4 i4 i4 u4 ";

    private final SimulationSpec spec;
    private final Layout layout;
    private final OutputStream out;
    private final boolean nan;
    /** hipercam 0.17 layout: no cmax, '#' between frames, its number formats. */
    private final boolean v017;
    private int lastFrame = Integer.MIN_VALUE;
    private final ByteOut b = new ByteOut(1 << 20);
    private double lastMjd = Double.NaN;
    private byte[] lastMjdText;
    private double lastExp = Double.NaN;
    private String lastExpText;

    public HipercamLogWriter(SimulationSpec spec, Layout layout, OutputStream out) {
        this.spec = spec;
        this.layout = layout;
        this.out = out;
        this.v017 = spec.format() == LogFormat.HIPERCAM_017;
        this.nan = spec.format() != LogFormat.HIPERCAM_OLD && !v017;
    }

    @Override
    public void header() throws IOException {
        b.ascii(header(spec, layout));
        b.writeTo(out);
    }

    /** The complete header text (also used by tests). */
    public static String header(SimulationSpec spec, Layout layout) {
        StringBuilder h = new StringBuilder(16384);
        commandLineInputs(h, spec);
        reduceFile(h, spec);
        apertureFile(h, spec, layout);
        columnNames(h, spec);
        dataTypes(h, spec);
        return h.toString();
    }

    /** The opening prose with the pipeline version, then reduce's command-line parameters. */
    private static void commandLineInputs(StringBuilder h, SimulationSpec spec) {
        Instrument inst = spec.instrument();
        LogFormat fmt = spec.format();
        h.append("#\n"
                + "# This is a logfile produced by the HiPERCAM pipeline command 'reduce'. It consists\n"
                + "# of one line per reduced CCD per exposure. Each line contains all the information\n"
                + "# from all apertures defined for the CCD. The column names are defined just before\n"
                + "# the data below. The logfile was produced using version number:\n"
                + "#\n"
                + "#  ").append(fmt.pipelineVersion()).append("\n"
                + "#\n"
                + "# of the HiPERCAM reduction software, and was generated using the following\n"
                + "# command-line inputs to 'reduce':\n"
                + "#\n");
        String run = spec.runName();
        String[][] plist = {
            {"source", inst.source()}, {"run", run}, {"first", "1"}, {"last", "0"}, {"twait", "1.0"},
            {"tmax", "10.0"}, {"trim", "True"}, {"ncol", "0"}, {"nrow", "0"}, {"rfile", run}, {"log", run},
            {"tkeep", "0.0"}, {"lplot", "False"}, {"implot", "False"}};
        for (String[] p : plist) {
            h.append("# ").append(pad(p[0], 6)).append(" = ").append(p[1]).append('\n');
        }
    }

    /** The minimal reduce file, section by section. */
    private static void reduceFile(StringBuilder h, SimulationSpec spec) {
        Instrument inst = spec.instrument();
        LogFormat fmt = spec.format();
        boolean old = fmt == LogFormat.HIPERCAM_OLD || fmt == LogFormat.HIPERCAM_017;
        String run = spec.runName();
        h.append("#\n"
                + "# and here is a minimal version of the reduce file used ['rfile' above] with\n"
                + "# all between-line comments removed for compactness:\n"
                + "#\n");
        section(h, "general");
        kv(h, "version = " + fmt.reduceFileVersion() + " # must be compatible with the version in reduce");
        if (!old) {
            kv(h, "instrument = " + inst.reduceInstrument() + " # instrument-telescope");
            kv(h, "scale = " + String.format(java.util.Locale.ROOT, "%.3f", inst.scale())
                    + " # scale, arcsec per unbinned pixel");
        }
        kv(h, "ldevice = 1/xs # PGPLOT plot device for light curve plots");
        kv(h, "lwidth = 0 # light curve plot width, inches, 0 to let program choose");
        kv(h, "lheight = 0 # light curve plot height, inches");
        kv(h, "idevice = 2/xs # PGPLOT plot device for image plots [if implot True]");
        kv(h, "iwidth = 0 # image curve plot width, inches, 0 to let program choose");
        kv(h, "iheight = 0 # image curve plot height, inches");
        kv(h, "toffset = 0 # offset subtracted from the MJD");
        kv(h, "skipbadt = " + (inst == Instrument.HIPERCAM ? "no" : "yes"));
        for (Instrument.Ccd c : inst.ccds()) {
            kv(h, "warn = " + c.label() + " " + (long) c.nonlinear() + " " + (long) c.saturation());
        }
        kv(h, "ncpu = 1");
        kv(h, "ngroup = 1");
        section(h, "apertures");
        kv(h, "aperfile = " + run + ".ape # file of software apertures for each CCD");
        kv(h, "location = variable # aperture locations: 'fixed' or 'variable'");
        kv(h, "search_half_width = 11 # for initial search for objects around previous position, unbinned pixels");
        kv(h, "search_smooth_fwhm = 6.0 # smoothing FWHM, binned pixels");
        kv(h, "fit_method = gaussian # gaussian or moffat");
        kv(h, "fit_beta = 5.0 # Moffat exponent");
        kv(h, "fit_fwhm = 5.0 # FWHM, unbinned pixels");
        kv(h, "fit_fwhm_min = 1.5 # Minimum FWHM, unbinned pixels");
        kv(h, "fit_half_width = 15 # for fit, unbinned pixels");
        kv(h, "fit_thresh = 8.00 # RMS rejection threshold for fits");
        section(h, "extraction");
        for (Instrument.Ccd c : inst.ccds()) {
            kv(h, c.label() + String.format(java.util.Locale.ROOT,
                    " = variable normal %.2f %.1f %.1f %.2f %.1f %.1f %.2f %.1f %.1f", Layout.RT, Layout.RT_MIN,
                    Layout.RT_MAX, Layout.R2, Layout.R2_MIN, Layout.R2_MAX, Layout.R3, Layout.R3_MIN, Layout.R3_MAX));
        }
        section(h, "sky");
        kv(h, "method = clipped # 'clipped' | 'median'");
        kv(h, "error  = variance # 'variance' | 'photon': first uses actual variance of sky");
        kv(h, "thresh = 3. # threshold in terms of RMS for 'clipped'");
        section(h, "calibration");
        kv(h, "crop = yes # Crop calibrations to match the data");
        kv(h, "bias = bias.hcm # Bias frame, blank to ignore");
        kv(h, "flat = flat.hcm # Flat field frame, blank to ignore");
        kv(h, "dark =  # Dark frame, blank to ignore");
        kv(h, "readout = " + inst.readout() + " # RMS ADU. Float or string name of a file or \"!\" to estimate on the fly");
        kv(h, "gain = " + inst.gain() + " # Gain, electrons/ADU. Float or string name of a file");
        section(h, "monitor");
        for (int a = 1; a <= 1 + spec.ncomp(); a++) {
            kv(h, a + " = NO_EXTRACTION TARGET_SATURATED TARGET_AT_EDGE TARGET_NONLINEAR NO_SKY NO_FWHM NO_DATA"
                    + " SKY_AT_EDGE");
        }
    }

    /** The aperture file, in JSON as setaper writes it. */
    private static void apertureFile(StringBuilder h, SimulationSpec spec, Layout layout) {
        h.append("#\n"
                + "# Next here is the aperture file used in JSON-style format that (without\n"
                + "# the initial comment hashes) is readable by setaper and reduce:\n"
                + "#\n");
        apertureJson(h, spec, layout);
    }

    /** The column-name definitions: the generic columns, then 16 items per aperture, for each CCD. */
    private static void columnNames(StringBuilder h, SimulationSpec spec) {
        Instrument inst = spec.instrument();
        boolean v017 = spec.format() == LogFormat.HIPERCAM_017;
        h.append("#\n"
                + "# Now follow column name definitions for each CCD. These include all apertures\n"
                + "# of the CCD. Since there are 15 items stored per aperture and each column name\n"
                + "# is built from the item name followed by an underscore and finally the aperture\n"
                + "# name, thus these definition can be very long and won't be very readable. Each\n"
                + "# line starts with the '<CCD label> = '. The various items have the following\n"
                + "# meanings. First the generic ones at the start of the line:\n"
                + "#\n"
                + "#    CCD    : CCD label\n"
                + "#    nframe : integer frame number\n"
                + "#    MJD    : MJD at the centre of the exposure\n"
                + "#    MJDok  : flag to say whether the MJD is thought reliable\n"
                + "#    Exptim : exposure time, seconds\n"
                + "#    mfwhm  : the mean FWHM used to determine the aperture scale (-1 if none)\n"
                + "#    mbeta  : the mean Moffat beta exponent (-1 if none)\n"
                + "#\n"
                + "# Then a set of " + (v017 ? 15 : 16) + " items that is repeated for each aperture and will\n"
                + "# have '_<apnam>' added to them. The 'errors' are RMS uncertainties, and\n"
                + "# may often be set to -1 if no direct measurement is made. This can happen\n"
                + "# through problems that occur or because an aperture is linked for instance.\n"
                + "#\n"
                + "#    x       : X-position\n"
                + "#    xe      : X-position error\n"
                + "#    y       : Y-position\n"
                + "#    ye      : Y-position error\n"
                + "#    fwhm    : FWHM\n"
                + "#    fwhme   : FWHM error\n"
                + "#    beta    : Moffat exponent\n"
                + "#    betae   : Moffat exponent error\n"
                + "#    counts   : sky-subtracted counts in aperture\n"
                + "#    countse  : error in       \"          \"\n"
                + "#    sky     : sky level, counts per pixel\n"
                + "#    skye    : sky level error, counts per pixel\n"
                + "#    nsky    : number of contributing sky pixels (those not rejected)\n"
                + "#    nrej    : number of sky pixels rejected\n"
                + (v017 ? "" : "#    cmax    : maximum raw counts in aperture\n")
                + "#    flag    : status flag, 0 = all OK.\n"
                + "#\n"
                + "# Start of column name definitions:\n"
                + "#\n");
        for (int ci = 0; ci < inst.nccd(); ci++) {
            Instrument.Ccd c = inst.ccds().get(ci);
            h.append("# ").append(c.label()).append(" = CCD nframe MJD MJDok Exptim mfwhm mbeta ");
            for (int a = 1; a <= spec.naps(ci); a++) {
                String s = Integer.toString(a);
                for (String item : new String[] {"x", "xe", "y", "ye", "fwhm", "fwhme", "beta", "betae", "counts",
                    "countse", "sky", "skye", "nsky", "nrej", "cmax", "flag"}) {
                    if (v017 && item.equals("cmax")) {
                        continue;
                    }
                    h.append(item).append('_').append(s).append(' ');
                }
            }
            h.append('\n');
        }
    }

    /** The numpy data-type definitions matching the column names. */
    private static void dataTypes(StringBuilder h, SimulationSpec spec) {
        Instrument inst = spec.instrument();
        String types = spec.format() == LogFormat.HIPERCAM_017 ? APER_TYPES_017 : APER_TYPES;
        h.append("#\n"
                + "# End of column name definitions\n"
                + "#\n"
                + "# Now follow a similar series of datatypes which are designed to be used to\n"
                + "# build a numpy.dtype for each CCD to allow them to read into numpy structured\n"
                + "# arrays.\n"
                + "#\n"
                + "# Start of data type definitions:\n"
                + "#\n");
        for (int ci = 0; ci < inst.nccd(); ci++) {
            h.append("# ").append(inst.ccds().get(ci).label()).append(" = s i4 f8 ? f4 f4 f4 ")
                    .append(types.repeat(spec.naps(ci))).append('\n');
        }
        h.append("#\n"
                + "# End of data type definitions\n"
                + "#\n");
    }

    private static String pad(String s, int n) {
        return s.length() >= n ? s : s + " ".repeat(n - s.length());
    }

    private static void section(StringBuilder h, String name) {
        h.append("#\n#   [").append(name).append("]\n");
    }

    private static void kv(StringBuilder h, String line) {
        h.append("#   ").append(line).append('\n');
    }

    /** hipercam's {@code MccdAper.toString()}: json.dumps with indent 2, every line prefixed {@code #   }. */
    private static void apertureJson(StringBuilder h, SimulationSpec spec, Layout layout) {
        Instrument inst = spec.instrument();
        StringBuilder j = new StringBuilder();
        j.append("[\n  \"hipercam.MccdAper\",\n");
        for (int c = 0; c < inst.nccd(); c++) {
            j.append("  [\n    \"").append(inst.ccds().get(c).label()).append("\",\n    [\n      \"hipercam.CcdAper\",\n");
            int naps = spec.naps(c);
            for (int a = 0; a < naps; a++) {
                j.append("      [\n        \"").append(a + 1).append("\",\n        {\n");
                j.append("          \"Comment\": \"hipercam.Aperture\",\n");
                j.append("          \"x\": ").append(ByteOut.pyRepr(layout.x0[c][a])).append(",\n");
                j.append("          \"y\": ").append(ByteOut.pyRepr(layout.y0[c][a])).append(",\n");
                j.append("          \"rtarg\": 10.0,\n          \"rsky1\": 20.0,\n          \"rsky2\": 30.0,\n");
                j.append("          \"ref\": ").append(a == 1 ? "true" : "false").append(",\n");
                j.append("          \"mask\": [],\n          \"extra\": [],\n");
                j.append("          \"link\": \"").append(a == 0 ? "2" : "").append("\"\n        }\n      ]");
                j.append(a < naps - 1 ? ",\n" : "\n");
            }
            j.append("    ]\n  ]").append(c < inst.nccd() - 1 ? ",\n" : "\n");
        }
        j.append("]");
        for (String line : j.toString().split("\n")) {
            h.append("#   ").append(line).append('\n');
        }
    }

    @Override
    public void line(SimulatedLine L) throws IOException {
        if (v017) {
            line017(L);
            return;
        }
        b.ascii("#\n").ascii(L.ccdLabel).ch(' ').integer(L.nframe).ch(' ');
        if (L.mjdUtc != lastMjd) {
            // .14f needs the exact path; CCDs of one frame share the time, so format it once
            lastMjd = L.mjdUtc;
            ByteOut t = new ByteOut(32);
            t.fixed(L.mjdUtc, 14);
            lastMjdText = t.toString().getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        }
        b.bytes(lastMjdText).ch(' ').ch(L.mjdOk ? '1' : '0').ch(' ');
        double exp = L.exptimS;
        if (exp != lastExp) {
            lastExp = exp;
            lastExpText = ByteOut.general(exp, 8, false);
        }
        b.ascii(lastExpText).ch(' ');
        vs(L.mfwhm, 2, -1.0).ch(' ');
        vs(L.mbeta, 2, -1.0).ch(' ');
        for (int a = 0; a < L.naps(); a++) {
            b.fixed(L.x[a], 4).ch(' ');
            v(L.xe[a], 4, -1.0).ch(' ');
            b.fixed(L.y[a], 4).ch(' ');
            v(L.ye[a], 4, -1.0).ch(' ');
            v(L.fwhm[a], 3, 0.0).ch(' ');
            vs(L.fwhme[a], 3, -1.0).ch(' ');
            v(L.beta[a], 3, 0.0).ch(' ');
            v(L.betae[a], 3, -1.0).ch(' ');
            v(L.counts[a], 1, 0.0).ch(' ');
            v(L.countse[a], 1, -1.0).ch(' ');
            v(L.sky[a], 2, 0.0).ch(' ');
            v(L.skye[a], 2, 0.0).ch(' ');
            b.integer(L.nsky[a]).ch(' ').integer(L.nrej[a]).ch(' ').integer(L.cmax[a]).ch(' ')
                    .integer(L.flag[a] & 0xffffffffL).ch(' ');
        }
        b.ch('\n');
        if (b.length() > (1 << 19)) {
            b.writeTo(out);
        }
    }

    /**
     * A hipercam 0.17 line: a lone {@code #} before each frame's first line, MJD as Python's repr, 3 decimals for
     * positions, 2 for FWHMs, no cmax; missing values are the sentinels (0, -1) and mfwhm/mbeta -1.00 when none.
     */
    private void line017(SimulatedLine L) throws IOException {
        if (L.nframe != lastFrame) {
            b.ascii("#\n");
            lastFrame = L.nframe;
        }
        b.ascii(L.ccdLabel).ch(' ').integer(L.nframe).ch(' ').ascii(ByteOut.pyRepr(L.mjdUtc)).ch(' ')
                .ch(L.mjdOk ? '1' : '0').ch(' ').fixed(L.exptimS, 5).ch(' ');
        v(Double.isNaN(L.mfwhm) ? -1 : L.mfwhm, 2, -1.0).ch(' ');
        v(Double.isNaN(L.mbeta) ? -1 : L.mbeta, 2, -1.0).ch(' ');
        for (int a = 0; a < L.naps(); a++) {
            b.fixed(L.x[a], 3).ch(' ');
            v(L.xe[a], 3, -1.0).ch(' ');
            b.fixed(L.y[a], 3).ch(' ');
            v(L.ye[a], 3, -1.0).ch(' ');
            v(L.fwhm[a], 2, 0.0).ch(' ');
            v(L.fwhme[a], 2, -1.0).ch(' ');
            v(L.beta[a], 2, 0.0).ch(' ');
            v(L.betae[a], 2, -1.0).ch(' ');
            v(L.counts[a], 1, 0.0).ch(' ');
            v(L.countse[a], 1, -1.0).ch(' ');
            v(L.sky[a], 2, 0.0).ch(' ');
            v(L.skye[a], 2, 0.0).ch(' ');
            b.integer(L.nsky[a]).ch(' ').integer(L.nrej[a]).ch(' ').integer(L.flag[a] & 0xffffffffL).ch(' ');
        }
        b.ch('\n');
        if (b.length() > (1 << 19)) {
            b.writeTo(out);
        }
    }

    /**
     * A value that may be missing: hipercam >= 0.21 writes {@code nan}; 0.20 and earlier write the
     * sentinel the extraction code stored (0 for values, -1 for errors).
     */
    private ByteOut v(double value, int d, double sentinel) {
        if (nan) {
            return b.fixed(value, d);
        }
        return b.fixed(Double.isNaN(value) ? sentinel : value, d);
    }

    /** A value with a special "none" value that hipercam >= 0.21 also writes as {@code nan}. */
    private ByteOut vs(double value, int d, double sval) {
        if (Double.isNaN(value) || value == sval) {
            return nan ? b.ascii("nan") : b.fixed(sval, d);
        }
        return b.fixed(value, d);
    }

    @Override
    public void finish() throws IOException {
        b.writeTo(out);
        out.flush();
    }
}
