// SPDX-License-Identifier: EPL-2.0 OR GPL-2.0-or-later
// Copyright (c) 2026 the calphot contributors
package org.calphot.ui.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.calphot.ui.CalphotUi;
import org.calphot.ui.internal.editor.ConfigEditor;
import org.calphot.ui.internal.tools.Analyses;
import org.calphot.ui.internal.tools.ResultFiles;
import org.eclipse.jface.action.Action;
import org.eclipse.jface.action.IToolBarManager;
import org.eclipse.jface.action.MenuManager;
import org.eclipse.jface.viewers.IStructuredSelection;
import org.eclipse.jface.viewers.ITreeContentProvider;
import org.eclipse.jface.viewers.LabelProvider;
import org.eclipse.jface.viewers.TreeViewer;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Image;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.PartInitException;
import org.eclipse.ui.part.ViewPart;

/**
 * A folder of observations: nights (folders), and in each night the files of one run grouped under the run's name
 * ({@code run010.log}, {@code run010.coords}, ...), configs and outputs beside them, each kind with its icon.
 * Double-click a log for its summary and counts plot, a config to edit it, an analysis result (extinction,
 * eclipse times, ephemeris fit, chain) for its figures; right-click a log for extinction and eclipse timing. The folder is the
 * {@code calphot.observations} system property, else the last folder opened, else the working directory.
 */
public final class ObservationsView extends ViewPart {

    private static final Pattern DATE = Pattern.compile(".*(\\d{4}-?\\d{2}-?\\d{2}).*");

    private TreeViewer viewer;

    /** What a file is to calphot, judged by its name. */
    public enum Kind {
        LOG, COORDS, CONFIG, LIGHTCURVE, FIGURE, FOLDER, OTHER,
        /** {@code <log>_extinction.json} of calphot extinction. */
        EXTINCTION,
        /** {@code eclipse_times.txt} (cal_phot's EPHEMERIS file) or {@code <run>.eclipse_times.txt}. */
        ECLIPSE_TIMES,
        /** {@code ephemeris_fit.txt} of calphot ephemeris. */
        EPHEMERIS_FIT,
        /** {@code ephemeris_chain.txt} (cal_phot's chain layout) of calphot ephemeris. */
        CHAIN;

        public static Kind of(Path p) {
            if (Files.isDirectory(p)) {
                return FOLDER;
            }
            String n = p.getFileName().toString().toLowerCase(Locale.ROOT);
            if (n.endsWith("_extinction.json")) {
                return EXTINCTION;
            }
            if (n.equals("eclipse_times.txt") || n.endsWith(".eclipse_times.txt")) {
                return ECLIPSE_TIMES;
            }
            if (n.equals("ephemeris_fit.txt")) {
                return EPHEMERIS_FIT;
            }
            if (n.equals("ephemeris_chain.txt")) {
                return CHAIN;
            }
            if (n.endsWith(".log") || n.endsWith(".fits") || n.endsWith(".fit") || n.endsWith(".ulog")) {
                // by content, as calphot run chooses its reader: a lightcurve FITS or a text .log is no log
                Boolean log = LogSniffer.isLog(p);
                if (log == null || log) {
                    return LOG;
                }
                return n.endsWith(".log") ? OTHER : isOutputs(p.getParent()) ? LIGHTCURVE : OTHER;
            }
            if (n.endsWith(".coords")) {
                return COORDS;
            }
            if (n.endsWith(".yaml") || n.endsWith(".yml")) {
                return CONFIG;
            }
            if (n.endsWith(".calib") || n.endsWith(".csv") || n.endsWith(".lcurve")) {
                return LIGHTCURVE;
            }
            if (n.endsWith(".png") || n.endsWith(".pdf")) {
                return FIGURE;
            }
            return OTHER;
        }

        public String icon() {
            return switch (this) {
                case LOG -> Icons.LOG;
                case COORDS -> Icons.COORDS;
                case CONFIG -> Icons.CONFIG;
                case LIGHTCURVE -> Icons.LIGHTCURVE;
                case FIGURE -> Icons.FIGURE;
                case FOLDER -> Icons.FOLDER;
                case OTHER -> Icons.OTHER;
                case EXTINCTION, ECLIPSE_TIMES, EPHEMERIS_FIT, CHAIN -> Icons.FIT;
            };
        }
    }

    /** The files of one run in one night: same name before the first dot, at least one log or coords file. */
    public record RunGroup(Path folder, String run, List<Path> files) {

        public Path log() {
            return files.stream().filter(f -> Kind.of(f) == Kind.LOG).findFirst().orElse(null);
        }
    }

    @Override
    public void createPartControl(Composite parent) {
        viewer = new TreeViewer(parent, SWT.MULTI | SWT.V_SCROLL | SWT.H_SCROLL);
        viewer.setContentProvider(new ITreeContentProvider() {
            @Override
            public Object[] getElements(Object input) {
                return children((Path) input);
            }

            @Override
            public Object[] getChildren(Object e) {
                return e instanceof RunGroup g ? g.files().toArray() : children((Path) e);
            }

            @Override
            public Object getParent(Object e) {
                return e instanceof RunGroup g ? g.folder() : ((Path) e).getParent();
            }

            @Override
            public boolean hasChildren(Object e) {
                return e instanceof RunGroup || Files.isDirectory((Path) e);
            }
        });
        viewer.setLabelProvider(new LabelProvider() {
            @Override
            public String getText(Object e) {
                if (e instanceof RunGroup g) {
                    return g.run() + "  (" + g.files().size() + " files)";
                }
                Path p = (Path) e;
                String name = p.getFileName().toString();
                if (Files.isDirectory(p) && isOutputs(p)) {
                    return name + "  (outputs)";
                }
                if (Files.isDirectory(p) && isNight(p)) {
                    return name + "  (night)";
                }
                String live = org.calphot.ui.internal.live.LiveJob.followedLabel(p);
                return live == null ? name : name + live;
            }

            @Override
            public Image getImage(Object e) {
                if (e instanceof RunGroup) {
                    return Icons.get(Icons.RUN_GROUP);
                }
                Path p = (Path) e;
                if (Files.isDirectory(p)) {
                    return Icons.get(isOutputs(p) ? Icons.OUTPUTS : isNight(p) ? Icons.NIGHT : Icons.FOLDER);
                }
                return Icons.get(Kind.of(p).icon());
            }
        });
        viewer.addDoubleClickListener(ev -> open(((IStructuredSelection) ev.getSelection()).getFirstElement()));
        viewer.addSelectionChangedListener(ev -> {
            Object o = ((IStructuredSelection) ev.getSelection()).getFirstElement();
            Path p = o instanceof RunGroup g ? g.folder().resolve(g.run()) : (Path) o;
            getViewSite().getActionBars().getStatusLineManager().setMessage(p == null ? null : p.toString());
        });
        IToolBarManager tb = getViewSite().getActionBars().getToolBarManager();
        Action refresh = new Action("Refresh") {
            @Override
            public void run() {
                refresh();
            }
        };
        refresh.setToolTipText("Read the folder again");
        tb.add(refresh);
        MenuManager context = new MenuManager();
        context.setRemoveAllWhenShown(true);
        context.addMenuListener(m -> Analyses.fillContextMenu(m, viewer.getStructuredSelection(), getSite().getPage(),
                (Path) viewer.getInput()));
        viewer.getControl().setMenu(context.createContextMenu(viewer.getControl()));
        viewer.setInput(root());
        getSite().setSelectionProvider(viewer);
        updateTitle();
    }

    public TreeViewer viewer() {
        return viewer;
    }

    public void refresh() {
        if (viewer == null || viewer.getControl().isDisposed()) {
            return;
        }
        viewer.refresh();
    }

    /** Shows another folder and remembers it for the next start. */
    public void setRoot(Path folder) {
        Path abs = folder.toAbsolutePath().normalize();
        Prefs.store().setValue(Prefs.OBSERVATIONS_FOLDER, abs.toString());
        viewer.setInput(abs);
        updateTitle();
    }

    private void updateTitle() {
        Path r = (Path) viewer.getInput();
        Path parent = r.getParent();
        setContentDescription(parent == null || parent.getFileName() == null ? r.toString()
                : "\u2026/" + parent.getFileName() + "/" + r.getFileName());
        setTitleToolTip("Observations in " + r);
    }

    /** Opens what the user double-clicked: logs in the Log Summary view, configs in the config editor. */
    void open(Object element) {
        if (element == null) {
            return;
        }
        IWorkbenchPage page = getSite().getPage();
        Path p = element instanceof RunGroup g ? g.log() : (Path) element;
        if (p == null || Files.isDirectory(p)) {
            viewer.setExpandedState(element, !viewer.getExpandedState(element));
            return;
        }
        if (!openFile(page, p)) {
            viewer.setExpandedState(element, !viewer.getExpandedState(element));
        }
    }

    /**
     * Opens a file as a double-click in Observations or the Project Explorer does: logs in Log Summary, configs in
     * the editor, lightcurves in the Lightcurve view, results in their views, figures in the system viewer.
     * False when the file is of no kind calphot opens.
     */
    public static boolean openFile(IWorkbenchPage page, Path p) {
        org.eclipse.swt.widgets.Shell shell = page.getWorkbenchWindow().getShell();
        try {
            switch (Kind.of(p)) {
                case LOG -> ((LogView) page.showView(CalphotUi.LOG_VIEW_ID)).show(p);
                case CONFIG -> ConfigEditor.open(page, p);
                case EXTINCTION, ECLIPSE_TIMES, EPHEMERIS_FIT, CHAIN -> ResultFiles.open(page, p);
                case LIGHTCURVE -> {
                    try {
                        ((org.calphot.ui.internal.plot.LightcurveView) page.showView(CalphotUi.LIGHTCURVE_VIEW_ID))
                                .showFiles(p);
                    } catch (IOException e) {
                        org.eclipse.jface.dialogs.MessageDialog.openError(shell, "calphot",
                                "Cannot read " + p + ": " + e.getMessage());
                    }
                }
                case FIGURE -> {
                    // PNG and PDF figures in the system's viewer
                    if (!org.eclipse.swt.program.Program.launch(p.toString())) {
                        org.eclipse.jface.dialogs.MessageDialog.openInformation(shell, "calphot",
                                "No viewer for " + p.getFileName() + " is set up on this system; the file is " + p);
                    }
                }
                default -> {
                    return false;
                }
            }
        } catch (PartInitException e) {
            org.eclipse.jface.dialogs.ErrorDialog.openError(shell, "calphot", "Cannot open " + p, e.getStatus());
        }
        return true;
    }

    public static Path root() {
        String prop = System.getProperty("calphot.observations");
        if (prop != null && !prop.isBlank()) {
            return Path.of(prop).toAbsolutePath().normalize();
        }
        String saved = Prefs.store().getString(Prefs.OBSERVATIONS_FOLDER);
        if (saved != null && !saved.isBlank() && Files.isDirectory(Path.of(saved))) {
            return Path.of(saved);
        }
        return Path.of(System.getProperty("user.dir")).toAbsolutePath();
    }

    /**
     * A folder of calphot outputs: one holding {@code provenance.json} or {@code Calibration.txt}, or a
     * {@code MCMC_LIGHTCURVES}, {@code FIGS} or {@code EPHEMERIS} folder inside one.
     */
    public static boolean isOutputs(Path dir) {
        if (dir == null || dir.getFileName() == null) {
            return false;
        }
        if (Files.isRegularFile(dir.resolve("provenance.json")) || Files.isRegularFile(dir.resolve("Calibration.txt"))) {
            return true;
        }
        String n = dir.getFileName().toString();
        return (n.equals("MCMC_LIGHTCURVES") || n.equals("FIGS") || n.equals("EPHEMERIS")) && isOutputs(dir.getParent());
    }

    /** A night: a folder named by a date, or one that holds logs itself; never a folder of outputs. */
    public static boolean isNight(Path dir) {
        if (isOutputs(dir)) {
            return false;
        }
        if (DATE.matcher(dir.getFileName() == null ? "" : dir.getFileName().toString()).matches()) {
            return true;
        }
        try (Stream<Path> s = Files.list(dir)) {
            return s.anyMatch(f -> !Files.isDirectory(f) && Kind.of(f) == Kind.LOG);
        } catch (IOException e) {
            return false;
        }
    }

    /** Folders first, then run groups, then loose files (configs, Calibration.txt, ...), each by name. */
    public static Object[] children(Path dir) {
        if (!Files.isDirectory(dir)) {
            return new Object[0];
        }
        List<Path> entries = new ArrayList<>();
        try (Stream<Path> s = Files.list(dir)) {
            s.filter(p -> !p.getFileName().toString().startsWith(".")).forEach(entries::add);
        } catch (IOException e) {
            return new Object[0];
        }
        entries.sort(Comparator.comparing(Path::getFileName));
        List<Object> folders = new ArrayList<>();
        List<Path> files = new ArrayList<>();
        for (Path p : entries) {
            if (Files.isDirectory(p)) {
                folders.add(p);
            } else {
                files.add(p);
            }
        }
        return RunGrouping.order(folders, files, p -> p.getFileName().toString(), Kind::of,
                (run, members) -> new RunGroup(dir, run, members));
    }


    @Override
    public void setFocus() {
        viewer.getControl().setFocus();
    }
}
