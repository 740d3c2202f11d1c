// SPDX-License-Identifier: EPL-2.0 OR GPL-2.0-or-later
// Copyright (c) 2026 the calphot contributors
package org.calphot.ui.internal;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.calphot.core.CalphotException;
import org.calphot.core.Warnings;
import org.calphot.core.log.ApertureTable;
import org.calphot.core.log.CcdTable;
import org.calphot.core.log.LogReaders;
import org.calphot.core.log.PhotometryLog;
import org.calphot.io.LogInspector;
import org.calphot.plot.CountRatioFigure;
import org.calphot.plot.Series;
import org.calphot.plot.SeriesPanel;
import org.calphot.plot.XAxisKind;
import org.calphot.ui.internal.plot.ChartPanel;
import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.jface.resource.JFaceResources;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.SashForm;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Text;
import org.eclipse.ui.part.ViewPart;
import org.jfree.chart.JFreeChart;

/**
 * A log at a glance: the {@code calphot inspect} summary (format, CCDs, apertures, MJD range, flags, bad points)
 * and a quick plot of raw counts per aperture against time, one panel per CCD. The log is read in a job.
 */
public final class LogView extends ViewPart {

    private Text summary;
    private ChartPanel plot;
    private Path shown;
    private volatile Job reading;

    @Override
    public void createPartControl(Composite parent) {
        SashForm sash = new SashForm(parent, SWT.VERTICAL);
        summary = new Text(sash, SWT.MULTI | SWT.READ_ONLY | SWT.V_SCROLL | SWT.H_SCROLL);
        summary.setFont(JFaceResources.getTextFont());
        summary.setText("Double-click a log in Observations to see its summary and raw counts here.");
        plot = new ChartPanel(sash, "Raw counts per aperture appear here when a log is opened.");
        sash.setWeights(30, 70);
    }

    /** Reads and shows a log (UI thread; the reading runs in a job). */
    public void show(Path log) {
        shown = log;
        setContentDescription(log.getFileName().toString());
        setTitleToolTip(log.toString());
        summary.setText("Reading " + log + " ...");
        plot.setMessage("Reading " + log.getFileName() + " ...");
        Job job = Job.create("Reading " + log.getFileName(), (IProgressMonitor m) -> {
            String text;
            JFreeChart chart = null;
            try {
                LogReaders readers = UiPlugin.services().logReaders();
                List<String> warnings = new ArrayList<>();
                PhotometryLog pl = readers.read(log, (where, msg) -> warnings.add("warning: " + msg));
                StringBuilder sb = new StringBuilder(new LogInspector(readers).text(pl));
                warnings.forEach(w -> sb.append(w).append('\n'));
                text = sb.toString();
                chart = countsChart(pl);
            } catch (CalphotException e) {
                text = e.describe();
            }
            String t = text;
            JFreeChart c = chart;
            summary.getDisplay().asyncExec(() -> {
                if (summary.isDisposed() || !log.equals(shown)) {
                    return;
                }
                summary.setText(t);
                if (c == null) {
                    plot.setMessage("No counts to plot.");
                } else {
                    plot.setChart(c, log.getFileName() + "_counts");
                }
            });
            return Status.OK_STATUS;
        });
        job.setUser(false);
        reading = job;
        job.schedule();
    }

    /** The job reading the last log opened (for tests). */
    public Job readingJob() {
        return reading;
    }

    public String summaryText() {
        return summary.getText();
    }

    public ChartPanel plot() {
        return plot;
    }

    /** Counts against MJD(UTC), every aperture, one panel per CCD with data. */
    static JFreeChart countsChart(PhotometryLog log) {
        List<SeriesPanel> panels = new ArrayList<>();
        for (CcdTable c : log.ccds()) {
            if (c.rows() == 0) {
                continue;
            }
            double[] mjd = c.mjdUtc();
            List<Series> series = new ArrayList<>();
            for (String label : c.apertureLabels()) {
                ApertureTable a = c.aperture(label);
                if (a.counts() == null) {
                    continue;
                }
                series.add(new Series("Aperture " + label, mjd, a.counts().toDoubleArray(), null));
            }
            if (!series.isEmpty()) {
                panels.add(new SeriesPanel("CCD " + c.ccd(), series));
            }
        }
        if (panels.isEmpty()) {
            return null;
        }
        return CountRatioFigure.build(log.source().getFileName() + ": raw counts", XAxisKind.MJD_UTC,
                "Counts (ADU)", panels);
    }

    @Override
    public void setFocus() {
        summary.setFocus();
    }

    static Status error(String m) {
        return new Status(IStatus.ERROR, org.calphot.ui.CalphotUi.BUNDLE_ID, m);
    }
}
