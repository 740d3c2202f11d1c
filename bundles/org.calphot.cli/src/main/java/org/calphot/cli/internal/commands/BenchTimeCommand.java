// SPDX-License-Identifier: EPL-2.0 OR GPL-2.0-or-later
// Copyright (c) 2026 the calphot contributors
package org.calphot.cli.internal.commands;

import java.util.concurrent.Callable;

import org.calphot.cli.internal.CommandServices;
import org.calphot.core.BadInputException;
import org.calphot.core.time.TimeCorrector;
import org.calphot.tools.TimeBenchmark;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code calphot bench time}: conversions per second of MJD(UTC) to BMJD(TDB) with altitude and airmass. */
@Command(name = "time", mixinStandardHelpOptions = true,
        description = {"Convert 10^6 times of one target and site: conversions/s.", "",
            "Convert 10^6 frame times of one target at one site; print conversions/s and memory."})
public final class BenchTimeCommand implements Callable<Integer> {

    private final CommandServices broker;

    public BenchTimeCommand(CommandServices broker) {
        this.broker = broker;
    }

    @Option(names = "-n", paramLabel = "N", defaultValue = "1000000", description = "Times to convert (default ${DEFAULT-VALUE}).")
    int n;

    @Option(names = "--repeats", paramLabel = "R", defaultValue = "5", description = "Timed runs after a warm-up (default ${DEFAULT-VALUE}).")
    int repeats;

    @Override
    public Integer call() throws Exception {
        if (n < 1 || repeats < 1) {
            throw new BadInputException("-n and --repeats must be positive");
        }
        TimeBenchmark.run(broker.timeCorrector(), n, repeats, System.out);
        return 0;
    }
}
