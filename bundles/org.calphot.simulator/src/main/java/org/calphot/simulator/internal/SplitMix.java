// SPDX-License-Identifier: EPL-2.0 OR GPL-2.0-or-later
// Copyright (c) 2026 the calphot contributors
package org.calphot.simulator.internal;

/**
 * SplitMix64 with a polar-method Gaussian on {@link StrictMath}: every step is specified to the bit,
 * so a seed gives the same numbers on every JVM and platform (java.util.Random's and the JDK's
 * RandomGenerator Gaussians are implementation details that may change between releases).
 */
public final class SplitMix {

    private long state;
    private double spare;
    private boolean hasSpare;

    public SplitMix(long seed) {
        this.state = seed;
    }

    /** An independent stream for a named purpose, so adding draws to one stream leaves the others alone. */
    public static SplitMix stream(long seed, long purpose) {
        SplitMix m = new SplitMix(seed ^ (purpose * 0xD1B54A32D192ED03L));
        m.nextLong();
        return m;
    }

    public long nextLong() {
        long z = (state += 0x9E3779B97F4A7C15L);
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /** Uniform in [0, 1). */
    public double uniform() {
        return (nextLong() >>> 11) * 0x1.0p-53;
    }

    /** Uniform integer in [0, n). */
    public int nextInt(int n) {
        return (int) ((nextLong() >>> 33) % n);
    }

    public double gaussian() {
        if (hasSpare) {
            hasSpare = false;
            return spare;
        }
        double u;
        double v;
        double s;
        do {
            u = 2 * uniform() - 1;
            v = 2 * uniform() - 1;
            s = u * u + v * v;
        } while (s >= 1 || s == 0);
        double f = Math.sqrt(-2 * StrictMath.log(s) / s); // sqrt is exactly rounded by IEEE 754
        spare = v * f;
        hasSpare = true;
        return u * f;
    }
}
