package org.calphot.pipeline.internal;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

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
import org.calphot.plot.Figures;
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

    @Override
    public List<Path> writeLogFigures(OutputFiles out, Path folder, LogResult log) throws CalphotException {
        List<Path> written = new ArrayList<>();
        String base = log.oname() + "_" + stem(log);
        JFreeChart lc = lightcurvePage(log);
        byte[] lcPng = Figures.pngBytes(lc, PNG_WIDTH, height(lc, PNG_WIDTH));
        written.add(out.write(folder.resolve(base + "_lightcurve.png"), o -> o.write(lcPng)));
        if (log.ccds().stream().anyMatch(c -> !c.lightcurve().diagnostics().pairs().isEmpty())) {
            JFreeChart cp = comparisonPage(log);
            byte[] cpPng = Figures.pngBytes(cp, PNG_WIDTH, height(cp, PNG_WIDTH));
            written.add(out.write(folder.resolve(base + "_comparisons.png"), o -> o.write(cpPng)));
        }
        return written;
    }

    private static int height(JFreeChart chart, int width) {
        java.awt.Dimension d = Figures.preferredSize(chart);
        return (int) Math.round(width * d.getHeight() / d.getWidth());
    }

    @Override
    public List<Path> writeRunFigures(OutputFiles out, Path folder, String oname, String overplotStem,
            List<LogResult> logs) throws CalphotException {
        List<Path> written = new ArrayList<>();
        if (logs.isEmpty()) {
            return written;
        }
        // two pages per log, as the original's all-nights PDF
        List<JFreeChart> pages = new ArrayList<>();
        for (LogResult log : logs) {
            pages.add(lightcurvePage(log));
            if (log.ccds().stream().anyMatch(c -> !c.lightcurve().diagnostics().pairs().isEmpty())) {
                pages.add(comparisonPage(log));
            }
        }
        java.awt.Dimension d = Figures.preferredSize(pages.get(0));
        double h = PDF_WIDTH_PT * d.getHeight() / d.getWidth();
        byte[] all = Figures.pdfBytes(pages, PDF_WIDTH_PT, h);
        written.add(out.write(folder.resolve(oname + "_all_nights.pdf"), o -> o.write(all)));

        // count ratio of every night, one panel per CCD position
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
        JFreeChart ratio = CountRatioFigure.build(oname + ": target/comparison count ratio", XAxisKind.PHASE, panels);
        java.awt.Dimension rd = Figures.preferredSize(ratio);
        byte[] ratioPdf = Figures.pdfBytes(ratio, PDF_WIDTH_PT, PDF_WIDTH_PT * rd.getHeight() / rd.getWidth());
        written.add(out.write(folder.resolve(oname + "_ADU_lightcurves.pdf"), o -> o.write(ratioPdf)));

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
                JFreeChart over = OverplotFigure.build(overplotStem + ": " + e.getKey(), XAxisKind.PHASE,
                        "Flux (mJy)", e.getValue());
                java.awt.Dimension od = Figures.preferredSize(over);
                byte[] pdf = Figures.pdfBytes(over, PDF_WIDTH_PT, PDF_WIDTH_PT * od.getHeight() / od.getWidth());
                written.add(out.write(folder.resolve(overplotStem + "_" + e.getKey() + ".pdf"), o -> o.write(pdf)));
            }
        }
        return written;
    }

    @Override
    public List<Path> writeEclipseFigure(OutputFiles out, Path folder, String stem, String title, String yLabel,
            EclipseTiming timing) throws CalphotException {
        JFreeChart c = EphemerisFigures.eclipse(title, yLabel, timing);
        byte[] png = Figures.pngBytes(c, PNG_WIDTH, height(c, PNG_WIDTH));
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
        java.awt.Dimension d = Figures.preferredSize(figure);
        byte[] pdf = Figures.pdfBytes(figure, PDF_WIDTH_PT, PDF_WIDTH_PT * d.getHeight() / d.getWidth());
        byte[] png = Figures.pngBytes(figure, PNG_WIDTH, (int) Math.round(PNG_WIDTH * d.getHeight() / d.getWidth()));
        return List.of(out.write(folder.resolve(stem + ".pdf"), o -> o.write(pdf)),
                out.write(folder.resolve(stem + ".png"), o -> o.write(png)));
    }
}
