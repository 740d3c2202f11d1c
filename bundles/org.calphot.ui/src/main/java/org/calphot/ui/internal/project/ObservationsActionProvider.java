// SPDX-License-Identifier: EPL-2.0 OR GPL-2.0-or-later
// Copyright (c) 2026 the calphot contributors
package org.calphot.ui.internal.project;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.calphot.ui.internal.ObservationsView;
import org.calphot.ui.internal.tools.Analyses;
import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IResource;
import org.eclipse.jface.action.Action;
import org.eclipse.jface.action.IMenuManager;
import org.eclipse.jface.viewers.AbstractTreeViewer;
import org.eclipse.jface.viewers.IStructuredSelection;
import org.eclipse.jface.viewers.StructuredSelection;
import org.eclipse.ui.IActionBars;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.navigator.CommonActionProvider;
import org.eclipse.ui.navigator.ICommonActionConstants;
import org.eclipse.ui.navigator.ICommonMenuConstants;
import org.eclipse.ui.navigator.ICommonViewerWorkbenchSite;

/**
 * Double-click and the context menu of calphot content in the Project Explorer, as in the Observations view: a log
 * opens its Log Summary, a lightcurve the Lightcurve view, a result its figures, a config the editor; a log offers
 * Fit Extinction and Time Eclipses, an {@code eclipse_times.txt} Fit Ephemeris.
 */
public final class ObservationsActionProvider extends CommonActionProvider {

    private final Action open = new Action("Open") {
        @Override
        public void run() {
            IWorkbenchPage page = page();
            IStructuredSelection sel = (IStructuredSelection) getContext().getSelection();
            Object first = sel.getFirstElement();
            if (page == null || first == null) {
                return;
            }
            IResource r = first instanceof ProjectRun g ? g.log() : first instanceof IResource x ? x : null;
            Path p = r instanceof IFile ? Projects.path(r) : null;
            if (p == null || !ObservationsView.openFile(page, p)) {
                if (getActionSite().getStructuredViewer() instanceof AbstractTreeViewer tv) {
                    tv.setExpandedState(first, !tv.getExpandedState(first));
                }
            }
        }
    };

    private IWorkbenchPage page() {
        return getActionSite().getViewSite() instanceof ICommonViewerWorkbenchSite s ? s.getPage() : null;
    }

    @Override
    public void fillActionBars(IActionBars bars) {
        bars.setGlobalActionHandler(ICommonActionConstants.OPEN, open);
    }

    @Override
    public void fillContextMenu(IMenuManager menu) {
        IWorkbenchPage page = page();
        if (page == null || getContext() == null) {
            return;
        }
        List<Object> paths = new ArrayList<>();
        Path root = null;
        for (Object o : ((IStructuredSelection) getContext().getSelection()).toList()) {
            IResource r = o instanceof ProjectRun g ? g.log() : o instanceof IResource x ? x : null;
            Path p = r == null ? null : Projects.path(r);
            if (p != null) {
                paths.add(p);
                root = root == null ? Projects.location(r.getProject()) : root;
            }
        }
        if (paths.isEmpty()) {
            return;
        }
        org.eclipse.jface.action.MenuManager calphot = new org.eclipse.jface.action.MenuManager("calphot");
        Analyses.fillContextMenu(calphot, new StructuredSelection(paths), page, root);
        // the analyses join the menu's "open" group, where Observations has them at the top
        for (var item : calphot.getItems()) {
            menu.appendToGroup(ICommonMenuConstants.GROUP_OPEN, item);
        }
    }
}
