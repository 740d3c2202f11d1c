// SPDX-License-Identifier: EPL-2.0 OR GPL-2.0-or-later
// Copyright (c) 2026 the calphot contributors
package org.calphot.ui.internal.project;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

import org.calphot.ui.CalphotUi;
import org.calphot.ui.internal.live.LiveJob;
import org.calphot.ui.internal.run.RunJob;
import org.calphot.ui.internal.tools.Analyses;
import org.eclipse.core.resources.FileInfoMatcherDescription;
import org.eclipse.core.resources.ICommand;
import org.eclipse.core.resources.IContainer;
import org.eclipse.core.resources.IProject;
import org.eclipse.core.resources.IProjectDescription;
import org.eclipse.core.resources.IResource;
import org.eclipse.core.resources.IResourceFilterDescription;
import org.eclipse.core.resources.IWorkspace;
import org.eclipse.core.resources.IWorkspaceRoot;
import org.eclipse.core.resources.ResourcesPlugin;
import org.eclipse.core.resources.WorkspaceJob;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.IPath;
import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.IJobChangeEvent;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.core.runtime.jobs.JobChangeAdapter;

/**
 * Observation folders as Eclipse projects: the project's location is the folder itself (nothing is copied; Eclipse
 * keeps a small {@code .project} file there), with the calphot nature, whose builder turns config problems into
 * markers. Opening the same folder again, or a folder inside a project, reuses that project.
 */
public final class Projects {

    public static final String NATURE_ID = CalphotUi.BUNDLE_ID + ".calphotNature";
    public static final String BUILDER_ID = CalphotUi.BUNDLE_ID + ".configBuilder";
    public static final String MARKER_ID = CalphotUi.BUNDLE_ID + ".configProblem";
    /** The IDE's name-pattern matcher for resource filters, and the names of a run folder's own state. */
    private static final String PATTERN_MATCHER = "org.eclipse.ui.ide.patternFilterMatcher";
    private static final String RUN_STATE_PATTERN = ".calphot-*";

    private static volatile boolean installed;

    private Projects() {
    }

    /**
     * The project whose location is {@code folder} (or the folder of the project that holds it); a new project named
     * after the folder, with the calphot nature, when there is none. Synchronous: call with a short folder walk.
     */
    public static IContainer open(Path folder, IProgressMonitor monitor) throws CoreException {
        Path abs = folder.toAbsolutePath().normalize();
        IWorkspace ws = ResourcesPlugin.getWorkspace();
        IWorkspaceRoot root = ws.getRoot();
        for (IProject p : root.getProjects()) {
            Path loc = location(p);
            if (loc != null && abs.startsWith(loc)) {
                if (!p.isOpen()) {
                    p.open(monitor);
                }
                addNature(p, monitor);
                hideRunGenerations(p, monitor);
                return abs.equals(loc) ? p : p.getFolder(IPath.fromOSString(loc.relativize(abs).toString()));
            }
        }
        IProject project = root.getProject(uniqueName(root, abs));
        IProjectDescription d = ws.newProjectDescription(project.getName());
        IPath location = IPath.fromOSString(abs.toString());
        // a folder that is the workspace's default place for this name must be given as "no location"
        if (!root.getLocation().append(project.getName()).equals(location)) {
            d.setLocation(location);
        }
        IStatus ok = ws.validateProjectLocation(project, d.getLocation());
        if (!ok.isOK()) {
            throw new CoreException(Status.error("cannot make " + abs + " a calphot project: " + ok.getMessage()));
        }
        d.setNatureIds(new String[] {NATURE_ID});
        d.setBuildSpec(new ICommand[] {builder(d)});
        ws.run(m -> {
            project.create(d, m);
            project.open(m);
            hideRunGenerations(project, m);
        }, root, IWorkspace.AVOID_UPDATE, monitor);
        return project;
    }

    /** Like {@link #open(Path, IProgressMonitor)}, but a failure is logged, not thrown (the Observations view works without it). */
    public static IContainer openQuietly(Path folder) {
        try {
            return open(folder, null);
        } catch (CoreException | RuntimeException e) {
            String msg = e instanceof CoreException c ? c.getStatus().getMessage() : String.valueOf(e);
            System.err.println("calphot workbench: " + msg);
            return null;
        }
    }

    /** The calphot projects of the workspace, open or not. */
    public static List<IProject> all() {
        List<IProject> out = new ArrayList<>();
        for (IProject p : ResourcesPlugin.getWorkspace().getRoot().getProjects()) {
            try {
                if (p.isOpen() && p.hasNature(NATURE_ID)) {
                    out.add(p);
                }
            } catch (CoreException e) {
                // a closed or broken project is none of ours
            }
        }
        return out;
    }

    /** Reads every calphot project from disk again (outputs of a run, a config saved outside the workspace). */
    public static Job refreshAll() {
        // the projects as they are when the job runs
        return refresh("Refreshing calphot projects", () -> all().toArray(IResource[]::new),
                IResource.DEPTH_INFINITE);
    }

    /** Reads one file again after calphot wrote it (the config editor saves with java.nio, outside the workspace). */
    public static void refreshFile(Path file) {
        if (!installed) {
            return;
        }
        var files = ResourcesPlugin.getWorkspace().getRoot().findFilesForLocationURI(file.toAbsolutePath().toUri());
        if (files.length > 0) {
            refresh("Refreshing " + file.getFileName(), () -> files, IResource.DEPTH_ZERO);
        }
    }

    /** A system job of the {@code Projects} family (tests join it) that refreshes the resources to a depth. */
    private static Job refresh(String name, Supplier<IResource[]> resources, int depth) {
        Job j = new WorkspaceJob(name) {
            @Override
            public IStatus runInWorkspace(IProgressMonitor monitor) throws CoreException {
                for (IResource r : resources.get()) {
                    r.refreshLocal(depth, monitor);
                }
                return Status.OK_STATUS;
            }

            @Override
            public boolean belongsTo(Object family) {
                return family == Projects.class;
            }
        };
        j.setSystem(true);
        j.setRule(ResourcesPlugin.getWorkspace().getRoot());
        j.schedule();
        return j;
    }

    /**
     * Called once at workbench start: the projects follow what calphot's jobs write (runs, analyses, live mode), as
     * the Observations view does.
     */
    public static void install() {
        if (installed) {
            return;
        }
        installed = true;
        // calphot reads and writes configs as UTF-8 whatever the project says: no "no explicit encoding" warning
        // on every project (setting the charset would write a .settings folder into the observations)
        org.eclipse.core.runtime.preferences.InstanceScope.INSTANCE.getNode(ResourcesPlugin.PI_RESOURCES)
                .putInt("missingEncodingMarkerSeverity", -1);
        Job.getJobManager().addJobChangeListener(new JobChangeAdapter() {
            @Override
            public void done(IJobChangeEvent event) {
                Job j = event.getJob();
                if (j.belongsTo(RunJob.class) || j.belongsTo(Analyses.class) || j.belongsTo(LiveJob.class)) {
                    refreshAll();
                }
            }
        });
    }

    /** Saves the workspace (the projects and their markers) at shutdown, as the IDE does. */
    public static void save() {
        if (!installed) {
            return;
        }
        try {
            ResourcesPlugin.getWorkspace().save(true, null);
        } catch (CoreException e) {
            System.err.println("calphot workbench: cannot save the workspace: " + e.getStatus().getMessage());
        }
    }

    /** The folder a project stands for, or null. */
    public static Path location(IProject p) {
        IPath loc = p.getLocation();
        return loc == null ? null : Path.of(loc.toOSString()).toAbsolutePath().normalize();
    }

    /** A resource's folder or file on disk, or null (e.g. a closed project). */
    public static Path path(IResource r) {
        IPath loc = r.getLocation();
        return loc == null ? null : Path.of(loc.toOSString());
    }

    static void addNature(IProject p, IProgressMonitor monitor) throws CoreException {
        if (p.hasNature(NATURE_ID)) {
            return;
        }
        IProjectDescription d = p.getDescription();
        String[] ids = d.getNatureIds();
        String[] more = java.util.Arrays.copyOf(ids, ids.length + 1);
        more[ids.length] = NATURE_ID;
        d.setNatureIds(more);
        p.setDescription(d, monitor);
    }

    /**
     * A calphot output folder keeps each run in a hidden generation folder ({@code .calphot-gen-*}, with
     * {@code .calphot-current} and the lock beside it) that its output names link into: a resource filter keeps
     * those names out of the project, so Search and the builder see each output once, through its own name.
     */
    static void hideRunGenerations(IProject p, IProgressMonitor monitor) throws CoreException {
        for (IResourceFilterDescription f : p.getFilters()) {
            FileInfoMatcherDescription m = f.getFileInfoMatcherDescription();
            if (PATTERN_MATCHER.equals(m.getId()) && RUN_STATE_PATTERN.equals(m.getArguments())) {
                return;
            }
        }
        p.createFilter(IResourceFilterDescription.EXCLUDE_ALL | IResourceFilterDescription.FILES
                | IResourceFilterDescription.FOLDERS | IResourceFilterDescription.INHERITABLE,
                new FileInfoMatcherDescription(PATTERN_MATCHER, RUN_STATE_PATTERN), IResource.BACKGROUND_REFRESH,
                monitor);
    }

    static ICommand builder(IProjectDescription d) {
        ICommand c = d.newCommand();
        c.setBuilderName(BUILDER_ID);
        return c;
    }

    /** The folder's name; "name (parent)" and then a number when another folder has it already. */
    private static String uniqueName(IWorkspaceRoot root, Path folder) {
        String base = folder.getFileName() == null ? "observations" : folder.getFileName().toString();
        String name = base;
        if (root.getProject(name).exists() && folder.getParent() != null && folder.getParent().getFileName() != null) {
            name = base + " (" + folder.getParent().getFileName() + ")";
        }
        String candidate = name;
        for (int i = 2; root.getProject(candidate).exists(); i++) {
            candidate = name + " " + i;
        }
        return candidate;
    }
}
