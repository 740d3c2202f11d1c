// SPDX-License-Identifier: EPL-2.0 OR GPL-2.0-or-later
// Copyright (c) 2026 the calphot contributors
package org.calphot.cli.internal;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import org.calphot.core.CalphotException;
import org.calphot.core.Warnings;
import org.calphot.core.log.LogReader;
import org.calphot.core.log.LogReaders;
import org.calphot.core.log.PhotometryLog;
import org.calphot.core.photometry.FluxCalibrator;
import org.calphot.core.time.TimeColumns;
import org.calphot.core.time.TimeCorrector;
import org.calphot.core.time.TimeRequest;
import org.calphot.ephemeris.EclipseTiming;
import org.calphot.ephemeris.EphemerisFit;
import org.calphot.pipeline.FigureWriter;
import org.calphot.pipeline.LogResult;
import org.calphot.pipeline.OutputFiles;

/**
 * Times the stages of a run from outside the pipeline ({@code calphot bench run}): each service the run calls is
 * wrapped, and the time spent inside it is added up (over all threads, so with logs in parallel a stage can take
 * more than the wall time). What is left of the wall time is writing the lightcurves and the run's bookkeeping.
 */
public final class StageTimer {

    public final AtomicLong read = new AtomicLong();
    public final AtomicLong time = new AtomicLong();
    public final AtomicLong calibrate = new AtomicLong();
    public final AtomicLong figures = new AtomicLong();

    @FunctionalInterface
    private interface Call<T> {
        T call() throws CalphotException;
    }

    private static <T> T timed(AtomicLong sum, Call<T> c) throws CalphotException {
        long t = System.nanoTime();
        try {
            return c.call();
        } finally {
            sum.addAndGet(System.nanoTime() - t);
        }
    }

    public LogReaders logs(LogReaders d) {
        return new LogReaders() {
            @Override
            public List<LogReader> readers() {
                return d.readers();
            }

            @Override
            public LogReader choose(Path file) throws CalphotException {
                LogReader r = d.choose(file);
                return new LogReader() {
                    @Override
                    public String name() {
                        return r.name();
                    }

                    @Override
                    public int confidence(byte[] head) {
                        return r.confidence(head);
                    }

                    @Override
                    public PhotometryLog read(Path f, Warnings w) throws CalphotException {
                        return timed(read, () -> r.read(f, w));
                    }
                };
            }
        };
    }

    public TimeCorrector time(TimeCorrector d) {
        return new TimeCorrector() {
            @Override
            public void correct(TimeRequest request, double[] mjdUtc, int from, int to, TimeColumns out,
                    Warnings warnings) throws CalphotException {
                timed(time, () -> {
                    d.correct(request, mjdUtc, from, to, out, warnings);
                    return null;
                });
            }

            @Override
            public TimeCorrector withEarthOrientation(Path iersTable) throws CalphotException {
                return time(d.withEarthOrientation(iersTable));
            }

            @Override
            public Map<String, Object> provenance() {
                return d.provenance();
            }
        };
    }

    public FluxCalibrator calibrator(FluxCalibrator d) {
        return (ccd, mags, options, warnings) -> timed(calibrate, () -> d.calibrate(ccd, mags, options, warnings));
    }

    public FigureWriter figures(FigureWriter d) {
        return new FigureWriter() {
            @Override
            public List<Path> writeLogFigures(OutputFiles out, Path folder, LogResult log) throws CalphotException {
                return timed(figures, () -> d.writeLogFigures(out, folder, log));
            }

            @Override
            public List<Path> writeRunFigures(OutputFiles out, Path folder, String oname, String overplotStem,
                    List<LogResult> logs) throws CalphotException {
                return timed(figures, () -> d.writeRunFigures(out, folder, oname, overplotStem, logs));
            }

            @Override
            public List<Path> writeAllFigures(OutputFiles out, Path folder, String oname, String overplotStem,
                    List<LogResult> logs) throws CalphotException {
                return timed(figures, () -> d.writeAllFigures(out, folder, oname, overplotStem, logs));
            }

            @Override
            public List<Path> writeEclipseFigure(OutputFiles out, Path folder, String stem, String title,
                    String yLabel, EclipseTiming timing) throws CalphotException {
                return timed(figures, () -> d.writeEclipseFigure(out, folder, stem, title, yLabel, timing));
            }

            @Override
            public List<Path> writeEphemerisFigures(OutputFiles out, Path folder, EphemerisFit fit)
                    throws CalphotException {
                return timed(figures, () -> d.writeEphemerisFigures(out, folder, fit));
            }
        };
    }
}
