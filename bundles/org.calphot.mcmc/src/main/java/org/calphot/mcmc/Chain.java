// SPDX-License-Identifier: EPL-2.0 OR GPL-2.0-or-later
// Copyright (c) 2026 the calphot contributors
package org.calphot.mcmc;

import java.util.Arrays;

/**
 * The states of an ensemble sampler: {@code nSteps} steps of {@code nWalkers} walkers in
 * {@code nDim} dimensions, stored step-major in primitive arrays:
 * {@code samples[(step * nWalkers + walker) * nDim + dim]} and
 * {@code logProb[step * nWalkers + walker]}. {@code accepted[walker]} counts accepted moves.
 * The arrays are shared, not copied: treat them as read-only.
 */
public record Chain(int nWalkers, int nDim, int nSteps, String[] names, double[] samples, double[] logProb,
        long[] accepted, long seed) {

    public Chain {
        if (nWalkers < 1 || nDim < 1 || nSteps < 0) {
            throw new IllegalArgumentException("bad chain shape " + nWalkers + "x" + nSteps + "x" + nDim);
        }
        if (samples.length != (long) nSteps * nWalkers * nDim || logProb.length != (long) nSteps * nWalkers
                || accepted.length != nWalkers) {
            throw new IllegalArgumentException("chain arrays do not match the shape");
        }
        if (names == null) {
            names = defaultNames(nDim);
        } else if (names.length != nDim) {
            throw new IllegalArgumentException("need " + nDim + " parameter names, got " + names.length);
        }
    }

    static String[] defaultNames(int nDim) {
        String[] n = new String[nDim];
        for (int i = 0; i < nDim; i++) {
            n[i] = "p" + i;
        }
        return n;
    }

    public double value(int step, int walker, int dim) {
        return samples[(step * nWalkers + walker) * nDim + dim];
    }

    public double logProb(int step, int walker) {
        return logProb[step * nWalkers + walker];
    }

    /** One walker's trace of one parameter, steps {@code from..nSteps-1}. */
    public double[] series(int dim, int walker, int from) {
        double[] s = new double[nSteps - from];
        for (int t = from; t < nSteps; t++) {
            s[t - from] = samples[(t * nWalkers + walker) * nDim + dim];
        }
        return s;
    }

    /** All walkers' values of one parameter after discarding {@code burn} steps and keeping every {@code thin}-th. */
    public double[] flat(int dim, int burn, int thin) {
        checkBurnThin(burn, thin);
        int kept = (nSteps - burn + thin - 1) / thin;
        double[] out = new double[kept * nWalkers];
        int k = 0;
        for (int t = burn; t < nSteps; t += thin) {
            int base = t * nWalkers * nDim + dim;
            for (int w = 0; w < nWalkers; w++) {
                out[k++] = samples[base + w * nDim];
            }
        }
        return out;
    }

    /** A chain holding only steps {@code burn, burn+thin, ...}; acceptance counts are kept. */
    public Chain subChain(int burn, int thin) {
        checkBurnThin(burn, thin);
        int kept = (nSteps - burn + thin - 1) / thin;
        double[] s = new double[kept * nWalkers * nDim];
        double[] lp = new double[kept * nWalkers];
        int k = 0;
        for (int t = burn; t < nSteps; t += thin) {
            System.arraycopy(samples, t * nWalkers * nDim, s, k * nWalkers * nDim, nWalkers * nDim);
            System.arraycopy(logProb, t * nWalkers, lp, k * nWalkers, nWalkers);
            k++;
        }
        return new Chain(nWalkers, nDim, kept, names, s, lp, accepted, seed);
    }

    /** Accepted moves per walker divided by the number of steps. */
    public double[] acceptanceFraction() {
        double[] f = new double[nWalkers];
        for (int w = 0; w < nWalkers; w++) {
            f[w] = nSteps == 0 ? 0 : (double) accepted[w] / nSteps;
        }
        return f;
    }

    public double meanAcceptanceFraction() {
        return Arrays.stream(acceptanceFraction()).average().orElse(0);
    }

    /** Positions of all walkers at the last step, {@code [walker][dim]}. */
    public double[][] lastPositions() {
        double[][] p = new double[nWalkers][nDim];
        for (int w = 0; w < nWalkers; w++) {
            System.arraycopy(samples, ((nSteps - 1) * nWalkers + w) * nDim, p[w], 0, nDim);
        }
        return p;
    }

    private void checkBurnThin(int burn, int thin) {
        if (burn < 0 || burn >= nSteps || thin < 1) {
            throw new IllegalArgumentException("burn " + burn + " / thin " + thin + " invalid for " + nSteps + " steps");
        }
    }
}
