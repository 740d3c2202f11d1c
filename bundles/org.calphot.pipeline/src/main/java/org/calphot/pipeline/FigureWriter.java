// SPDX-License-Identifier: EPL-2.0 OR GPL-2.0-or-later
// Copyright (c) 2026 the calphot contributors
package org.calphot.pipeline;

import java.nio.file.Path;
import java.util.List;

import org.calphot.core.CalphotException;
import org.calphot.ephemeris.EclipseTiming;
import org.calphot.ephemeris.EphemerisFit;

/**
 * Draws the run's figures. An interface, so the pipeline does not depend on a chart library; the
 * plot bundle implements it. Figures go to {@code folder} (relative to the output folder).
 */
public interface FigureWriter {

    /**
     * Called as a run starts, before its logs are read: an implementation may load and warm its drawing code on a
     * background thread meanwhile, so that the figures, drawn last, do not begin by loading it. Nothing by default.
     */
    default void prepare() {
    }

    /** The figures of one log (lightcurve page, comparison page); returns the relative paths written. */
    List<Path> writeLogFigures(OutputFiles out, Path folder, LogResult log) throws CalphotException;

    /**
     * The figures over all logs: count ratio across nights, and per-band overplots when
     * {@code overplotStem} is not null.
     */
    List<Path> writeRunFigures(OutputFiles out, Path folder, String oname, String overplotStem, List<LogResult> logs)
            throws CalphotException;

    /**
     * Every figure of a run: those of each log, then those over all logs, in that order in the returned list.
     * Implementations may draw them in parallel.
     */
    default List<Path> writeAllFigures(OutputFiles out, Path folder, String oname, String overplotStem,
            List<LogResult> logs) throws CalphotException {
        List<Path> written = new java.util.ArrayList<>();
        for (LogResult r : logs) {
            written.addAll(writeLogFigures(out, folder, r));
        }
        written.addAll(writeRunFigures(out, folder, oname, overplotStem, logs));
        return written;
    }

    /**
     * One timed eclipse: the data in the fit window, the fitted profile and the mid-time, as
     * {@code <stem>.png}. Writes nothing by default.
     */
    default List<Path> writeEclipseFigure(OutputFiles out, Path folder, String stem, String title, String yLabel,
            EclipseTiming timing) throws CalphotException {
        return List.of();
    }

    /**
     * An MCMC ephemeris fit: {@code ephemeris_scatter} (O - C), {@code ephemeris_corner_plot} and
     * {@code ephemeris_traces}, each as PDF and PNG. Writes nothing by default.
     */
    default List<Path> writeEphemerisFigures(OutputFiles out, Path folder, EphemerisFit fit) throws CalphotException {
        return List.of();
    }
}
