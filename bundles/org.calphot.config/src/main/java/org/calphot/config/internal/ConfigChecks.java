// SPDX-License-Identifier: EPL-2.0 OR GPL-2.0-or-later
// Copyright (c) 2026 the calphot contributors
package org.calphot.config.internal;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.BiConsumer;

import org.calphot.core.Location;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * Checks of a config that do not depend on what a key means: a key given twice in any mapping (the
 * top level, case-insensitive, is checked by the reader), over-long or NUL-bearing text, and the
 * names calphot turns into files.
 */
public final class ConfigChecks {

    /** Longest key or value: far above any real path or name, far below what makes checks slow. */
    public static final int MAX_TEXT = 4096;
    /** Longest file name on Linux file systems, in bytes. */
    public static final int MAX_NAME_BYTES = 255;

    private ConfigChecks() {
    }

    /**
     * No line longer than 16 KiB: a config never has one, and the YAML parser takes minutes over a
     * 10 MB line before any check could see it.
     */
    public static void lineLengths(String text, String file) throws org.calphot.core.BadInputException {
        int line = 1;
        int start = 0;
        for (int i = 0; i <= text.length(); i++) {
            if (i == text.length() || text.charAt(i) == '\n') {
                if (i - start > 4 * MAX_TEXT) {
                    throw new org.calphot.core.BadInputException("line of " + (i - start) + " characters (at most "
                            + 4 * MAX_TEXT + "): not a cal_phot config", Location.of(file, line));
                }
                line++;
                start = i + 1;
            }
        }
    }

    /** Walks every node below the top mapping; reports through {@code problem(location, message)}. */
    public static void walk(MappingNode top, String file, BiConsumer<Location, String> problem) {
        for (NodeTuple t : top.getValue()) {
            String k = YamlNodes.keyText(t);
            walk(t.getValueNode(), k, file, problem, 1);
            text(t.getKeyNode(), k, file, problem);
        }
    }

    private static void walk(Node n, String path, String file, BiConsumer<Location, String> problem, int depth) {
        if (depth > 64) {
            return; // the YAML parser limits nesting; this only guards the recursion
        }
        if (n instanceof MappingNode m) {
            Map<String, Integer> seen = new HashMap<>();
            for (NodeTuple t : m.getValue()) {
                String k = YamlNodes.keyText(t);
                String p = path + "." + k;
                Integer first = seen.putIfAbsent(k, YamlNodes.line(t.getKeyNode()));
                if (first != null) {
                    problem.accept(Location.key(file, YamlNodes.line(t.getKeyNode()), p),
                            "key given twice (first on line " + first + "); YAML keeps only one of them");
                }
                text(t.getKeyNode(), p, file, problem);
                walk(t.getValueNode(), p, file, problem, depth + 1);
            }
        } else if (n instanceof SequenceNode s) {
            List<Node> items = s.getValue();
            for (int i = 0; i < items.size(); i++) {
                walk(items.get(i), path + "[" + i + "]", file, problem, depth + 1);
            }
        } else {
            text(n, path, file, problem);
        }
    }

    private static void text(Node n, String path, String file, BiConsumer<Location, String> problem) {
        if (n instanceof ScalarNode s) {
            String v = s.getValue();
            Location at = Location.key(file, YamlNodes.line(n), shorten(path));
            if (v.length() > MAX_TEXT) {
                problem.accept(at, "text of " + v.length() + " characters (at most " + MAX_TEXT + ")");
            } else if (v.indexOf('\0') >= 0) {
                problem.accept(at, "text contains a NUL character");
            }
        }
    }

    /** A key path fit for a message: a 10 MB key is not repeated in full. */
    public static String shorten(String s) {
        return s.length() <= 200 ? s : s.substring(0, 100) + "..." + " (" + s.length() + " characters)";
    }

    /**
     * Why {@code name} cannot be one file name calphot creates inside the output folder, or null:
     * a path (separators, "..", "."), empty, control characters, too long.
     */
    public static String fileNameProblem(String name) {
        if (name.isEmpty() || name.isBlank()) {
            return "is empty";
        }
        if (name.indexOf('/') >= 0 || name.indexOf('\\') >= 0) {
            return "contains a path separator; it must be a plain file name";
        }
        if (name.equals(".") || name.equals("..")) {
            return "is '" + name + "', not a file name";
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c < 0x20 || c == 0x7f) {
                return "contains a control character (" + String.format(Locale.ROOT, "U+%04X", (int) c)
                        + "); tabs, NUL and line breaks cannot be in a file name calphot writes";
            }
        }
        if (name.getBytes(StandardCharsets.UTF_8).length > MAX_NAME_BYTES) {
            return "is longer than " + MAX_NAME_BYTES + " bytes, the longest file name a file system holds";
        }
        return null;
    }

    /** Top-level names of an output folder that calphot owns (lower case; plus .calphot* and run-N). */
    public static final java.util.Set<String> RESERVED = java.util.Set.of("mcmc_lightcurves", "ephemeris",
            "calibration.txt", "provenance.json");

    public static boolean reserved(String name) {
        String n = name.toLowerCase(Locale.ROOT);
        return RESERVED.contains(n) || n.startsWith(".calphot") || n.matches("run-[0-9]+");
    }

    /** A YAML node as YAML flow text (for a complex key in a message). */
    public static String flow(Node n) {
        if (n instanceof ScalarNode s) {
            return s.getValue();
        }
        StringBuilder sb = new StringBuilder();
        if (n instanceof SequenceNode s) {
            sb.append('[');
            for (int i = 0; i < s.getValue().size(); i++) {
                sb.append(i == 0 ? "" : ", ").append(flow(s.getValue().get(i)));
            }
            return sb.append(']').toString();
        }
        if (n instanceof MappingNode m) {
            sb.append('{');
            for (int i = 0; i < m.getValue().size(); i++) {
                NodeTuple t = m.getValue().get(i);
                sb.append(i == 0 ? "" : ", ").append(flow(t.getKeyNode())).append(": ").append(flow(t.getValueNode()));
            }
            return sb.append('}').toString();
        }
        return String.valueOf(n);
    }
}
