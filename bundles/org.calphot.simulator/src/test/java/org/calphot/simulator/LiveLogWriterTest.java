// SPDX-License-Identifier: EPL-2.0 OR GPL-2.0-or-later
// Copyright (c) 2026 the calphot contributors
package org.calphot.simulator;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The paced writer of {@code simulate --live}: the file it leaves is the source byte for byte; it writes one
 * frame per tick (5 CCD lines and reduce's '#' lines), the file ends in the middle of a line between ticks,
 * and the rate is kept (reference: the wall clock).
 */
class LiveLogWriterTest {

    @TempDir
    Path dir;

    @Test
    void writesTheLogFrameByFrameWithACutLastLine() throws Exception {
        StringBuilder sb = new StringBuilder("#\n# header\n#\n");
        for (int f = 1; f <= 12; f++) {
            for (int c = 1; c <= 5; c++) {
                sb.append(c).append(' ').append(f).append(" 60000.").append(f).append(" 1 0.05 1.0 2.0 3.0\n#\n");
            }
        }
        byte[] src = sb.toString().getBytes();
        Path in = dir.resolve("in.log");
        Path out = dir.resolve("out.log");
        Files.write(in, src);
        List<String> tails = new ArrayList<>();
        List<Long> sizes = new ArrayList<>();
        long t0 = System.nanoTime();
        int frames = new LiveLogWriter(40, 1).play(in, out, () -> false, (n, bytes) -> {
            try {
                byte[] now = Files.readAllBytes(out);
                sizes.add((long) now.length);
                tails.add(now.length == 0 ? "" : Character.toString(now[now.length - 1]));
            } catch (java.io.IOException e) {
                throw new IllegalStateException(e);
            }
        });
        double seconds = (System.nanoTime() - t0) / 1e9;
        assertEquals(12, frames);
        assertArrayEquals(src, Files.readAllBytes(out));
        // 12 frames at 40 per second: 0.3 s at least; a loaded machine may take longer, never shorter
        assertTrue(seconds >= 12 / 40.0 - 0.01, "paced: " + seconds);
        for (int k = 0; k < tails.size() - 1; k++) {
            assertTrue(!tails.get(k).equals("\n"), "between frames the file ends mid-line: " + tails);
        }
        assertEquals("\n", tails.get(tails.size() - 1));
        for (int k = 1; k < sizes.size(); k++) {
            assertTrue(sizes.get(k) > sizes.get(k - 1), "grows every frame");
        }
        assertEquals("2", LiveLogWriter.token("1 2 3\n".getBytes(), 1));
    }
}
