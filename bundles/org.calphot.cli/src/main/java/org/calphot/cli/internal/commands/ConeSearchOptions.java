// SPDX-License-Identifier: EPL-2.0 OR GPL-2.0-or-later
// Copyright (c) 2026 the calphot contributors
package org.calphot.cli.internal.commands;

import org.calphot.core.catalogue.ConeQuery;

import picocli.CommandLine.Option;

/** The search radius and cache folder of {@code catalogue query} and {@code catalogue compare}. */
final class ConeSearchOptions {

    @Option(names = "--radius", paramLabel = "ARCSEC", defaultValue = "" + ConeQuery.DEFAULT_RADIUS_ARCSEC,
            description = "Search radius in arcsec (default: ${DEFAULT-VALUE}).")
    double radius;

    @Option(names = "--cache", paramLabel = "DIR",
            description = "Cache folder (default $CALPHOT_CACHE, $XDG_CACHE_HOME/calphot or ~/.cache/calphot).")
    String cache;
}
