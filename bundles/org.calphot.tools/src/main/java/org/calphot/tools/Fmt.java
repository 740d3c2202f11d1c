// SPDX-License-Identifier: EPL-2.0 OR GPL-2.0-or-later
// Copyright (c) 2026 the calphot contributors
package org.calphot.tools;

import java.util.Locale;

/** Number formatting for reports (locale-independent). */
final class Fmt {

    private Fmt() {
    }

    static String f(String pattern, Object... args) {
        return String.format(Locale.ROOT, pattern, args);
    }

    /** A JSON-safe number: non-finite values become null. */
    static Object num(double v) {
        return Double.isFinite(v) ? (Object) v : null;
    }

    static String stem(java.nio.file.Path p) {
        String n = p.getFileName().toString();
        int dot = n.lastIndexOf('.');
        return dot > 0 ? n.substring(0, dot) : n;
    }
}
