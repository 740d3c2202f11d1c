// SPDX-License-Identifier: EPL-2.0 OR GPL-2.0-or-later
// Copyright (c) 2026 the calphot contributors
package org.calphot.cli.internal.commands;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import org.calphot.cli.internal.CommandServices;
import org.calphot.core.BadInputException;
import org.calphot.core.CalphotException;
import org.calphot.core.Location;
import org.calphot.core.Warnings;
import org.calphot.core.catalogue.CatalogueRegistry;
import org.calphot.core.log.LogReaders;
import org.calphot.core.photometry.ColourTerm;
import org.calphot.core.photometry.ZeroPointCalculator;
import org.calphot.core.time.SiteRegistry;
import org.calphot.core.time.TimeCorrector;
import org.calphot.photometry.AirmassSource;
import org.calphot.tools.ComparisonMagsTool;
import org.calphot.photometry.FlagList;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** Thin wrapper: all logic is in {@link ComparisonMagsTool}. */
@Command(name = "comparison-mags", mixinStandardHelpOptions = true,
        description = {"Comparison-star magnitudes from a standard-star run.", "",
            "Zero points from a standard-star run and the comparison stars' magnitudes of a field run."},
        footer = {"", "Both runs must be reduced with the same settings; aperture 1 of",
            "STD_LOG is the standard. Prints the block to paste into the config",
            "(target excluded) and writes <field>_comparison_mags.txt, .yaml and",
            ".json into --out."})
public final class ComparisonMagsCommand implements Callable<Integer> {

    private final CommandServices broker;

    public ComparisonMagsCommand(CommandServices broker) {
        this.broker = broker;
    }

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "STD_LOG", description = "Log of the standard-star run (standard = aperture 1).")
    Path stdLog;

    @Parameters(index = "1", paramLabel = "FIELD_LOG", description = "Log of the target field, same reduction settings.")
    Path fieldLog;

    @Option(names = "--standard", required = true, paramLabel = "NAME",
            description = "Standard star name as in the standards tables (e.g. 'SA 114 548', WD0004+330).")
    String standard;

    @Mixin
    LogToolOptions common;

    @Mixin
    AirmassOption airmassOption;

    @Option(names = "--pointing", required = true, paramLabel = "\"RA DEC\"",
            description = "Field pointing for the airmass of FIELD_LOG: 'hh:mm:ss.ss +dd:mm:ss.s' or decimal degrees.")
    String pointing;

    @Option(names = "--extinction", required = true, split = ",", paramLabel = "K",
            description = "Extinction coefficient of each CCD in log order, mag/airmass (e.g. 0.11,0.20,0.49).")
    double[] k;

    @Option(names = "--extinction-err", split = ",", paramLabel = "ERR",
            description = "1-sigma errors of the coefficients (default: unknown, left out of the errors).")
    double[] kErr;

    @Option(names = "--bands", split = ",", paramLabel = "B1,B2,...",
            description = "Band of each CCD in log order (default: ULTRACAM r,g,u; HiPERCAM u,g,r,i,z).")
    List<String> bands;

    @Option(names = "--system", paramLabel = "ID",
            description = "Standards table (smith2002, spss-sdss, spss-hcam-super, spss-ucam-super, ...);"
                    + " default: chosen from the instrument, --filter-set and the date.")
    String system;

    @Option(names = "--filter-set", paramLabel = "SET", description = "ULTRACAM filters: super or regular. Default: super for bands named us gs rs is zs,"
                    + " regular before 2017-05-01, else regular with a warning (the rule of calphot run's colour terms).")
    String filterSet;

    @Option(names = "--colour-term", paramLabel = "BAND:A-B:C",
            description = "Colour term m = m_inst + ZP + C (A - B) for BAND, e.g. g:g-r:-0.024 (repeatable). Default: none.")
    List<String> colourTerms;

    @Override
    public Integer call() throws CalphotException {
        PrintWriter err = spec.commandLine().getErr();
        Warnings warnings = Warnings.printingTo(err);
        TimeCorrector tc = broker.timeCorrector();
        if (common.eop != null) {
            tc = tc.withEarthOrientation(common.eop);
        }
        AirmassSource airmass = AirmassSource.of(broker.sites(), tc, airmassOption.formula, warnings);
        ComparisonMagsTool tool = new ComparisonMagsTool(broker.logReaders(),
                broker.zeroPointCalculator(), broker.catalogues().get("standards"), airmass);
        int code = tool.run(new ComparisonMagsTool.Args(stdLog, fieldLog, standard, common.site, pointing, k, kErr,
                bands, FlagList.parse(common.ignoreFlags, "--ignore-flags"), system, filterSet, colourTerms(colourTerms),
                common.out, common.json),
                spec.commandLine().getOut(), warnings);
        err.flush();
        return code;
    }

    static List<ColourTerm> colourTerms(List<String> specs) throws BadInputException {
        List<ColourTerm> out = new ArrayList<>();
        if (specs == null) {
            return out;
        }
        for (String s : specs) {
            String[] p = s.split(":");
            String[] c = p.length == 3 ? p[1].split("-") : new String[0];
            if (p.length != 3 || c.length != 2) {
                throw new BadInputException("colour term '" + s + "' is not BAND:A-B:COEFFICIENT",
                        Location.key(null, 0, "--colour-term"));
            }
            try {
                out.add(new ColourTerm(p[0], c[0], c[1], Double.parseDouble(p[2]), "--colour-term " + s));
            } catch (NumberFormatException e) {
                throw new BadInputException("colour term '" + s + "': '" + p[2] + "' is not a number",
                        Location.key(null, 0, "--colour-term"));
            }
        }
        return out;
    }
}
