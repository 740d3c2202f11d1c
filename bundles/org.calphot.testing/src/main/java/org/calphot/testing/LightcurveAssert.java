// SPDX-License-Identifier: EPL-2.0 OR GPL-2.0-or-later
// Copyright (c) 2026 the calphot contributors
package org.calphot.testing;

import java.util.Locale;

import org.opentest4j.AssertionFailedError;

/**
 * Assertions on whole columns (times, fluxes, airmasses) with stated tolerances; a failure names the column, the
 * worst row and how many rows are out of tolerance, so one message says how wrong a lightcurve is.
 */
public final class LightcurveAssert {

    private LightcurveAssert() {
    }

    /** Every {@code |actual - expected| <= absTol}; NaN must match NaN. */
    public static void assertAllClose(String what, double[] expected, double[] actual, double absTol) {
        sameLength(what, expected, actual);
        int bad = 0;
        int worst = -1;
        double worstErr = -1;
        for (int i = 0; i < expected.length; i++) {
            double e = expected[i];
            double a = actual[i];
            double err = Double.isNaN(e) && Double.isNaN(a) ? 0 : Math.abs(a - e);
            if (!(err <= absTol)) {
                bad++;
            }
            if (!(err <= worstErr) && !(Double.isNaN(err) && worst >= 0 && Double.isNaN(worstErr))) {
                worstErr = Double.isNaN(err) ? Double.NaN : err;
                worst = i;
            }
        }
        if (bad > 0) {
            throw new AssertionFailedError(String.format(Locale.ROOT,
                    "%s: %d of %d rows differ by more than %.3g; worst row %d: expected %.12g, got %.12g (|diff| %.3g)",
                    what, bad, expected.length, absTol, worst, expected[worst], actual[worst], worstErr));
        }
    }

    /** Every {@code |actual / expected - 1| <= relTol}. */
    public static void assertAllRelative(String what, double[] expected, double[] actual, double relTol) {
        sameLength(what, expected, actual);
        int bad = 0;
        int worst = 0;
        double worstErr = -1;
        for (int i = 0; i < expected.length; i++) {
            double err = Math.abs(actual[i] / expected[i] - 1);
            if (!(err <= relTol)) {
                bad++;
            }
            if (!(err <= worstErr)) {
                worstErr = err;
                worst = i;
            }
        }
        if (bad > 0) {
            throw new AssertionFailedError(String.format(Locale.ROOT,
                    "%s: %d of %d rows differ by more than %.3g relative; worst row %d: expected %.9g, got %.9g",
                    what, bad, expected.length, relTol, worst, expected[worst], actual[worst]));
        }
    }

    /** Statistics of the pulls {@code (actual - expected) / sigma} over the finite rows. */
    public record Pulls(int n, double mean, double sd) {
        @Override
        public String toString() {
            return String.format(Locale.ROOT, "n=%d mean=%.4f sd=%.4f", n, mean, sd);
        }
    }

    /** The pulls of {@code actual} against {@code expected} in units of {@code sigma} (non-finite rows left out). */
    public static Pulls pulls(double[] expected, double[] actual, double[] sigma) {
        sameLength("pulls", expected, actual);
        double s = 0;
        double s2 = 0;
        int n = 0;
        for (int i = 0; i < expected.length; i++) {
            double p = (actual[i] - expected[i]) / sigma[i];
            if (Double.isFinite(p)) {
                s += p;
                s2 += p * p;
                n++;
            }
        }
        double mean = s / n;
        return new Pulls(n, mean, Math.sqrt(Math.max(0, s2 / n - mean * mean)));
    }

    /**
     * The errors are honest and the values unbiased: the mean pull within {@code meanTol} standard errors of 0
     * ({@code meanTol / sqrt(n)}) and the pull spread within {@code [sdLow, sdHigh]}.
     */
    public static Pulls assertPulls(String what, double[] expected, double[] actual, double[] sigma, double meanTol,
            double sdLow, double sdHigh) {
        Pulls p = pulls(expected, actual, sigma);
        if (p.n() < 2) {
            throw new AssertionFailedError(what + ": fewer than 2 finite rows (" + p.n() + ")");
        }
        if (!(Math.abs(p.mean()) <= meanTol / Math.sqrt(p.n())) || !(p.sd() >= sdLow && p.sd() <= sdHigh)) {
            throw new AssertionFailedError(String.format(Locale.ROOT,
                    "%s: pulls %s, expected |mean| <= %.4f (%.1f standard errors) and sd in [%.3f, %.3f]", what, p,
                    meanTol / Math.sqrt(p.n()), meanTol, sdLow, sdHigh));
        }
        return p;
    }

    /** A single value within {@code absTol}, with the reason of the tolerance in the message. */
    public static void assertClose(String what, double expected, double actual, double absTol, String why) {
        if (!(Math.abs(actual - expected) <= absTol)) {
            throw new AssertionFailedError(String.format(Locale.ROOT, "%s: expected %.12g +- %.3g (%s), got %.12g",
                    what, expected, absTol, why, actual));
        }
    }

    private static void sameLength(String what, double[] expected, double[] actual) {
        if (expected.length != actual.length) {
            throw new AssertionFailedError(what + ": " + expected.length + " expected rows, " + actual.length + " actual");
        }
    }
}
