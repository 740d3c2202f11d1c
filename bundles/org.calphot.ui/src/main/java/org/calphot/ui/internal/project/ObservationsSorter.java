// SPDX-License-Identifier: EPL-2.0 OR GPL-2.0-or-later
// Copyright (c) 2026 the calphot contributors
package org.calphot.ui.internal.project;

import org.eclipse.core.resources.IContainer;
import org.eclipse.core.resources.IResource;
import org.eclipse.jface.viewers.Viewer;
import org.eclipse.jface.viewers.ViewerComparator;

/** The order of the Observations view: folders, then runs, then loose files, each by name. */
public final class ObservationsSorter extends ViewerComparator {

    @Override
    public int category(Object e) {
        return e instanceof IContainer ? 0 : e instanceof ProjectRun ? 1 : 2;
    }

    @Override
    public int compare(Viewer viewer, Object a, Object b) {
        int c = Integer.compare(category(a), category(b));
        return c != 0 ? c : name(a).compareTo(name(b));
    }

    private static String name(Object e) {
        return e instanceof ProjectRun r ? r.run() : e instanceof IResource r ? r.getName() : String.valueOf(e);
    }
}
