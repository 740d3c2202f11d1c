// SPDX-License-Identifier: EPL-2.0 OR GPL-2.0-or-later
// Copyright (c) 2026 the calphot contributors
package org.calphot.ui.internal.editor;

import java.nio.file.Path;

import org.eclipse.core.runtime.IPath;
import org.eclipse.core.runtime.PlatformObject;
import org.eclipse.jface.resource.ImageDescriptor;
import org.eclipse.ui.IPathEditorInput;
import org.eclipse.ui.IPersistableElement;

/** A file on disk as editor input: configs live next to their logs, outside any Eclipse workspace project. */
public final class PathEditorInput extends PlatformObject implements IPathEditorInput {

    private final Path file;

    public PathEditorInput(Path file) {
        this.file = file.toAbsolutePath().normalize();
    }

    public Path file() {
        return file;
    }

    @Override
    public IPath getPath() {
        return IPath.fromOSString(file.toString());
    }

    @Override
    public boolean exists() {
        return java.nio.file.Files.exists(file);
    }

    @Override
    public ImageDescriptor getImageDescriptor() {
        return org.calphot.ui.internal.Icons.descriptor(org.calphot.ui.internal.Icons.CONFIG);
    }

    @Override
    public String getName() {
        return file.getFileName().toString();
    }

    /** Id of the factory (plugin.xml) that makes the input again from its saved path when the workbench restarts. */
    public static final String FACTORY_ID = "org.calphot.ui.pathInputFactory";
    static final String PATH = "path";

    /** Saved with the workbench, so an open config comes back (from the file on disk) after a restart. */
    @Override
    public IPersistableElement getPersistable() {
        return new IPersistableElement() {
            @Override
            public String getFactoryId() {
                return FACTORY_ID;
            }

            @Override
            public void saveState(org.eclipse.ui.IMemento memento) {
                memento.putString(PATH, file.toString());
            }
        };
    }

    /** Makes the input again from a memento; null (not restored) when the file is gone. */
    public static final class Factory implements org.eclipse.ui.IElementFactory {
        @Override
        public org.eclipse.core.runtime.IAdaptable createElement(org.eclipse.ui.IMemento memento) {
            String p = memento.getString(PATH);
            if (p == null || !java.nio.file.Files.isRegularFile(Path.of(p))) {
                return null;
            }
            return new PathEditorInput(Path.of(p));
        }
    }

    /**
     * The config behind any file input (a workspace file from the Project Explorer or a marker); a
     * PartInitException when the input is no file on disk.
     */
    public static PathEditorInput of(org.eclipse.ui.IEditorInput input) throws org.eclipse.ui.PartInitException {
        if (input instanceof IPathEditorInput p && p.getPath() != null) {
            return new PathEditorInput(p.getPath().toPath());
        }
        if (input instanceof org.eclipse.ui.IURIEditorInput u && "file".equals(u.getURI().getScheme())) {
            return new PathEditorInput(Path.of(u.getURI()));
        }
        throw new org.eclipse.ui.PartInitException("the config editor edits files on disk, not " + input.getName());
    }

    /** The workspace file of a config inside a calphot project: Properties, Show In and Link with Editor use it. */
    @Override
    public <T> T getAdapter(Class<T> adapter) {
        if (adapter == org.eclipse.core.resources.IFile.class || adapter == org.eclipse.core.resources.IResource.class) {
            org.eclipse.core.resources.IFile[] files = org.eclipse.core.resources.ResourcesPlugin.getWorkspace()
                    .getRoot().findFilesForLocationURI(file.toUri());
            return files.length == 0 ? null : adapter.cast(files[0]);
        }
        return super.getAdapter(adapter);
    }

    @Override
    public String getToolTipText() {
        return file.toString();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PathEditorInput p && p.file.equals(file);
    }

    @Override
    public int hashCode() {
        return file.hashCode();
    }
}
