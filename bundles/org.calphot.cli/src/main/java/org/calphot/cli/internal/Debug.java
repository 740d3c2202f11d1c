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
