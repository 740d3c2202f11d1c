// SPDX-License-Identifier: EPL-2.0 OR GPL-2.0-or-later
// Copyright (c) 2026 the calphot contributors
package org.calphot.ui.internal.editor;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.calphot.ui.internal.editor.ConfigValidator.Problem;
import org.eclipse.jface.viewers.ArrayContentProvider;
import org.eclipse.jface.viewers.ColumnLabelProvider;
import org.eclipse.jface.viewers.IStructuredSelection;
import org.eclipse.jface.viewers.TableViewer;
import org.eclipse.jface.viewers.TableViewerColumn;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Image;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.ui.ISharedImages;
import org.eclipse.ui.PartInitException;
import org.eclipse.ui.PlatformUI;
import org.eclipse.ui.part.ViewPart;

/** Every problem of the open configs: message, key path, line and file; double-click opens the line. */
public final class ProblemsView extends ViewPart {

    private static final Map<Path, List<Problem>> ALL = new LinkedHashMap<>();
    private TableViewer viewer;

    static void remember(Path file, List<Problem> problems) {
        if (file != null) {
            ALL.put(file, List.copyOf(problems));
        }
    }

    static void forget(Path file) {
        ALL.remove(file);
        var w = PlatformUI.isWorkbenchRunning() ? PlatformUI.getWorkbench().getActiveWorkbenchWindow() : null;
        if (w != null && w.getActivePage() != null && w.getActivePage().findView(
                org.calphot.ui.CalphotUi.PROBLEMS_VIEW_ID) instanceof ProblemsView v) {
            v.update();
        }
    }

    @Override
    public void createPartControl(Composite parent) {
        viewer = new TableViewer(parent, SWT.FULL_SELECTION | SWT.SINGLE | SWT.V_SCROLL | SWT.H_SCROLL);
        viewer.getTable().setHeaderVisible(true);
        viewer.getTable().setLinesVisible(true);
        viewer.setContentProvider(ArrayContentProvider.getInstance());
        column("Line", 70, p -> p.line() > 0 ? Integer.toString(p.line()) : "", p -> PlatformUI.getWorkbench()
                .getSharedImages().getImage(p.error() ? ISharedImages.IMG_OBJS_ERROR_TSK : ISharedImages.IMG_OBJS_WARN_TSK));
        column("Key", 120, p -> p.key() == null ? "" : p.key(), p -> null);
        column("Description", 460, p -> p.message(), p -> null);
        column("File", 320, p -> p.file() == null ? "" : p.file().toString(), p -> null);
        viewer.addDoubleClickListener(e -> open((Problem) ((IStructuredSelection) e.getSelection()).getFirstElement()));
        update();
    }

    private void column(String title, int width, java.util.function.Function<Problem, String> text,
            java.util.function.Function<Problem, Image> image) {
        TableViewerColumn c = new TableViewerColumn(viewer, SWT.LEFT);
        c.getColumn().setText(title);
        c.getColumn().setWidth(width);
        c.setLabelProvider(new ColumnLabelProvider() {
            @Override
            public String getText(Object e) {
                return text.apply((Problem) e);
            }

            @Override
            public Image getImage(Object e) {
                return image.apply((Problem) e);
            }
        });
    }

    void setProblems(Path file, List<Problem> problems) {
        remember(file, problems);
        update();
    }

    void update() {
        if (viewer == null || viewer.getControl().isDisposed()) {
            return;
        }
        List<Problem> rows = rows();
        viewer.setInput(rows);
        long errors = rows.stream().filter(Problem::error).count();
        setContentDescription(rows.isEmpty() ? "No problems in the open configs."
                : errors + " error" + (errors == 1 ? "" : "s") + ", " + (rows.size() - errors) + " warning"
                        + (rows.size() - errors == 1 ? "" : "s") + " (double-click to go to the line)");
    }

    /** What the table shows now. */
    public List<Problem> rows() {
        List<Problem> rows = new ArrayList<>();
        ALL.values().forEach(rows::addAll);
        return rows;
    }

    private void open(Problem p) {
        if (p == null || p.file() == null) {
            return;
        }
        try {
            ConfigEditor.open(getSite().getPage(), p.file()).reveal(p.line());
        } catch (PartInitException e) {
            // the file went away; nothing to show
        }
    }

    @Override
    public void setFocus() {
        viewer.getControl().setFocus();
    }
}
