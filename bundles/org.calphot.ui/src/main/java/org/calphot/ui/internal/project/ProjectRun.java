// SPDX-License-Identifier: EPL-2.0 OR GPL-2.0-or-later
// Copyright (c) 2026 the calphot contributors
package org.calphot.ui.internal.project;

import java.util.List;

import org.calphot.ui.internal.ObservationsView.Kind;
import org.eclipse.core.resources.IContainer;
import org.eclipse.core.resources.IFile;

/** The files of one run in one night of a project ({@code run010.log}, {@code run010.coords}, ...). */
public record ProjectRun(IContainer folder, String run, List<IFile> files) {

    /** The run's log, or null. */
    public IFile log() {
        for (IFile f : files) {
            var p = Projects.path(f);
            if (p != null && Kind.of(p) == Kind.LOG) {
                return f;
            }
        }
        return null;
    }
}
