// SPDX-License-Identifier: EPL-2.0 OR GPL-2.0-or-later
// Copyright (c) 2026 the calphot contributors
package org.calphot.ui.internal.tools;

import java.nio.file.Path;

import org.calphot.core.BadInputException;
import org.calphot.core.Location;
import org.calphot.ephemeris.Ephemeris;
import org.calphot.core.time.SkyPosition;

/** Checks of the analysis dialogs' fields, and the output folder they propose. */
public final class DialogFields {

    private DialogFields() {
    }

    static String required(String v) {
        return v.isEmpty() ? "required" : null;
    }

    static String position(String v) {
        if (v.isEmpty()) {
            return "required";
        }
        try {
            SkyPosition.parse(v, Location.NONE);
            return null;
        } catch (BadInputException e) {
            return e.getMessage();
        }
    }

    static String ephemeris(String v) {
        if (v.isEmpty()) {
            return null;
        }
        try {
            parseEphemeris(v);
            return null;
        } catch (IllegalArgumentException e) {
            return "two numbers expected: T0 (BMJD TDB) and the period (days)";
        }
    }

    static Ephemeris parseEphemeris(String v) {
        String[] t = v.strip().split("[\\s,]+");
        if (t.length != 2) {
            throw new IllegalArgumentException("two numbers");
        }
        return new Ephemeris(Double.parseDouble(t[0]), Double.parseDouble(t[1]));
    }

    static String positiveNumber(String v) {
        try {
            return Double.parseDouble(v) > 0 ? null : "must be positive";
        } catch (NumberFormatException e) {
            return "not a number";
        }
    }

    static String folder(String v) {
        return v.isEmpty() ? "required" : null;
    }

    /** Where an analysis of a log writes: the output folder of the config naming it, else the log's folder. */
    public static Path outDir(Guess g, Path log) {
        return g.outDir() != null ? g.outDir() : log.toAbsolutePath().getParent();
    }
}
