// SPDX-License-Identifier: EPL-2.0 OR GPL-2.0-or-later
// Copyright (c) 2026 the calphot contributors
package org.calphot.plot;

/**
 * An MCMC chain for plotting, in the layout of {@code org.calphot.mcmc.Chain}: step-major,
 * {@code samples[(step * nWalkers + walker) * nDim + dim]}. Names label the parameters ("T0", "P"); units may be
 * null or empty strings. The arrays are not copied.
 */
public record McmcSamples(int nWalkers, int nDim, int nSteps, double[] samples, String[] names, String[] units) {

    public McmcSamples {
        if (nWalkers < 1 || nDim < 1 || nSteps < 1) {
            throw new IllegalArgumentException("bad chain shape " + nWalkers + "x" + nSteps + "x" + nDim);
        }
        if (samples.length != (long) nSteps * nWalkers * nDim) {
            throw new IllegalArgumentException("chain array does not match the shape");
        }
        if (names == null) {
            names = new String[nDim];
            for (int i = 0; i < nDim; i++) {
                names[i] = "p" + i;
            }
        }
        if (names.length != nDim || (units != null && units.length != nDim)) {
            throw new IllegalArgumentException("need " + nDim + " names and units");
        }
        if (units == null) {
            units = new String[nDim];
        }
    }

    public double value(int step, int walker, int dim) {
        return samples[(step * nWalkers + walker) * nDim + dim];
    }

    /** All samples of one parameter from step {@code burn} on, walkers pooled. */
    public double[] flat(int dim, int burn) {
        int b = Math.max(0, Math.min(burn, nSteps));
        double[] r = new double[(nSteps - b) * nWalkers];
        int k = 0;
        for (int s = b; s < nSteps; s++) {
            for (int w = 0; w < nWalkers; w++) {
                r[k++] = value(s, w, dim);
            }
        }
        return r;
    }
}
