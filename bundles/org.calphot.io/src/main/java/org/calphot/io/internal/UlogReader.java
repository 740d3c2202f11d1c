// SPDX-License-Identifier: EPL-2.0 OR GPL-2.0-or-later
// Copyright (c) 2026 the calphot contributors
package org.calphot.io.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.calphot.core.BadInputException;
import org.calphot.core.CalphotException;
import org.calphot.core.Location;
import org.calphot.core.Warnings;
import org.calphot.core.log.ApertureTable;
import org.calphot.core.log.CcdTable;
import org.calphot.core.log.Column;
import org.calphot.core.log.LabelOrder;
import org.calphot.core.log.LogColumns;
import org.calphot.core.log.LogFlags;
import org.calphot.core.log.LogHeader;
import org.calphot.core.log.LogReader;
import org.calphot.core.log.PhotometryLog;
import org.osgi.service.component.annotations.Component;

/**
 * Logs of the old C++ ULTRACAM pipeline ({@code reduce}, cpp-ultracam): lines
 * {@code name/number mjd flag [nsat] expose ccd fwhm beta} then 14 items per aperture
 * {@code naper x y xm ym exm eym counts sigma sky nsky nrej worst error_flag}. The pre-March-2010
 * variant has {@code nsat} after {@code flag}; the header line {@code # name/number mjd flag nsat}
 * tells which. {@code flag} is parsed as 0/1 (hipercam's {@code bool("0")} made every time good),
 * and the error codes are translated to hipercam flag bits explicitly (hipercam ORs the code in as
 * if it were a bitmask). No public example of this format exists; tests use files built from the
 * format description in cpp-ultracam's reduce.cc.
 */
@Component(service = LogReader.class, property = "format=" + UlogReader.NAME)
public final class UlogReader implements LogReader {

    public static final String NAME = "ultracam-ulog";
    static final String NEW_HEADER = "# name/number mjd flag expose";
    static final String NSAT_HEADER = "# name/number mjd flag nsat";
    private static final int PER_AP = 14;

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "logs of the old C++ ULTRACAM pipeline reduce (cpp-ultracam .log, with or without nsat)";
    }

    @Override
    public int confidence(byte[] head) {
        String s = new String(head, StandardCharsets.ISO_8859_1);
        return s.contains(NEW_HEADER) || s.contains(NSAT_HEADER) ? 100 : 0;
    }

    /**
     * ULTRACAM error code (include/trm/ultracam_enums.h) to hipercam flag bits. Non-fatal codes keep
     * the measurement; fatal ones (9-12) mean nothing was extracted.
     */
    static int flagsOf(int code) {
        return switch (code) {
            case 0 -> 0;
            case 1 -> LogFlags.JUNK;                              // cosmic ray in target aperture
            case 2 -> LogFlags.SKY_AT_EDGE;                       // sky annulus overlaps window edge
            case 3 -> LogFlags.JUNK | LogFlags.SKY_AT_EDGE;       // 1 + 2
            case 4 -> LogFlags.NO_SKY;                            // sky negative: no usable sky
            case 5 -> LogFlags.TARGET_NONLINEAR;                  // peppered
            case 6 -> LogFlags.NO_SKY;                            // no sky pixels
            case 7 -> 0;                                          // extra apertures ignored (information)
            case 8 -> LogFlags.TARGET_SATURATED;                  // saturation (non-fatal but bad)
            case 9 -> LogFlags.NO_EXTRACTION;                     // aperture outside window
            case 10 -> LogFlags.TARGET_AT_EDGE | LogFlags.NO_EXTRACTION; // target at window edge (fatal)
            case 11 -> LogFlags.NO_EXTRACTION;                    // aperture invalid
            case 12 -> LogFlags.NO_EXTRACTION | LogFlags.JUNK;    // blue frame is junk (NBLUE co-add)
            default -> -1;
        };
    }

    /** Growing per-CCD storage. */
    private static final class Ccd {
        final String label;
        final int naps;
        final String[] apLabels;
        final int firstLine;
        int rows;
        int[] nframe = new int[256];
        double[] mjd = new double[256];
        boolean[] ok = new boolean[256];
        int[] nsat;
        float[] exptim = new float[256];
        float[] fwhm = new float[256];
        float[] beta = new float[256];
        /** per aperture: x y xm ym exm eym counts sigma sky */
        float[][][] f;
        /** per aperture: nsky nrej worst code flag */
        int[][][] i;

        Ccd(String label, int naps, String[] apLabels, boolean withNsat, int firstLine) {
            this.label = label;
            this.naps = naps;
            this.apLabels = apLabels;
            this.firstLine = firstLine;
            nsat = withNsat ? new int[256] : null;
            f = new float[naps][9][256];
            i = new int[naps][5][256];
        }

        void grow() {
            if (rows < nframe.length) {
                return;
            }
            int n = nframe.length * 2;
            nframe = Arrays.copyOf(nframe, n);
            mjd = Arrays.copyOf(mjd, n);
            ok = Arrays.copyOf(ok, n);
            if (nsat != null) {
                nsat = Arrays.copyOf(nsat, n);
            }
            exptim = Arrays.copyOf(exptim, n);
            fwhm = Arrays.copyOf(fwhm, n);
            beta = Arrays.copyOf(beta, n);
            for (int a = 0; a < naps; a++) {
                for (int k = 0; k < 9; k++) {
                    f[a][k] = Arrays.copyOf(f[a][k], n);
                }
                for (int k = 0; k < 5; k++) {
                    i[a][k] = Arrays.copyOf(i[a][k], n);
                }
            }
        }
    }

    @Override
    public PhotometryLog read(Path file, Warnings warnings) throws CalphotException {
        String fname = file.toString();
        byte[] all;
        try {
            all = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new BadInputException("no such file", Location.of(fname));
        } catch (IOException e) {
            throw new CalphotException("cannot read: " + e.getMessage(), Location.of(fname), e);
        }
        try {
            return parse(file, fname, all, warnings);
        } catch (RuntimeException e) {
            throw new CalphotException("internal error reading the log: " + e, Location.of(fname), e);
        }
    }

    private PhotometryLog parse(Path file, String fname, byte[] b, Warnings warnings) throws CalphotException {
        if (b.length == 0) {
            throw new BadInputException("empty file", Location.of(fname));
        }
        Boolean nsatVariant = null;
        Map<String, Ccd> ccds = new LinkedHashMap<>();
        boolean warnedName = false;
        int line = 0;
        int p = 0;
        List<int[]> tok = new ArrayList<>();
        while (p < b.length) {
            line++;
            int e = p;
            while (e < b.length && b[e] != '\n') {
                e++;
            }
            boolean cutShort = e == b.length;
            int lineStart = p;
            int next = e + 1;
            tok.clear();
            int q = p;
            while (q < e) {
                while (q < e && ws(b[q])) {
                    q++;
                }
                if (q == e) {
                    break;
                }
                int s = q;
                while (q < e && !ws(b[q])) {
                    q++;
                }
                tok.add(new int[] {s, q});
            }
            p = next;
            if (tok.isEmpty()) {
                continue;
            }
            if (b[tok.get(0)[0]] == '#') {
                String text = new String(b, lineStart, e - lineStart, StandardCharsets.UTF_8);
                if (text.startsWith(NSAT_HEADER)) {
                    nsatVariant = true;
                } else if (text.startsWith(NEW_HEADER)) {
                    nsatVariant = false;
                }
                continue;
            }
            if (nsatVariant == null) {
                throw new BadInputException("data before the '" + NEW_HEADER + " ...' (or '... nsat') header line"
                        + " that identifies an ULTRACAM log", Location.of(fname, line, 1));
            }
            int fixed = nsatVariant ? 8 : 7;
            try {
                parseLine(b, tok, fixed, nsatVariant, ccds, line, warnedName, warnings, fname);
                warnedName = true;
            } catch (BadInputException x) {
                if (cutShort) {
                    warnings.warn(Location.of(fname, line), "last line is cut short (no newline) and was dropped: "
                            + x.getMessage());
                    // a row is only counted once complete; forget a CCD first seen on the cut line
                    final int cut = line;
                    ccds.values().removeIf(c -> c.rows == 0 && c.firstLine == cut);
                    break;
                }
                throw x;
            }
        }
        if (nsatVariant == null) {
            throw new BadInputException("no '" + NEW_HEADER + " ...' header line: not an ULTRACAM pipeline log",
                    Location.of(fname, 1));
        }
        List<CcdTable> tables = new ArrayList<>();
        Map<String, List<String>> colNames = new LinkedHashMap<>();
        for (Ccd c : ccds.values()) {
            tables.add(table(c));
            colNames.put(c.label, List.of(nsatVariant
                    ? "name/number mjd flag nsat expose ccd fwhm beta".split(" ")
                    : "name/number mjd flag expose ccd fwhm beta".split(" ")));
        }
        tables.sort((x, y) -> LabelOrder.NUMERIC.compare(x.ccd(), y.ccd()));
        LogHeader h = new LogHeader(nsatVariant ? NAME + "-nsat" : NAME, null, false, Map.of(), Map.of(), List.of(),
                0, colNames);
        return new PhotometryLog(file, h, tables);
    }

    private static boolean ws(byte c) {
        return c == ' ' || c == '\t' || c == '\r';
    }

    private static String text(byte[] b, int[] t) {
        return new String(b, t[0], Math.min(t[1] - t[0], 40), StandardCharsets.UTF_8);
    }

    private void parseLine(byte[] b, List<int[]> tok, int fixed, boolean nsatVariant, Map<String, Ccd> ccds, int line,
            boolean warnedName, Warnings warnings, String fname) throws BadInputException {
        int ntok = tok.size();
        if (ntok < fixed || (ntok - fixed) % PER_AP != 0) {
            throw new BadInputException("line has " + ntok + " values; an ULTRACAM log line has " + fixed
                    + " + 14 per aperture", Location.of(fname, line));
        }
        int naps = (ntok - fixed) / PER_AP;
        int k = nsatVariant ? 1 : 0;
        int[] ccdTok = tok.get(4 + k);
        String label = new String(b, ccdTok[0], ccdTok[1] - ccdTok[0], StandardCharsets.UTF_8);
        Ccd c = ccds.get(label);
        if (c == null) {
            String[] apLabels = new String[naps];
            for (int a = 0; a < naps; a++) {
                int[] t = tok.get(fixed + a * PER_AP);
                apLabels[a] = new String(b, t[0], t[1] - t[0], StandardCharsets.UTF_8);
                try {
                    Numbers.parseInt(b, t[0], t[1]);
                } catch (Numbers.BadNumber x) {
                    throw located(fname, line, b, t, "aperture number");
                }
            }
            c = new Ccd(label, naps, apLabels, nsatVariant, line);
            ccds.put(label, c);
        } else if (c.naps != naps) {
            throw new BadInputException("CCD " + label + " has " + naps + " apertures here but " + c.naps
                    + " on its first line (line " + c.firstLine + ")", Location.of(fname, line));
        }
        c.grow();
        int r = c.rows;
        try {
            int[] t0 = tok.get(0);
            try {
                c.nframe[r] = Numbers.parseInt(b, t0[0], t0[1]);
            } catch (Numbers.BadNumber x) {
                // ucm file-list data: name instead of number; number the frames instead
                c.nframe[r] = r + 1;
                if (!warnedName) {
                    warnings.warn(Location.of(fname, line), "frames are named, not numbered; numbered 1, 2, ... per CCD");
                }
            }
            c.mjd[r] = dbl(b, tok.get(1), fname, line, "MJD");
            int[] ft = tok.get(2);
            if (ft[1] - ft[0] != 1 || (b[ft[0]] != '0' && b[ft[0]] != '1')) {
                throw located(fname, line, b, ft, "time flag (0 or 1)");
            }
            c.ok[r] = b[ft[0]] == '1';
            if (nsatVariant) {
                int[] t = tok.get(3);
                c.nsat[r] = integer(b, t, fname, line, "nsat");
            }
            c.exptim[r] = (float) dbl(b, tok.get(3 + k), fname, line, "exposure");
            float fw = (float) dbl(b, tok.get(5 + k), fname, line, "fwhm");
            float be = (float) dbl(b, tok.get(6 + k), fname, line, "beta");
            // 0 means no fit was made
            c.fwhm[r] = fw > 0 ? fw : Float.NaN;
            c.beta[r] = be > 0 ? be : Float.NaN;
            for (int a = 0; a < naps; a++) {
                int o = fixed + a * PER_AP;
                int[] at = tok.get(o);
                String apl = new String(b, at[0], at[1] - at[0], StandardCharsets.UTF_8);
                if (!apl.equals(c.apLabels[a])) {
                    throw new BadInputException("aperture " + apl + " where CCD " + label + " had aperture "
                            + c.apLabels[a] + " on line " + c.firstLine, Location.of(fname, line));
                }
                float x = (float) dbl(b, tok.get(o + 1), fname, line, "x");
                float y = (float) dbl(b, tok.get(o + 2), fname, line, "y");
                float xm = (float) dbl(b, tok.get(o + 3), fname, line, "xm");
                float ym = (float) dbl(b, tok.get(o + 4), fname, line, "ym");
                float exm = (float) dbl(b, tok.get(o + 5), fname, line, "exm");
                float eym = (float) dbl(b, tok.get(o + 6), fname, line, "eym");
                float counts = (float) dbl(b, tok.get(o + 7), fname, line, "counts");
                float sigma = (float) dbl(b, tok.get(o + 8), fname, line, "sigma");
                float sky = (float) dbl(b, tok.get(o + 9), fname, line, "sky");
                int nsky = integer(b, tok.get(o + 10), fname, line, "nsky");
                int nrej = integer(b, tok.get(o + 11), fname, line, "nrej");
                int worst = integer(b, tok.get(o + 12), fname, line, "worst");
                int code = integer(b, tok.get(o + 13), fname, line, "error_flag");
                int flag = flagsOf(code);
                if (flag < 0) {
                    throw new BadInputException("unknown ULTRACAM error code " + code + " (known: 0-12)",
                            Location.of(fname, line));
                }
                float[][] f = c.f[a];
                // (xm,ym) = (0,0) and (exm,eym) = (-1,-1) mark invalid or linked apertures
                boolean posOk = exm > 0 && eym > 0;
                f[0][r] = x;
                f[1][r] = y;
                f[2][r] = posOk ? xm : Float.NaN;
                f[3][r] = posOk ? ym : Float.NaN;
                f[4][r] = exm > 0 ? exm : Float.NaN;
                f[5][r] = eym > 0 ? eym : Float.NaN;
                f[6][r] = sigma > 0 ? counts : Float.NaN;
                f[7][r] = sigma > 0 ? sigma : Float.NaN;
                f[8][r] = nsky > 0 ? sky : Float.NaN;
                int[][] iv = c.i[a];
                iv[0][r] = nsky;
                iv[1][r] = nrej;
                iv[2][r] = worst;
                iv[3][r] = code;
                iv[4][r] = flag;
            }
        } catch (BadInputException x) {
            throw x;
        }
        c.rows++;
    }

    private static BadInputException located(String fname, int line, byte[] b, int[] t, String what) {
        return new BadInputException("'" + text(b, t) + "' is not a valid " + what, Location.of(fname, line, 0));
    }

    private static double dbl(byte[] b, int[] t, String fname, int line, String what) throws BadInputException {
        try {
            return Numbers.parseDouble(b, t[0], t[1]);
        } catch (Numbers.BadNumber x) {
            throw located(fname, line, b, t, what);
        }
    }

    private static int integer(byte[] b, int[] t, String fname, int line, String what) throws BadInputException {
        try {
            return Numbers.parseInt(b, t[0], t[1]);
        } catch (Numbers.BadNumber x) {
            throw located(fname, line, b, t, what + " (integer)");
        }
    }

    private static CcdTable table(Ccd c) {
        int n = c.rows;
        Map<String, Column> frame = new LinkedHashMap<>();
        frame.put(LogColumns.NFRAME, new Column.I32(LogColumns.NFRAME, Arrays.copyOf(c.nframe, n)));
        frame.put(LogColumns.MJD, new Column.F64(LogColumns.MJD, Arrays.copyOf(c.mjd, n)));
        frame.put(LogColumns.MJD_OK, new Column.Bool(LogColumns.MJD_OK, Arrays.copyOf(c.ok, n)));
        if (c.nsat != null) {
            frame.put("nsat", new Column.I32("nsat", Arrays.copyOf(c.nsat, n)));
        }
        frame.put(LogColumns.EXPTIM, new Column.F32(LogColumns.EXPTIM, Arrays.copyOf(c.exptim, n)));
        frame.put(LogColumns.MFWHM, new Column.F32(LogColumns.MFWHM, Arrays.copyOf(c.fwhm, n)));
        frame.put(LogColumns.MBETA, new Column.F32(LogColumns.MBETA, Arrays.copyOf(c.beta, n)));
        String[] fn = {LogColumns.X, LogColumns.Y, "xm", "ym", LogColumns.X_ERR, LogColumns.Y_ERR, LogColumns.COUNTS,
            LogColumns.COUNTS_ERR, LogColumns.SKY};
        String[] in = {LogColumns.NSKY, LogColumns.NREJ, "worst", "error_code", LogColumns.FLAG};
        Map<String, ApertureTable> aps = new LinkedHashMap<>();
        for (int a = 0; a < c.naps; a++) {
            Map<String, Column> cols = new LinkedHashMap<>();
            for (int k = 0; k < fn.length; k++) {
                cols.put(fn[k], new Column.F32(fn[k], Arrays.copyOf(c.f[a][k], n)));
            }
            for (int k = 0; k < in.length; k++) {
                int[] v = Arrays.copyOf(c.i[a][k], n);
                cols.put(in[k], k == 4 ? new Column.U32(in[k], v) : new Column.I32(in[k], v));
            }
            aps.put(c.apLabels[a], new ApertureTable(c.apLabels[a], cols));
        }
        return new CcdTable(c.label, n, frame, List.of(c.apLabels), aps);
    }
}
