// SPDX-License-Identifier: EPL-2.0 OR GPL-2.0-or-later
// Copyright (c) 2026 the calphot contributors
package org.calphot.cli.internal.commands;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

import org.calphot.cli.internal.CommandServices;
import org.calphot.core.BadInputException;
import org.calphot.core.CalphotException;
import org.calphot.core.Location;
import org.calphot.core.ProgressMonitor;
import org.calphot.core.Warnings;
import org.calphot.core.log.LogReaders;
import org.calphot.core.photometry.FluxCalibrator;
import org.calphot.core.time.SiteRegistry;
import org.calphot.core.time.TimeCorrector;
import org.calphot.ephemeris.EclipseTimer;
import org.calphot.ephemeris.Ephemeris;
import org.calphot.tools.EclipseTimesTool;
import org.calphot.pipeline.RunFigures;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** Thin wrapper: all logic is in {@link EclipseTimesTool}. */
@Command(name = "eclipse-times", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Time eclipses in logs into EPHEMERIS/eclipse_times.txt.", "",
            "Time the eclipses in photometry logs and write or update EPHEMERIS/eclipse_times.txt.",
            "",
            "Per log: aperture 1 over the sum of the other apertures of one CCD (counts, no flux calibration), "
                    + "times in BMJD(TDB), every eclipse timed with the chosen --model; errors 1 sigma, the larger "
                    + "of the white-noise error and the prayer-bead (red-noise) error.",
            "Every predicted eclipse that is not timed is listed with the reason (partly covered, too few points, "
                    + "no eclipse found, fit did not converge).",
            "Cycle numbers come from --ephemeris, else from a least-squares fit of the times already in the file; "
                    + "|O-C| > P/4 is warned about as ambiguous.",
            "Each log is one source line '#<log path>,<id>'; ids are never renumbered and timing a log again "
                    + "replaces its rows. One figure per eclipse: EPHEMERIS/<log stem>_E<cycle>.png."})
public final class EclipseTimesCommand implements Callable<Integer> {

    private final CommandServices broker;

    public EclipseTimesCommand(CommandServices broker) {
        this.broker = broker;
    }

    @Spec
    CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "LOG", description = "HiPERCAM/ULTRACAM/ULTRASPEC photometry logs.")
    List<Path> logs;

    @Option(names = "--target", required = true, paramLabel = "\"RA DEC\"",
            description = "ICRS target: 'hh:mm:ss.ss +dd:mm:ss.s' or decimal degrees.")
    String target;

    @Option(names = "--site", required = true, paramLabel = "SITE",
            description = "Site name (tno, lapalma, lasilla, ...) or \"lat, lon[, height_m]\".")
    String site;

    @Option(names = "--ephemeris", arity = "2", paramLabel = "T0 P", hideParamSyntax = true,
            description = "Prior ephemeris: T0 in BMJD(TDB) and period in days, for the cycle numbers.")
    List<Double> ephemeris;

    @Option(names = "--window", arity = "2", paramLabel = "t1 t2", hideParamSyntax = true,
            description = "Time only the eclipse between these BMJD(TDB) times (for awkward data).")
    List<Double> window;

    @Option(names = "--ccd", paramLabel = "C",
            description = "CCD label, or \"all\": time every CCD and give each eclipse the bands' weighted mean"
                    + " (default: the CCD whose eclipse has the highest signal-to-noise, said per log).")
    String ccd;

    @Option(names = "--model", paramLabel = "MODEL", defaultValue = "symmetric",
            description = "Eclipse model: symmetric (tanh-edged box, MCMC), wd-contacts (white dwarf's mid-ingress "
                    + "and mid-egress from the lightcurve's derivative) or wd-bright-spot (white dwarf + bright-spot "
                    + "eclipse, MCMC); the white-dwarf models time the white dwarf. Default ${DEFAULT-VALUE}.")
    String model;

    @Option(names = "--json", description = "Print one JSON object {\"eclipses\": [...], \"not_timed\": [...]}.")
    boolean json;

    @Option(names = "--out", paramLabel = "DIR",
            description = "Folder holding EPHEMERIS/ (default: the working directory).")
    Path out;

    @Option(names = "--seed", description = "Random seed of the timing MCMC (default ${DEFAULT-VALUE}).")
    long seed = 1;

    @Override
    public Integer call() throws CalphotException {
        PrintWriter err = spec.commandLine().getErr();
        Warnings warnings = (loc, msg) -> err.println("warning: "
                + (loc == null || loc.toString().isEmpty() ? "" : loc + ": ") + msg);
        Ephemeris prior = null;
        if (ephemeris != null) {
            try {
                prior = new Ephemeris(ephemeris.get(0), ephemeris.get(1));
            } catch (IllegalArgumentException e) {
                throw new BadInputException("--ephemeris needs a finite T0 and a positive period (days)",
                        Location.key(null, 0, "--ephemeris"));
            }
        }
        double t1 = window == null ? Double.NaN : window.get(0);
        double t2 = window == null ? Double.NaN : window.get(1);
        EclipseTimer timer = null;
        for (EclipseTimer t : broker.eclipseTimers()) {
            if (t.name().equals(model)) {
                timer = t;
            }
        }
        if (timer == null) {
            timer = org.calphot.ephemeris.EclipseTimers.byName(model, Location.key(null, 0, "--model"));
        }
        EclipseTimesTool tool = new EclipseTimesTool(broker.logReaders(), broker.fluxCalibrator(),
                broker.timeCorrector(), broker.sites(), timer, RunFigures.standard());
        int code = tool.run(new EclipseTimesTool.Args(logs, target, site, prior, t1, t2, ccd, out, seed, model, json),
                spec.commandLine().getOut(), ProgressMonitor.NULL, warnings);
        err.flush();
        return code;
    }
}
