package org.calphot.pipeline;

import org.calphot.pipeline.internal.PlotFigureWriter;

/** The standard figures of a run (JFreeChart, written without a display). */
public final class Figures {

    private Figures() {
    }

    public static FigureWriter standard() {
        return new PlotFigureWriter();
    }
}
