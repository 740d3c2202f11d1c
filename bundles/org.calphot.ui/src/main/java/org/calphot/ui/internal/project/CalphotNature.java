// SPDX-License-Identifier: EPL-2.0 OR GPL-2.0-or-later
// Copyright (c) 2026 the calphot contributors
package org.calphot.ui.internal.project;

import java.util.Arrays;

import org.eclipse.core.resources.ICommand;
import org.eclipse.core.resources.IProject;
import org.eclipse.core.resources.IProjectDescription;
import org.eclipse.core.resources.IProjectNature;
import org.eclipse.core.runtime.CoreException;

/** A folder of observations: its configs are validated on every build (save, refresh, run). */
public final class CalphotNature implements IProjectNature {

    private IProject project;

    @Override
    public void configure() throws CoreException {
        IProjectDescription d = project.getDescription();
        ICommand[] spec = d.getBuildSpec();
        if (Arrays.stream(spec).anyMatch(c -> Projects.BUILDER_ID.equals(c.getBuilderName()))) {
            return;
        }
        ICommand[] more = Arrays.copyOf(spec, spec.length + 1);
        more[spec.length] = Projects.builder(d);
        d.setBuildSpec(more);
        project.setDescription(d, null);
    }

    @Override
    public void deconfigure() throws CoreException {
        IProjectDescription d = project.getDescription();
        d.setBuildSpec(Arrays.stream(d.getBuildSpec())
                .filter(c -> !Projects.BUILDER_ID.equals(c.getBuilderName())).toArray(ICommand[]::new));
        project.setDescription(d, null);
        project.deleteMarkers(Projects.MARKER_ID, true, org.eclipse.core.resources.IResource.DEPTH_INFINITE);
    }

    @Override
    public IProject getProject() {
        return project;
    }

    @Override
    public void setProject(IProject project) {
        this.project = project;
    }
}
