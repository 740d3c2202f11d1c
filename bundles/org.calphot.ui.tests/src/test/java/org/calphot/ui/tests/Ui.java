// SPDX-License-Identifier: EPL-2.0 OR GPL-2.0-or-later
// Copyright (c) 2026 the calphot contributors
package org.calphot.ui.tests;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;

import org.calphot.ui.CalphotUi;
import org.calphot.ui.internal.ObservationsView;
import org.calphot.ui.internal.run.RunJob;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.graphics.Image;
import org.eclipse.swt.graphics.ImageData;
import org.eclipse.swt.graphics.ImageLoader;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.PartInitException;
import org.eclipse.ui.PlatformUI;

/** Helpers of the workbench tests: run the event loop until something holds, screenshots, the demo data. */
final class Ui {

    /** Generous bound for waits; the tests assert outcomes, never durations. */
    static final long MAX_WAIT_MS = 60_000;

    private Ui() {
    }

    /** The active window's page in the calphot perspective; with {@code walkthroughSize}, the window at 1600x1000
     * and maximised, as the README's walkthrough. */
    static IWorkbenchPage calphotPage(boolean walkthroughSize) {
        var window = PlatformUI.getWorkbench().getActiveWorkbenchWindow();
        IWorkbenchPage page = window.getActivePage();
        page.setPerspective(PlatformUI.getWorkbench().getPerspectiveRegistry()
                .findPerspectiveWithId(CalphotUi.PERSPECTIVE_ID));
        if (walkthroughSize) {
            Shell shell = window.getShell();
            shell.setBounds(0, 0, 1600, 1000);
            shell.setMaximized(true);
        }
        return page;
    }

    /** A fresh copy of the demo ({@link #demoCopy}) shown in the Observations view. */
    static Path demoInObservations(IWorkbenchPage page, String name) throws IOException, PartInitException {
        Path work = demoCopy(name);
        ((ObservationsView) page.showView(CalphotUi.OBSERVATIONS_VIEW_ID)).setRoot(work);
        return work;
    }

    /** Runs the config of {@code work} as Run Config does, to its end; asserts it finished and succeeded. */
    static RunJob runConfig(Path work) throws IOException {
        Path cfg = work.resolve("calphot.yaml");
        RunJob job = new RunJob(cfg, Files.readString(cfg), null);
        job.schedule();
        org.junit.jupiter.api.Assertions.assertTrue(join(job), "the demo run did not finish");
        org.junit.jupiter.api.Assertions.assertEquals(IStatus.OK, job.getResult().getSeverity(),
                job.getResult().getMessage());
        return job;
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
