// SPDX-License-Identifier: EPL-2.0 OR GPL-2.0-or-later
// Copyright (c) 2026 the calphot contributors
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Shell;

/** Baseline of workbench-startup.sh: a JVM that opens one empty SWT window of the workbench's size, and waits. */
public class EmptyShell {
    public static void main(String[] args) {
        Display display = new Display();
        Shell shell = new Shell(display);
        shell.setText(args.length > 0 ? args[0] : "calphot-bench-empty-shell");
        shell.setSize(1280, 860);
        shell.open();
        while (!shell.isDisposed()) {
            if (!display.readAndDispatch()) {
                display.sleep();
            }
        }
        display.dispose();
    }
}
