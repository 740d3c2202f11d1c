// SPDX-License-Identifier: EPL-2.0 OR GPL-2.0-or-later
// Copyright (c) 2026 the calphot contributors
package org.calphot.ui.internal.editor;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

import org.calphot.ui.CalphotUi;
import org.calphot.ui.internal.editor.ConfigValidator.Problem;
import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.jface.text.BadLocationException;
import org.eclipse.jface.text.DocumentEvent;
import org.eclipse.jface.text.IDocument;
import org.eclipse.jface.text.IDocumentListener;
import org.eclipse.jface.text.IRegion;
import org.eclipse.jface.text.Position;
import org.eclipse.jface.text.source.Annotation;
import org.eclipse.jface.text.source.IAnnotationModel;
import org.eclipse.jface.text.source.IAnnotationModelExtension;
import org.eclipse.ui.IEditorInput;
import org.eclipse.ui.IViewPart;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.editors.text.TextEditor;

/**
 * The YAML source page: colours, content assist (Ctrl+Space) and validation as you type. Every change schedules a
 * validation job 400 ms later; its problems become error/warning annotations (squiggles, ruler and overview marks,
 * hover text) and rows of the Config Problems view.
 */
public final class ConfigTextEditor extends TextEditor {

    public static final String ERROR_TYPE = "org.eclipse.ui.workbench.texteditor.error";
    public static final String WARNING_TYPE = "org.eclipse.ui.workbench.texteditor.warning";
    private static final long DELAY_MS = 400;

    private final Job validation = Job.create("Validating config", this::validateNow);
    private final List<Annotation> shown = new ArrayList<>();
    private volatile List<Problem> problems = List.of();
    private volatile int validations;
    private final IDocumentListener onChange = new IDocumentListener() {
        @Override
        public void documentAboutToBeChanged(DocumentEvent event) {
        }

        @Override
        public void documentChanged(DocumentEvent event) {
            validation.schedule(DELAY_MS);
        }
    };

    public ConfigTextEditor() {
        validation.setSystem(true);
    }

    @Override
    protected void initializeEditor() {
        super.initializeEditor();
        setDocumentProvider(new PathDocumentProvider());
        setSourceViewerConfiguration(new ConfigViewerConfiguration(this::file));
    }

    @Override
    protected void doSetInput(IEditorInput input) throws org.eclipse.core.runtime.CoreException {
        IDocument old = getDocumentProvider() == null || getEditorInput() == null ? null
                : getDocumentProvider().getDocument(getEditorInput());
        if (old != null) {
            old.removeDocumentListener(onChange);
        }
        super.doSetInput(input);
        IDocument doc = getDocumentProvider().getDocument(input);
        if (doc != null) {
            doc.addDocumentListener(onChange);
            validation.schedule();
        }
    }

    public Path file() {
        return getEditorInput() instanceof PathEditorInput in ? in.file() : null;
    }

    public IDocument document() {
        return getDocumentProvider().getDocument(getEditorInput());
    }

    /** The validation job (for tests: join it to wait for the markers). */
    public Job validationJob() {
        return validation;
    }

    /** How many validations have reached the editor (tests wait for it to grow). */
    public int validationCount() {
        return validations;
    }

    /** Problems of the last validation. */
    public List<Problem> problems() {
        return problems;
    }

    /** The error and warning annotations now in the editor. */
    public List<Annotation> annotations() {
        List<Annotation> out = new ArrayList<>();
        IAnnotationModel m = getDocumentProvider().getAnnotationModel(getEditorInput());
        if (m != null) {
            for (Iterator<Annotation> it = m.getAnnotationIterator(); it.hasNext();) {
                Annotation a = it.next();
                if (ERROR_TYPE.equals(a.getType()) || WARNING_TYPE.equals(a.getType())) {
                    out.add(a);
                }
            }
        }
        return out;
    }

    /** The 0-based line an annotation marks, or -1. */
    public int lineOf(Annotation a) {
        Position p = getDocumentProvider().getAnnotationModel(getEditorInput()).getPosition(a);
        try {
            return p == null ? -1 : document().getLineOfOffset(p.getOffset());
        } catch (BadLocationException e) {
            return -1;
        }
    }

    private org.eclipse.core.runtime.IStatus validateNow(IProgressMonitor monitor) {
        var display = getSite().getShell().getDisplay();
        String[] text = new String[1];
        display.syncExec(() -> {
            IDocument d = getDocumentProvider() == null ? null : document();
            text[0] = d == null ? null : d.get();
        });
        Path f = file();
        if (text[0] == null || f == null) {
            return Status.OK_STATUS;
        }
        List<Problem> found = ConfigValidator.validate(text[0], f);
        display.asyncExec(() -> show(found, text[0]));
        return Status.OK_STATUS;
    }

    /**
     * {start, end} within a line of the value to underline: after "key:" up to a comment, else the line without its
     * indentation (a key whose value is the block below it).
     */
    static int[] valueRange(String line) {
        int start = line.length() - line.stripLeading().length();
        int end = line.stripTrailing().length();
        int colon = line.indexOf(": ");
        if (colon < 0 && line.stripTrailing().endsWith(":")) {
            return new int[] {start, Math.max(start + 1, end)};
        }
        if (colon >= 0) {
            int v = colon + 1;
            while (v < line.length() && line.charAt(v) == ' ') {
                v++;
            }
            if (v < line.length() && line.charAt(v) != '#') {
                int hash = line.indexOf(" #", v);
                int e = hash > 0 ? hash : line.length();
                while (e > v && line.charAt(e - 1) == ' ') {
                    e--;
                }
                return new int[] {v, Math.max(v + 1, e)};
            }
        }
        return new int[] {start, Math.max(start + 1, end)};
    }

    private void show(List<Problem> found, String validatedText) {
        IDocument doc = getDocumentProvider() == null ? null : document();
        if (doc == null || !doc.get().equals(validatedText)) {
            return; // edited since: the next validation will report
        }
        problems = List.copyOf(found);
        validations++;
        IAnnotationModel model = getDocumentProvider().getAnnotationModel(getEditorInput());
        java.util.Map<Annotation, Position> add = new java.util.HashMap<>();
        for (Problem p : found) {
            try {
                int line = Math.max(0, Math.min(doc.getNumberOfLines() - 1, p.line() - 1));
                IRegion r = doc.getLineInformation(line);
                // the hover names the key only when the message does not already
                String last = p.key() == null ? null : p.key().substring(p.key().lastIndexOf('.') + 1);
                String msg = last == null || p.message().contains(last) ? p.message()
                        : "'" + p.key() + "': " + p.message();
                int[] v = valueRange(doc.get(r.getOffset(), r.getLength()));
                add.put(new Annotation(p.error() ? ERROR_TYPE : WARNING_TYPE, false, msg),
                        new Position(r.getOffset() + v[0], Math.max(1, v[1] - v[0])));
            } catch (BadLocationException e) {
                // the document changed under us; the next validation fixes it
            }
        }
        if (model instanceof IAnnotationModelExtension ext) {
            ext.replaceAnnotations(shown.toArray(new Annotation[0]), add);
        }
        shown.clear();
        shown.addAll(add.keySet());
        IWorkbenchPage page = getSite().getPage();
        IViewPart v = page.findView(CalphotUi.PROBLEMS_VIEW_ID);
        if (v instanceof ProblemsView pv) {
            pv.setProblems(file(), problems);
        }
        ProblemsView.remember(file(), problems);
    }

    /** Selects and reveals a line (1-based). */
    public void gotoLine(int line) {
        IDocument doc = document();
        try {
            IRegion r = doc.getLineInformation(Math.max(0, Math.min(doc.getNumberOfLines() - 1, line - 1)));
            selectAndReveal(r.getOffset(), r.getLength());
        } catch (BadLocationException e) {
            // out of range: leave the selection
        }
    }

    @Override
    public void dispose() {
        validation.cancel();
        ProblemsView.forget(file());
        super.dispose();
    }
}
