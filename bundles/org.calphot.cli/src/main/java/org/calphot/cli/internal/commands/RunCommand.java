// SPDX-License-Identifier: EPL-2.0 OR GPL-2.0-or-later
// Copyright (c) 2026 the calphot contributors
package org.calphot.cli.internal.commands;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;

import org.calphot.cli.internal.BuildInfo;
import org.calphot.cli.internal.ConsoleProgress;
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
import org.calphot.pipeline.Pipeline;
import org.calphot.pipeline.PipelineServices;
import org.calphot.pipeline.RunOptions;
import org.calphot.pipeline.RunResult;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code calphot run CONFIG}: the main job, an unchanged cal_phot config end to end. */
@Command(name = "run", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Run a cal_phot config: lightcurves, figures, provenance.", "",
            "Run a cal_phot YAML config: calibrated lightcurves, figures, Calibration.txt",
            "and provenance.json.",
            "",
            "The config is validated first; every problem is reported (file:line key",
            "'path': message) and nothing is written. Paths in the config are relative to",
            "the config file's folder (cal_phot used the working directory).",
            "",
            "Outputs go to 'directory' (or --out):",
            "MCMC_LIGHTCURVES/<oname>_<YYYY-MM-DD>@<HH>h<MM>m_<band> .calib, .csv, .fits",
            "and .lcurve; MCMC_LIGHTCURVES/FIGS/ (PNG, PDF); observing_log.csv,",
            "Calibration.txt and provenance.json. A folder holding another config's run is",
            "never overwritten: a new run-N folder is used."},
        footer = {"",
            "Config keys calphot adds to cal_phot's (all optional):",
            "  output formats: [calib, csv, fits, lcurve]",
            "      files to write (default all four; --formats overrides)",
            "  catalogue: sdss",
            "      catalogue used when SDSS: true (default sdss)",
            "  catalogue transforms: [sdss-ab-offsets]",
            "      transforms of catalogue magnitudes, in order, recorded per star: sdss-",
            "      ab-offsets, prime-to-sdss-tucker2006, sdss-to-prime-tucker2006",
            "  airmass formula: plane-parallel|young-irvine",
            "      airmass of each frame (default plane-parallel, as cal_phot); also per",
            "      payload",
            "  seed: 42",
            "      seed of every random number (MCMC), recorded",
            "  colour terms: false",
            "      with SDSS: true, use catalogue magnitudes as they are; by default an",
            "      installed filter system (calphot plugins install SITE",
            "      org.calphot.filters.feature) for the instrument, CCD band and night",
            "      gives each comparison m_band = m_sdss - offset - c (colour), recorded",
            "      per star",
            "  filter system: ultracam-super",
            "      force this filter system (top level or payload), or none",
            "  keep not clean: true",
            "      keep catalogue stars flagged NOT_CLEAN (default: left out, warned)",
            "  payload bands: [kg5]",
            "      band of each CCD (ULTRASPEC: cal_phot asked for it); else from the",
            "      magnitudes' keys or the .coords file",
            "  payload flags: [4, SKY_AT_EDGE]",
            "      flags to ignore: hipercam bit values (0..4294967295) or names",
            "  payload drop bad comparisons: true",
            "      leave a bad comparison out of that frame only, instead of dropping the",
            "      frame",
            "cal_phot's 'overplot' is optional here (default false); 'phase range' defaults",
            "to [-0.5, 0.5] and is honoured in every mode."})
public final class RunCommand implements Callable<Integer> {

    private final CommandServices broker;

    public RunCommand(CommandServices broker) {
        this.broker = broker;
    }

    @Spec
    CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "CONFIG",
            description = "cal_phot YAML config file; several run as a batch (--jobs at a time, one summary table).")
    List<Path> configs;

    @Option(names = "--jobs", paramLabel = "N",
            description = "With several configs: configs run at once (default: cores).")
    int jobs;

    @Option(names = "--summary", paramLabel = "FILE",
            description = "Also write the summary table as TSV (config, logs, frames, status, time_s, output) to FILE,"
                    + " for tools/cluster/calphot-merge.")
    Path summary;

    @Mixin
    OutputFolderOption outFolder;

    @Option(names = "--offline", description = "Catalogue magnitudes from the cache only; a miss is an error naming the query.")
    boolean offline;

    @Option(names = "--cache", paramLabel = "DIR",
            description = "Catalogue cache folder (default $CALPHOT_CACHE, $XDG_CACHE_HOME/calphot, ~/.cache/calphot).")
    Path cache;

    @Mixin
    FormatsOption formatsOption;

    @Option(names = "--threads", paramLabel = "N", description = "Logs processed in parallel (default: cores).")
    int threads;

    @Option(names = {"-q", "--quiet"}, description = "No progress lines on stderr.")
    boolean quiet;

    @Override
    public Integer call() throws CalphotException {
        Set<OutputFormat> fmt = formatsOption.parsed();
        Path config = configs.get(0);
        if (configs.size() > 1 || summary != null) {
            return BatchDispatch.run(broker, spec, configs, outFolder.out, jobs, threads, summary, offline, cache, fmt,
                    quiet);
        }
        Warnings warnings = Warnings.STDERR;
        SiteRegistry sites = broker.sites();
        CalphotJob job = new ConfigReader(sites, warnings).read(config);
        CatalogueRegistry catalogues = broker.cataloguesOrNull();
        PipelineServices services = new PipelineServices(broker.logReaders(),
                broker.timeCorrector(), broker.fluxCalibrator(),
                catalogues, org.calphot.pipeline.RunFigures.standard(),
                broker.filterSystems());
        ConsoleProgress progress = new ConsoleProgress(System.err, quiet);
        // Ctrl-C: cancel the run and give it a moment to remove its staged outputs before the JVM exits
        java.util.concurrent.CountDownLatch finished = new java.util.concurrent.CountDownLatch(1);
        Thread hook = new Thread(() -> {
            progress.cancel();
            try {
                finished.await(10, java.util.concurrent.TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        Runtime.getRuntime().addShutdownHook(hook);
        RunResult r;
        try {
            r = new Pipeline(services).run(job, new RunOptions(outFolder.out, offline, cache, fmt, threads,
                    BuildInfo.version() + " (build " + BuildInfo.buildId() + ")"), progress, warnings);
        } finally {
            finished.countDown();
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException e) {
                // shutting down already
            }
        }
        var o = spec.commandLine().getOut();
        if (r.newRunFolder()) {
            o.println("note: the output directory held another config's run; this run wrote to " + r.outputDir());
        }
        o.println("wrote " + r.files().size() + " files to " + r.outputDir() + ":");
        for (Path f : r.files()) {
            o.println("  " + f);
        }
        o.flush();
        return 0;
    }
}
