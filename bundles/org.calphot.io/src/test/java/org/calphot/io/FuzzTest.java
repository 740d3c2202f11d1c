// SPDX-License-Identifier: EPL-2.0 OR GPL-2.0-or-later
// Copyright (c) 2026 the calphot contributors
package org.calphot.io;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;

import org.calphot.core.BadInputException;
import org.calphot.core.CalphotException;
import org.calphot.core.Warnings;
import org.calphot.core.log.LogReaders;
import org.calphot.testing.ReferenceData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * 10,000 mutants (fixed seed) of a slice of a real log: header plus the first 12 data lines of the
 * ULTRACAM ASASSN-16kr log (3 CCDs, NBLUE). Truncation, flipped and random bytes, dropped,
 * duplicated and swapped lines. Every read must either succeed or throw BadInputException (bad
 * input, exit 2): no unchecked exception, and no "internal error" CalphotException either.
 */
class FuzzTest {

    @TempDir
    Path tmp;

    @Test
    void mutantsOnlyEverGiveBadInputException() throws Exception {
        List<String> all = Files.readAllLines(ReferenceData.unlicensed(
                "logs/hipercam_ultracam_asassn16kr_2018-10/2018_10_12.log"), StandardCharsets.ISO_8859_1);
        List<String> seedLines = new ArrayList<>();
        int data = 0;
        boolean reduceFile = false;
        for (String l : all) {
            // leave out the copied reduce file (plain key = value prose) to keep the seed small
            if (l.contains("minimal version of the reduce file")) {
                reduceFile = true;
            } else if (l.contains("aperture file used")) {
                reduceFile = false;
            }
            if (reduceFile) {
                continue;
            }
            if (!l.startsWith("#")) {
                data++;
            }
            if (data > 12) {
                break;
            }
            seedLines.add(l);
        }
        byte[] seed = (String.join("\n", seedLines) + "\n").getBytes(StandardCharsets.ISO_8859_1);
        LogReaders readers = LogIo.defaultReaders();
        Random rnd = new Random(20240601L);
        Path f = tmp.resolve("mutant.log");
        Set<String> messages = new TreeSet<>();
        Set<String> kinds = new TreeSet<>();
        int ok = 0;
        int bad = 0;
        int n = 10_000;
        for (int i = 0; i < n; i++) {
            byte[] m = mutate(seed, rnd);
            Files.write(f, m);
            try {
                readers.read(f, Warnings.IGNORE);
                ok++;
            } catch (BadInputException e) {
                bad++;
                messages.add(e.getMessage());
                kinds.add(e.getMessage().replaceAll("'[^']*'", "'…'").replaceAll("\\d+", "N"));
            } catch (CalphotException e) {
                fail("mutant " + i + ": runtime failure instead of bad input: " + e.describe(), e);
            } catch (RuntimeException | StackOverflowError e) {
                fail("mutant " + i + ": unchecked exception escaped", e);
            }
        }
        System.out.println("fuzz: " + n + " mutants, " + ok + " read, " + bad + " rejected; " + messages.size()
                + " distinct error messages, " + kinds.size() + " distinct message kinds");
        kinds.forEach(k -> System.out.println("  " + k));
        assertTrue(bad > n / 4, "most mutants are damaged");
    }

    static byte[] mutate(byte[] s, Random r) {
        byte[] b = s.clone();
        int op = r.nextInt(7);
        switch (op) {
            case 0 -> b = Arrays.copyOf(b, r.nextInt(b.length + 1));
            case 1 -> {
                for (int k = 0, n = 1 + r.nextInt(4); k < n; k++) {
                    int at = dataBiased(b, r);
                    b[at] ^= (byte) (1 << r.nextInt(8));
                }
            }
            case 2 -> {
                for (int k = 0, n = 1 + r.nextInt(4); k < n; k++) {
                    b[dataBiased(b, r)] = (byte) r.nextInt(256);
                }
            }
            default -> {
                List<byte[]> lines = split(b);
                int i = r.nextInt(lines.size());
                int j = r.nextInt(lines.size());
                switch (op) {
                    case 3 -> lines.remove(i);
                    case 4 -> lines.add(i, lines.get(j));
                    case 5 -> {
                        byte[] t = lines.get(i);
                        lines.set(i, lines.get(j));
                        lines.set(j, t);
                    }
                    default -> {
                        byte[] ins = new byte[1 + r.nextInt(20)];
                        r.nextBytes(ins);
                        lines.add(i, ins);
                    }
                }
                b = join(lines);
            }
        }
        return b;
    }

    /** Mostly hits the data and definitions at the end, where damage matters most. */
    private static int dataBiased(byte[] b, Random r) {
        return r.nextBoolean() ? r.nextInt(b.length) : b.length - 1 - r.nextInt(Math.min(b.length, 12000));
    }

    private static List<byte[]> split(byte[] b) {
        List<byte[]> out = new ArrayList<>();
        int p = 0;
        for (int i = 0; i < b.length; i++) {
            if (b[i] == '\n') {
                out.add(Arrays.copyOfRange(b, p, i));
                p = i + 1;
            }
        }
        if (p < b.length) {
            out.add(Arrays.copyOfRange(b, p, b.length));
        }
        return out;
    }

    private static byte[] join(List<byte[]> lines) {
        java.io.ByteArrayOutputStream o = new java.io.ByteArrayOutputStream();
        for (byte[] l : lines) {
            o.write(l, 0, l.length);
            o.write('\n');
        }
        return o.toByteArray();
    }
}
