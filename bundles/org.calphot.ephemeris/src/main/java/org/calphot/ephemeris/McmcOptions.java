// SPDX-License-Identifier: EPL-2.0 OR GPL-2.0-or-later
// Copyright (c) 2026 the calphot contributors
package org.calphot.ephemeris;

/**
 * Settings of the MCMC ephemeris fit. {@code burn} and {@code thin} &lt; 0 mean "choose from the
 * autocorrelation time" (burn = 2 max tau, thin = min tau / 2). {@code threads} 0 = automatic.
 * {@code fitErrorScales}: one multiplicative error-scale factor per source, log-uniform prior on
 * (0.01, 100), entering the likelihood (in cal_phot they were sampled but never used).
 */
public record McmcOptions(int walkers, int steps, int burn, int thin, long seed, boolean fitErrorScales,
        int threads) {

    public static final int DEFAULT_WALKERS = 32;
    public static final int DEFAULT_STEPS = 7000;
    public static final long DEFAULT_SEED = 1;

    public static McmcOptions defaults() {
        return new McmcOptions(DEFAULT_WALKERS, DEFAULT_STEPS, -1, -1, DEFAULT_SEED, false, 0);
    }

    public McmcOptions withSeed(long s) {
        return new McmcOptions(walkers, steps, burn, thin, s, fitErrorScales, threads);
    }

    public McmcOptions withSteps(int w, int s) {
        return new McmcOptions(w, s, burn, thin, seed, fitErrorScales, threads);
    }

    public McmcOptions withBurnThin(int b, int t) {
        return new McmcOptions(walkers, steps, b, t, seed, fitErrorScales, threads);
    }

    public McmcOptions withErrorScales(boolean on) {
        return new McmcOptions(walkers, steps, burn, thin, seed, on, threads);
    }

    public McmcOptions withThreads(int t) {
        return new McmcOptions(walkers, steps, burn, thin, seed, fitErrorScales, t);
    }
}
