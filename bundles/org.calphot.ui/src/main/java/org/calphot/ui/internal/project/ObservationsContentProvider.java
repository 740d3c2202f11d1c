// SPDX-License-Identifier: EPL-2.0 OR GPL-2.0-or-later
// Copyright (c) 2026 the calphot contributors
package org.calphot.ui.internal.project;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.calphot.ui.internal.ObservationsView.Kind;
import org.eclipse.core.resources.IContainer;
import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IResource;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.jface.viewers.ITreeContentProvider;

/**
 * calphot's content of the Project Explorer for calphot projects: as in the Observations view, folders first, then
 * the files of each run grouped under the run's name, then loose files (configs, Calibration.txt, ...); hidden files
 * ({@code .project}, {@code .calphot-gen-*}) are left out.
 */
public final class ObservationsContentProvider implements ITreeContentProvider {

    @Override
    public Object[] getElements(Object input) {
        return getChildren(input);
    }

    @Override
    public Object[] getChildren(Object e) {
        if (e instanceof ProjectRun r) {
            return r.files().toArray();
        }
        if (e instanceof IContainer c && c.isAccessible()) {
            return children(c);
        }
        return new Object[0];
    }

    @Override
    public Object getParent(Object e) {
        if (e instanceof ProjectRun r) {
            return r.folder();
        }
        return e instanceof IResource r ? r.getParent() : null;
    }

    @Override
    public boolean hasChildren(Object e) {
        return e instanceof ProjectRun || e instanceof IContainer c && c.isAccessible();
    }

    /** Folders, then run groups, then loose files, each by name. */
    static Object[] children(IContainer c) {
        IResource[] members;
        try {
            members = c.members();
        } catch (CoreException ex) {
            return new Object[0];
        }
        List<IResource> entries = new ArrayList<>();
        for (IResource r : members) {
            if (!r.getName().startsWith(".")) {
                entries.add(r);
            }
        }
        entries.sort(Comparator.comparing(IResource::getName));
        List<Object> folders = new ArrayList<>();
        Map<String, List<IFile>> byRun = new LinkedHashMap<>();
        for (IResource r : entries) {
            if (r instanceof IFile f) {
                byRun.computeIfAbsent(stem(f.getName()), k -> new ArrayList<>()).add(f);
            } else {
                folders.add(r);
            }
        }
        List<Object> groups = new ArrayList<>();
        List<Object> loose = new ArrayList<>();
        byRun.forEach((run, files) -> {
            boolean isRun = files.stream().anyMatch(f -> {
                Path p = Projects.path(f);
                Kind k = p == null ? Kind.OTHER : Kind.of(p);
                return k == Kind.LOG || k == Kind.COORDS;
            });
            if (isRun && files.size() > 1) {
                groups.add(new ProjectRun(c, run, List.copyOf(files)));
            } else {
                loose.addAll(files);
            }
        });
        List<Object> out = new ArrayList<>(folders);
        out.addAll(groups);
        out.addAll(loose);
        return out.toArray();
    }

    private static String stem(String n) {
        int dot = n.indexOf('.');
        return dot > 0 ? n.substring(0, dot) : n;
    }
}
