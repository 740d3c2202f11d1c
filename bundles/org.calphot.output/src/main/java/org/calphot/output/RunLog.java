// SPDX-License-Identifier: EPL-2.0 OR GPL-2.0-or-later
// Copyright (c) 2026 the calphot contributors
package org.calphot.output;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * The decisions of a run in order, as cal_phot's {@code printer()} wrote them to Calibration.txt.
 * Each log gets its own RunLog while logs run in parallel; they are joined in config order.
 */
public final class RunLog {

    private final List<String> lines = new ArrayList<>();
    private final Consumer<String> echo;

    public RunLog(Consumer<String> echo) {
        this.echo = echo;
    }

    public synchronized void say(String line) {
        lines.add(line);
        if (echo != null) {
            echo.accept(line);
        }
    }

    public void say(String format, Object... args) {
        say(String.format(java.util.Locale.ROOT, format, args));
    }

    public synchronized void append(RunLog other) {
        lines.addAll(other.lines());
    }

    public synchronized List<String> lines() {
        return List.copyOf(lines);
    }

    /** Calibration.txt: the config verbatim between the original's banners, then every line. */
    public synchronized String calibrationTxt(String configText) {
        String hashes = "#".repeat(37);
        StringBuilder sb = new StringBuilder();
        sb.append(hashes).append("    COPY OF INPUT FILE    ").append(hashes).append('\n');
        sb.append(configText);
        if (!configText.endsWith("\n")) {
            sb.append('\n');
        }
        sb.append('\n').append(hashes).append("    END OF INPUT FILE     ").append(hashes).append("\n\n\n");
        sb.append('\n').append(hashes).append(" BEGIN CALIBRATION OUTPUT ").append(hashes).append('\n');
        for (String l : lines) {
            sb.append(l).append('\n');
        }
        return sb.toString();
    }
}
