package org.calphot.cli.internal.commands;

import java.util.List;

import picocli.CommandLine.Option;

/** {@code --formats LIST} of the commands that run a config (run, watch). */
final class FormatsOption {

    @Option(names = "--formats", paramLabel = "LIST", split = ",",
            description = "Lightcurve formats to write: calib,csv,fits,lcurve (replaces 'output formats').")
    List<String> formats;
}
