// SPDX-License-Identifier: EPL-2.0 OR GPL-2.0-or-later
// Copyright (c) 2026 the calphot contributors
package org.calphot.ui.internal.plot;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Adds entries to a config's {@code mask points} block as text, so comments and layout of the rest survive: the
 * block and the log's key are created when missing (block style, two-space indent, as calphot writes them).
 */
final class MaskText {

    private MaskText() {
    }

    static String add(String text, String log, List<String> entries) {
        List<String> lines = new ArrayList<>(List.of(text.split("\n", -1)));
        if (!lines.isEmpty() && lines.get(lines.size() - 1).isEmpty()) {
            lines.remove(lines.size() - 1);
        }
        List<String> items = entries.stream().map(e -> "    - " + e).toList();
        int block = -1;
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).toLowerCase(Locale.ROOT).matches("mask points\\s*:\\s*(#.*)?")) {
                block = i;
            }
        }
        if (block < 0) {
            lines.add("mask points:   # frames marked bad in the workbench (calphot run leaves them out)");
            lines.add("  " + log + ":");
            lines.addAll(items);
            return String.join("\n", lines) + "\n";
        }
        int end = block + 1;
        while (end < lines.size() && (lines.get(end).startsWith(" ") || lines.get(end).isBlank())) {
            end++;
        }
        for (int i = block + 1; i < end; i++) {
            String l = lines.get(i);
            if (l.startsWith("  ") && !l.startsWith("   ") && l.strip().startsWith(log + ":")) {
                int after = i + 1;
                while (after < end && lines.get(after).startsWith("   ")) {
                    after++;
                }
                lines.addAll(after, items);
                return String.join("\n", lines) + "\n";
            }
        }
        List<String> add = new ArrayList<>();
        add.add("  " + log + ":");
        add.addAll(items);
        lines.addAll(block + 1, add);
        return String.join("\n", lines) + "\n";
    }
}
