// SPDX-License-Identifier: EPL-2.0 OR GPL-2.0-or-later
// Copyright (c) 2026 the calphot contributors
package org.calphot.cli.internal.commands;

import picocli.CommandLine.Option;

/** {@code --json} of the listing commands (catalogue list, query, compare; plugins list). */
final class JsonOption {

    @Option(names = "--json", description = "Machine-readable output.")
    boolean json;
}
