// SPDX-License-Identifier: EPL-2.0 OR GPL-2.0-or-later
// Copyright (c) 2026 the calphot contributors
package org.calphot.ui.internal;

import org.calphot.ui.CalphotUi;
import org.eclipse.core.commands.AbstractHandler;
import org.eclipse.core.commands.ExecutionEvent;
import org.eclipse.core.commands.ExecutionException;
import org.eclipse.swt.widgets.DirectoryDialog;
import org.eclipse.ui.IWorkbenchWindow;
import org.eclipse.ui.PartInitException;
import org.eclipse.ui.handlers.HandlerUtil;

/** calphot > Open Observations Folder...: points the explorer at another folder (remembered). */
public final class OpenFolderHandler extends AbstractHandler {

    @Override
    public Object execute(ExecutionEvent event) throws ExecutionException {
        IWorkbenchWindow w = HandlerUtil.getActiveWorkbenchWindowChecked(event);
        DirectoryDialog d = new DirectoryDialog(w.getShell());
        d.setText("Open Observations Folder");
        d.setMessage("A folder of logs, coords files and cal_phot configs (e.g. one night, or a folder of nights)");
        d.setFilterPath(ObservationsView.root().toString());
        String dir = d.open();
        if (dir != null) {
            try {
                ObservationsView v = (ObservationsView) w.getActivePage().showView(CalphotUi.OBSERVATIONS_VIEW_ID);
                v.setRoot(java.nio.file.Path.of(dir));
                // and as a project in the Project Explorer (made once, reused after)
                org.calphot.ui.internal.project.ProjectExplorerSupport.show(w.getActivePage(),
                        org.calphot.ui.internal.project.Projects.openQuietly(java.nio.file.Path.of(dir)), false);
            } catch (PartInitException e) {
                throw new ExecutionException("cannot show the Observations view", e);
            }
        }
        return null;
    }
}
