// SPDX-License-Identifier: EPL-2.0 OR GPL-2.0-or-later
// Copyright (c) 2026 the calphot contributors
package org.calphot.mcmc;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.calphot.core.BadInputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ChainIOTest {

    @Test
    void pythonReprMatchesCPython() {
        // expected strings are CPython 3 repr() outputs
        assertEquals("1e-05", ChainIO.pythonRepr(1e-5));
        assertEquals("0.0001", ChainIO.pythonRepr(1e-4));
        assertEquals("1e+16", ChainIO.pythonRepr(1e16));
        assertEquals("1000000000000000.0", ChainIO.pythonRepr(1e15));
        assertEquals("54914.332292", ChainIO.pythonRepr(54914.332292));
        assertEquals("0.06236285648", ChainIO.pythonRepr(0.06236285648));
        assertEquals("1.5e-10", ChainIO.pythonRepr(1.5e-10));
        assertEquals("-2.5", ChainIO.pythonRepr(-2.5));
        assertEquals("100.0", ChainIO.pythonRepr(100.0));
        assertEquals("0.1", ChainIO.pythonRepr(0.1));
        assertEquals("1.2345e+20", ChainIO.pythonRepr(1.2345e20));
        assertEquals("nan", ChainIO.pythonRepr(Double.NaN));
        assertEquals("-inf", ChainIO.pythonRepr(Double.NEGATIVE_INFINITY));
        assertEquals("0.0", ChainIO.pythonRepr(0.0));
    }

    private static Chain sample() throws Exception {
        return new EnsembleSampler(6, 3, x -> -0.5 * (x[0] * x[0] + x[1] * x[1] / 1e-12 + x[2] * x[2]))
                .seed(4).parameterNames("T0", "P", "obs_err_x")
                .run(new double[][] {{54914.1, 1e-7, 1}, {54914.2, -1e-7, 1.1}, {54914.3, 2e-7, 0.9},
                        {54914.0, 0, 1.2}, {54914.15, 3e-7, 0.8}, {54914.05, -2e-7, 1.05}}, 40, null);
    }

    @Test
    void originalLayoutRoundTrip(@TempDir Path dir) throws Exception {
        Chain c = sample();
        Path f = dir.resolve("ephemeris_chain.txt");
        ChainIO.writeOriginalLayout(f, c);
        List<String> lines = Files.readAllLines(f);
        assertEquals(6 * 40, lines.size());
        // "{walker:4d} {T0} {P} {s} {lnprob:f}"
        assertEquals("   0 ", lines.get(0).substring(0, 5));
        assertEquals("   5 ", lines.get(5).substring(0, 5));
        assertEquals(String.format(java.util.Locale.ROOT, "%f", c.logProb(0, 0)),
                lines.get(0).substring(lines.get(0).lastIndexOf(' ') + 1));
        Chain back = ChainIO.readOriginalLayout(f, "T0", "P", "obs_err_x");
        assertEquals(6, back.nWalkers());
        assertEquals(40, back.nSteps());
        assertEquals(3, back.nDim());
        assertArrayEquals(c.samples(), back.samples()); // repr is round-trip exact
        for (int i = 0; i < c.logProb().length; i++) {
            assertEquals(c.logProb()[i], back.logProb()[i], 5e-7);
        }
    }

    @Test
    void csvHasHeaderAndAllRows(@TempDir Path dir) throws Exception {
        Chain c = sample();
        Path f = dir.resolve("chain.csv");
        ChainIO.writeCsv(f, c.subChain(10, 3));
        List<String> lines = Files.readAllLines(f);
        assertEquals("step,walker,T0,P,obs_err_x,log_prob", lines.get(0));
        assertEquals(1 + 6 * 10, lines.size());
        String[] row = lines.get(1).split(",");
        assertEquals(c.value(10, 0, 0), Double.parseDouble(row[2]));
        assertEquals(c.value(10, 0, 1), Double.parseDouble(row[3]));
    }

    @Test
    void malformedChainIsLocated(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("bad.txt");
        Files.writeString(f, "   0 1.0 2.0 -3.0\n   1 1.0 x -3.0\n");
        BadInputException e = assertThrows(BadInputException.class, () -> ChainIO.readOriginalLayout(f));
        assertEquals(2, e.location().line());
        assertEquals(3, e.location().column());
    }
}
