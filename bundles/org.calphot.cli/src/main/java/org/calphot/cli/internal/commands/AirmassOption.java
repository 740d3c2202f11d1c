// SPDX-License-Identifier: EPL-2.0 OR GPL-2.0-or-later
// Copyright (c) 2026 the calphot contributors
package org.calphot.cli.internal.commands;

import org.calphot.core.time.AirmassFormula;

import picocli.CommandLine.Option;

/** {@code --airmass FORMULA}, shared by extinction, comparison-mags and time (one name, default and help). */
final class AirmassOption {

    @Option(names = "--airmass", paramLabel = "FORMULA", defaultValue = "PLANE_PARALLEL",
            description = "Airmass formula: ${COMPLETION-CANDIDATES} (default ${DEFAULT-VALUE}).")
    AirmassFormula formula;
}
