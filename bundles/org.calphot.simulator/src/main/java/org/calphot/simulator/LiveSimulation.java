// SPDX-License-Identifier: EPL-2.0 OR GPL-2.0-or-later
// Copyright (c) 2026 the calphot contributors
package org.calphot.simulator;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.Locale;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;

import org.calphot.core.BadInputException;
import org.calphot.core.CalphotException;
import org.calphot.core.Location;
import org.calphot.core.ProgressMonitor;
import org.calphot.core.Warnings;
import org.calphot.core.time.SiteRegistry;
import org.calphot.core.time.TimeCorrector;

/**
 * {@code calphot simulate --live --rate HZ}: simulates the night into a hidden folder, puts the config and
 * truth files in place first, then writes the log at {@code rate} frames per second with
 * {@link LiveLogWriter}, so {@code calphot watch} can be shown and tested without a telescope.
 */
public final class LiveSimulation {

    private final SimulateTool tool;
    private final TimeCorrector corrector;
    private final SiteRegistry sites;

    public LiveSimulation(SimulateTool tool, TimeCorrector corrector, SiteRegistry sites) {
        this.tool = tool;
        this.corrector = corrector;
        this.sites = sites;
    }

    /** Runs until the log is complete or {@code cancelled}; returns the exit code. */
    public int run(SimulateTool.Args a, double rateHz, PrintWriter out, Warnings warnings, BooleanSupplier cancelled)
            throws CalphotException {
        if (!(rateHz > 0) || Double.isInfinite(rateHz)) {
            throw new BadInputException("--rate must be a positive number of frames per second",
                    new Location(null, 0, 0, "--rate"));
        }
        SimulationSpec spec = tool.resolve(a);
        Path dir = a.out() == null ? Path.of(".") : a.out();
        Path hidden;
        try {
            Files.createDirectories(dir);
            hidden = Files.createTempDirectory(dir, ".calphot-simulate-live-");
        } catch (IOException e) {
            throw new CalphotException("cannot create " + dir + ": " + e.getMessage(), e);
        }
        try {
            Simulator.Result r = new Simulator(corrector, sites).write(spec, hidden, a.truthFrames(),
                    ProgressMonitor.NULL, warnings);
            Path log = dir.resolve(r.log().getFileName());
            // an empty log, then the rest: the config is valid (its log exists) as soon as it appears
            Files.write(log, new byte[0]);
            try (Stream<Path> s = Files.list(hidden)) {
                for (Path f : s.toList()) {
                    if (!f.equals(r.log())) {
                        Files.move(f, dir.resolve(f.getFileName()), StandardCopyOption.REPLACE_EXISTING);
                    }
                }
            }
            out.println("config: " + dir.resolve(r.config().getFileName()));
            out.println("truth:  " + dir.resolve(r.truthJson().getFileName()));
            out.printf(Locale.ROOT, "writing %s live: %d frames at %s frames/s (%.0f s), %s, format %s"
                    + " (SYNTHETIC DATA)%n", log, spec.frames(), trim(rateHz), spec.frames() / rateHz,
                    spec.instrument().id(), spec.format().id());
            out.println("true mid-eclipse times (BMJD TDB): " + r.eclipseBmjdTdb());
            out.flush();
            int token = spec.format().isUlog() ? 0 : 1;
            long started = System.nanoTime();
            int every = (int) Math.max(1, Math.round(rateHz * 10)); // a progress line every ~10 s
            int frames = new LiveLogWriter(rateHz, token).play(r.log(), log, cancelled, (n, bytes) -> {
                if (n % every == 0) {
                    out.printf(Locale.ROOT, "%d frames, %.1f MB, %.0f s%n", n, bytes / 1e6,
                            (System.nanoTime() - started) / 1e9);
                    out.flush();
                }
            });
            out.printf(Locale.ROOT, "%s: %d of %d frames written%s%n", log, frames, spec.frames(),
                    cancelled.getAsBoolean() ? " (stopped)" : "");
            out.flush();
            return 0;
        } catch (IOException e) {
            throw new CalphotException("cannot write the live log: " + e.getMessage(), e);
        } finally {
            try (Stream<Path> s = Files.walk(hidden)) {
                s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            } catch (IOException e) {
                // a leftover hidden folder is harmless
            }
        }
    }

    private static String trim(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
    }
}
