package org.calphot.core;

/** The user cancelled long work; nothing was written. */
public class CancelledException extends CalphotException {
    private static final long serialVersionUID = 1L;

    public CancelledException() {
        super("cancelled");
    }
}
