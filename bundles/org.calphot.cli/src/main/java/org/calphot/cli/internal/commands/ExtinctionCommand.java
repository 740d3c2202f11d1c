// SPDX-License-Identifier: EPL-2.0 OR GPL-2.0-or-later
// Copyright (c) 2026 the calphot contributors
package org.calphot.cli.internal.commands;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

import org.calphot.cli.internal.CommandServices;
import org.calphot.core.CalphotException;
import org.calphot.core.Warnings;
import org.calphot.core.log.LogReaders;
import org.calphot.core.photometry.ExtinctionFitter;
import org.calphot.core.photometry.ExtinctionOptions;
import org.calphot.core.time.SiteRegistry;
import org.calphot.core.time.TimeCorrector;
import org.calphot.photometry.AirmassSource;
import org.calphot.tools.ExtinctionTool;
import org.calphot.photometry.FlagList;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** Thin wrapper: all logic is in {@link ExtinctionTool}. */
@Command(name = "extinction", mixinStandardHelpOptions = true,
        description = {"Fit extinction coefficients per CCD from a long run.", "",
            "Fit extinction coefficients (mag/airmass) per CCD from a long run on a photometric night."},
        footer = {"", "Fits per aperture and jointly (one k, a free offset per aperture),",
            "sigma-clipped, with 1-sigma errors. Writes <log>_extinction.txt,",
            "<log>_extinction.json and <log>_extinction_points.csv into --out."})
public final class ExtinctionCommand implements Callable<Integer> {

    private final CommandServices broker;

    public ExtinctionCommand(CommandServices broker) {
        this.broker = broker;
    }

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "LOG", description = "Photometry log (HiPERCAM ASCII, ULTRACAM ulog or FITS).")
    Path log;

    @Mixin
    LogToolOptions common;

    @Mixin
    AirmassOption airmassOption;

    @Option(names = "--target", required = true, paramLabel = "\"RA DEC\"",
            description = "Pointing for the airmass: 'hh:mm:ss.ss +dd:mm:ss.s' or decimal degrees.")
    String target;

    @Option(names = "--bands", split = ",", paramLabel = "B1,B2,...",
            description = "Band of each CCD in log order (default: ULTRACAM r,g,u; HiPERCAM u,g,r,i,z; else ccd<n>).")
    List<String> bands;

    @Option(names = "--apertures", split = ",", paramLabel = "A1,A2,...",
            description = "Apertures to fit, all of them in the joint fit (default: all, the joint fit without the"
                    + " target, aperture 1). Leave variable stars out.")
    List<String> apertures;

    @Option(names = "--clip", paramLabel = "SIGMA", defaultValue = "5.0",
            description = "Reject points beyond SIGMA robust standard deviations of the fit (default ${DEFAULT-VALUE}).")
    double clip;

    @Option(names = "--min-airmass-range", paramLabel = "DX", defaultValue = "0.2",
            description = "Refuse runs with a smaller airmass range (default ${DEFAULT-VALUE}).")
    double minRange = ExtinctionOptions.DEFAULT_MIN_RANGE;

    @Override
    public Integer call() throws CalphotException {
        PrintWriter err = spec.commandLine().getErr();
        Warnings warnings = Warnings.printingTo(err);
        TimeCorrector tc = broker.timeCorrector();
        if (common.eop != null) {
            tc = tc.withEarthOrientation(common.eop);
        }
        AirmassSource airmass = AirmassSource.of(broker.sites(), tc, airmassOption.formula, warnings);
        ExtinctionTool tool = new ExtinctionTool(broker.logReaders(), broker.extinctionFitter(),
                airmass);
        int code = tool.run(new ExtinctionTool.Args(log, common.site, target, bands,
                FlagList.parse(common.ignoreFlags, "--ignore-flags"), clip, minRange, apertures, common.out,
                common.json), spec.commandLine().getOut(), warnings);
        err.flush();
        return code;
    }
}
