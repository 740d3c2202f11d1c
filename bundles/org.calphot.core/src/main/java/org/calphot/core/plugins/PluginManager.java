// SPDX-License-Identifier: EPL-2.0 OR GPL-2.0-or-later
// Copyright (c) 2026 the calphot contributors
package org.calphot.core.plugins;

import java.nio.file.Path;
import java.util.List;

import org.calphot.core.CalphotException;
import org.calphot.core.ProgressMonitor;

/**
 * Installs and uninstalls optional features (catalogues, filter systems) of the running product from a
 * p2 repository. A change is written to the product's configuration and takes effect at the NEXT start
 * of the product: the running one keeps the bundles it started with.
 */
public interface PluginManager {

    /** The features of the running product: its base features and the ones installed later. */
    List<Plugin> installed() throws CalphotException;

    /** The features a repository offers (a folder or a .zip of a p2 repository). */
    List<Plugin> available(Path repository) throws CalphotException;

    /**
     * Installs a feature (id with or without the {@code .feature.group} suffix; the newest version in the
     * repository) and what it needs from the repository.
     */
    Change install(Path repository, String featureId, ProgressMonitor monitor) throws CalphotException;

    /** Uninstalls a feature installed with {@link #install}; base features of the product cannot be removed. */
    Change uninstall(String featureId, ProgressMonitor monitor) throws CalphotException;

    /**
     * A feature.
     *
     * @param id       feature id without the {@code .feature.group} suffix
     * @param version  its version
     * @param name     its label
     * @param optional true when it was installed by the user (so it can be uninstalled), false for a base feature
     */
    record Plugin(String id, String version, String name, boolean optional) {
    }

    /**
     * What an install or uninstall did.
     *
     * @param feature the feature added or removed
     * @param added   installable units added to the product (bundles and features, "id version")
     * @param removed installable units removed
     * @param restart always true: the change is seen by the next start
     */
    record Change(Plugin feature, List<String> added, List<String> removed, boolean restart) {
    }
}
