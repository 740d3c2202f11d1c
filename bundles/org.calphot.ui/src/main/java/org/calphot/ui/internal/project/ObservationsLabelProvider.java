// SPDX-License-Identifier: EPL-2.0 OR GPL-2.0-or-later
// Copyright (c) 2026 the calphot contributors
package org.calphot.ui.internal.project;

import java.nio.file.Path;

import org.calphot.ui.internal.Icons;
import org.calphot.ui.internal.ObservationsView;
import org.calphot.ui.internal.ObservationsView.Kind;
import org.calphot.ui.internal.live.LiveJob;
import org.eclipse.core.resources.IContainer;
import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IProject;
import org.eclipse.jface.viewers.LabelProvider;
import org.eclipse.swt.graphics.Image;
import org.eclipse.ui.navigator.IDescriptionProvider;

/**
 * Names and icons of the Project Explorer's calphot content, the same as in the Observations view: nights, runs,
 * outputs (never a night), logs told from lightcurves by content. The status line shows the full path.
 */
public final class ObservationsLabelProvider extends LabelProvider implements IDescriptionProvider {

    @Override
    public String getText(Object e) {
        if (e instanceof ProjectRun r) {
            return r.run() + "  (" + r.files().size() + " files)";
        }
        if (e instanceof IProject p) {
            Path loc = Projects.location(p);
            return loc != null && ObservationsView.isNight(loc) ? p.getName() + "  (night)" : p.getName();
        }
        if (e instanceof IContainer c) {
            Path p = Projects.path(c);
            if (p == null) {
                return c.getName();
            }
            if (ObservationsView.isOutputs(p)) {
                return c.getName() + "  (outputs)";
            }
            return ObservationsView.isNight(p) ? c.getName() + "  (night)" : c.getName();
        }
        if (e instanceof IFile f) {
            Path p = Projects.path(f);
            String live = p == null ? null : LiveJob.followedLabel(p);
            return live == null ? f.getName() : f.getName() + live;
        }
        return null;
    }

    @Override
    public Image getImage(Object e) {
        if (e instanceof ProjectRun) {
            return Icons.get(Icons.RUN_GROUP);
        }
        if (e instanceof IProject p && !p.isOpen()) {
            return Icons.get(Icons.FOLDER);
        }
        if (e instanceof IContainer c) {
            Path p = e instanceof IProject pr ? Projects.location(pr) : Projects.path(c);
            if (p == null) {
                return Icons.get(Icons.FOLDER);
            }
            return Icons.get(ObservationsView.isOutputs(p) ? Icons.OUTPUTS
                    : ObservationsView.isNight(p) ? Icons.NIGHT : Icons.FOLDER);
        }
        if (e instanceof IFile f) {
            Path p = Projects.path(f);
            return Icons.get(p == null ? Icons.OTHER : Kind.of(p).icon());
        }
        return null;
    }

    @Override
    public String getDescription(Object e) {
        if (e instanceof ProjectRun r) {
            Path p = Projects.path(r.folder());
            return p == null ? r.run() : p.resolve(r.run()).toString();
        }
        if (e instanceof org.eclipse.core.resources.IResource r) {
            Path p = Projects.path(r);
            return p == null ? r.getFullPath().toString() : p.toString();
        }
        return null;
    }
}
