// SPDX-License-Identifier: EPL-2.0 OR GPL-2.0-or-later
// Copyright (c) 2026 the calphot contributors
package org.calphot.mcmc;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.calphot.core.BadInputException;
import org.calphot.core.Location;
import org.calphot.core.util.AtomicFiles;
import org.calphot.core.util.FloatFormat;
import org.calphot.core.util.PyFloat;

/**
 * Chain files. CSV: header {@code step,walker,<names>,log_prob}, one row per walker per step.
 * The original cal_phot layout ({@code ephemeris_chain.txt}): no header, step-major, one line
 * per walker per step, {@code "{walker:4d} {p_1} ... {p_n} {lnprob:f}"} with Python
 * {@code str()} floats and six decimals for lnprob. Files are written atomically.
 */
public final class ChainIO {

    private ChainIO() {
    }

    public static void writeCsv(Path file, Chain chain) throws IOException {
        AtomicFiles.write(file, out -> {
            BufferedWriter w = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16);
            StringBuilder sb = new StringBuilder("step,walker");
            for (String n : chain.names()) {
                sb.append(',').append(n);
            }
            w.append(sb).append(",log_prob\n");
            int nW = chain.nWalkers();
            int nD = chain.nDim();
            double[] s = chain.samples();
            for (int t = 0; t < chain.nSteps(); t++) {
                for (int k = 0; k < nW; k++) {
                    sb.setLength(0);
                    sb.append(t).append(',').append(k);
                    int base = (t * nW + k) * nD;
                    for (int d = 0; d < nD; d++) {
                        sb.append(',').append(pythonRepr(s[base + d]));
                    }
                    sb.append(',').append(pythonRepr(chain.logProb(t, k))).append('\n');
                    w.append(sb);
                }
            }
            w.flush();
        });
    }

    /** The original's {@code ephemeris_chain.txt} layout. */
    public static void writeOriginalLayout(Path file, Chain chain) throws IOException {
        AtomicFiles.write(file, out -> writeOriginalLayout(out, chain));
    }

    /** The original's layout to a stream (e.g. a run's staged output); the stream is flushed, not closed. */
    public static void writeOriginalLayout(java.io.OutputStream out, Chain chain) throws IOException {
        BufferedWriter w = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16);
        StringBuilder sb = new StringBuilder();
        int nW = chain.nWalkers();
        int nD = chain.nDim();
        double[] s = chain.samples();
        for (int t = 0; t < chain.nSteps(); t++) {
            for (int k = 0; k < nW; k++) {
                sb.setLength(0);
                FloatFormat.appendPadded(sb, k, 4); // "%4d" and "%f" below without a Formatter per value
                int base = (t * nW + k) * nD;
                for (int d = 0; d < nD; d++) {
                    sb.append(' ').append(pythonRepr(s[base + d]));
                }
                FloatFormat.appendFixed(sb.append(' '), chain.logProb(t, k), 6).append('\n');
                w.append(sb);
            }
        }
        w.flush();
    }

    /**
     * Reads the original layout back; the number of walkers is where the walker column first
     * returns to its first value. Acceptance counts are not stored in that file: they are
     * reconstructed from changes of position between consecutive steps.
     */
    public static Chain readOriginalLayout(Path file, String... names) throws BadInputException, IOException {
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        String fn = file.toString();
        List<double[]> rows = new ArrayList<>();
        List<Integer> walkers = new ArrayList<>();
        int cols = -1;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).trim();
            if (line.isEmpty()) {
                continue;
            }
            String[] tok = line.split("\\s+");
            if (cols < 0) {
                cols = tok.length;
                if (cols < 3) {
                    throw new BadInputException("expected walker, parameters and lnprob", Location.of(fn, i + 1));
                }
            } else if (tok.length != cols) {
                throw new BadInputException("expected " + cols + " columns, found " + tok.length,
                        Location.of(fn, i + 1));
            }
            int col = 0;
            try {
                walkers.add(Integer.parseInt(tok[0]));
                double[] r = new double[cols - 1];
                for (col = 1; col < cols; col++) {
                    r[col - 1] = Double.parseDouble(tok[col]);
                }
                rows.add(r);
            } catch (NumberFormatException e) {
                throw new BadInputException("not a number '" + tok[col] + "'", Location.of(fn, i + 1, col + 1));
            }
        }
        if (rows.isEmpty()) {
            throw new BadInputException("empty chain file", Location.of(fn));
        }
        int nW = 1;
        while (nW < walkers.size() && !walkers.get(nW).equals(walkers.get(0))) {
            nW++;
        }
        if (rows.size() % nW != 0) {
            throw new BadInputException(rows.size() + " lines are not a whole number of steps of " + nW + " walkers",
                    Location.of(fn));
        }
        int nD = cols - 2;
        int nS = rows.size() / nW;
        double[] s = new double[nS * nW * nD];
        double[] lp = new double[nS * nW];
        long[] acc = new long[nW];
        for (int r = 0; r < rows.size(); r++) {
            double[] row = rows.get(r);
            if (walkers.get(r) != r % nW) {
                throw new BadInputException("walker " + (r % nW) + " expected, found " + walkers.get(r),
                        Location.of(fn));
            }
            System.arraycopy(row, 0, s, r * nD, nD);
            lp[r] = row[nD];
            if (r >= nW) {
                for (int d = 0; d < nD; d++) {
                    if (s[r * nD + d] != s[(r - nW) * nD + d]) {
                        acc[r % nW]++;
                        break;
                    }
                }
            }
        }
        return new Chain(nW, nD, nS, names == null || names.length == 0 ? null : names, s, lp, acc, 0);
    }

    /** Python's {@code repr(float)}: calphot's one formatter, {@link PyFloat#repr(double)}. */
    public static String pythonRepr(double x) {
        return PyFloat.repr(x);
    }
}
