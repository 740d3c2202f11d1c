// SPDX-License-Identifier: EPL-2.0 OR GPL-2.0-or-later
// Copyright (c) 2026 the calphot contributors
package org.calphot.plugins.internal;

import org.calphot.core.ProgressMonitor;
import org.eclipse.core.runtime.NullProgressMonitor;

/** calphot's monitor seen by p2: task names and work go through, cancel comes back. */
final class P2Monitor extends NullProgressMonitor {

    private final ProgressMonitor monitor;

    P2Monitor(ProgressMonitor monitor) {
        this.monitor = monitor == null ? ProgressMonitor.NULL : monitor;
    }

    @Override
    public void beginTask(String name, int totalWork) {
        monitor.begin(name == null || name.isBlank() ? "p2" : name, totalWork);
    }

    @Override
    public void worked(int work) {
        monitor.worked(work);
    }

    @Override
    public void subTask(String name) {
        monitor.subTask(name);
    }

    @Override
    public boolean isCanceled() {
        return super.isCanceled() || monitor.isCanceled();
    }
}
