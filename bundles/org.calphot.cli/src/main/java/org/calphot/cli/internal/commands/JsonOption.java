package org.calphot.cli.internal.commands;

import picocli.CommandLine.Option;

/** {@code --json} of the listing commands (catalogue list, query, compare; plugins list). */
final class JsonOption {

    @Option(names = "--json", description = "Machine-readable output.")
    boolean json;
}
