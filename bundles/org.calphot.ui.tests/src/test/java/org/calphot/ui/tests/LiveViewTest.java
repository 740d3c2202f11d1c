// SPDX-License-Identifier: EPL-2.0 OR GPL-2.0-or-later
// Copyright (c) 2026 the calphot contributors
package org.calphot.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import org.calphot.core.ProgressMonitor;
import org.calphot.core.Warnings;
import org.calphot.pipeline.LiveSession;
import org.calphot.simulator.Instrument;
import org.calphot.simulator.LiveLogWriter;
import org.calphot.simulator.SimulationSpec;
import org.calphot.simulator.Simulator;
import org.calphot.ui.CalphotUi;
import org.calphot.ui.internal.ObservationsView;
import org.calphot.ui.internal.UiPlugin;
import org.calphot.ui.internal.live.LiveJob;
import org.calphot.ui.internal.live.LiveToggleHandler;
import org.calphot.ui.internal.plot.LightcurveView;
import org.eclipse.jface.viewers.ILabelProvider;
import org.eclipse.jface.viewers.StructuredSelection;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.IWorkbenchWindow;
import org.eclipse.ui.PlatformUI;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.CombinedDomainXYPlot;
import org.jfree.chart.plot.Marker;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.ui.Layer;
import org.jfree.data.xy.XYDataset;
import org.junit.jupiter.api.Test;

/**
 * The Live toggle against a night written as {@code calphot simulate --live} writes it (the same simulator and
 * {@link LiveLogWriter}, a frame at a time with cut last lines): the Lightcurve view grows while the log grows,
 * the current phase is marked, the UI thread keeps running, Observations says the log is growing; turning Live
 * off ends the job. A screenshot of the workbench mid-night (1600x1000, maximised) goes to target/screenshots.
 */
class LiveViewTest {

    /** Frames per second written: a 500-frame night in 50 s, several updates of the view while it grows. */
    static final double RATE = 10;
    static final int FRAMES = 500;

    @Test
    void liveToggleFollowsASimulatedNightWithoutBlockingTheUi() throws Exception {
        IWorkbenchPage page = Ui.calphotPage(true);
        Shell shell = page.getWorkbenchWindow().getShell();
        Path work = Path.of("target", "ui-work", "live").toAbsolutePath();
        Ui.deleteTree(work);
        Path night = Files.createDirectories(work.resolve("night"));
        Path source = Files.createDirectories(work.resolve("source"));

        // calphot simulate --live: the config first, an empty log, then the log frame by frame
        SimulationSpec sim = SimulationSpec.defaults(Instrument.parse("hipercam")).frames(FRAMES)
                .exposureS(10).seed(2024).build(); // as examples/demo: the eclipse falls in the night's middle
        Simulator.Result r = new Simulator(UiPlugin.services().timeCorrector(), UiPlugin.services().sites())
                .write(sim, source, false, ProgressMonitor.NULL, Warnings.IGNORE);
        Path config = night.resolve(r.config().getFileName());
        Files.copy(r.config(), config);
        Path log = night.resolve(r.log().getFileName());
        Files.write(log, new byte[0]);
        ObservationsView obs = (ObservationsView) page.showView(CalphotUi.OBSERVATIONS_VIEW_ID);
        obs.setRoot(work);
        obs.viewer().expandAll();
        obs.viewer().setSelection(new StructuredSelection(config), true);

        AtomicBoolean stop = new AtomicBoolean();
        AtomicInteger written = new AtomicInteger();
        AtomicReference<Throwable> failed = new AtomicReference<>();
        // the first 40 frames before Live is turned on, the rest while it follows
        Thread writer = new Thread(() -> {
            try {
                new LiveLogWriter(RATE, 1).play(r.log(), log, stop::get, (n, bytes) -> written.set(n));
            } catch (Throwable t) {
                failed.set(t);
            }
        }, "simulate --live");
        writer.setDaemon(true);
        writer.start();
        assertTrue(Ui.until(() -> written.get() >= 40), "the writer did not start");

        // the UI thread's heartbeat: a timer every 50 ms, the longest gap between two beats while live
        Display display = shell.getDisplay();
        AtomicLong lastBeat = new AtomicLong(System.nanoTime());
        AtomicLong longestGap = new AtomicLong();
        AtomicBoolean beating = new AtomicBoolean(true);
        Runnable[] beat = new Runnable[1];
        beat[0] = () -> {
            long now = System.nanoTime();
            longestGap.accumulateAndGet(now - lastBeat.getAndSet(now), Math::max);
            if (beating.get()) {
                display.timerExec(50, beat[0]);
            }
        };
        display.timerExec(50, beat[0]);

        LiveJob job = LiveToggleHandler.startChecked(page.getWorkbenchWindow(), page);
        assertNotNull(job, "the config selected in Observations is followed");
        assertTrue(Ui.until(() -> job.getThread() != null), "the live job never ran");
        assertNotSame(display.getThread(), job.getThread(), "the live job must not run on the UI thread");

        LightcurveView lv = (LightcurveView) page.showView(CalphotUi.LIGHTCURVE_VIEW_ID);
        // the first whole run (figures included) takes long on a loaded machine: a longer guard than Ui.until's
        for (int i = 0; i < 4 && !(points(lv) > 0 && liveTitle(lv)); i++) {
            Ui.until(() -> points(lv) > 0 && liveTitle(lv));
        }
        assertTrue(points(lv) > 0 && liveTitle(lv), "the Lightcurve view never showed the live night; job "
                + job.getState() + " " + job.getResult() + "\n" + org.calphot.ui.internal.run.ConsoleView.contents());
        int first = points(lv);
        ILabelProvider labels = (ILabelProvider) obs.viewer().getLabelProvider();
        assertTrue(Ui.until(() -> labels.getText(log).contains("(growing: ")),
                "Observations should say the log is growing: " + labels.getText(log));

        // mid-night: the view has grown, the marker is at the phase of the last frame read
        Ui.until(() -> written.get() >= FRAMES * 6 / 10 && points(lv) > first);
        assertTrue(Ui.until(() -> written.get() >= FRAMES * 6 / 10 && points(lv) > first),
                "the view did not grow: " + first + " points, then " + points(lv));
        assertTrue(Ui.until(() -> marker(lv) != null), "no current-phase marker");
        LiveSession.LogStatus s = job.lastStep().logs().get(0);
        Ui.settle();
        Ui.screenshot(shell, "live-mid-night");
        // the phase of the last frame by the config's ephemeris, worked here from its BMJD:
        // (BMJD - T0) / P minus the eclipse cycle the status names
        String yaml = Files.readString(config);
        double t0 = Double.parseDouble(yaml.replaceAll("(?s).*\\nT0: *([0-9.]+).*", "$1"));
        double period = Double.parseDouble(yaml.replaceAll("(?s).*\\nperiod: *([0-9.]+).*", "$1"));
        double phase = (s.lastBmjd() - t0) / period - s.cycle();
        assertEquals(phase, s.phase(), 1e-6, "status phase against the ephemeris");
        assertTrue(Ui.until(() -> marker(lv) != null && Math.abs(marker(lv).getValue() - job.lastStep().logs().get(0)
                .phase()) < 1e-12), "the marker sits at the current phase");

        // the end of the night: every frame in the view, then Live off ends the job with its final whole run
        // wait on the event loop (the test runs on the UI thread: a join would block it and count as a gap)
        Ui.until(() -> !writer.isAlive());
        assertTrue(Ui.until(() -> !writer.isAlive()), "the writer did not finish");
        assertTrue(failed.get() == null, "writer: " + failed.get());
        assertEquals(FRAMES, written.get());
        assertTrue(Ui.until(() -> job.lastStep() != null && job.lastStep().logs().get(0).frames() == FRAMES),
                "not every frame was read");
        LiveToggleHandler.stopAll();
        assertTrue(Ui.join(job), "Live off did not end the job");
        beating.set(false);
        assertTrue(Ui.until(() -> !labels.getText(log).contains("(growing: ") && !labels.getText(log).contains("(live: ")),
                "Observations still says the log is followed: " + labels.getText(log));
        assertTrue(Files.isDirectory(night.resolve("calphot_out")), "the final whole run wrote the outputs");
        // whole runs of the night take seconds on this machine: on the UI thread they would freeze it that long;
        // the UI thread only draws (a generous bound: the machine is shared by parallel builds)
        double gap = longestGap.get() / 1e9;
        System.out.printf("live view: %d points at first, longest UI-thread gap %.2f s%n", first, gap);
        assertTrue(gap < 5, "the UI thread was blocked for " + gap + " s");
    }

    private static JFreeChart chart(LightcurveView lv) {
        return lv.panel() == null ? null : lv.panel().chart();
    }

    private static boolean liveTitle(LightcurveView lv) {
        JFreeChart c = chart(lv);
        return c != null && c.getTitle() != null && c.getTitle().getText().startsWith("LIVE");
    }

    /** Points drawn over every panel. */
    private static int points(LightcurveView lv) {
        JFreeChart c = chart(lv);
        if (c == null) {
            return 0;
        }
        int n = 0;
        for (XYPlot p : plots(c)) {
            for (int d = 0; d < p.getDatasetCount(); d++) {
                XYDataset ds = p.getDataset(d);
                for (int k = 0; ds != null && k < ds.getSeriesCount(); k++) {
                    n += ds.getItemCount(k);
                }
            }
        }
        return n;
    }

    private static java.util.List<XYPlot> plots(JFreeChart c) {
        if (c.getPlot() instanceof CombinedDomainXYPlot cp) {
            return cp.getSubplots().stream().map(XYPlot.class::cast).toList();
        }
        return c.getPlot() instanceof XYPlot p ? java.util.List.of(p) : java.util.List.of();
    }

    /** The red current-phase marker of the first panel, or null. */
    private static ValueMarker marker(LightcurveView lv) {
        JFreeChart c = chart(lv);
        if (c == null || plots(c).isEmpty()) {
            return null;
        }
        java.util.Collection<?> ms = plots(c).get(0).getDomainMarkers(Layer.FOREGROUND);
        if (ms == null) {
            return null;
        }
        for (Object o : ms) {
            if (o instanceof ValueMarker m && java.awt.Color.RED.equals(((Marker) m).getPaint())) {
                return m;
            }
        }
        return null;
    }
}
