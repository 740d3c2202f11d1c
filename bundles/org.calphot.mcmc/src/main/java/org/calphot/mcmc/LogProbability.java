// SPDX-License-Identifier: EPL-2.0 OR GPL-2.0-or-later
// Copyright (c) 2026 the calphot contributors
package org.calphot.mcmc;

/**
 * Logarithm of an (unnormalised) probability density. Return {@link Double#NEGATIVE_INFINITY}
 * outside the support; NaN is treated like {@code -inf} (the proposal is rejected).
 * <p>
 * The sampler may call it from several threads at once, so it must be thread-safe (a pure
 * function of its argument is). The array is only valid during the call and must not be
 * modified or kept.
 */
@FunctionalInterface
public interface LogProbability {
    double logProbability(double[] theta);
}
