package org.calphot.cli.internal.commands;

import java.nio.file.Path;

import picocli.CommandLine.Option;

/** {@code --out DIR} of the commands that run a config (run, watch): it replaces the config's 'directory'. */
final class OutputFolderOption {

    @Option(names = "--out", paramLabel = "DIR", description = "Output folder; replaces the config's 'directory'.")
    Path out;
}
