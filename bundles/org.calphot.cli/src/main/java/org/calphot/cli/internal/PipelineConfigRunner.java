// SPDX-License-Identifier: EPL-2.0 OR GPL-2.0-or-later
// Copyright (c) 2026 the calphot contributors
package org.calphot.cli.internal;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;

import org.calphot.config.CalphotJob;
import org.calphot.config.ConfigReader;
import org.calphot.config.OutputFormat;
import org.calphot.core.CalphotException;
import org.calphot.core.ProgressMonitor;
import org.calphot.core.Warnings;
import org.calphot.core.catalogue.CatalogueRegistry;
import org.calphot.core.filters.FilterSystem;
import org.calphot.core.log.LogReaders;
import org.calphot.core.photometry.FluxCalibrator;
import org.calphot.core.time.SiteRegistry;
import org.calphot.core.time.TimeCorrector;
import org.calphot.pipeline.CcdResult;
import org.calphot.pipeline.LogResult;
import org.calphot.pipeline.Pipeline;
import org.calphot.pipeline.PipelineServices;
import org.calphot.pipeline.RunOptions;
import org.calphot.pipeline.RunResult;

/**
 * Runs one config through the pipeline for {@link BatchRun}, exactly as {@code calphot run CONFIG} does alone.
 * The services are looked up once and shared (they are stateless). Configs that write to the same output folder
 * run one after the other, so each sees the folder as a lone run would.
 */
public final class PipelineConfigRunner implements BatchRun.ConfigRunner {

    private final SiteRegistry sites;
    private final LogReaders readers;
    private final TimeCorrector time;
    private final FluxCalibrator calibrator;
    private final CatalogueRegistry catalogues;
    private final List<FilterSystem> filterSystems;
    private final boolean offline;
    private final Path cache;
    private final Set<OutputFormat> formats;
    private final String version;
    private final java.io.PrintWriter err;
    private final ConcurrentHashMap<Path, ReentrantLock> folders = new ConcurrentHashMap<>();
    private final ProgressMonitor monitor;

    public PipelineConfigRunner(CommandServices broker, boolean offline, Path cache, Set<OutputFormat> formats, String version,
            ProgressMonitor monitor, java.io.PrintWriter err) throws CalphotException {
        this.sites = broker.sites();
        this.readers = broker.logReaders();
        this.time = broker.timeCorrector();
        this.calibrator = broker.fluxCalibrator();
        CatalogueRegistry c = broker.cataloguesOrNull();
        this.catalogues = c;
        this.filterSystems = broker.filterSystems();
        this.offline = offline;
        this.cache = cache;
        this.formats = formats;
        this.version = version;
        this.monitor = monitor;
        this.err = err;
    }

    @Override
    public BatchRun.Outcome run(Path config, int threads) {
        return run(config, threads, null);
    }

    /** One config; {@code outDir} (may be null) replaces the config's 'directory', as {@code --out}. */
    public BatchRun.Outcome run(Path config, int threads, Path outDir) {
        long t = System.nanoTime();
        // warnings carry the config's name: lines of configs running at once interleave
        Warnings warnings = (where, message) -> {
            synchronized (err) {
                err.println("warning: " + config + ": "
                        + (where == null || where.toString().isEmpty() ? "" : where + ": ") + message);
                err.flush();
            }
        };
        try {
            CalphotJob job = new ConfigReader(sites, warnings).read(config);
            PipelineServices services = new PipelineServices(readers, time, calibrator, catalogues,
                    org.calphot.pipeline.RunFigures.standard(), filterSystems);
            ReentrantLock lock = folders.computeIfAbsent(
                    (outDir != null ? outDir : job.directory()).toAbsolutePath().normalize(),
                    k -> new ReentrantLock());
            lock.lock();
            RunResult r;
            try {
                r = new Pipeline(services).run(job, new RunOptions(outDir, offline, cache, formats, threads, version),
                        monitor, warnings);
            } finally {
                lock.unlock();
            }
            long frames = 0;
            for (LogResult l : r.logs()) {
                int most = 0;
                for (CcdResult c : l.ccds()) {
                    most = Math.max(most, c.lightcurve().mjdUtc().length);
                }
                frames += most;
            }
            return new BatchRun.Outcome(config, r.logs().size(), frames, 0, "", seconds(t), r.outputDir());
        } catch (CalphotException e) {
            if (Debug.enabled()) {
                e.printStackTrace(err);
            }
            return new BatchRun.Outcome(config, 0, 0, e.exitCode(), e.describe(), seconds(t), null);
        } catch (RuntimeException | Error e) {
            if (Debug.enabled()) {
                e.printStackTrace(err);
            }
            return new BatchRun.Outcome(config, 0, 0, 1,
                    "internal error: " + e + (Debug.enabled() ? "" : " (run with --debug for details)"), seconds(t),
                    null);
        }
    }

    private static double seconds(long start) {
        return (System.nanoTime() - start) / 1e9;
    }
}
