// SPDX-License-Identifier: EPL-2.0 OR GPL-2.0-or-later
// Copyright (c) 2026 the calphot contributors
package org.calphot.tools;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.calphot.core.BadInputException;
import org.calphot.core.Warnings;
import org.calphot.testing.ReferenceData;
import org.calphot.time.TimeServices;
import org.junit.jupiter.api.Test;

/** {@code calphot time} logic end to end, against the astropy sample. */
class TimeToolTest {

    private final TimeTool tool = new TimeTool(TimeServices.corrector(), TimeServices.siteRegistry());

    private static Path sample() {
        return ReferenceData.committed("time/bmjd_tdb_astropy_sample.csv");
    }

    @Test
    void csvBatchReproducesTheSample() throws Exception {
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        List<String> warnings = new ArrayList<>();
        tool.runCsv(sample(), new TimeTool.Options(null, false, null), new PrintStream(buf, true, StandardCharsets.UTF_8),
                (l, m) -> warnings.add(m));
        String[] out = buf.toString(StandardCharsets.UTF_8).split("\n");
        assertEquals(TimeTool.HEADER, out[0]);
        assertEquals(601, out.length);
        // the sample has times after 2026-06-28? no (last 61000), but after no EOP: one warning each kind at most
        assertTrue(warnings.size() <= 2, warnings.toString());
        List<String> ref = new ArrayList<>();
        for (String l : Files.readAllLines(sample())) {
            if (!l.startsWith("#") && !l.startsWith("id,")) {
                ref.add(l);
            }
        }
        double worst = 0;
        for (int i = 0; i < ref.size(); i++) {
            String[] r = ref.get(i).split(",");
            String[] o = out[i + 1].split(",");
            assertEquals(Double.parseDouble(r[7]), Double.parseDouble(o[0]), 0, "row order kept");
            worst = Math.max(worst, Math.abs(Double.parseDouble(o[1]) - Double.parseDouble(r[11])) * 86400e6);
            // printed with 12 decimals: at least the 1e-10 d asked for
            assertTrue(o[1].substring(o[1].indexOf('.') + 1).length() >= 10);
        }
        System.out.printf("calphot time --csv on the sample: worst |dBMJD| %.3f us%n", worst);
        assertTrue(worst <= 3.0, "worst " + worst);
    }

    @Test
    void siteTargetAndStdin() throws Exception {
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        // vector 2 of the reference: GTC, NN Ser, 57900.1 -> 57900.1055885255 (printed to 1e-10 d)
        tool.run("Roque de los Muchachos", "15:52:56.125 +12:54:44.68", List.of(),
                new BufferedReader(new StringReader("# times\n57900.1\n\n57900.2\n")),
                new TimeTool.Options(null, true, null), new PrintStream(buf, true, StandardCharsets.UTF_8),
                Warnings.IGNORE);
        String[] out = buf.toString(StandardCharsets.UTF_8).split("\n");
        assertEquals(TimeTool.HEADER + TimeTool.HELIO_HEADER, out[0]);
        assertEquals(3, out.length);
        String[] f = out[1].split(",");
        // site differs from the vector's (lapalma table vs -17.892, 28.7569, 2267 m): ~1 km -> < 5 us
        assertEquals(57900.1055885255, Double.parseDouble(f[1]), 1e-10);
        assertEquals(62.22384, Double.parseDouble(f[4]), 0.02);
    }

    @Test
    void badInputIsOneLocatedLine() {
        BadInputException e = assertThrows(BadInputException.class, () -> tool.run("nowhere", "10d 20", List.of("60000"),
                null, new TimeTool.Options(null, false, null), System.out, Warnings.IGNORE));
        assertEquals(2, e.exitCode());
        assertTrue(e.describe().contains("--site"), e.describe());
        e = assertThrows(BadInputException.class, () -> tool.run("lasilla", "25:00:00 +10:00:00", List.of("60000"),
                null, new TimeTool.Options(null, false, null), System.out, Warnings.IGNORE));
        assertTrue(e.describe().contains("--target"), e.describe());
        e = assertThrows(BadInputException.class, () -> tool.run("lasilla", "10d 20", List.of("60000", "6e4x"),
                null, new TimeTool.Options(null, false, null), System.out, Warnings.IGNORE));
        assertTrue(e.describe().contains("argument 2"), e.describe());
        e = assertThrows(BadInputException.class, () -> tool.run("lasilla", "10d 20", List.of("30000"),
                null, new TimeTool.Options(null, false, null), System.out, Warnings.IGNORE));
        assertTrue(e.getMessage().contains("1972"), e.getMessage());
    }

    @Test
    void warningsOncePerCorrector() throws Exception {
        List<String> w = new ArrayList<>();
        TimeTool t = new TimeTool(TimeServices.corrector(), TimeServices.siteRegistry());
        for (int k = 0; k < 3; k++) {
            t.run("lasilla", "10d 20", List.of("61300.1", "61300.2"), null, new TimeTool.Options(null, false, null),
                    new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8), (l, m) -> w.add(m));
        }
        assertEquals(2, w.size(), w.toString()); // leap-second staleness + no EOP, once each
        assertTrue(w.get(0).contains("leap-second"), w.get(0));
    }
}
