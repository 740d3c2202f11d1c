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
public record Guess(String site, String target, String t0, String period) {

    public static Guess of(Path log) {
        String name = log.getFileName().toString();
        List<String> texts = new ArrayList<>();
        Path dir = log.toAbsolutePath().getParent();
        for (int up = 0; up < 3 && dir != null; up++, dir = dir.getParent()) {
            try (Stream<Path> s = Files.list(dir)) {
                for (Path p : s.filter(f -> f.getFileName().toString().matches(".*\\.ya?ml")).sorted().toList()) {
                    String t = Files.readString(p);
                    if (t.contains(name)) {
                        texts.add(0, t);
                    } else {
                        texts.add(t);
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
        return new Guess(site, commandLinePosition(orEmpty(YamlText.get(text, "target coords", false))),
                orEmpty(YamlText.get(text, "T0", false)), orEmpty(YamlText.get(text, "period", false)));
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
