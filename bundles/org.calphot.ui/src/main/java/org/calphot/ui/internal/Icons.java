// SPDX-License-Identifier: EPL-2.0 OR GPL-2.0-or-later
// Copyright (c) 2026 the calphot contributors
package org.calphot.ui.internal;

import java.net.URL;
import java.util.HashMap;
import java.util.Map;

import org.eclipse.jface.resource.ImageDescriptor;
import org.eclipse.swt.graphics.Image;
import org.eclipse.swt.widgets.Display;
import org.osgi.framework.Bundle;
import org.osgi.framework.FrameworkUtil;

/** The bundle's 16 px icons, loaded once per display and disposed with it. */
public final class Icons {

    public static final String LOG = "log";
    public static final String COORDS = "coords";
    public static final String CONFIG = "config";
    public static final String LIGHTCURVE = "lightcurve";
    public static final String FIGURE = "figure";
    public static final String FOLDER = "folder";
    public static final String NIGHT = "night";
    public static final String RUN_GROUP = "run_group";
    public static final String OTHER = "other";
    public static final String RUN = "run";
    public static final String FIT = "fit";
    /** A folder of calphot outputs (a run's output folder and the folders in it). */
    public static final String OUTPUTS = "outputs";

    private static final Map<String, Image> CACHE = new HashMap<>();

    private Icons() {
    }

    public static ImageDescriptor descriptor(String name) {
        Bundle b = FrameworkUtil.getBundle(Icons.class);
        URL url = b == null ? Icons.class.getResource("/icons/" + name + ".png") : b.getEntry("icons/" + name + ".png");
        return url == null ? ImageDescriptor.getMissingImageDescriptor() : ImageDescriptor.createFromURL(url);
    }

    /** Shared image: do not dispose. UI thread only. */
    public static Image get(String name) {
        return CACHE.computeIfAbsent(name, n -> {
            Display d = Display.getCurrent();
            Image img = descriptor(n).createImage(false, d);
            if (img == null) {
                return null;
            }
            d.disposeExec(() -> {
                img.dispose();
                CACHE.remove(n);
            });
            return img;
        });
    }
}
