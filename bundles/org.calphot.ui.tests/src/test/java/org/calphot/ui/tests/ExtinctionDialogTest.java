// SPDX-License-Identifier: EPL-2.0 OR GPL-2.0-or-later
// Copyright (c) 2026 the calphot contributors
package org.calphot.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.calphot.ui.CalphotUi;
import org.calphot.ui.internal.ObservationsView;
import org.calphot.ui.internal.plot.FigureView;
import org.calphot.ui.internal.tools.ExtinctionAnalysis;
import org.calphot.ui.internal.tools.ToolDialog;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.PlatformUI;
import org.junit.jupiter.api.Test;

/**
 * Fit Extinction on the bundled demo, as a new user tries it: the dialog itself refuses the demo's short run
 * (83 minutes near transit) before anything runs, proposes the config's comparison apertures, and the figures are
 * chosen with buttons named as the other views name a CCD.
 */
class ExtinctionDialogTest {

    @Test
    void theDialogRefusesTheDemosShortAirmassRangeAndNamesCcdsByBand() throws Exception {
        IWorkbenchPage page = Ui.calphotPage(true);
        Shell shell = page.getWorkbenchWindow().getShell();
        Path work = Ui.demoCopy("extinction-dialog");
        ((ObservationsView) page.showView(CalphotUi.OBSERVATIONS_VIEW_ID)).setRoot(work);
        Path log = work.resolve("run001.log");

        ToolDialog d = ExtinctionAnalysis.extinctionDialog(shell, log, work);
        d.setBlockOnOpen(false);
        d.open();
        String problem = d.problem();
        assertNotNull(problem, "the demo's airmass range is below the default minimum 0.2: Run must be disabled");
        Ui.screenshot(d.getShell(), "extinction-dialog-refused");
        Matcher m = Pattern.compile("spans only ([0-9.]+) in airmass").matcher(problem);
        assertTrue(m.find(), problem);
        double range = Double.parseDouble(m.group(1));
        // 83 min around transit of Dec +20 at La Palma (lat +28.76): sec z changes by a few hundredths only
        assertTrue(range > 0.01 && range < 0.1, problem);
        assertFalse(d.ok(), "Run must stay disabled while the range is too small");
        d.set("minRange", "0.01");
        assertEquals(null, d.problem());
        assertTrue(d.ok());
        assertEquals("2,3", d.values().get("apertures"), "the comparisons of the config naming the log");

        Job job = ExtinctionAnalysis.fitExtinction(page, ExtinctionAnalysis.extinctionRequest(log, d.values()));
        assertTrue(Ui.join(job), "the fit did not finish");
        assertEquals(IStatus.OK, job.getResult().getSeverity(), job.getResult().getMessage() + "\n"
                + org.calphot.ui.internal.run.ConsoleView.contents());
        FigureView v = (FigureView) page.findView(CalphotUi.EXTINCTION_VIEW_ID);
        assertTrue(Ui.until(() -> v.figures().size() == 5), "one figure per HiPERCAM CCD");
        // the config's bands in CCD order (u g r i z), named as the Lightcurve and Comparisons views name them
        assertEquals(List.of("u (CCD 1)", "g (CCD 2)", "r (CCD 3)", "i (CCD 4)", "z (CCD 5)"),
                v.figures().stream().map(FigureView.Figure::name).toList());
        // the tool's own range check on the same times agrees with the dialog's number
        String report = Files.readString(Path.of(d.values().get("out")).resolve("run001_extinction.txt"));
        Matcher r = Pattern.compile("range ([0-9.]+)\\)").matcher(report);
        double widest = 0;
        while (r.find()) {
            widest = Math.max(widest, Double.parseDouble(r.group(1)));
        }
        // both printed to 3 decimals: they agree to the last digit's rounding
        assertEquals(range, widest, 0.0015, String.format(Locale.ROOT, "dialog %.3f vs tool %.3f", range, widest));
        Ui.screenshot(shell, "extinction-demo-bands");
    }
}
