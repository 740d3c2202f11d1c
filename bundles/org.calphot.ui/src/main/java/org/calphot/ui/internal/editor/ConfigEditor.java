// SPDX-License-Identifier: EPL-2.0 OR GPL-2.0-or-later
// Copyright (c) 2026 the calphot contributors
package org.calphot.ui.internal.editor;

import java.nio.file.Path;

import org.calphot.ui.CalphotUi;
import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.ui.IEditorPart;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.PartInitException;
import org.eclipse.ui.forms.editor.FormEditor;
import org.eclipse.ui.texteditor.ITextEditor;

/**
 * The cal_phot config editor: the YAML source with live validation, and a form of the common fields (target,
 * ephemeris, magnitudes source, site, instrument) that edits the same text.
 */
public final class ConfigEditor extends FormEditor {

    private ConfigTextEditor source;
    private ConfigFormPage form;

    /** Opens (or activates) the editor on a config file. */
    public static ConfigEditor open(IWorkbenchPage page, Path file) throws PartInitException {
        IEditorPart e = page.openEditor(new PathEditorInput(file), CalphotUi.CONFIG_EDITOR_ID, true);
        return (ConfigEditor) e;
    }

    /**
     * A config opened from the Project Explorer or the Problems view comes as a workspace file: edit the file on
     * disk it stands for, so both trees share one editor per config.
     */
    @Override
    public void init(org.eclipse.ui.IEditorSite site, org.eclipse.ui.IEditorInput input) throws PartInitException {
        super.init(site, input instanceof PathEditorInput ? input : PathEditorInput.of(input));
    }

    @Override
    protected void addPages() {
        try {
            source = new ConfigTextEditor();
            int i = addPage(source, getEditorInput());
            setPageText(i, "YAML");
            form = new ConfigFormPage(this);
            addPage(form);
        } catch (PartInitException e) {
            throw new IllegalStateException(e);
        }
        setPartName(getEditorInput().getName());
    }

    public ConfigTextEditor source() {
        return source;
    }

    public ConfigFormPage form() {
        return form;
    }

    public Path file() {
        return ((PathEditorInput) getEditorInput()).file();
    }

    /** 0: the YAML page, 1: the form. */
    public void showPage(int index) {
        setActivePage(index);
    }

    /** Shows the YAML page with the line selected (1-based). */
    public void reveal(int line) {
        setActivePage(0);
        source.gotoLine(line);
    }

    @Override
    public void doSave(IProgressMonitor monitor) {
        source.doSave(monitor);
        editorDirtyStateChanged();
    }

    @Override
    public void doSaveAs() {
    }

    @Override
    public boolean isSaveAsAllowed() {
        return false;
    }

    @Override
    public boolean isDirty() {
        return source != null && source.isDirty();
    }

    @Override
    public <T> T getAdapter(Class<T> adapter) {
        if (adapter == ITextEditor.class) {
            return adapter.cast(source);
        }
        if (adapter == org.eclipse.ui.ide.IGotoMarker.class) {
            // a double-click in the Problems view: the YAML page at the marker's line
            org.eclipse.ui.ide.IGotoMarker go = m -> reveal(
                    Math.max(1, m.getAttribute(org.eclipse.core.resources.IMarker.LINE_NUMBER, 1)));
            return adapter.cast(go);
        }
        return super.getAdapter(adapter);
    }
}
