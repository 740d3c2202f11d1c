// SPDX-License-Identifier: EPL-2.0 OR GPL-2.0-or-later
// Copyright (c) 2026 the calphot contributors
package org.calphot.ui.internal.project;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

import org.calphot.ui.internal.ObservationsView.Kind;
import org.calphot.ui.internal.RunGrouping;
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
public final class ObservationsContentProvider implements ITreeContentProvider,
        org.eclipse.ui.navigator.IPipelinedTreeContentProvider {

    private volatile org.eclipse.jface.viewers.Viewer viewer;

    /**
     * Files written by a run or saved by the editor: the tree is read again (the platform's resource content only
     * adds single files, which would bypass the run groups here).
     */
    private final org.eclipse.core.resources.IResourceChangeListener listener = event -> {
        org.eclipse.jface.viewers.Viewer v = viewer;
        if (v == null || event.getDelta() == null) {
            return;
        }
        org.eclipse.swt.widgets.Control c = v.getControl();
        if (c == null || c.isDisposed()) {
            return;
        }
        c.getDisplay().asyncExec(() -> {
            if (!c.isDisposed()) {
                v.refresh();
            }
        });
    };

    @Override
    public void inputChanged(org.eclipse.jface.viewers.Viewer v, Object oldInput, Object newInput) {
        if (viewer == null && v != null) {
            org.eclipse.core.resources.ResourcesPlugin.getWorkspace().addResourceChangeListener(listener,
                    org.eclipse.core.resources.IResourceChangeEvent.POST_CHANGE);
        }
        viewer = v;
    }

    @Override
    public void dispose() {
        viewer = null;
        org.eclipse.core.resources.ResourcesPlugin.getWorkspace().removeResourceChangeListener(listener);
    }

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

    // the Common Navigator asks the resources content first and hands its children here (this content overrides it
    // for calphot projects): replace them by the grouped ones

    @Override
    @SuppressWarnings({"rawtypes", "unchecked"})
    public void getPipelinedChildren(Object parent, java.util.Set children) {
        if (parent instanceof IContainer c && c.isAccessible()) {
            children.clear();
            children.addAll(Arrays.asList(children(c)));
        }
    }

    @Override
    @SuppressWarnings({"rawtypes", "unchecked"})
    public void getPipelinedElements(Object input, java.util.Set elements) {
        getPipelinedChildren(input, elements);
    }

    @Override
    public Object getPipelinedParent(Object element, Object suggested) {
        Object p = getParent(element);
        return p == null ? suggested : p;
    }

    @Override
    public org.eclipse.ui.navigator.PipelinedShapeModification interceptAdd(
            org.eclipse.ui.navigator.PipelinedShapeModification add) {
        return add;
    }

    @Override
    public org.eclipse.ui.navigator.PipelinedShapeModification interceptRemove(
            org.eclipse.ui.navigator.PipelinedShapeModification remove) {
        return remove;
    }

    @Override
    public boolean interceptRefresh(org.eclipse.ui.navigator.PipelinedViewerUpdate refresh) {
        return false;
    }

    @Override
    public boolean interceptUpdate(org.eclipse.ui.navigator.PipelinedViewerUpdate update) {
        return false;
    }

    @Override
    public void init(org.eclipse.ui.navigator.ICommonContentExtensionSite site) {
    }

    @Override
    public void restoreState(org.eclipse.ui.IMemento memento) {
    }

    @Override
    public void saveState(org.eclipse.ui.IMemento memento) {
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
        List<IFile> files = new ArrayList<>();
        for (IResource r : entries) {
            if (r instanceof IFile f) {
                files.add(f);
            } else {
                folders.add(r);
            }
        }
        return RunGrouping.order(folders, files, IFile::getName, f -> {
            Path p = Projects.path(f);
            return p == null ? Kind.OTHER : Kind.of(p);
        }, (run, runFiles) -> new ProjectRun(c, run, runFiles));
    }
}
