// SPDX-License-Identifier: EPL-2.0 OR GPL-2.0-or-later
// Copyright (c) 2026 the calphot contributors
package org.calphot.pipeline;

import org.calphot.core.util.SourceDate;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Fixes the time stamped into outputs (provenance, PDF and FITS dates) through SOURCE_DATE_EPOCH for each test, so
 * that runs written seconds apart can be compared byte for byte; cleared after the test.
 */
final class FixedSourceDate implements BeforeEachCallback, AfterEachCallback {

    @Override
    public void beforeEach(ExtensionContext context) {
        System.setProperty(SourceDate.VARIABLE, "1710457200");
    }

    @Override
    public void afterEach(ExtensionContext context) {
        System.clearProperty(SourceDate.VARIABLE);
    }
}
