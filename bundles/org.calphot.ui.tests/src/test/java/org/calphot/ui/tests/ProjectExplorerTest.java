// SPDX-License-Identifier: EPL-2.0 OR GPL-2.0-or-later
// Copyright (c) 2026 the calphot contributors
package org.calphot.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

import org.calphot.ui.CalphotUi;
import org.calphot.ui.internal.Icons;
import org.calphot.ui.internal.editor.ConfigEditor;
import org.calphot.ui.internal.project.ObservationsLabelProvider;
import org.calphot.ui.internal.project.ProjectExplorerSupport;
import org.calphot.ui.internal.project.Projects;
import org.calphot.ui.internal.run.RunJob;
import org.eclipse.core.resources.IContainer;
import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IMarker;
import org.eclipse.core.resources.IProject;
import org.eclipse.core.resources.IResource;
import org.eclipse.core.resources.ResourcesPlugin;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.jface.text.IDocument;
import org.eclipse.jface.viewers.Viewer;
import org.eclipse.swt.widgets.Item;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Tree;
import org.eclipse.swt.widgets.TreeItem;
import org.eclipse.ui.IPageLayout;
import org.eclipse.ui.IViewPart;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.PlatformUI;
import org.eclipse.ui.ide.IDE;
import org.eclipse.ui.navigator.CommonNavigator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The bundled demo as an Eclipse project, at 1600x1000 maximised: the Project Explorer shows its config, its night
 * and run, and after a run its outputs; a config error is a problem marker at its line in the Problems view, gone
 * once fixed. Screenshots under target/screenshots (project-*.png).
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ProjectExplorerTest {

    private static IWorkbenchPage page;
    private static Shell shell;
    private static Path work;
    private static IProject project;
    private static CommonNavigator explorer;

    @BeforeAll
    static void openDemoAsProject() throws Exception {
        page = Ui.calphotPage(true);
        shell = page.getWorkbenchWindow().getShell();
        // a copy of every file of examples/demo, so the run writes into the copy
        work = Path.of("target", "ui-work", "demo").toAbsolutePath();
        Ui.deleteTree(work);
        Files.createDirectories(work);
        try (Stream<Path> s = Files.list(Ui.demo())) {
            for (Path f : s.filter(Files::isRegularFile).toList()) {
                Files.copy(f, work.resolve(f.getFileName()));
            }
        }
        // what File > Open Observations Folder and a folder on the command line do
        IContainer c = Projects.open(work, null);
        project = assertInstanceOf(IProject.class, c);
        explorer = ProjectExplorerSupport.show(page, c, true);
        assertNotNull(explorer, "no Project Explorer");
        Ui.settle();
    }

    @AfterAll
    static void closeEditors() {
        page.closeAllEditors(false);
    }

    @Test
    @Order(1)
    void theFolderIsLinkedNotCopiedAndReused() throws Exception {
        assertEquals(work, Projects.location(project), "the project's location must be the folder itself");
        assertTrue(project.hasNature(Projects.NATURE_ID));
        assertEquals("demo", project.getName());
        // nothing copied into the workspace: the workspace holds no folder of that name
        Path ws = Path.of(ResourcesPlugin.getWorkspace().getRoot().getLocation().toOSString());
        assertFalse(Files.exists(ws.resolve("demo")), "the demo was copied into the workspace");
        assertTrue(Files.isRegularFile(work.resolve(".project")), "Eclipse's project file belongs in the folder");
        // opening it again, or a folder inside it, reuses the project
        assertSame(project, Projects.open(work, null));
        Files.createDirectories(work.resolve("sub"));
        IContainer sub = Projects.open(work.resolve("sub"), null);
        assertEquals(project, sub.getProject());
        assertEquals("sub", sub.getName());
        Files.delete(work.resolve("sub"));
        project.refreshLocal(IResource.DEPTH_INFINITE, null);
        assertEquals(1, Arrays.stream(ResourcesPlugin.getWorkspace().getRoot().getProjects())
                .filter(p -> work.equals(Projects.location(p))).count());
    }

    @Test
    @Order(2)
    void projectExplorerShowsTheNightTheRunAndTheConfig() throws Exception {
        TreeItem top = item(null, "demo");
        // a folder holding a log is a night, as in the Observations view
        assertEquals("demo  (night)", top.getText());
        assertSame(Icons.get(Icons.NIGHT), top.getImage());
        List<String> children = expand(top);
        // run001.log, .eclipse_times.txt and .truth.json are one run; the config and README are loose files;
        // Eclipse's .project is hidden
        assertEquals(List.of("run001  (3 files)", "README.md", "calphot.yaml"), children);
        assertSame(Icons.get(Icons.CONFIG), item(top, "calphot.yaml").getImage());
        TreeItem run = item(top, "run001  (3 files)");
        assertSame(Icons.get(Icons.RUN_GROUP), run.getImage());
        List<String> runFiles = expand(run);
        assertEquals(List.of("run001.eclipse_times.txt", "run001.log", "run001.truth.json"), runFiles);
        assertSame(Icons.get(Icons.LOG), item(run, "run001.log").getImage());

        // a config opened from the project is the config editor, and the same editor as from Observations
        IFile cfg = project.getFile("calphot.yaml");
        ConfigEditor e = assertInstanceOf(ConfigEditor.class, IDE.openEditor(page, cfg));
        assertEquals(work.resolve("calphot.yaml"), e.file());
        assertSame(e, ConfigEditor.open(page, work.resolve("calphot.yaml")));
        page.closeEditor(e, false);
    }

    @Test
    @Order(3)
    void afterARunTheOutputsAppear() throws Exception {
        Path cfg = work.resolve("calphot.yaml");
        RunJob job = new RunJob(cfg, Files.readString(cfg), null);
        job.schedule();
        assertTrue(Ui.join(job), "the run did not finish");
        assertEquals(IStatus.OK, job.getResult().getSeverity(), job.getResult().getMessage());
        // the run's job refreshes the projects (as it refreshes Observations)
        assertTrue(Ui.until(() -> project.getFolder("calphot_out").exists()), "the outputs never reached the project");
        Job.getJobManager().join(Projects.class, null);
        // the run's generation folder is on disk but not in the project (so Search finds each output once)
        try (var names = Files.list(work.resolve("calphot_out"))) {
            assertTrue(names.anyMatch(n -> n.getFileName().toString().startsWith(".calphot-gen-")));
        }
        for (IResource r : project.getFolder("calphot_out").members()) {
            assertFalse(r.getName().startsWith(".calphot-"), r.getFullPath() + " is in the project");
        }
        assertTrue(Ui.until(() -> find(item(null, "demo"), "calphot_out  (outputs)") != null),
                "no outputs node in the Project Explorer: " + expand(item(null, "demo")));
        TreeItem out = item(item(null, "demo"), "calphot_out  (outputs)");
        assertSame(Icons.get(Icons.OUTPUTS), out.getImage());
        List<String> outputs = expand(out);
        assertTrue(outputs.contains("Calibration.txt"), outputs.toString());
        assertEquals("MCMC_LIGHTCURVES  (outputs)", outputs.get(0), "folders first: " + outputs);
        TreeItem lcs = item(out, "MCMC_LIGHTCURVES");
        // the run's outputs are links into its generation folder: the tree overlays the platform's link marker,
        // so the icon under it is checked through calphot's label provider
        assertSame(Icons.get(Icons.OUTPUTS), new ObservationsLabelProvider().getImage(lcs.getData()));
        List<String> lightcurves = expand(lcs);
        String calib = lightcurves.stream().filter(n -> n.endsWith(".calib")).findFirst().orElse(null);
        assertNotNull(calib, "no .calib among " + lightcurves);
        assertSame(Icons.get(Icons.LIGHTCURVE), new ObservationsLabelProvider().getImage(item(lcs, calib).getData()));
        // the outputs folder is no night, and its MCMC_LIGHTCURVES (when written) neither
        assertFalse(expand(item(null, "demo")).stream().anyMatch(n -> n.startsWith("calphot_out  (night)")));
        Ui.screenshot(shell, "project-1-explorer-after-run");
    }

    @Test
    @Order(4)
    void aConfigErrorIsAMarkerAtItsLineAndGoesWhenFixed() throws Exception {
        IFile cfg = project.getFile("calphot.yaml");
        assertEquals(0, errors(cfg).length, "the demo config is valid: " + describe(errors(cfg)));
        ConfigEditor editor = ConfigEditor.open(page, work.resolve("calphot.yaml"));
        IDocument doc = editor.source().document();
        String good = doc.get();
        assertTrue(good.lines().toList().get(5).equals("period: 0.0583110795"), "line 6 of the demo is the period");
        doc.set(good.replace("period: 0.0583110795", "period: -0.0583110795"));
        editor.doSave(null);
        // the save refreshes the file and the auto-build validates it with the checks of calphot run
        assertTrue(Ui.until(() -> errors(cfg).length == 1), "no marker after saving: " + describe(errors(cfg)));
        IMarker m = errors(cfg)[0];
        assertEquals(6, m.getAttribute(IMarker.LINE_NUMBER, -1), "the marker must be on the period's line");
        assertTrue(m.getAttribute(IMarker.MESSAGE, "").contains("period must be positive"),
                m.getAttribute(IMarker.MESSAGE, ""));
        assertTrue(m.isSubtypeOf(IMarker.PROBLEM));

        IViewPart problems = page.showView(IPageLayout.ID_PROBLEM_VIEW);
        assertTrue(Ui.until(() -> problemRows(problems).stream().anyMatch(r -> r.contains("period must be positive"))),
                "the Problems view lacks the marker: " + problemRows(problems));
        // the only problem is calphot's (no platform warning such as a missing project encoding)
        assertEquals(1, ResourcesPlugin.getWorkspace().getRoot().findMarkers(IMarker.PROBLEM, true,
                IResource.DEPTH_INFINITE).length, problemRows(problems).toString());
        // the picture for the README: the project's tree (run outputs folded) beside the Problems view
        page.showView(ProjectExplorerSupport.PROJECT_EXPLORER_ID);
        explorer.getCommonViewer().collapseToLevel(project.getFolder("calphot_out").getFolder("MCMC_LIGHTCURVES"),
                org.eclipse.jface.viewers.AbstractTreeViewer.ALL_LEVELS);
        explorer.getCommonViewer().setSelection(new org.eclipse.jface.viewers.StructuredSelection(cfg), true);
        page.activate(editor);
        Ui.screenshot(shell, "project-2-problem-marker");

        // a double-click in Problems goes to the line
        IDE.gotoMarker(editor, m);
        Ui.settle();

        doc.set(good);
        editor.doSave(null);
        assertTrue(Ui.until(() -> errors(cfg).length == 0), "the marker stayed after the fix: " + describe(errors(cfg)));
        assertTrue(Ui.until(() -> problemRows(problems).stream().noneMatch(r -> r.contains("period must be positive"))),
                "the Problems view still lists it: " + problemRows(problems));
        page.closeEditor(editor, false);
    }

    private static IMarker[] errors(IFile f) {
        try {
            return Arrays.stream(f.findMarkers(Projects.MARKER_ID, true, IResource.DEPTH_ZERO))
                    .filter(m -> m.getAttribute(IMarker.SEVERITY, -1) == IMarker.SEVERITY_ERROR)
                    .toArray(IMarker[]::new);
        } catch (CoreException e) {
            throw new AssertionError(e);
        }
    }

    private static String describe(IMarker[] ms) {
        return Arrays.stream(ms).map(m -> m.getAttribute(IMarker.LINE_NUMBER, -1) + ": "
                + m.getAttribute(IMarker.MESSAGE, "")).toList().toString();
    }

    /** Every row of the Problems view's tree (categories expanded), as "message | resource | location" text. */
    private static List<String> problemRows(IViewPart problems) {
        List<String> rows = new ArrayList<>();
        if (problems.getSite().getSelectionProvider() instanceof Viewer v && v.getControl() instanceof Tree t) {
            // a lazy tree: expand through the viewer so the rows get their data
            if (v instanceof org.eclipse.jface.viewers.TreeViewer tv) {
                tv.expandToLevel(org.eclipse.jface.viewers.AbstractTreeViewer.ALL_LEVELS);
            }
            Ui.settle();
            collect(t.getItems(), rows);
        }
        return rows;
    }

    private static void collect(TreeItem[] items, List<String> rows) {
        for (TreeItem i : items) {
            StringBuilder b = new StringBuilder();
            for (int c = 0; c < Math.max(1, i.getParent().getColumnCount()); c++) {
                b.append(i.getText(c)).append(" | ");
            }
            rows.add(b.toString());
            collect(i.getItems(), rows);
        }
    }

    private static Tree tree() {
        return explorer.getCommonViewer().getTree();
    }

    /** The item whose text starts with the name (the top level when parent is null); fails when absent. */
    private static TreeItem item(TreeItem parent, String name) {
        TreeItem i = find(parent, name);
        assertNotNull(i, "no '" + name + "' in the Project Explorer under " + (parent == null ? "the root"
                : parent.getText()));
        return i;
    }

    private static TreeItem find(TreeItem parent, String name) {
        Ui.settle();
        TreeItem[] items = parent == null ? tree().getItems() : parent.getItems();
        return Arrays.stream(items).filter(i -> i.getText().equals(name) || i.getText().startsWith(name + "  "))
                .findFirst().orElse(null);
    }

    /** Expands the item and returns its children's names. */
    private static List<String> expand(TreeItem item) {
        explorer.getCommonViewer().setExpandedState(item.getData(), true);
        Ui.settle();
        return Arrays.stream(item.getItems()).map(Item::getText).toList();
    }
}
