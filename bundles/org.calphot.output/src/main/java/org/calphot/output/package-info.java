// SPDX-License-Identifier: EPL-2.0 OR GPL-2.0-or-later
// Copyright (c) 2026 the calphot contributors
/**
 * The writers of a run's outputs: .calib, CSV, FITS and lcurve lightcurves, Calibration.txt, the observing log and
 * provenance.json.
 *
 * <p>The version is the one exported in META-INF/MANIFEST.MF (authoritative for pomless Tycho); the two
 * are kept equal by {@code PackageVersionsTest}.
 */
@org.osgi.annotation.versioning.Version("1.1.0")
package org.calphot.output;
