// SPDX-License-Identifier: EPL-2.0 OR GPL-2.0-or-later
// Copyright (c) 2026 the calphot contributors
package org.calphot.ui.tests;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

import org.calphot.ui.CalphotUi;
import org.calphot.ui.internal.plot.LightcurveView;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.PlatformUI;
import org.junit.jupiter.api.Test;

/**
 * Run only by {@link RestartTest} in its second workbench JVM (its name keeps it out of the normal test run): reports
 * what the Lightcurve view shows when the workbench starts, without any run in this JVM.
 */
class SecondStartCheck {

    @Test
    void reportWhatTheLightcurveViewShowsAtStart() throws Exception {
        if (System.getProperty("calphot.secondStart.report") == null) {
            return; // only RestartTest's second workbench runs this (its name is outside the test includes)
        }
        IWorkbenchPage page = PlatformUI.getWorkbench().getActiveWorkbenchWindow().getActivePage();
        LightcurveView lv = (LightcurveView) page.showView(CalphotUi.LIGHTCURVE_VIEW_ID);
        assertTrue(Ui.until(() -> lv.lightcurves() != null), "no lightcurves at start");
        Ui.settle();
        Properties p = new Properties();
        p.setProperty("outputDir", lv.lightcurves().outputDir().toAbsolutePath().toString());
        p.setProperty("panels", String.valueOf(lv.panelCount()));
        p.setProperty("points", String.valueOf(lv.pointCount()));
        p.setProperty("labels", String.join(",", lv.lightcurves().nights().get(0).bands().stream()
                .map(org.calphot.ui.internal.plot.LightcurveSet.Band::label).toList()));
        p.setProperty("title", lv.panel().chart() == null ? "" : lv.panel().chart().getTitle().getText());
        Ui.screenshot(page.getWorkbenchWindow().getShell(), "restart-second-start");
        try (var out = Files.newOutputStream(Path.of(System.getProperty("calphot.secondStart.report")))) {
            p.store(out, "what the Lightcurve view showed at the second start");
        }
    }
}
