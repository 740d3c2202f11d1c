// SPDX-License-Identifier: EPL-2.0 OR GPL-2.0-or-later
// Copyright (c) 2026 the calphot contributors
package org.calphot.pipeline;

import org.calphot.ephemeris.EclipseTiming;
import org.calphot.ephemeris.EphemerisFit;
import org.calphot.pipeline.internal.EphemerisFigures;
import org.calphot.pipeline.internal.PlotFigureWriter;
import org.calphot.plot.FigurePage;
import org.jfree.chart.JFreeChart;

/** The standard figures of a run (JFreeChart, written without a display). */
public final class RunFigures {

    private RunFigures() {
    }

    public static FigureWriter standard() {
        return new PlotFigureWriter();
    }

    /** The figure of one timed eclipse, as written to {@code EPHEMERIS/<log>_E<cycle>.png} (for a plot view). */
    public static JFreeChart eclipse(String title, String yLabel, EclipseTiming timing) {
        return EphemerisFigures.eclipse(title, yLabel, timing);
    }

    /** O - C of a fit, as written to {@code ephemeris_scatter}. */
    public static JFreeChart oc(EphemerisFit fit) {
        return EphemerisFigures.oc(fit);
    }

    /** Corner plot of an MCMC fit after burn-in, as written to {@code ephemeris_corner_plot}. */
    public static FigurePage corner(EphemerisFit fit) {
        return EphemerisFigures.corner(fit);
    }

    /** Walker traces of an MCMC fit, burn-in shaded, as written to {@code ephemeris_traces}. */
    public static JFreeChart traces(EphemerisFit fit) {
        return EphemerisFigures.traces(fit);
    }
}
