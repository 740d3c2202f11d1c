// SPDX-License-Identifier: EPL-2.0 OR GPL-2.0-or-later
// Copyright (c) 2026 the calphot contributors
package org.calphot.ephemeris;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.calphot.core.ProgressMonitor;
import org.calphot.core.Warnings;
import org.calphot.testing.ReferenceData;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * DP Leo, Beuermann et al. 2011 (A&amp;A 526, A53), eq. 1 from the 54 eclipses of 2009-2010:
 * BJD 2454914.8322920(20) + 0.06236285648(90) E. Reference table and acceptance rules:
 * org.calphot.testing/data/ephemeris/README.md.
 */
class DpLeoEphemerisTest {

    static final double T0_PUB = 2454914.8322920 - 2400000.5; // BMJD
    static final double T0_PUB_ERR = 2.0e-6;
    static final double P_PUB = 0.06236285648;
    static final double P_PUB_ERR = 9.0e-10;

    static EclipseTimeTable table;

    /** The 54 rows with in_eq1_fit = 1, cycles relative to eq. 1's T0, BJD converted to BMJD. */
    static EclipseTimeTable load() throws Exception {
        Path csv = ReferenceData.committed("ephemeris/dpleo_beuermann2011_eclipse_times.csv");
        List<String> lines = Files.readAllLines(csv);
        List<int[]> c = new ArrayList<>();
        List<double[]> d = new ArrayList<>();
        for (String l : lines.subList(1, lines.size())) {
            String[] t = l.split(",");
            if (t.length == 5 && t[4].strip().equals("1")) {
                c.add(new int[] {Integer.parseInt(t[1].strip())});
                d.add(new double[] {Double.parseDouble(t[2]) - 2400000.5, Double.parseDouble(t[3])});
            }
        }
        int n = c.size();
        int[] cyc = new int[n];
        double[] tt = new double[n];
        double[] ee = new double[n];
        for (int i = 0; i < n; i++) {
            cyc[i] = c.get(i)[0];
            tt[i] = d.get(i)[0];
            ee[i] = d.get(i)[1];
        }
        return new EclipseTimeTable(Map.of(0, "Beuermann 2011"), cyc, tt, ee, new int[n]);
    }

    @BeforeAll
    static void setUp() throws Exception {
        table = load();
    }

    @Test
    void leastSquaresReproducesPublishedEphemeris() throws Exception {
        assertEquals(54, table.size());
        EphemerisFit f = EphemerisFitter.create().fitLeastSquares(table);
        // README's independent numpy check: 2.8e-6 d, 9.5e-10 d, chi2 35.2 / 52
        assertEquals(T0_PUB, f.t0(), 0.5e-7); // equal to the printed digits (1e-7 d)
        assertEquals(P_PUB, f.period(), 0.5e-11);
        assertEquals(2.8e-6, f.t0Err(), 0.05e-6);
        assertEquals(9.5e-10, f.periodErr(), 0.05e-10);
        assertEquals(35.2, f.chi2(), 0.05);
        assertEquals(52, f.dof());
        assertEquals(2.3e-6, f.t0ErrScaled(), 0.05e-6);
        assertEquals(7.8e-10, f.periodErrScaled(), 0.05e-10);
        // O - C sign: T_obs - T_calc; the first eclipse (E = 0) is the table's 2454914.832280
        assertEquals((2454914.832280 - 2400000.5 - f.t0()) * 86400, f.oc().ocSeconds()[0], 1e-4);
    }

    @Test
    void mcmcAgreesWithPublishedAndLeastSquares() throws Exception {
        EphemerisFit wls = EphemerisFitter.create().fitLeastSquares(table);
        List<String> warnings = new ArrayList<>();
        Warnings collect = (loc, msg) -> warnings.add(msg);
        EphemerisFit f = EphemerisFitter.create().fitMcmc(table, McmcOptions.defaults(), ProgressMonitor.NULL,
                collect);
        System.out.printf("DP Leo MCMC 32x7000: T0 = %.9f +- %.3g, P = %.13f +- %.3g, chi2_nu = %.3f, tau = %s,"
                + " burn %d thin %d, acc %.3f, %.3f s, %d threads, corr %.3f%n", f.t0(), f.t0Err(), f.period(),
                f.periodErr(), f.reducedChi2(), java.util.Arrays.toString(f.mcmc().tau()), f.mcmc().burn(),
                f.mcmc().thin(), f.mcmc().meanAcceptance(), f.mcmc().samplingSeconds(), f.mcmc().threads(),
                f.correlation());
        // within 1 sigma of the published values
        assertEquals(T0_PUB, f.t0(), T0_PUB_ERR);
        assertEquals(P_PUB, f.period(), P_PUB_ERR);
        // within a few Monte Carlo errors (~7e-8, 2.5e-11) of least squares (README)
        assertEquals(wls.t0(), f.t0(), 3e-7);
        assertEquals(wls.period(), f.period(), 1e-10);
        // posterior sigma within 20 % of the formal, unscaled least-squares errors (no error scaling here)
        assertEquals(wls.t0Err(), f.t0Err(), 0.2 * wls.t0Err());
        assertEquals(wls.periodErr(), f.periodErr(), 0.2 * wls.periodErr());
        assertEquals(35.2 / 52, f.reducedChi2(), 0.01);
        assertTrue(warnings.isEmpty(), warnings.toString());
        assertTrue(f.mcmc().tau()[0] > 5 && f.mcmc().tau()[0] < 100);
        assertEquals(32 * 7001L, f.mcmc().logProbCalls());
    }

    @Test
    void errorScaleFactorEntersTheLikelihood() throws Exception {
        // with a scale factor the posterior s is ~ sqrt(chi2_nu) = 0.82 and the errors shrink to the scaled ones
        EphemerisFit f = EphemerisFitter.create().fitMcmc(table,
                McmcOptions.defaults().withSteps(32, 3000).withErrorScales(true), null, Warnings.IGNORE);
        assertEquals(1, f.scaleFactors().length);
        assertEquals(Math.sqrt(35.2 / 52), f.scaleFactors()[0], 0.1);
        assertEquals(2.3e-6, f.t0Err(), 0.2 * 2.3e-6);
        assertEquals(7.8e-10, f.periodErr(), 0.2 * 7.8e-10);
        assertEquals("obs_err_Beuermann_2011", f.mcmc().chain().names()[2]);
    }

    @Test
    void sameSeedSameAnswer() throws Exception {
        McmcOptions o = McmcOptions.defaults().withSteps(32, 500).withSeed(7);
        EphemerisFit a = EphemerisFitter.create().fitMcmc(table, o.withThreads(1), null, Warnings.IGNORE);
        EphemerisFit b = EphemerisFitter.create().fitMcmc(table, o.withThreads(2), null, Warnings.IGNORE);
        assertEquals(a.t0(), b.t0(), 0.0);
        assertEquals(a.period(), b.period(), 0.0);
    }
}
