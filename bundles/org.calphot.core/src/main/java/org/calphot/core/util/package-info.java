/**
 * Small shared helpers: atomic, confined file writes, JSON, Python float formatting, read-error and date helpers.
 *
 * <p>The version is the one exported in META-INF/MANIFEST.MF (authoritative for pomless Tycho); the two
 * are kept equal by {@code PackageVersionsTest}.
 */
@org.osgi.annotation.versioning.Version("1.2.0")
package org.calphot.core.util;
