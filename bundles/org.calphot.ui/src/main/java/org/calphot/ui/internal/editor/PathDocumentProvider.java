// SPDX-License-Identifier: EPL-2.0 OR GPL-2.0-or-later
// Copyright (c) 2026 the calphot contributors
package org.calphot.ui.internal.editor;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;

import org.calphot.core.util.AtomicFiles;
import org.calphot.ui.CalphotUi;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.Status;
import org.eclipse.jface.operation.IRunnableContext;
import org.eclipse.jface.text.Document;
import org.eclipse.jface.text.IDocument;
import org.eclipse.jface.text.source.AnnotationModel;
import org.eclipse.jface.text.source.IAnnotationModel;
import org.eclipse.ui.texteditor.AbstractDocumentProvider;

/** Reads a config as UTF-8 and saves it atomically, like every calphot output. */
public final class PathDocumentProvider extends AbstractDocumentProvider {

    @Override
    protected IDocument createDocument(Object element) throws CoreException {
        if (!(element instanceof PathEditorInput in)) {
            return null;
        }
        try {
            return new Document(Files.readString(in.file(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new CoreException(new Status(IStatus.ERROR, CalphotUi.BUNDLE_ID, "cannot read " + in.file(), e));
        }
    }

    @Override
    protected IAnnotationModel createAnnotationModel(Object element) {
        return new AnnotationModel();
    }

    @Override
    protected void doSaveDocument(IProgressMonitor monitor, Object element, IDocument document, boolean overwrite)
            throws CoreException {
        PathEditorInput in = (PathEditorInput) element;
        byte[] bytes = document.get().getBytes(StandardCharsets.UTF_8);
        try {
            AtomicFiles.write(in.file(), out -> out.write(bytes));
            // the workspace reads the saved file again, so its project's builder updates the problem markers
            org.calphot.ui.internal.project.Projects.refreshFile(in.file());
        } catch (IOException e) {
            throw new CoreException(new Status(IStatus.ERROR, CalphotUi.BUNDLE_ID, "cannot save " + in.file(), e));
        }
    }

    @Override
    protected IRunnableContext getOperationRunner(IProgressMonitor monitor) {
        return null;
    }

    @Override
    public boolean isReadOnly(Object element) {
        return false;
    }

    @Override
    public boolean isModifiable(Object element) {
        return true;
    }
}
