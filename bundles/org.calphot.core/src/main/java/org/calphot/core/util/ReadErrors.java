// SPDX-License-Identifier: EPL-2.0 OR GPL-2.0-or-later
// Copyright (c) 2026 the calphot contributors
package org.calphot.core.util;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

import org.calphot.core.BadInputException;
import org.calphot.core.CalphotException;
import org.calphot.core.Location;

/**
 * Turns an I/O failure while reading a user's file into the error a user should see: a missing file, a
 * folder, a binary file or an unreadable one is bad input (exit 2); anything else is a runtime failure.
 */
public final class ReadErrors {

    private ReadErrors() {
    }

    public static CalphotException of(Path file, IOException e, String what) {
        Location at = Location.of(file.toString());
        if (e instanceof NoSuchFileException) {
            return new BadInputException("no such file", at);
        }
        if (Files.isDirectory(file)) {
            return new BadInputException("is a directory, not " + what, at);
        }
        if (e instanceof CharacterCodingException) {
            return new BadInputException("not " + what + " (not UTF-8 text)", at);
        }
        if (e instanceof AccessDeniedException) {
            return new BadInputException("permission denied", at);
        }
        return new CalphotException("cannot read: " + e.getMessage(), at, e);
    }
}
