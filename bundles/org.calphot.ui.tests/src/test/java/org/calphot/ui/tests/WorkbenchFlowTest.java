// SPDX-License-Identifier: EPL-2.0 OR GPL-2.0-or-later
// Copyright (c) 2026 the calphot contributors
package org.calphot.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.calphot.pipeline.CcdResult;
import org.calphot.pipeline.LogResult;
import org.calphot.pipeline.RunResult;
import org.calphot.ui.CalphotUi;
import org.calphot.ui.internal.LogView;
import org.calphot.ui.internal.ObservationsView;
import org.calphot.ui.internal.editor.ConfigEditor;
import org.calphot.ui.internal.editor.ConfigTextEditor;
import org.calphot.ui.internal.editor.ConfigValidator.Problem;
import org.calphot.ui.internal.editor.ProblemsView;
import org.calphot.ui.internal.plot.ComparisonView;
import org.calphot.ui.internal.plot.LightcurveView;
import org.calphot.ui.internal.run.ConsoleView;
import org.calphot.ui.internal.run.RunConfigHandler;
import org.calphot.ui.internal.run.RunJob;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.jface.text.IDocument;
import org.eclipse.jface.text.source.Annotation;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Text;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.PlatformUI;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * What a user does with the demo: open the config, break it and see the marker, fix it, run it, see the
 * lightcurve; cancel a longer run and find nothing written. Screenshots of each state go to target/screenshots.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class WorkbenchFlowTest {

    private static IWorkbenchPage page;
    private static Shell shell;
    private static Path work;
    private static ConfigEditor editor;

    @BeforeAll
    static void openPerspective() throws Exception {
        var window = PlatformUI.getWorkbench().getActiveWorkbenchWindow();
        page = window.getActivePage();
        page.setPerspective(PlatformUI.getWorkbench().getPerspectiveRegistry()
                .findPerspectiveWithId(CalphotUi.PERSPECTIVE_ID));
        shell = window.getShell();
        shell.setBounds(0, 0, 1280, 860);
        work = Ui.demoCopy("flow");
        ((ObservationsView) page.showView(CalphotUi.OBSERVATIONS_VIEW_ID)).setRoot(work);
    }

    @AfterAll
    static void close() {
        if (editor != null) {
            page.closeEditor(editor, false);
        }
    }

    private static ConfigTextEditor source() {
        return editor.source();
    }

    /** Edits the document and waits for the validation of the new text. */
    private static void editAndValidate(String from, String to) {
        IDocument doc = source().document();
        int before = source().validationCount();
        String text = doc.get();
        assertTrue(text.contains(from), "the demo config should contain '" + from + "'");
        doc.set(text.replace(from, to));
        assertTrue(Ui.until(() -> source().validationCount() > before), "no validation after the edit");
    }

    private static List<Annotation> errors() {
        return source().annotations().stream().filter(a -> ConfigTextEditor.ERROR_TYPE.equals(a.getType())).toList();
    }

    @Test
    @Order(1)
    void openDemoConfigWithoutProblems() throws Exception {
        editor = ConfigEditor.open(page, work.resolve("calphot.yaml"));
        assertTrue(Ui.until(() -> source().validationCount() > 0), "the config was never validated");
        assertEquals(List.of(), source().problems(), "the demo config should be valid");
        assertEquals(0, errors().size());
        Ui.screenshot(shell, "1-demo-config-open");
    }

    @Test
    @Order(2)
    void anErrorShowsAsMarkerAndProblemThenGoesAwayWhenFixed() throws Exception {
        editAndValidate("period: 0.0583110795", "period: -0.0583110795");
        List<Annotation> errs = errors();
        assertEquals(1, errs.size(), "one error expected, got " + source().problems());
        assertTrue(errs.get(0).getText().contains("period must be positive"), errs.get(0).getText());
        // the marker sits on the line of 'period' (line 6 of the demo config)
        assertEquals(5, source().lineOf(errs.get(0)));
        ProblemsView pv = (ProblemsView) page.showView(CalphotUi.PROBLEMS_VIEW_ID);
        List<Problem> rows = pv.rows();
        assertEquals(1, rows.size());
        assertEquals("period", rows.get(0).key());
        assertEquals(6, rows.get(0).line());
        page.activate(editor);
        Ui.screenshot(shell, "2-config-error-marker");

        editAndValidate("period: -0.0583110795", "period: 0.0583110795");
        assertEquals(0, errors().size(), "the marker should go away once fixed: " + source().problems());
        assertEquals(0, pv.rows().size());
    }

    @Test
    @Order(3)
    void runTheConfigAndSeeTheLightcurve() throws Exception {
        page.activate(editor);
        RunJob job = RunConfigHandler.start(page);
        assertNotNull(job, "Run should find the active config");
        assertTrue(Ui.join(job), "the run did not finish");
        assertEquals(IStatus.OK, job.getResult().getSeverity(), "run failed: " + job.getResult().getMessage()
                + "\n" + ConsoleView.contents());
        RunResult r = job.result();
        assertTrue(r.files().stream().anyMatch(f -> f.toString().endsWith(".calib")), "no .calib written: " + r.files());
        assertTrue(Files.isRegularFile(r.outputDir().resolve("Calibration.txt")));

        LightcurveView lv = (LightcurveView) page.findView(CalphotUi.LIGHTCURVE_VIEW_ID);
        assertTrue(Ui.until(() -> lv.result() == r), "the lightcurve view never got the run");
        LogResult log = r.logs().get(0);
        int expected = log.ccds().stream().mapToInt(CcdResult::keptInPhase).sum();
        assertEquals(5, lv.panelCount(), "HiPERCAM: one panel per band u g r i z");
        assertEquals(expected, lv.pointCount());
        assertTrue(expected > 400, "most of the 500 frames fall in the phase range, got " + expected);
        String console = ConsoleView.contents();
        assertTrue(console.contains("BEGIN BATCH CALIBRATION"), "console lacks the Calibration log");
        // the log's lines came as the pipeline wrote them, named by their log, before the run's last line
        int reading = console.indexOf("[run001.log] Reading ");
        assertTrue(reading >= 0, console);
        assertTrue(reading < console.indexOf("wrote " + r.files().size() + " files"), console);
        Ui.screenshot(shell, "3-run-lightcurve");

        // export through org.calphot.plot (not jfreechart-swt's broken Save as)
        Path png = Path.of("target", "screenshots", "exported-lightcurve.png").toAbsolutePath();
        lv.panel().export(png);
        byte[] head = java.util.Arrays.copyOf(Files.readAllBytes(png), 4);
        assertEquals((byte) 0x89, head[0]);
        assertEquals("PNG", new String(head, 1, 3, StandardCharsets.US_ASCII));

        ComparisonView cv = (ComparisonView) page.showView(CalphotUi.COMPARISON_VIEW_ID);
        assertTrue(cv.panel().hasChart(), "comparison diagnostics should be drawn");
        Ui.screenshot(shell, "4-comparison-stars");
        page.showView(CalphotUi.CONSOLE_VIEW_ID);
        Ui.screenshot(shell, "5-run-console");
    }

    @Test
    @Order(4)
    void formPageEditsTheSameYaml() throws Exception {
        page.activate(editor);
        editor.showPage(1);
        Ui.settle();
        Text period = (Text) editor.form().control("period");
        assertEquals("0.0583110795", period.getText());
        String before = source().document().get();
        period.setText("0.05831108");
        String after = source().document().get();
        assertTrue(after.contains("period: 0.05831108\n"), after);
        assertTrue(after.contains("# cal_phot configuration"), "comments must survive form edits");
        Ui.screenshot(shell, "6-config-form");
        source().document().set(before);
        editor.showPage(0);
    }

    @Test
    @Order(5)
    void openingALogShowsItsSummaryAndCounts() throws Exception {
        LogView v = (LogView) page.showView(CalphotUi.LOG_VIEW_ID);
        v.show(work.resolve("run001.log"));
        assertTrue(Ui.join(v.readingJob()));
        assertTrue(Ui.until(() -> v.plot().hasChart()), "no counts plot");
        assertTrue(v.summaryText().contains("CCD 5: 500 frames"), v.summaryText());
        Ui.screenshot(shell, "7-log-summary");
    }

    @Test
    @Order(6)
    void cancellingALongRunWritesNothing() throws Exception {
        Path dir = Path.of("target", "ui-work", "cancel").toAbsolutePath();
        Ui.deleteTree(dir);
        Files.createDirectories(dir);
        String yaml = Files.readString(Ui.demo().resolve("calphot.yaml"));
        String entry = yaml.lines().filter(l -> l.strip().startsWith("run001.log:")).findFirst().orElseThrow();
        StringBuilder logs = new StringBuilder();
        for (int i = 1; i <= 8; i++) {
            String name = String.format("run%03d.log", i);
            Files.copy(Ui.demo().resolve("run001.log"), dir.resolve(name));
            logs.append(entry.replace("run001.log", name)).append('\n');
        }
        Path cfg = dir.resolve("calphot.yaml");
        Files.writeString(cfg, yaml.replace(entry + "\n", logs.toString()));
        RunJob job = new RunJob(cfg, Files.readString(cfg), null);
        job.onStep(step -> {
            if (step.startsWith("reading")) {
                job.cancel();
            }
        });
        job.schedule();
        assertTrue(Ui.join(job), "the cancelled run did not stop");
        assertEquals(IStatus.CANCEL, job.getResult().getSeverity(), "status " + job.getResult());
        assertTrue(job.wasCancelled());
        Path out = dir.resolve("calphot_out");
        try (Stream<Path> s = Files.exists(out) ? Files.walk(out) : Stream.empty()) {
            List<Path> files = s.filter(Files::isRegularFile).toList();
            assertEquals(List.of(), files, "a cancelled run must leave no output");
        }
        assertFalse(ConsoleView.contents().isEmpty());
    }
}
