// SPDX-License-Identifier: EPL-2.0 OR GPL-2.0-or-later
// Copyright (c) 2026 the calphot contributors
package org.calphot.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.calphot.ui.CalphotUi;
import org.calphot.ui.internal.ObservationsView;
import org.calphot.ui.internal.plot.LightcurveView;
import org.calphot.ui.internal.run.RunJob;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.Platform;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.PlatformUI;
import org.junit.jupiter.api.Test;

/**
 * Results survive a restart: the demo is run here, then a second workbench JVM starts on this workspace (a copy
 * taken while this one still runs, i.e. as after a crash: nothing saved at shutdown helps) and reports what its
 * Lightcurve view shows ({@link SecondStartCheck}). It must be the same run, read from the files on disk.
 */
class RestartTest {

    @Test
    void aSecondWorkbenchOnTheSameWorkspaceShowsTheLastRunAgain() throws Exception {
        IWorkbenchPage page = Ui.calphotPage(false);
        Path work = Ui.demoInObservations(page, "restart");
        RunJob job = Ui.runConfig(work);
        LightcurveView lv = (LightcurveView) page.showView(CalphotUi.LIGHTCURVE_VIEW_ID);
        lv.show(job.result());
        lv.setOverlay(false);
        Ui.settle();
        int points = lv.pointCount();
        assertTrue(points > 1000, "points shown: " + points);

        // this JVM's command line, with a copied workspace and configuration and only SecondStartCheck to run
        List<String> cmd = new ArrayList<>();
        cmd.add(ProcessHandle.current().info().command().orElseThrow());
        List<String> args = List.of(ProcessHandle.current().info().arguments().orElseThrow());
        Path data = Path.of(Platform.getInstanceLocation().getURL().toURI());
        Path second = Path.of("target", "restart").toAbsolutePath();
        Ui.deleteTree(second);
        copyTree(data, second.resolve("data"));
        Path report = second.resolve("second-start.properties");
        Properties tp = new Properties();
        Path testProps = null;
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            if (a.equals("-jar")) {
                cmd.add(1, "-Dcalphot.secondStart.report=" + report);
            }
            if (i + 1 < args.size() && a.equals("-data")) {
                cmd.add(a);
                cmd.add(second.resolve("data").toString());
                i++;
            } else if (i + 1 < args.size() && a.equals("-configuration")) {
                copyTree(Path.of(args.get(i + 1)), second.resolve("configuration"));
                cmd.add(a);
                cmd.add(second.resolve("configuration").toString());
                i++;
            } else if (i + 1 < args.size() && a.equals("-testproperties")) {
                testProps = Path.of(args.get(i + 1));
                cmd.add(a);
                cmd.add(second.resolve("surefire.properties").toString());
                i++;
            } else {
                cmd.add(a);
            }
        }
        assertNotNull(testProps, "not started by the test harness: " + args);
        try (var in = Files.newInputStream(testProps)) {
            tp.load(in);
        }
        tp.keySet().removeIf(k -> k.toString().startsWith("__provider.tc."));
        tp.setProperty("__provider.tc.0", SecondStartCheck.class.getName());
        tp.setProperty("reportsdirectory", second.resolve("reports").toString());
        try (var out = Files.newOutputStream(second.resolve("surefire.properties"))) {
            tp.store(out, "the second start of RestartTest");
        }
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true)
                .redirectOutput(second.resolve("second-start.log").toFile()).start();
        // keep this workbench's event loop running while the other starts
        assertTrue(Ui.until(() -> !p.isAlive()), "the second workbench did not end; see " + second);
        p.waitFor(10, TimeUnit.SECONDS);
        assertTrue(Files.isRegularFile(report), "the second workbench wrote no report; see "
                + second.resolve("second-start.log"));
        Properties r = new Properties();
        try (var in = Files.newInputStream(report)) {
            r.load(in);
        }
        assertEquals(job.result().outputDir().toAbsolutePath().toString(), r.getProperty("outputDir"), r.toString());
        assertEquals("5", r.getProperty("panels"), r.toString());
        assertEquals(String.valueOf(points), r.getProperty("points"), "the same frames, read from the files");
        assertTrue(r.getProperty("title", "").contains("SIMCV"), r.toString());
        // in CCD order as the run showed them, not the files' alphabetical order (g, i, r, u, z)
        assertEquals("u (CCD 1),g (CCD 2),r (CCD 3),i (CCD 4),z (CCD 5)", r.getProperty("labels"), r.toString());
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> s = Files.walk(from)) {
            for (Path f : s.toList()) {
                Path t = to.resolve(from.relativize(f).toString());
                if (Files.isDirectory(f)) {
                    Files.createDirectories(t);
                } else if (!f.getFileName().toString().equals(".lock")) {
                    Files.copy(f, t);
                }
            }
        }
    }
}
