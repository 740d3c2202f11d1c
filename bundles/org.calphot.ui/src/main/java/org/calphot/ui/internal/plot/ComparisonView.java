// SPDX-License-Identifier: EPL-2.0 OR GPL-2.0-or-later
// Copyright (c) 2026 the calphot contributors
package org.calphot.ui.internal.plot;

import java.util.ArrayList;
import java.util.List;

import org.calphot.core.photometry.ComparisonDiagnostics;
import org.calphot.pipeline.CcdResult;
import org.calphot.pipeline.LogResult;
import org.calphot.pipeline.RunResult;
import org.calphot.plot.ComparisonPage;
import org.calphot.plot.ComparisonPanel;
import org.calphot.plot.ComparisonSeries;
import org.calphot.plot.LinearFit;
import org.calphot.plot.XAxisKind;
import org.jfree.chart.JFreeChart;

/** Comparison-star diagnostics of a log: each pair's normalised count ratio against time, with its fitted slope. */
public final class ComparisonView extends ResultView {

    @Override
    protected String emptyMessage() {
        return "No comparison diagnostics yet.\n\nRun a config: for every band, the ratio of each pair of comparison "
                + "stars is drawn here against time; a flat line means both comparisons are steady.";
    }

    @Override
    protected JFreeChart build(RunResult run, LogResult log) {
        List<ComparisonPanel> panels = new ArrayList<>();
        for (CcdResult c : log.ccds()) {
            List<ComparisonSeries> series = new ArrayList<>();
            for (ComparisonDiagnostics.Pair p : c.lightcurve().diagnostics().pairs()) {
                if (p.mjdUtc().length > 0) {
                    series.add(new ComparisonSeries("Apertures " + p.labelA() + "/" + p.labelB(), p.mjdUtc(), p.ratio(),
                            null, new LinearFit(p.slopePerDay(), p.intercept(), p.mjdUtc()[0])));
                }
            }
            if (!series.isEmpty()) {
                panels.add(new ComparisonPanel(c.band() + " (CCD " + c.ccd() + ")", series));
            }
        }
        if (panels.isEmpty()) {
            return null;
        }
        return ComparisonPage.build(log.log().getFileName() + ": comparison stars", XAxisKind.MJD_UTC, panels);
    }

    @Override
    protected String exportStem(LogResult log) {
        return log.oname() + "_" + LightcurveView.stem(log) + "_comparisons";
    }
}
