// SPDX-License-Identifier: EPL-2.0 OR GPL-2.0-or-later
// Copyright (c) 2026 the calphot contributors
/**
 * Standard-star catalogue: the magnitude systems of the shipped flux-standard tables and its public factory.
 *
 * <p>The version is the one exported in META-INF/MANIFEST.MF (authoritative for pomless Tycho); the two
 * are kept equal by {@code PackageVersionsTest}.
 */
@org.osgi.annotation.versioning.Version("1.0.0")
package org.calphot.catalogue.standards;
