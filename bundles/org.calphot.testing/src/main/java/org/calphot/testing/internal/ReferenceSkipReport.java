// SPDX-License-Identifier: EPL-2.0 OR GPL-2.0-or-later
// Copyright (c) 2026 the calphot contributors
package org.calphot.testing.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.stream.Stream;

import org.calphot.testing.ReferenceData;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;

/**
 * Counts the tests skipped because the unlicensed reference data is absent and prints one line per module at the end
 * of its test run, with the running total of the build (kept in {@code <root>/target/calphot-reference-skips/}, one
 * file per module; {@code -Dcalphot.root} is the checkout). Registered through
 * {@code META-INF/services/org.junit.platform.launcher.TestExecutionListener}.
 */
public final class ReferenceSkipReport implements TestExecutionListener {

    private TestPlan plan;
    private long skipped;

    @Override
    public void testPlanExecutionStarted(TestPlan testPlan) {
        plan = testPlan;
        skipped = 0;
    }

    @Override
    public void executionFinished(TestIdentifier id, TestExecutionResult result) {
        if (result.getStatus() != TestExecutionResult.Status.ABORTED) {
            return;
        }
        Optional<String> msg = result.getThrowable().map(Throwable::getMessage);
        if (msg.isEmpty() || !msg.get().startsWith(ReferenceData.MISSING)) {
            return;
        }
        // an aborted class skips all its tests at once
        skipped += id.isTest() ? 1 : Math.max(1, plan.getDescendants(id).stream().filter(TestIdentifier::isTest).count());
    }

    @Override
    public void testPlanExecutionFinished(TestPlan testPlan) {
        if (ReferenceData.unlicensedPresent() && skipped == 0) {
            return;
        }
        Path cwd = Path.of(System.getProperty("user.dir")).toAbsolutePath();
        String module = cwd.getFileName().toString();
        long total = skipped;
        String root = System.getProperty("calphot.root");
        if (root != null) {
            Path dir = Path.of(root, "target", "calphot-reference-skips");
            try {
                Files.createDirectories(dir);
                Files.writeString(dir.resolve(module), Long.toString(skipped), StandardCharsets.US_ASCII);
                total = 0;
                try (Stream<Path> files = Files.list(dir)) {
                    for (Path f : (Iterable<Path>) files::iterator) {
                        total += Long.parseLong(Files.readString(f, StandardCharsets.US_ASCII).trim());
                    }
                }
            } catch (IOException | NumberFormatException e) {
                // the count of this module is still printed
            }
        }
        System.out.println("[calphot] " + module + ": " + skipped + " tests skipped for missing reference data"
                + (root != null ? " (" + total + " so far in this build)" : "") + ": "
                + ReferenceData.missingMessage());
    }
}
