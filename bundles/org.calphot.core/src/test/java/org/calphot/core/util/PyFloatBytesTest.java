// SPDX-License-Identifier: EPL-2.0 OR GPL-2.0-or-later
// Copyright (c) 2026 the calphot contributors
package org.calphot.core.util;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

/**
 * {@link PyFloat} prints what CPython prints, over random bit patterns of every magnitude and over the values a
 * lightcurve holds. The reference, {@code pyrepr-corpus.txt} next to this class, was written by CPython 3.11.7:
 * <pre>
 * import random, struct, math, sys
 * r = random.Random(17)
 * vals = []
 * while len(vals) &lt; 1000:
 *     x = struct.unpack('>d', struct.pack('>Q', r.getrandbits(64)))[0]
 *     if math.isfinite(x): vals.append(x)
 * for i in range(250):
 *     vals += [r.uniform(-0.5, 0.5), r.uniform(0, 50), r.uniform(0, 0.01), 58000 + r.uniform(0, 3000)]
 * for x in vals:
 *     print(struct.pack('>d', x).hex(), repr(x))
 * </pre>
 * (Until this test the reference was PyFloat's own earlier BigDecimal version, which shared JDK 17's non-shortest
 * Double.toString digits.)
 */
class PyFloatBytesTest {

    @Test
    void matchesCPythonOnRandomBitsAndLightcurveValues() throws IOException {
        int n = 0;
        try (InputStream in = PyFloatBytesTest.class.getResourceAsStream("pyrepr-corpus.txt");
             BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.US_ASCII))) {
            StringBuilder sb = new StringBuilder();
            for (String line; (line = r.readLine()) != null;) {
                if (line.startsWith("#")) {
                    continue;
                }
                int sp = line.indexOf(' ');
                double d = Double.longBitsToDouble(Long.parseUnsignedLong(line.substring(0, sp), 16));
                String py = line.substring(sp + 1);
                assertEquals(py, PyFloat.repr(d), line);
                sb.setLength(0);
                assertEquals(py, PyFloat.append(sb.append('x'), d).substring(1), line);
                n++;
            }
        }
        assertEquals(2000, n, "corpus lines");
    }

    /** Any finite double: the printed text reads back as the same double, and append() agrees with repr(). */
    @Test
    void roundTripsOverRandomBits() {
        SplittableRandom r = new SplittableRandom(21);
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 50_000; i++) {
            double d = Double.longBitsToDouble(r.nextLong());
            if (!Double.isFinite(d)) {
                continue;
            }
            String s = PyFloat.repr(d);
            assertTrue(Double.parseDouble(s) == d || (d == 0 && s.endsWith("0.0")), s);
            sb.setLength(0);
            assertEquals(s, PyFloat.append(sb.append('x'), d).substring(1));
        }
    }
}
