// SPDX-License-Identifier: EPL-2.0 OR GPL-2.0-or-later
// Copyright (c) 2026 the calphot contributors
package org.calphot.cli.internal.commands;

import java.nio.file.Path;

import picocli.CommandLine.Option;

/** {@code --out DIR} of the commands that run a config (run, watch): it replaces the config's 'directory'. */
final class OutputFolderOption {

    @Option(names = "--out", paramLabel = "DIR", description = "Output folder; replaces the config's 'directory'.")
    Path out;
}
