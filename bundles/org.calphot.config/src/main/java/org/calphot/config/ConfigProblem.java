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
