/**
 * cal_phot YAML configurations read and validated into a job.
 *
 * <p>The version is the one exported in META-INF/MANIFEST.MF (authoritative for pomless Tycho); the two
 * are kept equal by {@code PackageVersionsTest}.
 */
@org.osgi.annotation.versioning.Version("1.1.0")
package org.calphot.config;
