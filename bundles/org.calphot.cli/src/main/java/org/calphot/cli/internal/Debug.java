// SPDX-License-Identifier: EPL-2.0 OR GPL-2.0-or-later
// Copyright (c) 2026 the calphot contributors
package org.calphot.cli.internal;

/** Whether {@code --debug} was given anywhere on the command line. */
public final class Debug {

    private static volatile boolean enabled;

    private Debug() {
    }

    public static boolean enabled() {
        return enabled;
    }

    static void set(boolean on) {
        enabled = on;
    }
}
