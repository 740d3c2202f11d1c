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

    @Override
    public IPersistableElement getPersistable() {
        return null;
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
