// SPDX-License-Identifier: EPL-2.0 OR GPL-2.0-or-later
// Copyright (c) 2026 the calphot contributors
package org.calphot.ui.internal.run;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

import org.calphot.config.CalphotJob;
import org.calphot.config.ConfigException;
import org.calphot.config.ConfigReader;
import org.calphot.core.BadInputException;
import org.calphot.core.CalphotException;
import org.calphot.core.CancelledException;
import org.calphot.core.Location;
import org.calphot.core.ProgressMonitor;
import org.calphot.core.Warnings;
import org.calphot.core.catalogue.CatalogueRegistry;
import org.calphot.pipeline.RunFigures;
import org.calphot.pipeline.Pipeline;
import org.calphot.pipeline.PipelineServices;
import org.calphot.pipeline.RunOptions;
import org.calphot.pipeline.RunResult;
import org.calphot.ui.CalphotUi;
import org.calphot.ui.internal.Prefs;
import org.calphot.ui.internal.UiPlugin;
import org.calphot.ui.internal.editor.YamlText;
import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.ui.progress.IProgressConstants;

/**
 * {@code calphot run} as an Eclipse Job: validates the config, runs the pipeline with the services found through
 * OSGi, reports each step in the progress view and the console (and the Calibration log as it is written), and
 * stops at the next step when cancelled. The
 * pipeline stages its outputs and moves them into place only at the end, so a cancelled or failed run writes
 * nothing. Listeners get the result or the located error on the UI thread (see {@link RunConfigHandler}).
 */
public final class RunJob extends Job {

    /** Called on the UI thread when the job ends. */
    public interface Listener {
        void done(RunJob job);
    }

    private final Path config;
    private final String configText;
    private final Listener listener;
    private volatile RunResult result;
    private volatile CalphotException error;
    private volatile boolean cancelled;
    /** The Calibration log already listed the files to create (they are created only if the run completes). */
    private volatile boolean listedFiles;
    private volatile java.util.function.Consumer<String> stepHook;

    public RunJob(Path config, String configText, Listener listener) {
        super("calphot run " + config.getFileName());
        this.config = config;
        this.configText = configText;
        this.listener = listener;
        setUser(true);
        setPriority(LONG);
        // errors are shown in the console and the editor; no modal dialog on top
        setProperty(IProgressConstants.NO_IMMEDIATE_ERROR_PROMPT_PROPERTY, Boolean.TRUE);
        setProperty(IProgressConstants.KEEP_PROPERTY, Boolean.FALSE);
    }

    public Path config() {
        return config;
    }

    public RunResult result() {
        return result;
    }

    /** The located error of a failed run (bad input or runtime failure), else null. */
    public CalphotException error() {
        return error;
    }

    public boolean wasCancelled() {
        return cancelled;
    }

    /** Receives every step message (tests use it to cancel at a known point). */
    public void onStep(java.util.function.Consumer<String> hook) {
        this.stepHook = hook;
    }

    @Override
    public boolean belongsTo(Object family) {
        return family == RunJob.class;
    }

    @Override
    protected IStatus run(IProgressMonitor monitor) {
        long t0 = System.nanoTime();
        ConsoleView.println("=== calphot run " + config + " ===");
        try {
            String text = configText;
            String airmass = Prefs.airmassOverride();
            if (airmass != null && YamlText.find(text, "airmass formula", false) == null) {
                text = text + (text.endsWith("\n") ? "" : "\n") + "airmass formula: " + airmass
                        + "  # added by the workbench preferences\n";
                ConsoleView.println("airmass formula: " + airmass + " (workbench preference; the config names none)");
            }
            Warnings warnings = (where, msg) -> ConsoleView.println("warning: "
                    + (where == null || where.toString().isEmpty() ? "" : where + ": ") + msg);
            step(monitor, "validating " + config.getFileName());
            CalphotJob job = new ConfigReader(UiPlugin.services().sites(), warnings).parse(text, config);
            CatalogueRegistry catalogues = UiPlugin.services().cataloguesOrNull();
            PipelineServices services = new PipelineServices(UiPlugin.services().logReaders(),
                    UiPlugin.services().timeCorrector(), UiPlugin.services().fluxCalibrator(), catalogues,
                    RunFigures.standard(), UiPlugin.services().filterSystems());
            // the Calibration log line by line as the pipeline writes it (Calibration.txt adds the config on top)
            RunOptions options = Prefs.runOptions("calphot workbench").withLogListener(line -> {
                if (line.startsWith("Created these files:")) {
                    listedFiles = true;
                }
                ConsoleView.println(line);
            });
            result = new Pipeline(services).run(job, options, adapt(monitor), warnings);
            ConsoleView.println(String.format(Locale.ROOT, "wrote %d files to %s in %.1f s; the log above is in %s",
                    result.files().size(), result.outputDir(), (System.nanoTime() - t0) / 1e9,
                    result.outputDir().resolve("Calibration.txt")));
            return Status.OK_STATUS;
        } catch (CancelledException e) {
            cancelled = true;
            ConsoleView.println(listedFiles
                    ? "cancelled before the outputs were moved into place: none of the files listed above was created"
                    : "cancelled: nothing was written");
            return Status.CANCEL_STATUS;
        } catch (ConfigException e) {
            error = e;
            ConsoleView.println("the config has problems; nothing was run:");
            e.problems().forEach(p -> ConsoleView.println("  " + p));
            return new Status(IStatus.ERROR, CalphotUi.BUNDLE_ID, e.getMessage());
        } catch (CalphotException e) {
            error = e;
            ConsoleView.println("error: " + e.describe());
            return new Status(IStatus.ERROR, CalphotUi.BUNDLE_ID, e.describe());
        } catch (RuntimeException e) {
            error = new CalphotException("internal error: " + e, Location.of(config.toString()), e);
            ConsoleView.println("internal error: " + e);
            return new Status(IStatus.ERROR, CalphotUi.BUNDLE_ID, "internal error", e);
        } finally {
            monitor.done();
            if (listener != null) {
                org.eclipse.swt.widgets.Display.getDefault().asyncExec(() -> listener.done(this));
            }
        }
    }

    /** The first located line of an error in this config, or 0. */
    public int errorLine() {
        if (error instanceof ConfigException ce && !ce.problems().isEmpty()) {
            return ce.problems().get(0).where().line();
        }
        if (error instanceof BadInputException b && b.location() != null && b.location().line() > 0
                && sameFile(b.location().file())) {
            return b.location().line();
        }
        return 0;
    }

    private boolean sameFile(String f) {
        return f != null && Path.of(f).toAbsolutePath().normalize().equals(config.toAbsolutePath().normalize());
    }

    private void step(IProgressMonitor m, String s) {
        m.subTask(s);
        ConsoleView.println("  " + s);
        var hook = stepHook;
        if (hook != null) {
            hook.accept(s);
        }
    }

    private ProgressMonitor adapt(IProgressMonitor m) {
        return new ProgressMonitor() {
            @Override
            public synchronized void begin(String task, int totalWork) {
                m.beginTask(task, totalWork);
            }

            @Override
            public synchronized void worked(int work) {
                m.worked(work);
            }

            @Override
            public synchronized void subTask(String name) {
                step(m, name);
            }

            @Override
            public boolean isCanceled() {
                return m.isCanceled();
            }
        };
    }

    /** Outputs a run wrote (for tests). */
    public List<Path> files() {
        return result == null ? List.of() : result.files();
    }
}
