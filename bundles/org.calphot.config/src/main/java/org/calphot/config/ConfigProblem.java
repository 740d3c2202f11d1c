// SPDX-License-Identifier: EPL-2.0 OR GPL-2.0-or-later
// Copyright (c) 2026 the calphot contributors
package org.calphot.config;

import org.calphot.core.Location;

/** One thing wrong with a config, located by key path and line. */
public record ConfigProblem(Location where, String message) {

    @Override
    public String toString() {
        String w = where.toString();
        return w.isEmpty() ? message : w + ": " + message;
    }
}
