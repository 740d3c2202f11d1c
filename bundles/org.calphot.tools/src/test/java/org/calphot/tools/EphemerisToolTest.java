// SPDX-License-Identifier: EPL-2.0 OR GPL-2.0-or-later
// Copyright (c) 2026 the calphot contributors
package org.calphot.tools;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.calphot.core.ProgressMonitor;
import org.calphot.core.Warnings;
import org.calphot.ephemeris.EclipseTimeTable;
import org.calphot.ephemeris.EclipseTimesFile;
import org.calphot.mcmc.Chain;
import org.calphot.mcmc.ChainIO;
import org.calphot.testing.ReferenceData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The {@code calphot ephemeris} command logic (moved here from the ephemeris bundle's tests with the tool). */
class EphemerisToolTest {

    /** Beuermann et al. (2011) DP Leo T0, BMJD(TDB), as DpLeoEphemerisTest (ephemeris) takes it. */
    static final double T0_PUB = 2454914.8322920 - 2400000.5;

    /** The 54 used eclipses of the Beuermann et al. (2011) DP Leo table (committed, see the testing NOTICE). */
    static EclipseTimeTable dpLeo() throws Exception {
        Path csv = ReferenceData.committed("ephemeris/dpleo_beuermann2011_eclipse_times.csv");
        List<String> lines = Files.readAllLines(csv);
        List<Integer> cycles = new ArrayList<>();
        List<double[]> times = new ArrayList<>();
        for (String l : lines.subList(1, lines.size())) {
            String[] t = l.split(",");
            if (t.length == 5 && t[4].strip().equals("1")) {
                cycles.add(Integer.parseInt(t[1].strip()));
                times.add(new double[] {Double.parseDouble(t[2]) - 2400000.5, Double.parseDouble(t[3])});
            }
        }
        int n = cycles.size();
        int[] cyc = new int[n];
        double[] tt = new double[n];
        double[] ee = new double[n];
        for (int i = 0; i < n; i++) {
            cyc[i] = cycles.get(i);
            tt[i] = times.get(i)[0];
            ee[i] = times.get(i)[1];
        }
        return new EclipseTimeTable(Map.of(0, "Beuermann 2011"), cyc, tt, ee, new int[n]);
    }

    /**
     * ScaledEphemerisErrorsTest's table (ephemeris): five eclipses at cycles -2..2, sigma = 1e-5 d, times
     * T0 + P E + 2e-5 d (1, -2, 0, 2, -1); reduced chi2 = 40 / 3, formal sigma_T0 = 4.4721e-6 d, scaled by
     * sqrt(13.333) = 3.6515 to 1.6330e-5 d (worked by hand there).
     */
    static EclipseTimeTable scaledErrorsTable() {
        int[] e = {-2, -1, 0, 1, 2};
        double[] off = {1, -2, 0, 2, -1};
        double[] t = new double[5];
        double[] err = new double[5];
        for (int i = 0; i < 5; i++) {
            t[i] = 57000.123456 + 0.0623628 * e[i] + 2e-5 * off[i];
            err[i] = 1e-5;
        }
        return new EclipseTimeTable(Map.of(0, "test"), e, t, err, new int[5]);
    }

    @Test
    void ephemerisCommandLogicWritesFilesAndJson(@TempDir Path dir) throws Exception {
        EclipseTimeTable t = dpLeo();
        Path f = dir.resolve("eclipse_times.txt");
        EclipseTimesFile.write(f, t);
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        int code = new EphemerisTool().run(new EphemerisTool.Args(f, 32, 2000, -1, -1, 3, false, null, true),
                new PrintStream(buf, true, StandardCharsets.UTF_8), ProgressMonitor.NULL, Warnings.IGNORE);
        assertEquals(0, code);
        String json = buf.toString(StandardCharsets.UTF_8);
        for (String key : new String[] {"\"t0\":", "\"t0_err\":", "\"period\":", "\"period_err\":",
                "\"reduced_chi2\":", "\"n_eclipses\":54"}) {
            assertTrue(json.contains(key), key + " missing in " + json);
        }
        assertTrue(Files.exists(dir.resolve("ephemeris_fit.txt")));
        Chain c = ChainIO.readOriginalLayout(dir.resolve("ephemeris_chain.txt"), "T0", "P");
        assertEquals(32, c.nWalkers());
        assertEquals(2, c.nDim());
        assertTrue(c.nSteps() > 1800 && c.nSteps() < 2000, "post burn-in steps " + c.nSteps());
        assertEquals(T0_PUB, c.value(c.nSteps() - 1, 0, 0), 3e-5);
        assertTrue(Files.readAllLines(dir.resolve("ephemeris_chain.csv")).get(0).equals("step,walker,T0,P,log_prob"));
        // the unused source map must not break a tool run with several sources either
        assertEquals(Map.of(0, "Beuermann 2011"), EclipseTimesFile.read(f, null).sources());
    }

    @Test
    void jsonAndReportOfTheCommand(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("eclipse_times.txt");
        EclipseTimesFile.write(f, scaledErrorsTable());
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        List<String> warned = new ArrayList<>();
        new EphemerisTool().run(new EphemerisTool.Args(f, 32, 3000, -1, -1, 5, false, null, true),
                new PrintStream(buf, true, StandardCharsets.UTF_8), ProgressMonitor.NULL, (l, m) -> warned.add(m));
        String json = buf.toString(StandardCharsets.UTF_8);
        // the MCMC posterior width matches the formal error; the published one is scaled by sqrt(reduced chi2)
        double t0Err = number(json, "\"t0_err\":");
        double unscaled = number(json, "\"t0_err_unscaled\":");
        double scale = number(json, "\"error_scale\":");
        assertEquals(t0Err, unscaled * scale, 1e-15);
        assertEquals(1.6330e-5, t0Err, 0.2 * 1.6330e-5);
        assertEquals(4.4721e-6, unscaled, 0.2 * 4.4721e-6);
        assertTrue(warned.stream().anyMatch(w -> w.contains("reduced chi2") && w.contains("> 3")), warned.toString());
        assertTrue(Files.readString(dir.resolve("ephemeris_fit.txt")).contains("(unscaled "));
    }

    static double number(String json, String key) {
        int i = json.indexOf(key);
        assertTrue(i >= 0, key + " in " + json);
        String rest = json.substring(i + key.length()).strip();
        int end = 0;
        while (end < rest.length() && "0123456789.eE+-".indexOf(rest.charAt(end)) >= 0) {
            end++;
        }
        return Double.parseDouble(rest.substring(0, end));
    }
}
