// SPDX-License-Identifier: EPL-2.0 OR GPL-2.0-or-later
// Copyright (c) 2026 the calphot contributors
/**
 * The one HTTP layer of the remote catalogue clients (SkyServer, the VO services): GETs over okhttp with
 * timeouts, counted retries with back-off, a reply-size cap and failures typed as {@link
 * org.calphot.core.catalogue.CatalogueException.Kind}.
 *
 * <p>The version is the one exported in META-INF/MANIFEST.MF (authoritative for pomless Tycho); the two
 * are kept equal by {@code PackageVersionsTest}.
 */
@org.osgi.annotation.versioning.Version("1.0.0")
package org.calphot.catalogue.http;
