// SPDX-License-Identifier: EPL-2.0 OR GPL-2.0-or-later
// Copyright (c) 2026 the calphot contributors
package org.calphot.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import org.calphot.ui.CalphotUi;
import org.calphot.ui.internal.project.Projects;
import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IProject;
import org.eclipse.core.resources.IResource;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.Platform;
import org.eclipse.search.ui.ISearchQuery;
import org.eclipse.search.ui.NewSearchUI;
import org.eclipse.search.ui.text.AbstractTextSearchResult;
import org.eclipse.search.ui.text.FileTextSearchScope;
import org.eclipse.search.ui.text.TextSearchQueryProvider;
import org.eclipse.search.ui.text.TextSearchQueryProvider.TextSearchInput;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Menu;
import org.eclipse.swt.widgets.MenuItem;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.team.core.RepositoryProvider;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.IWorkbenchWindow;
import org.eclipse.ui.PlatformUI;
import org.junit.jupiter.api.Test;

/**
 * Search and Team, as every Eclipse user expects them (issue 22): a Search menu with File..., a file search over the
 * demo as a calphot project finding what a plain scan of its files finds, and the Team framework (History view, the
 * repository-provider extension points EGit installs into).
 */
class SearchAndTeamTest {

    private static String label(MenuItem i) {
        return i.getText().replace("&", "").replaceAll("\t.*$", "").strip();
    }

    @Test
    void searchMenuOffersFileSearchAndFindsARunNameInConfigLogAndReadme() throws Exception {
        IWorkbenchPage page = Ui.calphotPage(true);
        Shell shell = page.getWorkbenchWindow().getShell();
        Ui.settle();

        // the menu bar: Search after Edit, before Window, with File... and Search...
        List<String> top = new ArrayList<>();
        MenuItem search = null;
        for (MenuItem m : shell.getMenuBar().getItems()) {
            top.add(label(m));
            if (label(m).equals("Search")) {
                search = m;
            }
        }
        assertNotNull(search, "no Search menu: " + top);
        assertTrue(top.indexOf("Search") > top.indexOf("Edit") && top.indexOf("Search") < top.indexOf("Window"),
                "Search between Edit and Window: " + top);
        Menu sm = search.getMenu();
        sm.notifyListeners(SWT.Show, new Event());
        List<String> items = new ArrayList<>();
        for (MenuItem i : sm.getItems()) {
            items.add(label(i));
        }
        sm.notifyListeners(SWT.Hide, new Event());
        assertTrue(items.contains("File...") && items.contains("Search..."), "Search menu: " + items);

        // the demo (config, log, README, truth, eclipse times) as a calphot project, as Open Observations Folder does
        Path work = Path.of("target", "ui-work", "search").toAbsolutePath();
        Ui.deleteTree(work);
        Files.createDirectories(work);
        try (Stream<Path> s = Files.list(Ui.demo())) {
            for (Path f : s.filter(Files::isRegularFile).toList()) {
                Files.copy(f, work.resolve(f.getFileName()));
            }
        }
        IProject project = assertInstanceOf(IProject.class, Projects.open(work, null));

        // the expected matches, from the files themselves: non-overlapping, case-sensitive occurrences of the run
        // name in every file of the folder (Eclipse's .project names the project "search", not the run). On today's
        // demo that is 11 in 4 files: README 4, calphot.yaml 2 (the logfiles key and a comment), run001.log 4 (its
        // own name in the header), run001.truth.json 1; the eclipse times file holds none.
        String needle = "run001";
        Map<String, Integer> expected = new TreeMap<>();
        try (Stream<Path> s = Files.list(work)) {
            for (Path f : s.filter(Files::isRegularFile).toList()) {
                String text = new String(Files.readAllBytes(f), StandardCharsets.ISO_8859_1);
                int n = 0;
                for (int at = text.indexOf(needle); at >= 0; at = text.indexOf(needle, at + needle.length())) {
                    n++;
                }
                if (n > 0) {
                    expected.put(f.getFileName().toString(), n);
                }
            }
        }
        int expectedTotal = expected.values().stream().mapToInt(Integer::intValue).sum();
        assertTrue(expectedTotal >= 4 && expected.containsKey("calphot.yaml") && expected.containsKey("run001.log"),
                "the demo should name its run in the config and the log: " + expected);

        // Search > File... with "run001", file name pattern *, scope: the project (what the dialog builds)
        TextSearchInput input = new TextSearchInput() {
            @Override
            public String getSearchText() {
                return needle;
            }

            @Override
            public boolean isCaseSensitiveSearch() {
                return true;
            }

            @Override
            public boolean isRegExSearch() {
                return false;
            }

            @Override
            public FileTextSearchScope getScope() {
                return FileTextSearchScope.newSearchScope(new IResource[] {project}, new String[] {"*"}, false);
            }
        };
        ISearchQuery query = TextSearchQueryProvider.getPreferred().createQuery(input);
        IStatus st = NewSearchUI.runQueryInForeground(page.getWorkbenchWindow(), query);
        assertTrue(st.isOK(), st.toString());
        Ui.settle();
        AbstractTextSearchResult result = assertInstanceOf(AbstractTextSearchResult.class, query.getSearchResult());
        Map<String, Integer> found = new TreeMap<>();
        for (Object e : result.getElements()) {
            IFile f = assertInstanceOf(IFile.class, e);
            found.put(f.getName(), result.getMatchCount(f));
        }
        assertEquals(expected, found, "matches per file");
        assertEquals(expectedTotal, result.getMatchCount());
        // the Search view labels the project with the platform's label provider: the project icon (with the calphot
        // nature's overlay) must exist, or every search shows "Multiple problems have occurred"
        org.eclipse.ui.model.WorkbenchLabelProvider lp = new org.eclipse.ui.model.WorkbenchLabelProvider();
        try {
            assertNotNull(lp.getImage(project), "the project's icon in the Search view");
        } finally {
            lp.dispose();
        }
        // the results are in the platform's Search view
        assertNotNull(page.findView(NewSearchUI.SEARCH_VIEW_ID), "the Search view shows the result");
        Ui.screenshot(shell, "search-file-run001");
        page.hideView(page.findView(NewSearchUI.SEARCH_VIEW_ID));
    }

    @Test
    void teamFrameworkIsThereForRepositoryProvidersToInstallInto() throws Exception {
        IWorkbenchPage page = PlatformUI.getWorkbench().getActiveWorkbenchWindow().getActivePage();
        // EGit registers its provider and Share Project wizard through these extension points
        for (String point : new String[] {"org.eclipse.team.core.repository", "org.eclipse.team.ui.configurationWizards"}) {
            assertNotNull(Platform.getExtensionRegistry().getExtensionPoint(point), "no extension point " + point);
        }
        // a project without a provider is not shared (the Team menu then offers Share Project...)
        Path work = Ui.demoCopy("team");
        IProject project = assertInstanceOf(IProject.class, Projects.open(work, null));
        assertEquals(null, RepositoryProvider.getProvider(project));
        // the History view (local history today; git history once EGit is installed)
        var history = page.showView("org.eclipse.team.ui.GenericHistoryView");
        assertNotNull(history);
        Ui.settle();
        page.hideView(history);
    }
}
