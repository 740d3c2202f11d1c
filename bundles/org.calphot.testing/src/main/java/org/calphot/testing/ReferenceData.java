// SPDX-License-Identifier: EPL-2.0 OR GPL-2.0-or-later
// Copyright (c) 2026 the calphot contributors
package org.calphot.testing;

import java.nio.file.Files;
import java.nio.file.Path;

import org.opentest4j.AssertionFailedError;
import org.opentest4j.TestAbortedException;

/**
 * Where tests find their reference data, in one place.
 * <ul>
 * <li>{@link #committed}: data whose licence allows redistribution, committed in {@code org.calphot.testing/data}
 * (origin, licence and citation of each file in {@code data/NOTICE}); always present.</li>
 * <li>{@link #unlicensed}: data that may not be committed (the real *CAM logs, cal_phot's outputs of them, edited
 * third-party tables), read from {@code ../shared/data/reference} beside the checkout. When that folder is absent
 * the test is skipped (a JUnit assumption with {@link #MISSING} and the folder in its message, counted and printed
 * per module by {@code ReferenceSkipReport}); with {@code -Dcalphot.shared.required=true} (CI) it fails instead.</li>
 * </ul>
 * System properties: {@code calphot.shared} (the {@code shared} folder, default {@code ../../../shared} from a
 * bundle folder), {@code calphot.shared.required}, {@code calphot.testdata} (default
 * {@code ../org.calphot.testing/data}); the build sets all three.
 */
public final class ReferenceData {

    /** Start of the message of every test skipped for missing reference data (the skip report counts these). */
    public static final String MISSING = "reference data not found";

    private ReferenceData() {
    }

    /** The {@code shared} folder ({@code -Dcalphot.shared}). */
    public static Path sharedFolder() {
        return Path.of(System.getProperty("calphot.shared", "../../../shared"));
    }

    /** The folder of the unlicensed reference data, {@code <shared>/data/reference}. */
    public static Path referenceFolder() {
        return sharedFolder().resolve("data/reference");
    }

    /** True when missing unlicensed data must fail the test instead of skipping it (CI). */
    public static boolean required() {
        return Boolean.getBoolean("calphot.shared.required");
    }

    /** True when the unlicensed reference folder is there. */
    public static boolean unlicensedPresent() {
        return Files.isDirectory(referenceFolder());
    }

    /**
     * A file or folder of the unlicensed reference data, relative to {@code <shared>/data/reference}. Skips the calling
     * test when the reference folder is absent (fails with {@code calphot.shared.required}); fails when the folder is
     * there but the file is not (a damaged copy is an error, not a reason to skip).
     */
    public static Path unlicensed(String relative) {
        assumeUnlicensed();
        Path p = referenceFolder().resolve(relative);
        if (!Files.exists(p)) {
            throw new AssertionFailedError("reference file missing from " + referenceFolder().toAbsolutePath().normalize()
                    + ": " + relative);
        }
        return p;
    }

    /** Skips (or, when required, fails) the calling test unless the unlicensed reference folder is present. */
    public static void assumeUnlicensed() {
        if (unlicensedPresent()) {
            return;
        }
        String msg = missingMessage();
        if (required()) {
            throw new AssertionFailedError(msg + " [-Dcalphot.shared.required=true: these tests may not be skipped]");
        }
        throw new TestAbortedException(msg);
    }

    /** The one message of a skip for missing reference data. */
    public static String missingMessage() {
        return MISSING + " at " + referenceFolder().toAbsolutePath().normalize()
                + " (real logs and outputs that may not be committed; point the tests at a copy with"
                + " -Dcalphot.shared=DIR, DIR holding data/reference)";
    }

    /** A committed reference file, relative to {@code org.calphot.testing/data} (see {@code data/NOTICE}). */
    public static Path committed(String relative) {
        Path p = committedFolder().resolve(relative);
        if (!Files.exists(p)) {
            throw new AssertionFailedError("committed test data missing: " + p.toAbsolutePath().normalize()
                    + " (set -Dcalphot.testdata to org.calphot.testing/data)");
        }
        return p;
    }

    /** {@code org.calphot.testing/data} ({@code -Dcalphot.testdata}). */
    public static Path committedFolder() {
        return Path.of(System.getProperty("calphot.testdata", "../org.calphot.testing/data"));
    }
}
