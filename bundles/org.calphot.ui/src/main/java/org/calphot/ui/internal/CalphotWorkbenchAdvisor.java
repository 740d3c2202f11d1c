// SPDX-License-Identifier: EPL-2.0 OR GPL-2.0-or-later
// Copyright (c) 2026 the calphot contributors
package org.calphot.ui.internal;

import java.lang.management.ManagementFactory;

import org.calphot.ui.CalphotUi;
import org.eclipse.jface.action.IMenuManager;
import org.eclipse.jface.action.MenuManager;
import org.eclipse.jface.action.Separator;
import org.eclipse.swt.graphics.Point;
import org.eclipse.ui.IWorkbenchActionConstants;
import org.eclipse.ui.IWorkbenchWindow;
import org.eclipse.ui.actions.ActionFactory;
import org.eclipse.ui.application.ActionBarAdvisor;
import org.eclipse.ui.application.IActionBarConfigurer;
import org.eclipse.ui.application.IWorkbenchConfigurer;
import org.eclipse.ui.application.IWorkbenchWindowConfigurer;
import org.eclipse.ui.application.WorkbenchAdvisor;
import org.eclipse.ui.application.WorkbenchWindowAdvisor;

/** Opens the calphot perspective; the window's layout (views, sizes, open editors) is saved on exit and restored. */
final class CalphotWorkbenchAdvisor extends WorkbenchAdvisor {

    /** Milliseconds from JVM start to the first window on screen, for the start-up figure in the README. */
    static volatile long windowOpenMs = -1;

    @Override
    public void initialize(IWorkbenchConfigurer configurer) {
        configurer.setSaveAndRestore(true);
        // observation folders as projects: the Project Explorer, Problems and Properties views need the IDE's
        // resource adapters; calphot's jobs refresh the projects they write into
        org.eclipse.ui.ide.IDE.registerAdapters();
        org.calphot.ui.internal.project.Projects.install();
        // the project icons the IDE's own advisor declares: the platform's label provider (Search view, Properties)
        // overlays a project's nature image on them, and fails on a null base image without them
        declareIdeImage(configurer, org.eclipse.ui.ide.IDE.SharedImages.IMG_OBJ_PROJECT, "prj_obj.png");
        declareIdeImage(configurer, org.eclipse.ui.ide.IDE.SharedImages.IMG_OBJ_PROJECT_CLOSED, "cprj_obj.png");
    }

    private static void declareIdeImage(IWorkbenchConfigurer configurer, String key, String icon) {
        org.eclipse.jface.resource.ResourceLocator.imageDescriptorFromBundle("org.eclipse.ui.ide",
                "icons/full/obj16/" + icon).ifPresent(d -> configurer.declareImage(key, d, true));
    }

    /** The workspace is the Project Explorer's input. */
    @Override
    public org.eclipse.core.runtime.IAdaptable getDefaultPageInput() {
        return org.eclipse.core.resources.ResourcesPlugin.getWorkspace().getRoot();
    }

    /** The projects and their markers are kept for the next start. */
    @Override
    public void postShutdown() {
        org.calphot.ui.internal.project.Projects.save();
        super.postShutdown();
    }

    @Override
    public String getInitialWindowPerspectiveId() {
        return CalphotUi.PERSPECTIVE_ID;
    }

    @Override
    public WorkbenchWindowAdvisor createWorkbenchWindowAdvisor(IWorkbenchWindowConfigurer configurer) {
        return new WorkbenchWindowAdvisor(configurer) {
            @Override
            public void preWindowOpen() {
                IWorkbenchWindowConfigurer c = getWindowConfigurer();
                c.setInitialSize(new Point(1280, 860));
                c.setShowStatusLine(true);
                c.setShowProgressIndicator(true);
                c.setShowCoolBar(true);
                c.setTitle("calphot workbench");
            }

            @Override
            public void postWindowOpen() {
                windowOpenMs = System.currentTimeMillis() - ManagementFactory.getRuntimeMXBean().getStartTime();
                if (Boolean.getBoolean("calphot.startupTime")) {
                    System.out.println("calphot workbench: window open " + windowOpenMs + " ms after JVM start"
                            + cpuSeconds());
                }
                if (Boolean.getBoolean("calphot.exitAfterStart")) {
                    // a start-up benchmark's warm-up start: quit as a user would, so that the extension registry's
                    // cache and the window layout are saved as after any session (tools/bench/workbench-startup.sh)
                    getWindowConfigurer().getWorkbenchConfigurer().getWorkbench().getDisplay()
                            .asyncExec(() -> getWindowConfigurer().getWorkbenchConfigurer().getWorkbench().close());
                }
                IWorkbenchWindow w = getWindowConfigurer().getWindow();
                hideUnrelatedActionSets(w);
                WelcomeEditor.openAtFirstStart(w.getActivePage());
                openArguments(w);
            }

            @Override
            public ActionBarAdvisor createActionBarAdvisor(IActionBarConfigurer abc) {
                return new Actions(abc);
            }
        };
    }

    /**
     * Text-editor action sets the platform adds to every perspective that have nothing to do with calphot (File >
     * Convert Line Delimiters To, Open File, annotation and last-edit navigation, working sets, key assist).
     */
    static final java.util.List<String> UNRELATED_ACTION_SETS = java.util.List.of(
            "org.eclipse.ui.edit.text.actionSet.convertLineDelimitersTo",
            "org.eclipse.ui.edit.text.actionSet.openExternalFile",
            "org.eclipse.ui.actionSet.openFiles",
            "org.eclipse.ui.edit.text.actionSet.annotationNavigation",
            "org.eclipse.ui.edit.text.actionSet.navigation",
            "org.eclipse.ui.WorkingSetActionSet",
            "org.eclipse.ui.actionSet.keyBindings");

    /** Hides {@link #UNRELATED_ACTION_SETS} now and in every perspective opened later. */
    static void hideUnrelatedActionSets(IWorkbenchWindow window) {
        java.util.function.Consumer<org.eclipse.ui.IWorkbenchPage> hide = p -> {
            if (p != null) {
                UNRELATED_ACTION_SETS.forEach(p::hideActionSet);
            }
        };
        hide.accept(window.getActivePage());
        window.addPerspectiveListener(new org.eclipse.ui.PerspectiveAdapter() {
            @Override
            public void perspectiveActivated(org.eclipse.ui.IWorkbenchPage page,
                    org.eclipse.ui.IPerspectiveDescriptor perspective) {
                hide.accept(page);
            }
        });
    }

    /** ", N.N s CPU" from /proc (Linux): start-up cost independent of how loaded the machine is. */
    private static String cpuSeconds() {
        try {
            String stat = java.nio.file.Files.readString(java.nio.file.Path.of("/proc/self/stat"));
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            long ticks = Long.parseLong(f[11]) + Long.parseLong(f[12]);
            return String.format(java.util.Locale.ROOT, ", %.1f s CPU", ticks / 100.0);
        } catch (java.io.IOException | RuntimeException e) {
            return "";
        }
    }

    /**
     * Program arguments: a folder becomes the Observations folder; a .yaml config is opened in the editor (and its
     * folder shown); {@code --run} then runs it, {@code --live} follows it (the Live toggle).
     */
    static void openArguments(IWorkbenchWindow window) {
        java.nio.file.Path config = null;
        java.nio.file.Path folder = null;
        boolean run = false;
        boolean live = false;
        for (String a : org.eclipse.core.runtime.Platform.getApplicationArgs()) {
            if (a.equals("--run")) {
                run = true;
                continue;
            }
            if (a.equals("--live")) {
                live = true;
                continue;
            }
            java.nio.file.Path p = java.nio.file.Path.of(a).toAbsolutePath().normalize();
            if (java.nio.file.Files.isDirectory(p)) {
                folder = p;
            } else if (java.nio.file.Files.isRegularFile(p) && ObservationsView.Kind.of(p) == ObservationsView.Kind.CONFIG) {
                config = p;
            }
        }
        if (config == null && folder == null) {
            return;
        }
        org.eclipse.ui.IWorkbenchPage page = window.getActivePage();
        try {
            if (folder == null && config != null) {
                folder = config.getParent();
            }
            if (page.showView(CalphotUi.OBSERVATIONS_VIEW_ID) instanceof ObservationsView ov) {
                ov.setRoot(folder);
            }
            // the folder is also a project (made once, reused after): Project Explorer, Problems, Properties
            org.calphot.ui.internal.project.ProjectExplorerSupport.show(page,
                    org.calphot.ui.internal.project.Projects.openQuietly(folder), false);
            if (config != null) {
                org.calphot.ui.internal.editor.ConfigEditor.open(page, config);
                if (run) {
                    org.calphot.ui.internal.run.RunConfigHandler.start(page);
                }
                if (live) {
                    org.calphot.ui.internal.live.LiveToggleHandler.startChecked(window, page);
                }
            }
        } catch (org.eclipse.ui.PartInitException e) {
            System.err.println("calphot workbench: cannot open " + config + ": " + e.getMessage());
        }
    }

    /** File and Window menus; the calphot menu and the Run button come from plugin.xml. */
    private static final class Actions extends ActionBarAdvisor {
        Actions(IActionBarConfigurer configurer) {
            super(configurer);
        }

        @Override
        protected void makeActions(IWorkbenchWindow window) {
            register(ActionFactory.SAVE.create(window));
            register(ActionFactory.QUIT.create(window));
            register(ActionFactory.PREFERENCES.create(window));
            register(ActionFactory.RESET_PERSPECTIVE.create(window));
            register(ActionFactory.UNDO.create(window));
            register(ActionFactory.REDO.create(window));
            register(ActionFactory.CUT.create(window));
            register(ActionFactory.COPY.create(window));
            register(ActionFactory.PASTE.create(window));
            register(ActionFactory.SELECT_ALL.create(window));
            register(ActionFactory.FIND.create(window));
            register(ActionFactory.ABOUT.create(window));
            showViews = org.eclipse.ui.actions.ContributionItemFactory.VIEWS_SHORTLIST.create(window);
            // Preferences opens on the calphot page (the platform's action opens the last page used)
            calphotPreferences = new org.eclipse.jface.action.Action("&Preferences...") {
                @Override
                public void run() {
                    org.eclipse.ui.dialogs.PreferencesUtil.createPreferenceDialogOn(window.getShell(),
                            CALPHOT_PREFERENCES, null, null).open();
                }
            };
            calphotPreferences.setId("org.calphot.ui.preferencesAction");
            register(calphotPreferences);
        }

        private static final String CALPHOT_PREFERENCES = "org.calphot.ui.preferences";
        private org.eclipse.jface.action.IContributionItem showViews;
        private org.eclipse.jface.action.IAction calphotPreferences;

        @Override
        protected void fillMenuBar(IMenuManager menuBar) {
            MenuManager file = new MenuManager("&File", IWorkbenchActionConstants.M_FILE);
            file.add(new org.eclipse.jface.action.GroupMarker(IWorkbenchActionConstants.FILE_START));
            file.add(getAction(ActionFactory.SAVE.getId()));
            file.add(new Separator());
            file.add(getAction(ActionFactory.QUIT.getId()));
            MenuManager edit = new MenuManager("&Edit", IWorkbenchActionConstants.M_EDIT);
            edit.add(getAction(ActionFactory.UNDO.getId()));
            edit.add(getAction(ActionFactory.REDO.getId()));
            edit.add(new Separator());
            edit.add(getAction(ActionFactory.CUT.getId()));
            edit.add(getAction(ActionFactory.COPY.getId()));
            edit.add(getAction(ActionFactory.PASTE.getId()));
            edit.add(getAction(ActionFactory.SELECT_ALL.getId()));
            edit.add(new Separator());
            edit.add(getAction(ActionFactory.FIND.getId()));
            edit.add(new Separator(IWorkbenchActionConstants.MB_ADDITIONS));
            MenuManager window = new MenuManager("&Window", IWorkbenchActionConstants.M_WINDOW);
            MenuManager show = new MenuManager("Show &View", "showView");
            show.add(showViews);
            window.add(show);
            window.add(getAction(ActionFactory.RESET_PERSPECTIVE.getId()));
            window.add(new Separator());
            window.add(calphotPreferences);
            // Help last, as in every Eclipse application; Install New Software joins it from plugins.ui
            MenuManager help = new MenuManager("&Help", IWorkbenchActionConstants.M_HELP);
            // p2's ui.sdk contributes Check for Updates and Install New Software after "additions"
            help.add(new Separator(IWorkbenchActionConstants.MB_ADDITIONS));
            help.add(new Separator("group.updates"));
            help.add(new Separator());
            help.add(getAction(ActionFactory.ABOUT.getId()));
            menuBar.add(file);
            menuBar.add(edit);
            // the Search menu (org.eclipse.search's action set) goes after the item named "navigate"
            menuBar.add(new org.eclipse.jface.action.GroupMarker(IWorkbenchActionConstants.M_NAVIGATE));
            menuBar.add(new Separator(IWorkbenchActionConstants.MB_ADDITIONS));
            menuBar.add(window);
            menuBar.add(help);
        }
    }
}
