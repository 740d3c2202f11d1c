// SPDX-License-Identifier: EPL-2.0 OR GPL-2.0-or-later
// Copyright (c) 2026 the calphot contributors
package org.calphot.ui.internal;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.jface.resource.ImageDescriptor;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.StyleRange;
import org.eclipse.swt.custom.StyledText;
import org.eclipse.swt.graphics.Font;
import org.eclipse.swt.graphics.FontData;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.ui.IEditorInput;
import org.eclipse.ui.IEditorSite;
import org.eclipse.ui.IPersistableElement;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.PartInitException;
import org.eclipse.ui.part.EditorPart;

/**
 * A short hint in the editor area at first start, where a new user looks first: how to get from a folder of logs
 * to a lightcurve. Closed like any editor; not shown again (a preference remembers it was shown).
 */
public final class WelcomeEditor extends EditorPart {

    public static final String ID = "org.calphot.ui.welcome";
    /** Preference: the hint was shown once. */
    public static final String SHOWN = "welcome.shown";

    static final String TITLE = "Getting started with calphot";
    static final String TEXT = TITLE + "\n\n"
            + "1. calphot > Open Observations Folder... (or start with a folder or a config on the command line): "
            + "the Observations view lists its nights, logs, configs and outputs. The bundled demo is in "
            + "examples/demo.\n"
            + "2. Double-click a cal_phot config (.yaml): it opens here, checked as you type; problems are "
            + "underlined and listed in Config Problems.\n"
            + "3. Run Config (Ctrl+R, or the toolbar): the run console below reports each stage; the calibrated "
            + "lightcurve appears in the Lightcurve view, one panel per band.\n"
            + "4. In the plots: drag a box to zoom, turn the wheel, Reset Zoom; Phase/BMJD and the y scale "
            + "(mJy, Log, Mag) above the plot; Select and Mask Selected to leave points out of the next run.\n"
            + "5. Right-click a log for Fit Extinction... and Time Eclipses...; double-click an output file to "
            + "show it again.\n\n"
            + "Preferences (Window > Preferences) set the default observatory, the catalogue cache and the output "
            + "formats. This page does not open again; the README has the full walkthrough.";

    /** Opens the hint when the workbench starts for the first time with no editor open. */
    static void openAtFirstStart(IWorkbenchPage page) {
        if (page == null || Prefs.store().getBoolean(SHOWN) || page.getEditorReferences().length > 0) {
            return;
        }
        Prefs.store().setValue(SHOWN, true);
        try {
            page.openEditor(Input.INSTANCE, ID, false);
        } catch (PartInitException e) {
            // a missing hint must never stop the workbench
        }
    }

    @Override
    public void init(IEditorSite site, IEditorInput input) {
        setSite(site);
        setInput(input);
        setPartName("Getting Started");
    }

    @Override
    public void createPartControl(Composite parent) {
        StyledText t = new StyledText(parent, SWT.READ_ONLY | SWT.WRAP | SWT.V_SCROLL);
        t.setMargins(24, 20, 24, 20);
        t.setLineSpacing(4);
        t.setText(TEXT);
        t.setCaret(null);
        FontData fd = t.getFont().getFontData()[0];
        Font big = new Font(t.getDisplay(), fd.getName(), Math.round(fd.getHeight() * 1.4f), SWT.BOLD);
        t.addDisposeListener(e -> big.dispose());
        StyleRange title = new StyleRange(0, TITLE.length(), null, null);
        title.font = big;
        t.setStyleRange(title);
    }

    /** The hint's text, as shown (tests). */
    public static String text() {
        return TEXT;
    }

    @Override
    public void setFocus() {
        // nothing to edit
    }

    @Override
    public void doSave(IProgressMonitor monitor) {
        // nothing to save
    }

    @Override
    public void doSaveAs() {
        // nothing to save
    }

    @Override
    public boolean isDirty() {
        return false;
    }

    @Override
    public boolean isSaveAsAllowed() {
        return false;
    }

    /** The one input of the hint; not saved with the workbench (it is shown once). */
    static final class Input implements IEditorInput {
        static final Input INSTANCE = new Input();

        @Override
        public boolean exists() {
            return false;
        }

        @Override
        public ImageDescriptor getImageDescriptor() {
            return ImageDescriptor.getMissingImageDescriptor();
        }

        @Override
        public String getName() {
            return "Getting Started";
        }

        @Override
        public IPersistableElement getPersistable() {
            return null;
        }

        @Override
        public String getToolTipText() {
            return TITLE;
        }

        @Override
        public <T> T getAdapter(Class<T> adapter) {
            return null;
        }
    }
}
