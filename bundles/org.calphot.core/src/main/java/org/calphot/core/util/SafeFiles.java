// SPDX-License-Identifier: EPL-2.0 OR GPL-2.0-or-later
// Copyright (c) 2026 the calphot contributors
package org.calphot.core.util;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;

import org.calphot.core.BadInputException;
import org.calphot.core.CalphotException;
import org.calphot.core.Location;

/**
 * Opens only regular files: a FIFO without a writer would block the open forever and a device such
 * as /dev/zero never ends, so both are refused before any open; what is read whole is capped.
 */
public final class SafeFiles {

    /** Largest config, catalogue cache entry or other small text file read whole. */
    public static final long SMALL_FILE_CAP = 16L << 20;

    private SafeFiles() {
    }

    /** A regular file (symbolic links followed), else bad input saying what it is instead. */
    public static void requireRegular(Path file, String what) throws BadInputException {
        Location at = Location.of(file.toString());
        BasicFileAttributes a;
        try {
            a = Files.readAttributes(file, BasicFileAttributes.class);
        } catch (NoSuchFileException e) {
            throw new BadInputException("no such file", at);
        } catch (IOException e) {
            throw new BadInputException("cannot read: " + e.getMessage(), at);
        }
        if (a.isRegularFile()) {
            return;
        }
        if (a.isDirectory()) {
            throw new BadInputException("is a directory, not " + what, at);
        }
        throw new BadInputException("is " + kind(file) + ", not " + what + " (only regular files are read)", at);
    }

    /** "a named pipe (FIFO)", "a device", "a socket" or "not a regular file", from the unix mode bits. */
    static String kind(Path file) {
        try {
            int mode = (Integer) Files.getAttribute(file, "unix:mode");
            switch (mode & 0170000) {
                case 0010000:
                    return "a named pipe (FIFO)";
                case 0020000:
                case 0060000:
                    return "a device";
                case 0140000:
                    return "a socket";
                default:
                    return "not a regular file";
            }
        } catch (IOException | RuntimeException e) {
            return "not a regular file";
        }
    }

    /** The bytes of a regular file of at most {@code cap} bytes; bad input otherwise. */
    public static byte[] readCapped(Path file, long cap, String what) throws CalphotException {
        requireRegular(file, what);
        Location at = Location.of(file.toString());
        try (InputStream in = Files.newInputStream(file)) {
            // read one byte more than allowed: the size on disk can change between the check and the read
            byte[] b = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, cap + 1));
            if (b.length > cap) {
                throw new BadInputException("larger than " + (cap >> 20) + " MB, too large for " + what, at);
            }
            return b;
        } catch (IOException e) {
            throw ReadErrors.of(file, e, what);
        }
    }

    /** UTF-8 text of a regular file of at most {@code cap} bytes. */
    public static String readText(Path file, long cap, String what) throws CalphotException {
        byte[] b = readCapped(file, cap, what);
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(java.nio.ByteBuffer.wrap(b)).toString();
        } catch (CharacterCodingException e) {
            throw new BadInputException("not " + what + " (not UTF-8 text)", Location.of(file.toString()));
        }
    }
}
