// SPDX-License-Identifier: EPL-2.0 OR GPL-2.0-or-later
// Copyright (c) 2026 the calphot contributors
package org.calphot.cli.internal.commands;

import java.nio.file.Path;
import java.util.List;

import picocli.CommandLine.Option;

/**
 * The options of the commands that analyse one night's logs and write result files (extinction,
 * comparison-mags): the site, the Earth-orientation table, the flags to accept, the result folder and JSON.
 */
final class LogToolOptions {

    @Option(names = "--site", required = true, paramLabel = "SITE",
            description = "Site name (lasilla, ntt, lapalma, tno, ...) or \"lat, lon[, height_m]\".")
    String site;

    @Option(names = "--eop", paramLabel = "FILE", description = "IERS table for UT1-UTC and polar motion (default 0).")
    Path eop;

    @Option(names = "--ignore-flags", split = ",", paramLabel = "FLAG",
            description = "hipercam flags to accept: numbers or names (e.g. SKY_AT_EDGE,4). Default: none.")
    List<String> ignoreFlags;

    @Option(names = {"-o", "--out"}, paramLabel = "DIR", defaultValue = ".",
            description = "Folder for the result files (default: current folder).")
    Path out;

    @Option(names = "--json", description = "Print the results as one JSON object.")
    boolean json;
}
