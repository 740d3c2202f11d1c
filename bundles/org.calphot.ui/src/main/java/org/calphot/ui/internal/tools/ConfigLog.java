// SPDX-License-Identifier: EPL-2.0 OR GPL-2.0-or-later
// Copyright (c) 2026 the calphot contributors
package org.calphot.ui.internal.tools;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import org.calphot.config.ConfigReader;
import org.calphot.config.LogSpec;
import org.calphot.core.CalphotException;
import org.calphot.core.Warnings;
import org.calphot.ui.internal.UiPlugin;

/**
 * What the config naming a log says about it, read with the pipeline's own config reader: the bands of its CCDs
 * and its comparison apertures, so an analysis labels and picks them as {@code calphot run} does.
 */
final class ConfigLog {

    private ConfigLog() {
    }

    /** The config's entry for a log; empty when there is no config, it does not name the log or is invalid. */
    static Optional<LogSpec> of(Path config, Path log) {
        if (config == null) {
            return Optional.empty();
        }
        try {
            Path want = log.toAbsolutePath().normalize();
            return new ConfigReader(UiPlugin.services().sites(), Warnings.IGNORE).read(config).payloads().stream()
                    .flatMap(p -> p.logs().stream())
                    .filter(s -> s.log().toAbsolutePath().normalize().equals(want)).findFirst();
        } catch (CalphotException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** Bands in CCD order as the config gives magnitudes for them; empty when it does not. */
    static List<String> bands(Path config, Path log) {
        return of(config, log).map(LogSpec::bands).orElse(List.of());
    }

    /**
     * The comparison apertures "2,3,..." of a log the config gives magnitudes for (cal_phot: aperture 1 is the
     * target, the magnitudes are the comparisons 2..n+1 in order); "" when it does not say.
     */
    static String comparisons(Path config, Path log) {
        int n = of(config, log).map(s -> s.bandMagnitudes().values().stream().mapToInt(m -> m.length).max()
                .orElse(0)).orElse(0);
        StringBuilder sb = new StringBuilder();
        for (int a = 2; a <= n + 1; a++) {
            sb.append(sb.length() == 0 ? "" : ",").append(a);
        }
        return sb.toString();
    }
}
