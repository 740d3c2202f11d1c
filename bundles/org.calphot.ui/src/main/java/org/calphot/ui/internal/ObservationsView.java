package org.calphot.ui.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

import org.eclipse.jface.viewers.ITreeContentProvider;
import org.eclipse.jface.viewers.LabelProvider;
import org.eclipse.jface.viewers.TreeViewer;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.ui.part.ViewPart;

/**
 * A folder of observations: logs, coords files, configs and outputs, by folder. The folder is the
 * {@code calphot.observations} system property, else the working directory.
 */
public final class ObservationsView extends ViewPart {

    private TreeViewer viewer;

    /** What a file is to calphot, judged by its name. */
    enum Kind {
        LOG, COORDS, CONFIG, LIGHTCURVE, FOLDER, OTHER;

        static Kind of(Path p) {
            if (Files.isDirectory(p)) {
                return FOLDER;
            }
            String n = p.getFileName().toString().toLowerCase(Locale.ROOT);
            if (n.endsWith(".log") || n.endsWith(".fits")) {
                return LOG;
            }
            if (n.endsWith(".coords")) {
                return COORDS;
            }
            if (n.endsWith(".yaml") || n.endsWith(".yml")) {
                return CONFIG;
            }
            if (n.endsWith(".calib") || n.endsWith(".csv")) {
                return LIGHTCURVE;
            }
            return OTHER;
        }
    }

    @Override
    public void createPartControl(Composite parent) {
        viewer = new TreeViewer(parent, SWT.SINGLE | SWT.V_SCROLL | SWT.H_SCROLL);
        viewer.setContentProvider(new ITreeContentProvider() {
            @Override
            public Object[] getElements(Object input) {
                return children((Path) input);
            }

            @Override
            public Object[] getChildren(Object parentElement) {
                return children((Path) parentElement);
            }

            @Override
            public Object getParent(Object element) {
                return ((Path) element).getParent();
            }

            @Override
            public boolean hasChildren(Object element) {
                return Files.isDirectory((Path) element);
            }
        });
        viewer.setLabelProvider(new LabelProvider() {
            @Override
            public String getText(Object element) {
                Path p = (Path) element;
                Kind k = Kind.of(p);
                String name = p.getFileName().toString();
                return k == Kind.FOLDER || k == Kind.OTHER ? name : name + "  [" + k.name().toLowerCase(Locale.ROOT) + "]";
            }
        });
        viewer.setInput(root());
    }

    static Path root() {
        return Path.of(System.getProperty("calphot.observations", System.getProperty("user.dir"))).toAbsolutePath();
    }

    static Object[] children(Path dir) {
        if (!Files.isDirectory(dir)) {
            return new Object[0];
        }
        List<Path> out = new ArrayList<>();
        try (Stream<Path> s = Files.list(dir)) {
            s.filter(p -> !p.getFileName().toString().startsWith(".")).forEach(out::add);
        } catch (IOException e) {
            return new Object[0];
        }
        out.sort(Comparator.comparing((Path p) -> !Files.isDirectory(p)).thenComparing(Path::getFileName));
        return out.toArray();
    }

    @Override
    public void setFocus() {
        viewer.getControl().setFocus();
    }
}
