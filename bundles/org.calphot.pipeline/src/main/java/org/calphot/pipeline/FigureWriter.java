package org.calphot.pipeline;

import java.nio.file.Path;
import java.util.List;

import org.calphot.core.CalphotException;

/**
 * Draws the run's figures. An interface, so the pipeline does not depend on a chart library; the
 * plot bundle implements it. Figures go to {@code folder} (relative to the output folder).
 */
public interface FigureWriter {

    /** The figures of one log (lightcurve page, comparison page); returns the relative paths written. */
    List<Path> writeLogFigures(OutputFiles out, Path folder, LogResult log) throws CalphotException;

    /**
     * The figures over all logs: count ratio across nights, and per-band overplots when
     * {@code overplotStem} is not null.
     */
    List<Path> writeRunFigures(OutputFiles out, Path folder, String oname, String overplotStem, List<LogResult> logs)
            throws CalphotException;
}
