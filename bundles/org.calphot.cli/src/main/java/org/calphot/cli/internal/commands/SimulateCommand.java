// SPDX-License-Identifier: EPL-2.0 OR GPL-2.0-or-later
// Copyright (c) 2026 the calphot contributors
package org.calphot.cli.internal.commands;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;

import org.calphot.cli.internal.CommandServices;
import org.calphot.core.CalphotException;
import org.calphot.core.ProgressMonitor;
import org.calphot.core.Warnings;
import org.calphot.core.catalogue.CatalogueRegistry;
import org.calphot.core.time.SiteRegistry;
import org.calphot.core.time.TimeCorrector;
import org.calphot.simulator.SimulateTool;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** Thin wrapper: all logic is in {@link SimulateTool}. */
@Command(name = "simulate", mixinStandardHelpOptions = true,
        description = {"Write a simulated *CAM log with its truth and a config.", "",
            "Write a synthetic *CAM log of an eclipsing white dwarf with its truth file and a cal_phot config."})
public final class SimulateCommand implements Callable<Integer> {

    private final CommandServices broker;

    public SimulateCommand(CommandServices broker) {
        this.broker = broker;
    }

    @Spec
    CommandSpec spec;

    @Option(names = {"-i", "--instrument"}, paramLabel = "NAME",
            description = "hipercam (5 CCDs, GTC), ultracam (3 CCDs, NTT, u-band co-adds) or ultraspec (1 CCD, TNT);"
                    + " default ${DEFAULT-VALUE}")
    String instrument = "hipercam";

    @Option(names = {"-f", "--format"}, paramLabel = "FORMAT",
            description = "hipercam (current reduce log, bad values nan), hipercam-old (hipercam 0.19/0.20,"
                    + " negative-error sentinels), hipercam-0.17 (no cmax), ulog or ulog-nsat (C++ ULTRACAM pipeline,"
                    + " post- and pre-2010; ultracam/ultraspec only); default ${DEFAULT-VALUE}")
    String format = "hipercam";

    @Option(names = {"-n", "--frames"}, paramLabel = "N", description = "number of exposures; default ${DEFAULT-VALUE}")
    int frames = 1000;

    @Option(names = {"-s", "--seed"}, paramLabel = "SEED", description = "random seed: the same options and seed give identical files;"
            + " default ${DEFAULT-VALUE}")
    long seed = 1;

    @Option(names = {"-o", "--out"}, paramLabel = "DIR", description = "output folder (created); default: current folder")
    Path out;

    @Option(names = "--run", paramLabel = "NAME", description = "file stem of the log and truth files; default run001")
    String run;

    @Option(names = "--exposure", paramLabel = "SECONDS", description = "exposure time; default 3 (ULTRASPEC 4)")
    double exposure = Double.NaN;

    @Option(names = "--start", paramLabel = "MJD", description = "MJD(UTC) of the first exposure; default: a night"
            + " in March 2024 with the default target up")
    double start = Double.NaN;

    @Option(names = "--nblue", paramLabel = "N", description = "ULTRACAM u-band co-adds; default 3")
    Integer nblue;

    @Option(names = "--target", paramLabel = "RA_DEC", description = "target position 'hh:mm:ss.ss +dd:mm:ss.s'")
    String target;

    @Option(names = "--t0", paramLabel = "BMJD", description = "mid-eclipse reference time, BMJD(TDB)")
    double t0 = Double.NaN;

    @Option(names = "--period", paramLabel = "DAYS", description = "orbital period; default 0.0583110795")
    double period = Double.NaN;

    @Option(names = "--seeing", paramLabel = "ARCSEC", description = "median zenith seeing FWHM; default 1.0")
    double seeing = Double.NaN;

    @Option(names = "--clouds", paramLabel = "MAG", description = "peak grey extinction of thin clouds; default 0 (clear)")
    double clouds = Double.NaN;

    @Option(names = "--junk", paramLabel = "FRACTION", description = "fraction of frames with a JUNK point; default 0.002")
    double junk = Double.NaN;

    @Option(names = "--bad-time", paramLabel = "FRACTION",
            description = "fraction of frames with MJDok = 0 (first and last always); default 0.002")
    double badTime = Double.NaN;

    @Option(names = "--nan", paramLabel = "FRACTION",
            description = "fraction of failed extractions (nan / -1 sentinels); default 0.001")
    double nan = Double.NaN;

    @Option(names = "--bright-spot", paramLabel = "FRACTION",
            description = "add a bright spot: its flux at the orbital hump's mean as a fraction of the white dwarf's;"
                    + " eclipsed after the white dwarf (an asymmetric eclipse); default 0 (none)")
    double brightSpot = Double.NaN;

    @Option(names = "--flicker", paramLabel = "RMS",
            description = "add flickering: red noise of this rms, as a fraction of the disc and bright-spot light;"
                    + " default 0 (none)")
    double flicker = Double.NaN;

    @Option(names = "--flicker-index", paramLabel = "ALPHA",
            description = "power-law index of the flickering's power spectrum (power ~ f^-ALPHA); default 1.5")
    double flickerIndex = Double.NaN;

    @Option(names = "--no-truth-frames", description = "skip the per-line truth CSV (large benchmark inputs)")
    boolean noTruthFrames;

    @Option(names = "--standard", paramLabel = "NAME",
            description = "a standard-star run: aperture 1 is this star of the standards catalogue (its position and"
                    + " magnitudes), constant, no eclipse")
    String standard;

    @Option(names = "--json", description = "print one JSON object instead of text")
    boolean json;

    @Option(names = "--live", description = "write the config and truth first, then the log at --rate frames per"
            + " second, line by line with a cut last line between frames, as reduce does at the telescope"
            + " (for calphot watch)")
    boolean live;

    @Option(names = "--rate", paramLabel = "HZ", description = "frames per second written with --live; default ${DEFAULT-VALUE}")
    double rate = 2;

    @Override
    public Integer call() throws CalphotException {
        PrintWriter err = spec.commandLine().getErr();
        Warnings warnings = Warnings.printingTo(err);
        SimulateTool tool = new SimulateTool(broker.timeCorrector(), broker.sites(),
                standard == null ? null : broker.catalogues().get("standards"));
        SimulateTool.Args args = new SimulateTool.Args(instrument, format, frames, seed, out, run, exposure, start,
                nblue, target, t0, period, seeing, clouds, junk, badTime, nan, !noTruthFrames, json, standard,
                brightSpot, flicker, flickerIndex);
        if (live) {
            return LiveSimulateRunner.run(broker, tool, args, rate, spec.commandLine().getOut(), warnings);
        }
        int code = tool.run(args, spec.commandLine().getOut(), ProgressMonitor.NULL, warnings);
        err.flush();
        return code;
    }
}
