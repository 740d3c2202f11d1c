// SPDX-License-Identifier: EPL-2.0 OR GPL-2.0-or-later
// Copyright (c) 2026 the calphot contributors
package org.calphot.tools;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.calphot.core.CalphotException;
import org.calphot.core.photometry.BinnedCurve;
import org.calphot.core.photometry.ExtinctionResult;
import org.calphot.plot.ExtinctionAperture;
import org.calphot.plot.ExtinctionFigure;
import org.calphot.plot.LinearFit;
import org.calphot.plot.OverplotFigure;
import org.calphot.plot.Series;
import org.calphot.plot.XAxisKind;
import org.jfree.chart.JFreeChart;

/** The tools' figures, written without a display (the original opened a window for each). */
final class ToolFigures {

    private ToolFigures() {
    }

    /** One PNG per CCD: instrumental magnitude against airmass with the fitted line of every aperture. */
    static List<Path> extinction(Path dir, String stem, List<ExtinctionResult> results) throws CalphotException {
        List<Path> out = new ArrayList<>();
        for (ExtinctionResult r : results) {
            JFreeChart chart = extinctionChart(stem, r);
            Path png = dir.resolve(stem + "_extinction_ccd" + r.ccd() + ".png");
            java.awt.Dimension d = org.calphot.plot.FigureExport.preferredSize(chart);
            org.calphot.plot.FigureExport.writePng(chart, png, 1200, (int) Math.round(1200.0 * d.height / d.width));
            out.add(png);
        }
        return out;
    }

    /** Instrumental magnitude against airmass, a panel per aperture, with each fitted line. */
    static JFreeChart extinctionChart(String stem, ExtinctionResult r) {
        List<ExtinctionAperture> aps = new ArrayList<>();
        for (ExtinctionResult.ApertureFit f : r.apertures()) {
            boolean[] rejected = new boolean[f.used().length];
            for (int i = 0; i < rejected.length; i++) {
                rejected[i] = !f.used()[i];
            }
            aps.add(new ExtinctionAperture("aperture " + f.label(), f.airmass(), f.mag(), f.magErr(), rejected,
                    LinearFit.through(f.k(), f.intercept()), f.kErr()));
        }
        // no-break spaces: a narrow title wraps before "joint", never inside "k = 0.463 ± 0.199"
        return ExtinctionFigure.build(stem + ": CCD " + r.ccd() + " (" + r.band() + "), joint k\u00a0=\u00a0"
                + Fmt.f("%.3f", r.jointK()) + "\u00a0\u00b1\u00a0" + Fmt.f("%.3f", r.jointKErr()), r.band(), aps);
    }

    /** {@code <out>.pdf}: the binned curve over its input points, as the original's bin_data figure. */
    static Path binned(Path outFile, double[] phase, double[] flux, double[] err, BinnedCurve c)
            throws CalphotException {
        String name = outFile.getFileName().toString();
        int dot = name.lastIndexOf('.');
        Path pdf = outFile.resolveSibling((dot > 0 ? name.substring(0, dot) : name) + ".pdf");
        List<Series> series = List.of(new Series("input points", phase, flux, null),
                new Series("binned (" + c.size() + " bins)", c.phase(), c.flux(), c.err()));
        JFreeChart chart = OverplotFigure.build(name + ": binned lightcurve", XAxisKind.PHASE, "Flux (mJy)", series);
        org.calphot.plot.FigureExport.writePdf(chart, pdf, 720);
        return pdf;
    }
}
