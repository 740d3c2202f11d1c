// SPDX-License-Identifier: EPL-2.0 OR GPL-2.0-or-later
// Copyright (c) 2026 the calphot contributors
package org.calphot.cli.internal;

import java.io.PrintStream;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.calphot.core.ProgressMonitor;

/** Progress as short lines on stderr ({@code [2/5] reading run010.log}); Ctrl-C cancels through the JVM hook. */
public final class ConsoleProgress implements ProgressMonitor {

    private final PrintStream err;
    private final boolean quiet;
    private final AtomicInteger done = new AtomicInteger();
    private final AtomicBoolean cancelled = new AtomicBoolean();
    private volatile int total;

    public ConsoleProgress(PrintStream err, boolean quiet) {
        this.err = err;
        this.quiet = quiet;
    }

    @Override
    public void begin(String task, int totalWork) {
        total = totalWork;
        if (!quiet) {
            err.println("calphot: " + task + " (" + totalWork + " steps)");
        }
    }

    @Override
    public void worked(int work) {
        done.addAndGet(work);
    }

    @Override
    public void subTask(String name) {
        if (!quiet) {
            err.println("calphot: [" + Math.min(done.get() + 1, Math.max(total, 1)) + "/" + total + "] " + name);
        }
    }

    @Override
    public boolean isCanceled() {
        return cancelled.get();
    }

    public void cancel() {
        cancelled.set(true);
    }
}
