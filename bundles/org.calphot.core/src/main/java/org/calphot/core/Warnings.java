// SPDX-License-Identifier: EPL-2.0 OR GPL-2.0-or-later
// Copyright (c) 2026 the calphot contributors
package org.calphot.core;

/**
 * Receiver of warnings that do not stop work (a truncated last log line, a stale leap-second
 * table). The pipeline records them in provenance; the command line prints them on stderr.
 */
@FunctionalInterface
public interface Warnings {

    /** Discards warnings. */
    Warnings IGNORE = (location, message) -> { };

    /** Prints warnings to standard error as {@code warning: <location>: <message>}. */
    Warnings STDERR = (location, message) -> System.err.println(
            "warning: " + (location == null || location.toString().isEmpty() ? "" : location + ": ") + message);

    /** Prints warnings to a writer as {@code warning: <location>: <message>} (command-line front ends). */
    static Warnings printingTo(java.io.PrintWriter err) {
        return (location, message) -> {
            err.println("warning: " + (location == null || location.toString().isEmpty() ? "" : location + ": ")
                    + message);
            err.flush();
        };
    }

    void warn(Location location, String message);

    default void warn(String message) {
        warn(Location.NONE, message);
    }
}
