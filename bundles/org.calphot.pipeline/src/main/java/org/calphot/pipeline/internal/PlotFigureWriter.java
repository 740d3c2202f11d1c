// SPDX-License-Identifier: EPL-2.0 OR GPL-2.0-or-later
// Copyright (c) 2026 the calphot contributors
package org.calphot.pipeline.internal;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.calphot.core.CalphotException;
import org.calphot.core.photometry.CalibratedLightcurve;
import org.calphot.core.photometry.ComparisonDiagnostics;
import org.calphot.ephemeris.EclipseTiming;
import org.calphot.ephemeris.EphemerisFit;
import org.calphot.pipeline.CcdResult;
import org.calphot.pipeline.FigureWriter;
import org.calphot.pipeline.LogResult;
import org.calphot.pipeline.OutputFiles;
import org.calphot.plot.ComparisonPage;
import org.calphot.plot.ComparisonPanel;
import org.calphot.plot.ComparisonSeries;
import org.calphot.plot.CountRatioFigure;
import org.calphot.plot.FigureExport;
import org.calphot.plot.LightcurvePage;
import org.calphot.plot.LightcurvePanel;
import org.calphot.plot.LinearFit;
import org.calphot.plot.OverplotFigure;
import org.calphot.plot.Series;
import org.calphot.plot.SeriesPanel;
import org.calphot.plot.XAxisKind;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.ui.Drawable;

/**
 * The run's figures, as cal_phot drew them but written without a display: per log a lightcurve page
 * (flux per CCD against phase, count ratio on the right axis) and a comparison page (pairwise
 * normalised ratios with fitted slopes against time), as PNG and together in {@code <oname>_all_nights.pdf};
 * the count ratio of every night in {@code <oname>_ADU_lightcurves.pdf}; per-band overplots.
 */
public final class PlotFigureWriter implements FigureWriter {

    private static final int PNG_WIDTH = 1400;
    private static final double PDF_WIDTH_PT = 720;

    private static String stem(LogResult log) {
        String name = log.log().getFileName().toString();
        return name.endsWith(".log") ? name.substring(0, name.length() - 4) : name;
    }

    private static JFreeChart lightcurvePage(LogResult log) {
        List<LightcurvePanel> panels = new ArrayList<>();
        for (CcdResult c : log.ccds()) {
            double[][] d = inRange(c, c.phase(), c.lightcurve().fluxMjy(), c.lightcurve().fluxErrMjy());
            panels.add(new LightcurvePanel(c.band() + " (CCD " + c.ccd() + ")", d[0], d[1], d[2], null,
                    c.lightcurve().comparisonFluxMjy()));
        }
        String what = log.fluxCalibrated() ? "" : " (count ratio x 1 mJy)";
        return LightcurvePage.build(log.log().getFileName() + ": cycle " + log.cycle() + what, XAxisKind.PHASE,
                panels);
    }

    private static JFreeChart comparisonPage(LogResult log) {
        List<ComparisonPanel> panels = new ArrayList<>();
        for (CcdResult c : log.ccds()) {
            List<ComparisonSeries> series = new ArrayList<>();
            ComparisonDiagnostics diag = c.lightcurve().diagnostics();
            for (ComparisonDiagnostics.Pair p : diag.pairs()) {
                if (p.mjdUtc().length == 0) {
                    continue;
                }
                series.add(new ComparisonSeries("Aperture " + p.labelA() + "/" + p.labelB(), p.mjdUtc(), p.ratio(),
                        null, new LinearFit(p.slopePerDay(), p.intercept(), p.mjdUtc()[0])));
            }
            panels.add(new ComparisonPanel(c.band() + " (CCD " + c.ccd() + ")", series));
        }
        return ComparisonPage.build(log.log().getFileName() + ": comparison stars", XAxisKind.MJD_UTC, panels);
    }

    private static double[][] inRange(CcdResult c, double[] x, double[] y, double[] e) {
        int n = c.keptInPhase();
        double[][] d = new double[3][n];
        int k = 0;
        for (int i = 0; i < x.length; i++) {
            if (c.inPhaseRange()[i]) {
                d[0][k] = x[i];
                d[1][k] = y[i];
                d[2][k] = e[i];
                k++;
            }
        }
        return d;
    }

    /** One figure file: where it goes and how to draw it (each job builds its own chart: charts are not shared). */
    private record Job(Path path, int pages, Callable<byte[]> draw) {

        Job(Path path, Callable<byte[]> draw) {
            this(path, 1, draw);
        }
    }

    private static List<Job> logJobs(Path folder, LogResult log) {
        List<Job> jobs = new ArrayList<>();
        String base = log.oname() + "_" + stem(log);
        jobs.add(new Job(folder.resolve(base + "_lightcurve.png"), () -> {
            JFreeChart lc = lightcurvePage(log);
            return FigureExport.pngBytes(lc, PNG_WIDTH, height(lc, PNG_WIDTH));
        }));
        if (log.ccds().stream().anyMatch(c -> !c.lightcurve().diagnostics().pairs().isEmpty())) {
            jobs.add(new Job(folder.resolve(base + "_comparisons.png"), () -> {
                JFreeChart cp = comparisonPage(log);
                return FigureExport.pngBytes(cp, PNG_WIDTH, height(cp, PNG_WIDTH));
            }));
        }
        return jobs;
    }

    private static List<Job> runJobs(Path folder, String oname, String overplotStem, List<LogResult> logs) {
        List<Job> jobs = new ArrayList<>();
        if (logs.isEmpty()) {
            return jobs;
        }
        // two pages per log, as the original's all-nights PDF
        int pageCount = 0;
        for (LogResult log : logs) {
            pageCount += log.ccds().stream().anyMatch(c -> !c.lightcurve().diagnostics().pairs().isEmpty()) ? 2 : 1;
        }
        jobs.add(new Job(folder.resolve(oname + "_all_nights.pdf"), pageCount, () -> {
            List<JFreeChart> pages = new ArrayList<>();
            for (LogResult log : logs) {
                pages.add(lightcurvePage(log));
                if (log.ccds().stream().anyMatch(c -> !c.lightcurve().diagnostics().pairs().isEmpty())) {
                    pages.add(comparisonPage(log));
                }
            }
            java.awt.Dimension d = FigureExport.preferredSize(pages.get(0));
            return FigureExport.pdfBytes(pages, PDF_WIDTH_PT, PDF_WIDTH_PT * d.getHeight() / d.getWidth());
        }));

        // count ratio of every night, one panel per CCD position
        jobs.add(new Job(folder.resolve(oname + "_ADU_lightcurves.pdf"), () -> {
            Map<Integer, List<Series>> byCcd = new LinkedHashMap<>();
            Map<Integer, String> labels = new LinkedHashMap<>();
            for (LogResult log : logs) {
                for (int k = 0; k < log.ccds().size(); k++) {
                    CcdResult c = log.ccds().get(k);
                    CalibratedLightcurve lc = c.lightcurve();
                    double[][] r = inRange(c, c.phase(), lc.ratio(), lc.ratioErr());
                    byCcd.computeIfAbsent(k, x -> new ArrayList<>()).add(new Series(stem(log), r[0], r[1], r[2]));
                    labels.putIfAbsent(k, "CCD " + c.ccd());
                }
            }
            List<SeriesPanel> panels = new ArrayList<>();
            byCcd.forEach((k, s) -> panels.add(new SeriesPanel(labels.get(k), s)));
            JFreeChart ratio = CountRatioFigure.build(oname + ": target/comparison count ratio", XAxisKind.PHASE,
                    panels);
            java.awt.Dimension rd = FigureExport.preferredSize(ratio);
            return FigureExport.pdfBytes(ratio, PDF_WIDTH_PT, PDF_WIDTH_PT * rd.getHeight() / rd.getWidth());
        }));

        if (overplotStem != null) {
            Map<String, List<Series>> byBand = new LinkedHashMap<>();
            for (LogResult log : logs) {
                for (CcdResult c : log.ccds()) {
                    double[][] f = inRange(c, c.phase(), c.lightcurve().fluxMjy(), c.lightcurve().fluxErrMjy());
                    byBand.computeIfAbsent(c.band(), x -> new ArrayList<>())
                            .add(new Series(stem(log), f[0], f[1], f[2]));
                }
            }
            for (Map.Entry<String, List<Series>> e : byBand.entrySet()) {
                jobs.add(new Job(folder.resolve(overplotStem + "_" + e.getKey() + ".pdf"), () -> {
                    JFreeChart over = OverplotFigure.build(overplotStem + ": " + e.getKey(), XAxisKind.PHASE,
                            "Flux (mJy)", e.getValue());
                    java.awt.Dimension od = FigureExport.preferredSize(over);
                    return FigureExport.pdfBytes(over, PDF_WIDTH_PT, PDF_WIDTH_PT * od.getHeight() / od.getWidth());
                }));
            }
        }
        return jobs;
    }

    /**
     * Draws the jobs, {@code threads} at a time, and writes each file as soon as it and those before it are done,
     * so the files are written (and listed) in the jobs' order whatever the drawing order.
     */
    private static List<Path> draw(OutputFiles out, List<Job> jobs, int threads) throws CalphotException {
        List<Path> written = new ArrayList<>();
        if (jobs.isEmpty()) {
            return written;
        }
        int n = Math.max(1, Math.min(threads, jobs.size()));
        ExecutorService pool = n == 1 ? null : Executors.newFixedThreadPool(n, r -> {
            Thread t = new Thread(r, "calphot-figures");
            t.setDaemon(true);
            return t;
        });
        try {
            // longest first, so that no long job starts last and runs alone: the all-nights PDF draws every log's
            // pages; then the rest last first (the logs' PNGs, at full resolution, before the one-page PDFs)
            List<Future<byte[]>> drawn = new ArrayList<>(java.util.Collections.nCopies(jobs.size(), null));
            List<Integer> order = new ArrayList<>();
            for (int i = jobs.size() - 1; i >= 0; i--) {
                order.add(i);
            }
            order.sort((a, b) -> Integer.compare(jobs.get(b).pages(), jobs.get(a).pages())); // stable
            for (int i : order) {
                if (pool != null) {
                    drawn.set(i, pool.submit(jobs.get(i).draw()));
                }
            }
            for (int i = 0; i < jobs.size(); i++) {
                Job j = jobs.get(i);
                byte[] bytes;
                try {
                    bytes = pool == null ? j.draw().call() : drawn.get(i).get();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new CalphotException("interrupted while drawing " + j.path());
                } catch (ExecutionException e) {
                    throw failure(j, e.getCause());
                } catch (Exception e) {
                    throw failure(j, e);
                }
                written.add(out.write(j.path(), o -> o.write(bytes)));
            }
            return written;
        } finally {
            if (pool != null) {
                pool.shutdownNow();
            }
        }
    }

    private static CalphotException failure(Job j, Throwable t) {
        if (t instanceof CalphotException c) {
            return c;
        }
        return new CalphotException("cannot draw " + j.path() + ": " + t, t);
    }

    /** Once per JVM: later runs find the plot code loaded. */
    private static final java.util.concurrent.atomic.AtomicBoolean PREPARED =
            new java.util.concurrent.atomic.AtomicBoolean();

    /**
     * Starts a daemon thread that draws a small page of each kind to PNG and PDF and throws them away: it loads and
     * initialises JFreeChart, the fonts, Marlin, the PNG writer and JFreePDF (about half a CPU-second on one thread,
     * during which the figure threads would otherwise wait on the same class initialisation) while the logs are read.
     */
    @Override
    public void prepare() {
        // -Dcalphot.figureWarmUp=false leaves it out (to measure what it buys)
        if (PREPARED.compareAndSet(false, true) && !"false".equals(System.getProperty("calphot.figureWarmUp"))) {
            Thread t = new Thread(PlotFigureWriter::warmUp, "calphot-figures-warm-up");
            t.setDaemon(true);
            t.start();
        }
    }

    static void warmUp() {
        try {
            double[] x = {-0.4, -0.2, -0.05, 0, 0.05, 0.2, 0.4};
            double[] y = {1.0, 0.98, 0.5, 0.2, 0.5, 0.99, 1.01};
            double[] e = {0.02, 0.02, 0.02, 0.02, 0.02, 0.02, 0.02};
            JFreeChart lc = LightcurvePage.build("warm-up", XAxisKind.PHASE,
                    List.of(new LightcurvePanel("r (CCD 1)", x, y, e, null, 1.0)));
            JFreeChart cp = ComparisonPage.build("warm-up", XAxisKind.MJD_UTC, List.of(new ComparisonPanel("r (CCD 1)",
                    List.of(new ComparisonSeries("Aperture 2/3", x, y, null, new LinearFit(0.01, 1, x[0]))))));
            JFreeChart over = OverplotFigure.build("warm-up", XAxisKind.PHASE, "Flux (mJy)",
                    List.of(new Series("warm-up", x, y, e)));
            FigureExport.pngBytes(lc, 280, 200);
            FigureExport.pdfBytes(List.of(cp, over), 144, 100);
        } catch (RuntimeException | LinkageError e) {
            // only a warm-up: the figures themselves report any failure
        }
    }

    @Override
    public List<Path> writeLogFigures(OutputFiles out, Path folder, LogResult log) throws CalphotException {
        return draw(out, logJobs(folder, log), 1);
    }

    private static int height(JFreeChart chart, int width) {
        java.awt.Dimension d = FigureExport.preferredSize(chart);
        return (int) Math.round(width * d.getHeight() / d.getWidth());
    }

    @Override
    public List<Path> writeRunFigures(OutputFiles out, Path folder, String oname, String overplotStem,
            List<LogResult> logs) throws CalphotException {
        return draw(out, runJobs(folder, oname, overplotStem, logs), 1);
    }

    /** Every figure of the run, drawn in parallel on all cores, each once per format; written in the usual order. */
    @Override
    public List<Path> writeAllFigures(OutputFiles out, Path folder, String oname, String overplotStem,
            List<LogResult> logs) throws CalphotException {
        List<Job> jobs = new ArrayList<>();
        for (LogResult log : logs) {
            jobs.addAll(logJobs(folder, log));
        }
        jobs.addAll(runJobs(folder, oname, overplotStem, logs));
        return draw(out, jobs, Runtime.getRuntime().availableProcessors());
    }

    @Override
    public List<Path> writeEclipseFigure(OutputFiles out, Path folder, String stem, String title, String yLabel,
            EclipseTiming timing) throws CalphotException {
        JFreeChart c = EphemerisFigures.eclipse(title, yLabel, timing);
        byte[] png = FigureExport.pngBytes(c, PNG_WIDTH, height(c, PNG_WIDTH));
        return List.of(out.write(folder.resolve(stem + ".png"), o -> o.write(png)));
    }

    @Override
    public List<Path> writeEphemerisFigures(OutputFiles out, Path folder, EphemerisFit fit) throws CalphotException {
        List<Path> written = new ArrayList<>();
        written.addAll(pdfAndPng(out, folder, "ephemeris_scatter", EphemerisFigures.oc(fit)));
        if (fit.mcmc() != null) {
            written.addAll(pdfAndPng(out, folder, "ephemeris_corner_plot", EphemerisFigures.corner(fit)));
            written.addAll(pdfAndPng(out, folder, "ephemeris_traces", EphemerisFigures.traces(fit)));
        }
        return written;
    }

    private static List<Path> pdfAndPng(OutputFiles out, Path folder, String stem, Drawable figure)
            throws CalphotException {
        java.awt.Dimension d = FigureExport.preferredSize(figure);
        byte[] pdf = FigureExport.pdfBytes(figure, PDF_WIDTH_PT, PDF_WIDTH_PT * d.getHeight() / d.getWidth());
        byte[] png = FigureExport.pngBytes(figure, PNG_WIDTH, (int) Math.round(PNG_WIDTH * d.getHeight() / d.getWidth()));
        return List.of(out.write(folder.resolve(stem + ".pdf"), o -> o.write(pdf)),
                out.write(folder.resolve(stem + ".png"), o -> o.write(png)));
    }
}
