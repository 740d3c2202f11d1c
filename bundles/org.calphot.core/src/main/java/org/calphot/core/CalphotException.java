// SPDX-License-Identifier: EPL-2.0 OR GPL-2.0-or-later
// Copyright (c) 2026 the calphot contributors
package org.calphot.core;

/**
 * Base of every checked failure calphot reports to a user. Carries where the problem is
 * (file, line, column or config key) so front ends can print one located line.
 * {@link #exitCode()} is 2 for bad input, 1 for a runtime failure.
 */
public class CalphotException extends Exception {
    private static final long serialVersionUID = 1L;

    private final Location location;

    public CalphotException(String message) {
        this(message, Location.NONE, null);
    }

    public CalphotException(String message, Throwable cause) {
        this(message, Location.NONE, cause);
    }

    public CalphotException(String message, Location location) {
        this(message, location, null);
    }

    public CalphotException(String message, Location location, Throwable cause) {
        super(message, cause);
        this.location = location == null ? Location.NONE : location;
    }

    public Location location() {
        return location;
    }

    /** Process exit code a command-line front end should use: 1 = runtime failure. */
    public int exitCode() {
        return 1;
    }

    /** The message prefixed with its location, e.g. {@code run1.log:12:5: not a number 'x'}. */
    public String describe() {
        String where = location.toString();
        return where.isEmpty() ? getMessage() : where + ": " + getMessage();
    }
}
