// SPDX-License-Identifier: EPL-2.0 OR GPL-2.0-or-later
// Copyright (c) 2026 the calphot contributors
package org.calphot.ephemeris.internal;

import org.apache.commons.math3.analysis.MultivariateFunction;
import org.apache.commons.math3.exception.TooManyEvaluationsException;
import org.apache.commons.math3.optim.InitialGuess;
import org.apache.commons.math3.optim.MaxEval;
import org.apache.commons.math3.optim.PointValuePair;
import org.apache.commons.math3.optim.nonlinear.scalar.GoalType;
import org.apache.commons.math3.optim.nonlinear.scalar.ObjectiveFunction;
import org.apache.commons.math3.optim.nonlinear.scalar.noderiv.NelderMeadSimplex;
import org.apache.commons.math3.optim.nonlinear.scalar.noderiv.SimplexOptimizer;

/**
 * Nelder-Mead maximisation that keeps the best point it evaluated: commons-math throws away the
 * simplex when it stops on its evaluation limit, so the objective records its own best.
 */
final class Optimiser {

    private Optimiser() {
    }

    /**
     * @param steps    initial simplex step per parameter
     * @param restarts runs, each from the previous answer (a collapsed simplex gets a fresh one)
     */
    static double[] maximise(MultivariateFunction fn, double[] start, double[] steps, int maxEval, int restarts) {
        double[][] best = {start.clone()};
        double[] bestValue = {fn.value(start)};
        MultivariateFunction tracked = p -> {
            double v = fn.value(p);
            if (v > bestValue[0]) {
                bestValue[0] = v;
                best[0] = p.clone();
            }
            return v;
        };
        SimplexOptimizer opt = new SimplexOptimizer(1e-10, 1e-10);
        for (int k = 0; k < restarts; k++) {
            try {
                PointValuePair r = opt.optimize(new MaxEval(maxEval), new ObjectiveFunction(tracked),
                        GoalType.MAXIMIZE, new InitialGuess(best[0]), new NelderMeadSimplex(steps));
                tracked.value(r.getPoint());
            } catch (TooManyEvaluationsException e) {
                // the evaluation limit: the best point seen so far is kept
            }
        }
        return best[0];
    }
}
