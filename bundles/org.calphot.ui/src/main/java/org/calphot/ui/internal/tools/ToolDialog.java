// SPDX-License-Identifier: EPL-2.0 OR GPL-2.0-or-later
// Copyright (c) 2026 the calphot contributors
package org.calphot.ui.internal.tools;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;

import org.eclipse.jface.dialogs.IDialogConstants;
import org.eclipse.jface.dialogs.TitleAreaDialog;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Text;

/**
 * The few settings an analysis needs (observatory, target, ...), one labelled field each with a hint below it.
 * OK stays disabled while a field is invalid; the problem is shown in the dialog's message area.
 */
public final class ToolDialog extends TitleAreaDialog {

    /**
     * A field: key, label, initial value, hint, and a check giving an error text or null; with {@code choices}
     * a drop-down of them (still editable: the check decides what is valid).
     */
    public record Field(String key, String label, String value, String hint, Function<String, String> check,
            List<String> choices) {

        public Field(String key, String label, String value, String hint, Function<String, String> check) {
            this(key, label, value, hint, check, null);
        }
    }

    private final String title;
    private final String description;
    private final List<Field> fields;
    private final Map<String, TextField> texts = new LinkedHashMap<>();
    private final Map<String, String> values = new LinkedHashMap<>();
    /** A check across fields (e.g. the log's airmass range at the site and pointing entered), after the fields'. */
    private Function<Map<String, String>, String> crossCheck;

    public ToolDialog(Shell parent, String title, String description, List<Field> fields) {
        super(parent);
        this.title = title;
        this.description = description;
        this.fields = new ArrayList<>(fields);
    }

    @Override
    protected void configureShell(Shell shell) {
        super.configureShell(shell);
        shell.setText(title);
    }

    @Override
    protected Control createDialogArea(Composite parent) {
        Composite area = (Composite) super.createDialogArea(parent);
        setTitle(title);
        setMessage(description);
        Composite c = new Composite(area, SWT.NONE);
        c.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
        GridLayout gl = new GridLayout(2, false);
        gl.marginWidth = 12;
        gl.marginHeight = 10;
        gl.verticalSpacing = 2;
        c.setLayout(gl);
        for (Field f : fields) {
            Label l = new Label(c, SWT.NONE);
            l.setText(f.label());
            TextField t;
            if (f.choices() != null) {
                Combo combo = new Combo(c, SWT.DROP_DOWN | SWT.BORDER);
                combo.setItems(f.choices().toArray(new String[0]));
                combo.setText(f.value() == null ? "" : f.value());
                combo.addModifyListener(e -> validate());
                t = new TextField(combo, combo::getText, combo::setText);
            } else {
                Text text = new Text(c, SWT.BORDER | SWT.SINGLE);
                text.setText(f.value() == null ? "" : f.value());
                text.addModifyListener(e -> validate());
                t = new TextField(text, text::getText, text::setText);
            }
            GridData gd = new GridData(SWT.FILL, SWT.CENTER, true, false);
            gd.widthHint = 380;
            t.control().setLayoutData(gd);
            texts.put(f.key(), t);
            new Label(c, SWT.NONE);
            Label hint = new Label(c, SWT.WRAP);
            hint.setText(f.hint());
            GridData hd = new GridData(SWT.FILL, SWT.TOP, true, false);
            hd.widthHint = 380;
            hd.verticalIndent = 0;
            hint.setLayoutData(hd);
            hint.setForeground(c.getDisplay().getSystemColor(SWT.COLOR_DARK_GRAY));
            Label gap = new Label(c, SWT.NONE);
            GridData sd = new GridData();
            sd.horizontalSpan = 2;
            sd.heightHint = 6;
            gap.setLayoutData(sd);
        }
        return area;
    }

    @Override
    protected void createButtonsForButtonBar(Composite parent) {
        super.createButtonsForButtonBar(parent);
        getButton(IDialogConstants.OK_ID).setText("Run");
        validate();
    }

    /**
     * Adds a check of all values together, run when every field is valid; it gives an error text or null.
     * Returns this dialog.
     */
    public ToolDialog crossCheck(Function<Map<String, String>, String> check) {
        this.crossCheck = check;
        return this;
    }

    /** The first problem of the fields as they are, or null. */
    public String problem() {
        for (Field f : fields) {
            TextField t = texts.get(f.key());
            String err = f.check() == null || t == null ? null : f.check().apply(t.text().get().strip());
            if (err != null) {
                return f.label().replace(":", "") + ": " + err;
            }
        }
        if (crossCheck != null && !texts.isEmpty()) {
            Map<String, String> now = new LinkedHashMap<>();
            texts.forEach((k, t) -> now.put(k, t.text().get().strip()));
            return crossCheck.apply(now);
        }
        return null;
    }

    private void validate() {
        String p = problem();
        setErrorMessage(p);
        if (getButton(IDialogConstants.OK_ID) != null) {
            getButton(IDialogConstants.OK_ID).setEnabled(p == null);
        }
    }

    /** A text or a drop-down, read and set alike. */
    private record TextField(Control control, Supplier<String> text, Consumer<String> set) {
    }

    /** The drop-down of a field with choices (tests), or null. */
    public Combo combo(String key) {
        return texts.get(key).control() instanceof Combo c ? c : null;
    }

    /** Sets a field as a user would type it (tests). */
    public void set(String key, String value) {
        texts.get(key).set().accept(value);
    }

    @Override
    protected void okPressed() {
        for (Map.Entry<String, TextField> e : texts.entrySet()) {
            values.put(e.getKey(), e.getValue().text().get().strip());
        }
        super.okPressed();
    }

    /** The values entered, by key (after OK). */
    public Map<String, String> values() {
        return values;
    }

    /** Presses OK (tests); false when a field is invalid. */
    public boolean ok() {
        if (problem() != null) {
            return false;
        }
        okPressed();
        return true;
    }
}
