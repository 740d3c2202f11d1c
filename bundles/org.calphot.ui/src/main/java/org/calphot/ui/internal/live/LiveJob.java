// SPDX-License-Identifier: EPL-2.0 OR GPL-2.0-or-later
// Copyright (c) 2026 the calphot contributors
package org.calphot.ui.internal.live;

import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.calphot.config.CalphotJob;
import org.calphot.config.ConfigReader;
import org.calphot.core.CalphotException;
import org.calphot.core.Warnings;
import org.calphot.core.catalogue.CatalogueRegistry;
import org.calphot.pipeline.RunFigures;
import org.calphot.pipeline.LiveSession;
import org.calphot.pipeline.PipelineServices;
import org.calphot.pipeline.RunResult;
import org.calphot.ui.CalphotUi;
import org.calphot.ui.internal.Prefs;
import org.calphot.ui.internal.UiPlugin;
import org.calphot.ui.internal.run.ConsoleView;
import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.Job;

/**
 * The live mode in the workbench: a background job that follows the logs of a config with a
 * {@link LiveSession} (the code of {@code calphot watch}), every {@link #INTERVAL_MS}, and hands the growing
 * lightcurve to a listener on the UI thread. Cancelling it (the Live toggle off) ends with the final whole run.
 */
public final class LiveJob extends Job {

    static final long INTERVAL_MS = 1000;

    /** The live jobs running, by config. */
    static final Map<Path, LiveJob> RUNNING = new ConcurrentHashMap<>();

    /** The logs the live jobs follow (absolute, normalised) and what Observations says of each. */
    private static final Map<Path, String> FOLLOWED = new ConcurrentHashMap<>();

    /**
     * What Observations appends to a followed log's name: "  (growing: N frames)" while it grew in the last
     * update, "  (live: N frames)" while followed; null for a log no live job follows.
     */
    public static String followedLabel(Path log) {
        return log == null ? null : FOLLOWED.get(log.toAbsolutePath().normalize());
    }

    /** Called on the UI thread after an update that changed something. */
    public interface Listener {
        void updated(LiveJob job, RunResult current, LiveSession.Step step);
    }

    private final Path config;
    private final Listener listener;
    private volatile RunResult current;
    private volatile LiveSession.Step lastStep;
    private final java.util.Set<Path> followed = ConcurrentHashMap.newKeySet();

    public LiveJob(Path config, Listener listener) {
        super("calphot live " + config.getFileName());
        this.config = config;
        this.listener = listener;
        setSystem(false);
        setPriority(LONG);
    }

    public Path config() {
        return config;
    }

    public RunResult current() {
        return current;
    }

    public LiveSession.Step lastStep() {
        return lastStep;
    }

    @Override
    public boolean belongsTo(Object family) {
        return family == LiveJob.class;
    }

    @Override
    protected IStatus run(IProgressMonitor monitor) {
        RUNNING.put(config, this);
        ConsoleView.println("=== calphot live " + config + " (Live toggle off ends with a final whole run) ===");
        Warnings warnings = (where, msg) -> ConsoleView.println("warning: "
                + (where == null || where.toString().isEmpty() ? "" : where + ": ") + msg);
        monitor.beginTask("following the logs of " + config.getFileName(), IProgressMonitor.UNKNOWN);
        try {
            CalphotJob job = new ConfigReader(UiPlugin.services().sites(), warnings).read(config);
            CatalogueRegistry catalogues = UiPlugin.services().cataloguesOrNull();
            PipelineServices services = new PipelineServices(UiPlugin.services().logReaders(),
                    UiPlugin.services().timeCorrector(), UiPlugin.services().fluxCalibrator(), catalogues,
                    RunFigures.standard(), UiPlugin.services().filterSystems());
            try (LiveSession session = new LiveSession(services, job, Prefs.runOptions("calphot workbench live"), 30,
                    warnings, () -> new ConfigReader(UiPlugin.services().sites(), Warnings.IGNORE).read(config))) {
                while (!monitor.isCanceled()) {
                    long t = System.currentTimeMillis();
                    LiveSession.Step s = session.step();
                    lastStep = s;
                    s.notes().forEach(n -> ConsoleView.println(n));
                    if (s.rewritten() != null) {
                        ConsoleView.println("files rewritten whole (" + s.rewritten() + ")");
                    }
                    if (s.appendedFrames() > 0 || s.rewritten() != null) {
                        for (LiveSession.LogStatus l : s.logs()) {
                            ConsoleView.println(LiveSession.statusLine(l));
                        }
                        current = session.current();
                        notifyUi(s);
                    }
                    boolean labels = false;
                    for (LiveSession.LogStatus l : s.logs()) {
                        String label = String.format(java.util.Locale.ROOT, "  (%s: %d frames)",
                                l.growing() ? "growing" : "live", l.frames());
                        labels |= !label.equals(FOLLOWED.put(l.log().toAbsolutePath().normalize(), label));
                        followed.add(l.log().toAbsolutePath().normalize());
                    }
                    if (labels && s.appendedFrames() == 0 && s.rewritten() == null) {
                        notifyUi(s); // a log stopped growing: Observations says so
                    }
                    monitor.subTask(s.logs().isEmpty() ? "" : LiveSession.statusLine(s.logs().get(0)));
                    long wait = t + INTERVAL_MS - System.currentTimeMillis();
                    if (wait > 0) {
                        Thread.sleep(wait);
                    }
                }
                RunResult r = session.finish();
                if (r != null) {
                    current = r;
                    ConsoleView.println("live mode off: final whole run, " + r.files().size() + " files in "
                            + r.outputDir());
                    notifyUi(lastStep);
                }
            }
            return Status.OK_STATUS;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Status.CANCEL_STATUS;
        } catch (CalphotException e) {
            ConsoleView.println("live mode stopped: " + e.describe());
            return new Status(IStatus.ERROR, CalphotUi.BUNDLE_ID, e.describe());
        } catch (RuntimeException e) {
            ConsoleView.println("live mode stopped: internal error " + e);
            return new Status(IStatus.ERROR, CalphotUi.BUNDLE_ID, "internal error", e);
        } finally {
            followed.forEach(FOLLOWED::remove);
            RUNNING.remove(config, this);
            notifyUi(lastStep); // Observations no longer says "growing"
            monitor.done();
        }
    }

    private void notifyUi(LiveSession.Step s) {
        RunResult r = current;
        if (listener != null && r != null) {
            org.eclipse.swt.widgets.Display.getDefault().asyncExec(() -> listener.updated(this, r, s));
        }
    }
}
