// SPDX-License-Identifier: EPL-2.0 OR GPL-2.0-or-later
// Copyright (c) 2026 the calphot contributors
package org.calphot.cli.internal.commands;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

import org.calphot.cli.internal.CommandServices;
import org.calphot.core.BadInputException;
import org.calphot.core.Warnings;
import org.calphot.core.time.SiteRegistry;
import org.calphot.core.time.TimeCorrector;
import org.calphot.tools.TimeTool;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code calphot time}: MJD(UTC) to BMJD(TDB), light time, altitude and airmass as CSV. */
@Command(name = "time", mixinStandardHelpOptions = true,
        description = {"MJD(UTC) to BMJD(TDB), light time, altitude, airmass.", "",
            "Convert MJD(UTC) to BMJD(TDB) with light time, altitude and airmass (CSV on stdout)."},
        footer = {"", "Output header: " + TimeTool.HEADER,
            "Forms: calphot time --site S --target \"RA DEC\" [MJD...]   (MJDs on stdin if none given)",
            "       calphot time --csv FILE   (columns lon_deg,lat_deg,height_m,ra_deg,dec_deg,mjd_utc)"})
public final class TimeCommand implements Callable<Integer> {

    private final CommandServices broker;

    public TimeCommand(CommandServices broker) {
        this.broker = broker;
    }

    @Option(names = "--site", paramLabel = "SITE",
            description = "Site name (lapalma, 'Roque de los Muchachos', lasilla, ntt, paranal, wht, tno, ...)"
                    + " or \"lat, lon[, height_m]\" with east longitude.")
    String site;

    @Option(names = "--target", paramLabel = "\"RA DEC\"",
            description = "ICRS target: 'hh:mm:ss.ss +dd:mm:ss.s', space-separated fields, or decimal degrees.")
    String target;

    @Option(names = "--csv", paramLabel = "FILE", description = "Batch CSV with a site and target per row.")
    Path csv;

    @Option(names = "--eop", paramLabel = "FILE",
            description = "IERS table (finals2000A or 'mjd x y ut1_utc') for UT1-UTC and polar motion; default 0.")
    Path eop;

    @Mixin
    AirmassOption airmassOption;

    @Option(names = "--helio",
            description = "Also print heliocentric columns ltt_helio_s,hmjd_tdb (for old HJD ephemerides).")
    boolean helio;

    @Parameters(paramLabel = "MJD", arity = "0..*", description = "MJD(UTC) values; read from stdin if none.")
    List<String> mjd;

    @Override
    public Integer call() throws Exception {
        TimeTool.Options options = new TimeTool.Options(airmassOption.formula, helio, eop);
        if (csv != null) {
            if (site != null || target != null || (mjd != null && !mjd.isEmpty())) {
                throw new BadInputException("--csv takes sites, targets and times from the file: "
                        + "drop --site, --target and MJD arguments");
            }
            tool(broker).runCsv(csv, options, System.out, Warnings.STDERR);
            return 0;
        }
        if (site == null || target == null) {
            throw new BadInputException("give --site and --target (with MJDs as arguments or on stdin), or --csv FILE");
        }
        BufferedReader stdin = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        tool(broker).run(site, target, mjd, stdin, options, System.out, Warnings.STDERR);
        return 0;
    }

    private static TimeTool tool(CommandServices broker) throws Exception {
        return new TimeTool(broker.timeCorrector(), broker.sites());
    }
}
