// SPDX-License-Identifier: EPL-2.0 OR GPL-2.0-or-later
// Copyright (c) 2026 the calphot contributors
package org.calphot.ui.tests;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;

import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.graphics.Image;
import org.eclipse.swt.graphics.ImageData;
import org.eclipse.swt.graphics.ImageLoader;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Shell;

/** Helpers of the workbench tests: run the event loop until something holds, screenshots, the demo data. */
final class Ui {

    /** Generous bound for waits; the tests assert outcomes, never durations. */
    static final long MAX_WAIT_MS = 60_000;

    private Ui() {
    }

    /** Runs the event loop until the condition holds; false when the bound is reached first. */
    static boolean until(BooleanSupplier condition) {
        Display d = Display.getCurrent();
        long end = System.currentTimeMillis() + MAX_WAIT_MS;
        while (!condition.getAsBoolean()) {
            if (System.currentTimeMillis() > end) {
                return false;
            }
            if (!d.readAndDispatch()) {
                try {
                    Thread.sleep(10);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return false;
                }
            }
        }
        return true;
    }

    /** Waits for a job to finish while the UI keeps running. */
    static boolean join(Job job) {
        return until(() -> job.getResult() != null && job.getState() == Job.NONE);
    }

    /** Lets pending UI work (layouts, async updates, paints) run. */
    static void settle() {
        Display d = Display.getCurrent();
        for (int i = 0; i < 50; i++) {
            while (d.readAndDispatch()) {
                // drain
            }
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /** The shell as a PNG under target/screenshots, for a person to look at. */
    static Path screenshot(Shell shell, String name) throws IOException {
        settle();
        Display d = shell.getDisplay();
        Rectangle r = shell.getBounds();
        Image img = new Image(d, r.width, r.height);
        GC gc = new GC(d);
        try {
            gc.copyArea(img, r.x, r.y);
        } finally {
            gc.dispose();
        }
        Path dir = Path.of("target", "screenshots");
        Files.createDirectories(dir);
        Path out = dir.resolve(name + ".png");
        ImageLoader l = new ImageLoader();
        l.data = new ImageData[] {img.getImageData()};
        l.save(out.toString(), SWT.IMAGE_PNG);
        img.dispose();
        return out;
    }

    /** examples/demo of the checkout (tests run in the test bundle's folder). */
    static Path demo() {
        return Path.of(System.getProperty("calphot.demo", "../../examples/demo")).toAbsolutePath().normalize();
    }

    /** A fresh copy of the demo config and log in target/, so runs never write into the checkout. */
    static Path demoCopy(String name) throws IOException {
        Path dir = Path.of("target", "ui-work", name).toAbsolutePath();
        deleteTree(dir);
        Files.createDirectories(dir);
        for (String f : new String[] {"calphot.yaml", "run001.log"}) {
            Files.copy(demo().resolve(f), dir.resolve(f));
        }
        return dir;
    }

    static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
