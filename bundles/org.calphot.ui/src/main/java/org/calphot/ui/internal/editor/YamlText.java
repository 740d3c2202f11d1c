// SPDX-License-Identifier: EPL-2.0 OR GPL-2.0-or-later
// Copyright (c) 2026 the calphot contributors
package org.calphot.ui.internal.editor;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Line-level reading and editing of the simple scalar keys of a cal_phot config, so the form page can change one
 * value without rewriting the file: comments, order and layout stay as the user wrote them.
 */
public final class YamlText {

    private static final Pattern KEY_LINE = Pattern.compile("^(\\s*)([^#:\\s][^#:]*?)\\s*:(\\s*)(.*?)(\\s+#.*)?$");

    private YamlText() {
    }

    /** A key's line: its number (0-based), indentation, key and value text. */
    public record KeyLine(int line, int indent, String key, String value, int valueStart, int valueEnd) {
    }

    /**
     * Finds a key: top-level keys (indent 0) compare case-insensitively like cal_phot; {@code payload = true}
     * looks for the first occurrence of an indented (payload) key, exact case.
     */
    public static KeyLine find(String text, String key, boolean payload) {
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            Matcher m = KEY_LINE.matcher(lines[i]);
            if (!m.matches()) {
                continue;
            }
            int indent = m.group(1).length();
            String k = m.group(2);
            boolean hit = payload ? indent > 0 && k.equals(key)
                    : indent == 0 && k.toLowerCase(Locale.ROOT).equals(key.toLowerCase(Locale.ROOT));
            if (hit) {
                return new KeyLine(i, indent, k, unquote(m.group(4)), m.start(4), m.end(4));
            }
        }
        return null;
    }

    public static String get(String text, String key, boolean payload) {
        KeyLine k = find(text, key, payload);
        return k == null ? null : k.value();
    }

    /**
     * The text with the key's value replaced (a trailing comment is kept). A missing top-level key is added before
     * {@code extract:} (or at the end); a missing payload key is added to the first payload.
     */
    public static String set(String text, String key, boolean payload, String value) {
        String v = quoteIfNeeded(value);
        String[] lines = text.split("\n", -1);
        KeyLine k = find(text, key, payload);
        if (k != null) {
            String l = lines[k.line()];
            lines[k.line()] = l.substring(0, k.valueStart()) + v + l.substring(k.valueEnd());
            return String.join("\n", lines);
        }
        StringBuilder sb = new StringBuilder();
        if (!payload) {
            KeyLine extract = find(text, "extract", false);
            int at = extract == null ? lines.length : extract.line();
            for (int i = 0; i < lines.length; i++) {
                if (i == at) {
                    sb.append(key).append(": ").append(v).append('\n');
                }
                sb.append(lines[i]);
                if (i < lines.length - 1) {
                    sb.append('\n');
                }
            }
            if (at == lines.length) {
                sb.append(text.endsWith("\n") || text.isEmpty() ? "" : "\n").append(key).append(": ").append(v).append('\n');
            }
            return sb.toString();
        }
        // first payload: the first line indented under extract:, then its first key line sets the indent
        KeyLine extract = find(text, "extract", false);
        if (extract == null) {
            return text;
        }
        for (int i = extract.line() + 2; i < lines.length; i++) {
            Matcher m = KEY_LINE.matcher(lines[i]);
            if (m.matches() && m.group(1).length() > 0) {
                String indent = m.group(1);
                StringBuilder out = new StringBuilder();
                for (int j = 0; j < lines.length; j++) {
                    if (j == i) {
                        out.append(indent).append(key).append(": ").append(v).append('\n');
                    }
                    out.append(lines[j]);
                    if (j < lines.length - 1) {
                        out.append('\n');
                    }
                }
                return out.toString();
            }
        }
        return text;
    }

    static String unquote(String v) {
        String s = v.strip();
        if (s.length() >= 2 && (s.startsWith("'") && s.endsWith("'") || s.startsWith("\"") && s.endsWith("\""))) {
            return s.substring(1, s.length() - 1);
        }
        return s;
    }

    static String quoteIfNeeded(String v) {
        String s = v.strip();
        if (s.isEmpty() || s.matches(".*[#:{}\\[\\],&*!|>'\"%@`].*") && !s.matches("-?[0-9.eE+-]+")
                && !s.matches("[0-9:.+\\- ]+")) {
            return "'" + s.replace("'", "''") + "'";
        }
        return s;
    }
}
