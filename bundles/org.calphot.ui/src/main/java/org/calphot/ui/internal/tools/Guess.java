// SPDX-License-Identifier: EPL-2.0 OR GPL-2.0-or-later
// Copyright (c) 2026 the calphot contributors
package org.calphot.ui.internal.tools;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.calphot.ui.internal.Prefs;
import org.calphot.ui.internal.editor.YamlText;

/**
 * Defaults for the analysis dialogs from the cal_phot config that names a log (in the log's folder or the two
 * above it), else any config there: the target position, the observatory and the ephemeris. The user confirms
 * or edits them; nothing is run on a guess alone.
 */
public record Guess(String site, String target, String t0, String period, Path config, Path outDir,
        String comparisons) {

    public static Guess of(Path log) {
        String name = log.getFileName().toString();
        List<String> texts = new ArrayList<>();
        List<Path> files = new ArrayList<>();
        Path dir = log.toAbsolutePath().getParent();
        for (int up = 0; up < 3 && dir != null; up++, dir = dir.getParent()) {
            try (Stream<Path> s = Files.list(dir)) {
                for (Path p : s.filter(f -> f.getFileName().toString().matches(".*\\.ya?ml")).sorted().toList()) {
                    String t = Files.readString(p);
                    if (t.contains(name)) {
                        texts.add(0, t);
                        files.add(0, p);
                    } else {
                        texts.add(t);
                        files.add(p);
                    }
                }
            } catch (IOException | RuntimeException e) {
                // an unreadable folder or file gives no defaults
            }
            if (!texts.isEmpty()) {
                break;
            }
        }
        String text = texts.isEmpty() ? "" : texts.get(0);
        String site = YamlText.get(text, "observatory", true);
        if (site == null || site.isBlank()) {
            site = Prefs.store().getString(Prefs.DEFAULT_SITE);
        }
        Path config = files.isEmpty() ? null : files.get(0);
        Path out = null;
        if (config != null) {
            String d = orEmpty(YamlText.get(text, "directory", false)).replaceAll("^['\"]|['\"]$", "");
            // as calphot run: the config's output folder, relative to the config file
            out = config.toAbsolutePath().getParent().resolve(d.isEmpty() ? "." : d).normalize();
        }
        return new Guess(site, commandLinePosition(orEmpty(YamlText.get(text, "target coords", false))),
                orEmpty(YamlText.get(text, "T0", false)), orEmpty(YamlText.get(text, "period", false)), config, out,
                config != null && text.contains(name) ? comparisons(text, name) : "");
    }

    /**
     * The comparison apertures of a log the config names with magnitudes: cal_phot's aperture 1 is the target and
     * the magnitudes list one comparison each, so 2..n+1; "" when the config does not say.
     */
    static String comparisons(String text, String log) {
        for (String line : text.split("\n")) {
            String l = line.strip();
            if (l.startsWith(log + ":")) {
                java.util.regex.Matcher m = java.util.regex.Pattern.compile("\\[([^\\]]*)\\]").matcher(l);
                if (m.find()) {
                    int n = 1 + (int) m.group(1).chars().filter(c -> c == ',').count(); // items of the flow list
                    StringBuilder sb = new StringBuilder();
                    for (int a = 2; a <= n + 1; a++) {
                        sb.append(sb.length() == 0 ? "" : ",").append(a);
                    }
                    return sb.toString();
                }
            }
        }
        return "";
    }

    /**
     * The config's position as the commands take it: a config's bare decimal RA is hours (cal_phot), which the
     * commands refuse as ambiguous, so it is handed over in sexagesimal.
     */
    static String commandLinePosition(String configText) {
        try {
            org.calphot.core.time.SkyPosition.parse(configText, org.calphot.core.Location.NONE,
                    org.calphot.core.time.SkyPosition.DecimalRa.AMBIGUOUS);
            return configText;
        } catch (org.calphot.core.BadInputException ambiguous) {
            try {
                return org.calphot.core.time.SkyPosition.parse(configText, org.calphot.core.Location.NONE,
                        org.calphot.core.time.SkyPosition.DecimalRa.HOURS).toSexagesimal();
            } catch (org.calphot.core.BadInputException bad) {
                return configText;
            }
        }
    }

    private static String orEmpty(String s) {
        return s == null ? "" : s.strip();
    }

    /** "T0 P" when both are known, else "". */
    public String ephemeris() {
        return t0.isEmpty() || period.isEmpty() ? "" : t0 + " " + period;
    }
}
