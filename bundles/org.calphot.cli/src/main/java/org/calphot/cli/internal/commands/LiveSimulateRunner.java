// SPDX-License-Identifier: EPL-2.0 OR GPL-2.0-or-later
// Copyright (c) 2026 the calphot contributors
package org.calphot.cli.internal.commands;

import java.io.PrintWriter;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.calphot.cli.internal.CommandServices;
import org.calphot.cli.internal.CommandServices;
import org.calphot.core.CalphotException;
import org.calphot.core.Warnings;
import org.calphot.core.time.SiteRegistry;
import org.calphot.core.time.TimeCorrector;
import org.calphot.simulator.LiveSimulation;
import org.calphot.simulator.SimulateTool;

/** {@code calphot simulate --live}: Ctrl-C stops after the frame being written and removes the scratch folder. */
final class LiveSimulateRunner {

    private LiveSimulateRunner() {
    }

    static int run(CommandServices broker, SimulateTool tool, SimulateTool.Args args, double rate, PrintWriter out, Warnings warnings)
            throws CalphotException {
        AtomicBoolean stop = new AtomicBoolean();
        CountDownLatch done = new CountDownLatch(1);
        Thread hook = new Thread(() -> {
            stop.set(true);
            try {
                done.await(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        Runtime.getRuntime().addShutdownHook(hook);
        try {
            return new LiveSimulation(tool, broker.timeCorrector(), broker.sites())
                    .run(args, rate, out, warnings, stop::get);
        } finally {
            done.countDown();
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException e) {
                // shutting down already
            }
        }
    }
}
