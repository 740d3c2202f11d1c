// SPDX-License-Identifier: EPL-2.0 OR GPL-2.0-or-later
// Copyright (c) 2026 the calphot contributors
package org.calphot.core;

/** The user's input (file, config, argument) is wrong; front ends exit with code 2. */
public class BadInputException extends CalphotException {
    private static final long serialVersionUID = 1L;

    public BadInputException(String message) {
        super(message);
    }

    public BadInputException(String message, Location location) {
        super(message, location);
    }

    public BadInputException(String message, Location location, Throwable cause) {
        super(message, location, cause);
    }

    @Override
    public int exitCode() {
        return 2;
    }
}
