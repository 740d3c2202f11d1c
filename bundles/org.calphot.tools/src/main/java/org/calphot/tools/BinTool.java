// SPDX-License-Identifier: EPL-2.0 OR GPL-2.0-or-later
// Copyright (c) 2026 the calphot contributors
package org.calphot.tools;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.calphot.core.BadInputException;
import org.calphot.core.CalphotException;
import org.calphot.core.Location;
import org.calphot.core.photometry.BinnedCurve;
import org.calphot.core.photometry.Binner;
import org.calphot.core.util.AtomicFiles;

/**
 * {@code calphot bin}: phase-folded lightcurves (phase, flux, error as the first three whitespace columns,
 * {@code #} comments) from several files binned into N equal half-open bins and written in the original's
 * layout: {@code #} header lines, then one line per non-empty bin: phase, flux, error, point count.
 */
public final class BinTool {

    public record Args(int nbins, double min, double max, List<Path> files, Path out, String reason) {
    }

    /** The points read from the input files. */
    public record Points(double[] phase, double[] flux, double[] err) {
    }

    private final Binner binner;
    private BinnedCurve last;
    private Points lastPoints;

    public BinTool(Binner binner) {
        this.binner = binner;
    }

    public BinnedCurve lastCurve() {
        return last;
    }

    /** The input points of the last run (the figure draws them under the binned curve). */
    public Points lastPoints() {
        return lastPoints;
    }

    public int run(Args a, PrintWriter out) throws CalphotException {
        if (a.nbins() < 1) {
            throw new BadInputException("--bins must be at least 1, not " + a.nbins(), Location.key(null, 0, "--bins"));
        }
        if (!(a.min() < a.max()) || !Double.isFinite(a.min()) || !Double.isFinite(a.max())) {
            throw new BadInputException("--range MIN MAX needs finite MIN < MAX, not " + a.min() + " " + a.max(),
                    Location.key(null, 0, "--range"));
        }
        if (a.files().isEmpty()) {
            throw new BadInputException("no input files", Location.key(null, 0, "FILE"));
        }
        Points p = read(a.files());
        BinnedCurve c = binner.bin(p.phase(), p.flux(), p.err(), a.nbins(), a.min(), a.max());
        String text = format(a, p, c);
        try {
            AtomicFiles.writeString(a.out(), text);
        } catch (IOException e) {
            throw new CalphotException("cannot write " + a.out() + ": " + e.getMessage(), Location.of(a.out().toString()),
                    e);
        }
        out.println(Fmt.f("binned %d points into %d of %d bins (%d empty bins dropped, %d points outside [%s, %s),"
                + " %d bad points left out); wrote %s", p.phase().length - c.outOfRange() - c.badPoints(), c.size(),
                a.nbins(), c.emptyBins(), c.outOfRange(), num(a.min()), num(a.max()), c.badPoints(), a.out()));
        Path figure = ToolFigures.binned(a.out(), p.phase(), p.flux(), p.err(), c);
        out.println("wrote " + figure);
        out.flush();
        last = c;
        lastPoints = p;
        return 0;
    }

    /** Python's repr() of a float, as cal_phot's bin_data wrote its rows. */
    static String num(double v) {
        return org.calphot.core.util.PyFloat.repr(v);
    }

    /** Reads and concatenates the files; a bad number is located by file, line and column. */
    public static Points read(List<Path> files) throws CalphotException {
        double[] ph = new double[1024];
        double[] fl = new double[1024];
        double[] er = new double[1024];
        int n = 0;
        for (Path f : files) {
            try (BufferedReader r = Files.newBufferedReader(f, StandardCharsets.UTF_8)) {
                String line;
                int ln = 0;
                while ((line = r.readLine()) != null) {
                    ln++;
                    String t = line.strip();
                    if (t.isEmpty() || t.startsWith("#")) {
                        continue;
                    }
                    String[] tok = t.split("\\s+");
                    if (tok.length < 3) {
                        throw new BadInputException("expected phase, flux and error, found " + tok.length + " column"
                                + (tok.length == 1 ? "" : "s"), Location.of(f.toString(), ln));
                    }
                    if (n == ph.length) {
                        ph = Arrays.copyOf(ph, 2 * n);
                        fl = Arrays.copyOf(fl, 2 * n);
                        er = Arrays.copyOf(er, 2 * n);
                    }
                    ph[n] = parse(tok[0], f, ln, line, 0);
                    fl[n] = parse(tok[1], f, ln, line, 1);
                    er[n] = parse(tok[2], f, ln, line, 2);
                    n++;
                }
            } catch (IOException e) {
                throw org.calphot.core.util.ReadErrors.of(f, e, "a lightcurve text file");
            }
        }
        return new Points(Arrays.copyOf(ph, n), Arrays.copyOf(fl, n), Arrays.copyOf(er, n));
    }

    private static double parse(String tok, Path f, int ln, String line, int field) throws BadInputException {
        try {
            return Double.parseDouble(tok);
        } catch (NumberFormatException e) {
            int col = 0;
            int seen = -1;
            boolean in = false;
            for (int i = 0; i < line.length(); i++) {
                boolean ws = Character.isWhitespace(line.charAt(i));
                if (!ws && !in) {
                    seen++;
                    if (seen == field) {
                        col = i + 1;
                        break;
                    }
                }
                in = !ws;
            }
            throw new BadInputException("'" + tok + "' is not a number (" + new String[] {"phase", "flux", "error"}[field]
                    + ")", Location.of(f.toString(), ln, col));
        }
    }

    static String format(Args a, Points p, BinnedCurve c) {
        StringBuilder sb = new StringBuilder();
        sb.append("# This file was produced by binning the following files down to ").append(a.nbins())
                .append(" bins between phase ").append(num(a.min())).append(" and ").append(num(a.max())).append(":\n");
        for (Path f : a.files()) {
            sb.append("# ").append(f).append('\n');
        }
        sb.append("#\n");
        if (a.reason() != null && !a.reason().isBlank()) {
            sb.append("# REASON GIVEN BY USER:\n");
            for (String l : wrap(a.reason().strip(), 77)) {
                sb.append("# ").append(l).append('\n');
            }
            sb.append("#\n");
        }
        sb.append("# Bins are half-open [MIN + i*w, MIN + (i+1)*w), w = (MAX - MIN)/N. Flux: inverse-variance weighted\n");
        sb.append("# mean; error: 1/sqrt(sum 1/sigma^2); phase: mean phase of the points in the bin.\n");
        sb.append(Fmt.f("# Points read %d; outside the range %d; bad (non-finite, or error <= 0) %d; empty bins"
                + " dropped %d.%n", p.phase().length, c.outOfRange(), c.badPoints(), c.emptyBins()));
        sb.append("# phase, flux, error, n\n");
        for (int i = 0; i < c.size(); i++) {
            sb.append(c.phase()[i]).append(' ').append(c.flux()[i]).append(' ').append(c.err()[i]).append(' ')
                    .append(c.count()[i]).append('\n');
        }
        return sb.toString();
    }

    private static List<String> wrap(String s, int width) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < s.length(); i += width) {
            out.add(s.substring(i, Math.min(s.length(), i + width)));
        }
        return out;
    }
}
