// SPDX-License-Identifier: EPL-2.0 OR GPL-2.0-or-later
// Copyright (c) 2026 the calphot contributors
package org.calphot.ui.internal.editor;

import java.util.ArrayList;
import java.util.List;

import org.calphot.core.CalphotException;
import org.calphot.core.time.Site;
import org.calphot.core.time.SiteRegistry;
import org.calphot.ui.internal.Prefs;
import org.calphot.ui.internal.UiPlugin;
import org.eclipse.jface.text.IDocument;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Text;
import org.eclipse.ui.forms.IManagedForm;
import org.eclipse.ui.forms.editor.FormPage;
import org.eclipse.ui.forms.widgets.ExpandableComposite;
import org.eclipse.ui.forms.widgets.FormToolkit;
import org.eclipse.ui.forms.widgets.ScrolledForm;
import org.eclipse.ui.forms.widgets.Section;

/**
 * The common fields of a config as a form. Each field edits one line of the YAML (comments and layout kept); the
 * form reads the YAML again whenever it is shown, so both pages always show the same config.
 */
public final class ConfigFormPage extends FormPage {

    private final ConfigEditor editor;
    private final List<Field> fields = new ArrayList<>();
    private boolean updating;

    /** A form control bound to one key. */
    private record Field(String key, boolean payload, Control control) {
    }

    ConfigFormPage(ConfigEditor editor) {
        super(editor, "org.calphot.ui.configForm", "Common fields");
        this.editor = editor;
    }

    @Override
    protected void createFormContent(IManagedForm managedForm) {
        ScrolledForm sf = managedForm.getForm();
        FormToolkit tk = managedForm.getToolkit();
        sf.setText("cal_phot config: common fields");
        tk.decorateFormHeading(sf.getForm());
        sf.getBody().setLayout(new GridLayout(1, true));

        Composite target = section(tk, sf, "Target and ephemeris",
                "Where the target is and when its eclipses happen. T0 is a BMJD(TDB), the period is in days.");
        text(tk, target, "Target coordinates (RA Dec):", "target coords", false, "10:00:00.00 +20:00:00.0");
        text(tk, target, "T0 (BMJD TDB):", "T0", false, "60383.9712345");
        text(tk, target, "Period (days):", "period", false, "0.0583110795");
        text(tk, target, "Output folder:", "directory", false, "calphot_out");

        Composite mags = section(tk, sf, "Comparison magnitudes and site",
                "Where the comparison stars' magnitudes come from, and where the first payload was observed.");
        Button sdss = tk.createButton(mags, "Magnitudes from the SDSS catalogue", SWT.CHECK);
        sdss.setToolTipText("SDSS: 1. Each log then needs the path of its .coords file under logfiles.");
        sdss.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false, 2, 1));
        fields.add(new Field("SDSS", false, sdss));
        sdss.addListener(SWT.Selection, e -> write("SDSS", false, sdss.getSelection() ? "1" : "0"));
        Label note = tk.createLabel(mags, "Unticked (SDSS: 0): the comparison magnitudes are written in the config, "
                + "per log and band.", SWT.WRAP);
        GridData nd = new GridData(SWT.FILL, SWT.CENTER, true, false, 2, 1);
        nd.widthHint = 300;
        note.setLayoutData(nd);
        combo(tk, mags, "Observatory:", "observatory", siteNames());
        combo(tk, mags, "Instrument:", "inst", new String[] {"hcam", "ucam", "uspec"});
        text(tk, mags, "Output name (oname):", "oname", true, "Reduced_system");
        text(tk, mags, "Phase range:", "phase range", true, "[-0.5, 0.5]");
        refresh();
    }

    private Composite section(FormToolkit tk, ScrolledForm sf, String title, String description) {
        Section s = tk.createSection(sf.getBody(), ExpandableComposite.TITLE_BAR | Section.DESCRIPTION
                | ExpandableComposite.EXPANDED);
        s.setText(title);
        s.setDescription(description);
        s.setLayoutData(new GridData(SWT.FILL, SWT.TOP, true, false));
        Composite c = tk.createComposite(s);
        c.setLayout(new GridLayout(2, false));
        s.setClient(c);
        tk.paintBordersFor(c);
        return c;
    }

    private void text(FormToolkit tk, Composite parent, String label, String key, boolean payload, String hint) {
        tk.createLabel(parent, label);
        Text t = tk.createText(parent, "", SWT.SINGLE);
        t.setMessage(hint);
        GridData gd = new GridData(SWT.FILL, SWT.CENTER, true, false);
        gd.widthHint = 220;
        t.setLayoutData(gd);
        fields.add(new Field(key, payload, t));
        t.addListener(SWT.Modify, e -> write(key, payload, t.getText()));
    }

    private void combo(FormToolkit tk, Composite parent, String label, String key, String[] items) {
        tk.createLabel(parent, label);
        Combo c = new Combo(parent, SWT.DROP_DOWN);
        c.setItems(items);
        GridData gd = new GridData(SWT.FILL, SWT.CENTER, true, false);
        gd.widthHint = 200;
        c.setLayoutData(gd);
        tk.adapt(c, true, true);
        fields.add(new Field(key, true, c));
        c.addListener(SWT.Modify, e -> write(key, true, c.getText()));
    }

    private static String[] siteNames() {
        List<String> names = new ArrayList<>();
        String dflt = Prefs.store().getString(Prefs.DEFAULT_SITE);
        if (dflt != null && !dflt.isBlank()) {
            names.add(dflt);
        }
        try {
            SiteRegistry sites = UiPlugin.services().sites();
            for (Site s : sites.sites()) {
                List<String> n = sites.namesOf(s);
                String name = n.isEmpty() ? s.name() : n.get(0);
                if (!names.contains(name)) {
                    names.add(name);
                }
            }
        } catch (CalphotException e) {
            // no site service: the field still takes any text
        }
        return names.toArray(new String[0]);
    }

    private IDocument doc() {
        return editor.source().document();
    }

    private void write(String key, boolean payload, String value) {
        if (updating) {
            return;
        }
        IDocument d = doc();
        String old = d.get();
        String now = YamlText.set(old, key, payload, value);
        if (!now.equals(old)) {
            d.set(now);
        }
    }

    /** Reads the fields from the YAML. */
    public void refresh() {
        if (fields.isEmpty()) {
            return;
        }
        updating = true;
        try {
            String text = doc().get();
            for (Field f : fields) {
                String v = YamlText.get(text, f.key(), f.payload());
                if (f.control() instanceof Text t) {
                    if (!t.getText().equals(v == null ? "" : v)) {
                        t.setText(v == null ? "" : v);
                    }
                } else if (f.control() instanceof Combo c) {
                    if (!c.getText().equals(v == null ? "" : v)) {
                        c.setText(v == null ? "" : v);
                    }
                } else if (f.control() instanceof Button b) {
                    b.setSelection(v != null && (v.equals("1") || v.equalsIgnoreCase("true") || v.equalsIgnoreCase("yes")));
                }
            }
        } finally {
            updating = false;
        }
    }

    @Override
    public void setActive(boolean active) {
        super.setActive(active);
        if (active) {
            refresh();
        }
    }

    /** The form's text field for a key (tests). */
    public Control control(String key) {
        return fields.stream().filter(f -> f.key().equals(key)).map(Field::control).findFirst().orElse(null);
    }
}
