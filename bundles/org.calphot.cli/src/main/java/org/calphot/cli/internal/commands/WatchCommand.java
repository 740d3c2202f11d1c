// SPDX-License-Identifier: EPL-2.0 OR GPL-2.0-or-later
// Copyright (c) 2026 the calphot contributors
package org.calphot.cli.internal.commands;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.calphot.cli.internal.BuildInfo;
import org.calphot.cli.internal.CommandServices;
import org.calphot.config.CalphotJob;
import org.calphot.config.ConfigReader;
import org.calphot.config.OutputFormat;
import org.calphot.core.BadInputException;
import org.calphot.core.CalphotException;
import org.calphot.core.Location;
import org.calphot.core.Warnings;
import org.calphot.core.catalogue.CatalogueRegistry;
import org.calphot.core.filters.FilterSystem;
import org.calphot.core.log.LogReaders;
import org.calphot.core.photometry.FluxCalibrator;
import org.calphot.core.time.SiteRegistry;
import org.calphot.core.time.TimeCorrector;
import org.calphot.pipeline.LiveSession;
import org.calphot.pipeline.PipelineServices;
import org.calphot.pipeline.RunOptions;
import org.calphot.pipeline.RunResult;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code calphot watch CONFIG}: the live mode, a calibrated lightcurve that grows while the logs are written. */
@Command(name = "watch", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Follow growing logs: calibrated lightcurves updated live.", "",
            "Follow every log a cal_phot config names while reduce writes it: each",
            "update reads only the bytes added, calibrates the new frames with the code of",
            "'calphot run' and appends them to the .calib, .csv and .lcurve files, then",
            "prints one status line per log (frames, last BMJD, phase, cycle, last flux",
            "and error per band, comparison warning).",
            "",
            "Whole-night decisions (eclipse cycle, comparison diagnostics, header",
            "statistics, figures, FITS, Calibration.txt, provenance.json) come from a whole",
            "run on the frames read so far, at most every --refresh seconds, and at once",
            "when a decision changes earlier rows (a new cycle; a log truncated or",
            "replaced): the files are then rewritten whole, atomically, and the status",
            "says so. Ctrl-C (or --idle-exit) ends with a last whole run: the outputs are",
            "those of 'calphot run' on the logs as they are then.",
            "",
            "A logfiles key with a folder pattern ('night1/run*.log', quoted) or a config",
            "without logfiles: logs that appear while watching are followed too, and",
            "taken in (a whole rewrite) once they have frames."})
public final class WatchCommand implements Callable<Integer> {

    private final CommandServices broker;

    public WatchCommand(CommandServices broker) {
        this.broker = broker;
    }

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "CONFIG", description = "cal_phot YAML config file.")
    Path config;

    @Option(names = "--interval", paramLabel = "S", description = "Seconds between two reads of the logs; default ${DEFAULT-VALUE}.")
    double interval = 2;

    @Option(names = "--refresh", paramLabel = "S",
            description = "Least seconds between two whole rewrites that only refresh headers and figures;"
                    + " default ${DEFAULT-VALUE}.")
    double refresh = 30;

    @Option(names = "--idle-exit", paramLabel = "S",
            description = "Stop (with the final whole run) when no log has grown for S seconds; default: never.")
    double idleExit = Double.NaN;

    @Mixin
    OutputFolderOption outFolder;

    @Option(names = "--offline", description = "Catalogue magnitudes from the cache only.")
    boolean offline;

    @Option(names = "--cache", paramLabel = "DIR", description = "Catalogue cache folder.")
    Path cache;

    @Mixin
    FormatsOption formatsOption;

    @Option(names = {"-q", "--quiet"}, description = "Status lines only when a log grew.")
    boolean quiet;

    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm:ss");

    @Override
    public Integer call() throws CalphotException {
        if (!(interval > 0) || !(refresh >= 0)) {
            throw new BadInputException("--interval must be positive and --refresh not negative",
                    Location.key(null, 0, "--interval"));
        }
        Set<OutputFormat> fmt = formatsOption.parsed();
        PrintWriter o = spec.commandLine().getOut();
        Warnings warnings = Warnings.printingTo(spec.commandLine().getErr());
        CalphotJob job = new ConfigReader(broker.sites(), warnings).read(config);
        CatalogueRegistry catalogues = broker.cataloguesOrNull();
        PipelineServices services = new PipelineServices(broker.logReaders(),
                broker.timeCorrector(), broker.fluxCalibrator(),
                catalogues, org.calphot.pipeline.RunFigures.standard(),
                broker.filterSystems());
        RunOptions options = new RunOptions(outFolder.out, offline, cache, fmt, 1,
                BuildInfo.version() + " (build " + BuildInfo.buildId() + ")");
        AtomicBoolean stop = new AtomicBoolean();
        CountDownLatch done = new CountDownLatch(1);
        // Ctrl-C: finish the update in progress, then the final whole run, before the JVM exits
        Thread hook = new Thread(() -> {
            stop.set(true); // no interrupt: it would close the file channels of a read in progress
            try {
                done.await(120, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        Runtime.getRuntime().addShutdownHook(hook);
        // a folder pattern in logfiles (or no logfiles): the config is read again for logs that appear
        LiveSession.ConfigSource rescan = () -> new ConfigReader(broker.sites(), Warnings.IGNORE).read(config);
        // headless: only the status lines read the rows, so the session keeps the last row of each whole run
        try (LiveSession session = new LiveSession(services, job, options, refresh, warnings, rescan).keepRows(false)) {
            o.printf("watching %d log(s) of %s every %s s (Ctrl-C stops with a final whole run)%n",
                    job.extractedLogs().size(), config, interval);
            o.flush();
            long lastGrowth = System.nanoTime();
            while (!stop.get()) {
                long t = System.nanoTime();
                LiveSession.Step s = session.step();
                boolean grew = s.appendedFrames() > 0 || s.rewritten() != null;
                if (grew) {
                    lastGrowth = System.nanoTime(); // after the update: a long whole run is not idle time
                }
                print(o, s, grew || !quiet);
                if (!Double.isNaN(idleExit) && (System.nanoTime() - lastGrowth) / 1e9 > idleExit) {
                    o.printf("no log grew for %s s: stopping%n", idleExit);
                    break;
                }
                long due = t + (long) (interval * 1e9);
                while (!stop.get() && System.nanoTime() < due) {
                    try {
                        Thread.sleep(Math.max(1, Math.min(50, (due - System.nanoTime()) / 1_000_000)));
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        stop.set(true);
                    }
                }
            }
            Thread.interrupted();
            RunResult r = session.finish();
            if (r == null) {
                o.println("no data were read: nothing written");
            } else {
                o.println("final whole run: " + r.files().size() + " files in " + r.outputDir()
                        + " (the outputs of calphot run on the logs as read)");
            }
            o.flush();
            return 0;
        } finally {
            done.countDown();
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException e) {
                // shutting down already
            }
        }
    }

    private static void print(PrintWriter o, LiveSession.Step s, boolean statusLines) {
        String clock = LocalTime.now().format(CLOCK);
        for (String n : s.notes()) {
            o.println(clock + " " + n);
        }
        if (s.rewritten() != null) {
            o.println(clock + " files rewritten whole (" + s.rewritten() + ")");
        }
        if (statusLines) {
            for (LiveSession.LogStatus l : s.logs()) {
                if (l.frames() > 0) {
                    o.println(clock + " " + LiveSession.statusLine(l) + (l.growing() ? "" : " (not growing)"));
                }
            }
        }
        o.flush();
    }
}
