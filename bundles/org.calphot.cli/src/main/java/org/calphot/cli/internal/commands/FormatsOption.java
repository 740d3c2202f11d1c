// SPDX-License-Identifier: EPL-2.0 OR GPL-2.0-or-later
// Copyright (c) 2026 the calphot contributors
package org.calphot.cli.internal.commands;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.calphot.config.OutputFormat;
import org.calphot.core.BadInputException;
import org.calphot.core.Location;

import picocli.CommandLine.Option;

/** {@code --formats LIST} of the commands that run a config (run, watch). */
final class FormatsOption {

    @Option(names = "--formats", paramLabel = "LIST", split = ",",
            description = "Lightcurve formats to write: calib,csv,fits,lcurve (replaces 'output formats').")
    List<String> formats;

    /** The formats asked for, or null when the option is absent (the config's 'output formats' then apply). */
    Set<OutputFormat> parsed() throws BadInputException {
        if (formats == null) {
            return null;
        }
        Set<OutputFormat> fmt = EnumSet.noneOf(OutputFormat.class);
        for (String f : formats) {
            OutputFormat o = OutputFormat.of(f);
            if (o == null) {
                throw new BadInputException("unknown format '" + f + "' (use calib, csv, fits, lcurve)",
                        Location.key(null, 0, "--formats"));
            }
            fmt.add(o);
        }
        return fmt;
    }
}
