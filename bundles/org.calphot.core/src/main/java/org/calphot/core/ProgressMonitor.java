// SPDX-License-Identifier: EPL-2.0 OR GPL-2.0-or-later
// Copyright (c) 2026 the calphot contributors
package org.calphot.core;

/**
 * Progress and cancel for long work. The workbench adapts it to Eclipse Jobs, the command
 * line to a progress line on stderr. Implementations must be thread-safe.
 */
public interface ProgressMonitor {

    /** A monitor that reports nothing and is never cancelled. */
    ProgressMonitor NULL = new ProgressMonitor() {
        @Override
        public void begin(String task, int totalWork) {
        }

        @Override
        public void worked(int work) {
        }

        @Override
        public void subTask(String name) {
        }

        @Override
        public boolean isCanceled() {
            return false;
        }
    };

    void begin(String task, int totalWork);

    void worked(int work);

    void subTask(String name);

    boolean isCanceled();

    /** Throws {@link CancelledException} when the user cancelled. */
    default void checkCanceled() throws CancelledException {
        if (isCanceled()) {
            throw new CancelledException();
        }
    }
}
