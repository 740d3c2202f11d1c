// SPDX-License-Identifier: EPL-2.0 OR GPL-2.0-or-later
// Copyright (c) 2026 the calphot contributors
package org.calphot.core.util;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.calphot.core.BadInputException;
import org.calphot.core.CalphotException;
import org.calphot.core.Warnings;
import org.calphot.core.log.LogReader;
import org.calphot.core.log.LogReaders;
import org.calphot.core.log.PhotometryLog;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Special files are refused before any open; small files are capped; SOURCE_DATE_EPOCH; the memory message. */
class SafeFilesTest {

    @TempDir
    Path dir;

    @Test
    @Timeout(value = 10, unit = TimeUnit.SECONDS) // a FIFO open without a writer would block forever
    void specialFilesSayWhatTheyAre() throws Exception {
        assertTrue(assertThrows(BadInputException.class, () -> SafeFiles.requireRegular(Path.of("/dev/zero"), "a log"))
                .getMessage().startsWith("is a device, not a log"));
        assertTrue(assertThrows(BadInputException.class, () -> SafeFiles.requireRegular(dir, "a log"))
                .getMessage().startsWith("is a directory, not a log"));
        assertEquals("no such file", assertThrows(BadInputException.class,
                () -> SafeFiles.requireRegular(dir.resolve("none"), "a log")).getMessage());
        Path fifo = dir.resolve("fifo");
        assumeTrue(new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor() == 0, "mkfifo not available");
        BadInputException e = assertThrows(BadInputException.class, () -> SafeFiles.readCapped(fifo, 100, "a log"));
        assertTrue(e.getMessage().startsWith("is a named pipe (FIFO), not a log"), e.getMessage());
        assertEquals(fifo.toString(), e.location().file());
    }

    @Test
    void readsAreCapped() throws Exception {
        Path f = Files.write(dir.resolve("f"), new byte[101]);
        assertEquals(100, SafeFiles.readCapped(Files.write(dir.resolve("g"), new byte[100]), 100, "x").length);
        assertTrue(assertThrows(BadInputException.class, () -> SafeFiles.readCapped(f, 100, "x")).getMessage()
                .contains("too large"));
        Files.write(f, new byte[] {(byte) 0xff, 'a'});
        assertTrue(assertThrows(BadInputException.class, () -> SafeFiles.readText(f, 100, "a config")).getMessage()
                .contains("not UTF-8"));
    }

    @Test
    void sourceDateEpoch() {
        assertEquals(Instant.parse("2024-03-09T16:00:00Z"), SourceDate.fixed("1710000000"));
        assertNull(SourceDate.fixed(null));
        assertNull(SourceDate.fixed("yesterday"));
        assertNull(SourceDate.fixed("-5"));
    }

    @Test
    void aLogTooLargeForTheHeapSaysHowMuchMemoryItNeeds() throws Exception {
        Path log = Files.write(dir.resolve("huge.log"), new byte[3 << 20]);
        LogReader greedy = new LogReader() {
            @Override
            public String name() {
                return "greedy";
            }

            @Override
            public int confidence(byte[] head) {
                return 1;
            }

            @Override
            public PhotometryLog read(Path file, Warnings warnings) {
                throw new OutOfMemoryError("Java heap space");
            }
        };
        LogReaders readers = new LogReaders() {
            @Override
            public List<LogReader> readers() {
                return List.of(greedy);
            }

            @Override
            public LogReader choose(Path file) {
                return greedy;
            }
        };
        CalphotException e = assertThrows(CalphotException.class, () -> readers.read(log, Warnings.IGNORE));
        assertEquals(1, e.exitCode(), "a runtime failure, not bad input");
        assertTrue(e.getMessage().contains("not enough memory to read this log (3 MB")
                && e.getMessage().contains("CALPHOT_JAVA_OPTS=-Xmx"), e.getMessage());
        assertEquals(log.toString(), e.location().file());
    }
}
