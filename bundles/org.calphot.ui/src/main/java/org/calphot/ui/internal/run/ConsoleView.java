package org.calphot.ui.internal.run;

import java.util.ArrayList;
import java.util.List;

import org.eclipse.jface.action.Action;
import org.eclipse.jface.resource.JFaceResources;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.StyledText;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Display;
import org.eclipse.ui.part.ViewPart;

/**
 * The run console: progress steps and warnings as the run goes, then the Calibration log (Calibration.txt) when the
 * run has written it. Lines arrive from any thread; the text is kept while the view is closed.
 */
public final class ConsoleView extends ViewPart {

    private static final StringBuilder TEXT = new StringBuilder();
    private static final List<ConsoleView> OPEN = new ArrayList<>();
    private StyledText text;

    /** Appends a line (any thread). */
    public static void println(String line) {
        synchronized (TEXT) {
            TEXT.append(line).append('\n');
        }
        Display d = Display.getDefault();
        d.asyncExec(ConsoleView::refreshAll);
    }

    public static void clear() {
        synchronized (TEXT) {
            TEXT.setLength(0);
        }
        Display.getDefault().asyncExec(ConsoleView::refreshAll);
    }

    public static String contents() {
        synchronized (TEXT) {
            return TEXT.toString();
        }
    }

    private static void refreshAll() {
        for (ConsoleView v : List.copyOf(OPEN)) {
            v.refresh();
        }
    }

    @Override
    public void createPartControl(Composite parent) {
        text = new StyledText(parent, SWT.MULTI | SWT.READ_ONLY | SWT.V_SCROLL | SWT.H_SCROLL);
        text.setFont(JFaceResources.getTextFont());
        OPEN.add(this);
        Action clear = new Action("Clear") {
            @Override
            public void run() {
                clear();
            }
        };
        clear.setToolTipText("Clear the console");
        getViewSite().getActionBars().getToolBarManager().add(clear);
        refresh();
    }

    private void refresh() {
        if (text == null || text.isDisposed()) {
            return;
        }
        String s = contents();
        if (s.isEmpty()) {
            s = "Runs started with Run Config (Ctrl+R) report their steps here, then the Calibration log.\n";
        }
        text.setText(s);
        text.setTopIndex(text.getLineCount() - 1);
    }

    @Override
    public void dispose() {
        OPEN.remove(this);
        super.dispose();
    }

    @Override
    public void setFocus() {
        text.setFocus();
    }
}
