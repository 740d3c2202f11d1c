// SPDX-License-Identifier: EPL-2.0 OR GPL-2.0-or-later
// Copyright (c) 2026 the calphot contributors
package org.calphot.ui.internal.project;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.calphot.ui.internal.ObservationsView;
import org.calphot.ui.internal.editor.ConfigValidator;
import org.calphot.ui.internal.editor.ConfigValidator.Problem;
import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IMarker;
import org.eclipse.core.resources.IProject;
import org.eclipse.core.resources.IResource;
import org.eclipse.core.resources.IResourceDelta;
import org.eclipse.core.resources.IncrementalProjectBuilder;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.IProgressMonitor;

/**
 * Validates the project's configs ({@code .yaml}, {@code .yml}) with the checks of {@code calphot run} (the editor's
 * {@link ConfigValidator}) and keeps one problem marker per problem on the file, at its line: the Problems view,
 * the Project Explorer and the editor's ruler all read them. Runs on every save (auto-build) and on Project > Clean.
 */
public final class ConfigBuilder extends IncrementalProjectBuilder {

    @Override
    protected IProject[] build(int kind, Map<String, String> args, IProgressMonitor monitor) throws CoreException {
        IResourceDelta delta = kind == FULL_BUILD ? null : getDelta(getProject());
        if (delta == null) {
            getProject().accept(r -> {
                check(r);
                return descend(r);
            });
        } else {
            delta.accept(d -> {
                if (d.getKind() != IResourceDelta.REMOVED) {
                    check(d.getResource());
                }
                return descend(d.getResource());
            });
        }
        return null;
    }

    @Override
    protected void clean(IProgressMonitor monitor) throws CoreException {
        getProject().deleteMarkers(Projects.MARKER_ID, true, IResource.DEPTH_INFINITE);
    }

    /** Hidden folders ({@code .calphot-gen-*}, {@code .settings}) and output folders hold no configs to check. */
    private static boolean descend(IResource r) {
        if (r.getType() == IResource.FILE) {
            return false;
        }
        if (r.getName().startsWith(".")) {
            return false;
        }
        Path p = Projects.path(r);
        return r.getType() == IResource.PROJECT || p == null || !ObservationsView.isOutputs(p);
    }

    private static void check(IResource r) throws CoreException {
        if (r instanceof IFile f && isConfig(f)) {
            update(f);
        }
    }

    static boolean isConfig(IFile f) {
        String ext = f.getFileExtension();
        return ext != null && (ext.equalsIgnoreCase("yaml") || ext.equalsIgnoreCase("yml"))
                && !f.getName().startsWith(".");
    }

    /** Replaces the file's calphot markers by its problems now. */
    public static void update(IFile f) throws CoreException {
        Path p = Projects.path(f);
        f.deleteMarkers(Projects.MARKER_ID, false, IResource.DEPTH_ZERO);
        if (p == null || !Files.isRegularFile(p)) {
            return;
        }
        String text;
        try {
            text = Files.readString(p, StandardCharsets.UTF_8);
        } catch (IOException e) {
            mark(f, new Problem(true, 0, null, "cannot read " + p.getFileName() + ": " + e.getMessage(), p));
            return;
        }
        List<Problem> problems = ConfigValidator.validate(text, p);
        for (Problem pr : problems) {
            mark(f, pr);
        }
    }

    private static void mark(IFile f, Problem pr) throws CoreException {
        IMarker m = f.createMarker(Projects.MARKER_ID);
        m.setAttribute(IMarker.SEVERITY, pr.error() ? IMarker.SEVERITY_ERROR : IMarker.SEVERITY_WARNING);
        m.setAttribute(IMarker.MESSAGE, pr.message());
        if (pr.line() > 0) {
            m.setAttribute(IMarker.LINE_NUMBER, pr.line());
        }
        // the Problems view's Location column: the line and the key path, as Config Problems shows them
        String where = pr.line() > 0 ? "line " + pr.line() : "";
        if (pr.key() != null && !pr.key().isBlank()) {
            where = where.isEmpty() ? pr.key() : where + ", " + pr.key();
        }
        if (!where.isEmpty()) {
            m.setAttribute(IMarker.LOCATION, where);
        }
        if (pr.key() != null) {
            m.setAttribute("key", pr.key());
        }
    }
}
