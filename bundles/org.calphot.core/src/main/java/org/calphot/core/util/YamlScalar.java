// SPDX-License-Identifier: EPL-2.0 OR GPL-2.0-or-later
// Copyright (c) 2026 the calphot contributors
package org.calphot.core.util;

import java.util.Set;
import java.util.regex.Pattern;

/**
 * calphot's one quoting helper for the YAML it writes (the {@code simulate} config, the {@code comparison-mags}
 * block): a value stays plain when a YAML 1.1 reader (snakeyaml, what the config reader uses) reads it back as the
 * same string in a block value and in a flow mapping key, otherwise it is quoted. So {@code V* DP Leo #2}, a path
 * with {@code ": "} or {@code 'yes'} round-trip, and the values calphot wrote before keep their bytes.
 */
public final class YamlScalar {

    /** YAML 1.1 booleans and nulls (snakeyaml's resolver): plain they would not read back as strings. */
    private static final Set<String> RESERVED = Set.of("y", "Y", "yes", "Yes", "YES", "n", "N", "no", "No", "NO",
            "true", "True", "TRUE", "false", "False", "FALSE", "on", "On", "ON", "off", "Off", "OFF", "~", "null",
            "Null", "NULL", "=", "<<");

    /** Starts like a timestamp, which may hold spaces ({@code 2001-12-14 21:59:43.10 -5}). */
    private static final Pattern TIMESTAMP = Pattern.compile("^[0-9]{4}-[0-9]{1,2}-.*");

    private YamlScalar() {
    }

    /** {@code s} plain, or single-quoted, or double-quoted with escapes when it holds control characters. */
    public static String of(String s) {
        if (isPlainSafe(s)) {
            return s;
        }
        boolean control = false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            control |= c < 0x20 || c == 0x7f || Character.isISOControl(c) || c == '\u2028' || c == '\u2029'
                    || c == '\ufeff';
        }
        if (!control) {
            return "'" + s.replace("'", "''") + "'";
        }
        StringBuilder sb = new StringBuilder(s.length() + 8).append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\t' -> sb.append("\\t");
                case '\r' -> sb.append("\\r");
                default -> {
                    if (c < 0x20 || c == 0x7f || Character.isISOControl(c) || c == '\u2028' || c == '\u2029'
                            || c == '\ufeff') {
                        sb.append(String.format("\\u%04x", (int) c));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        return sb.append('"').toString();
    }

    /** Plain is safe in block and flow context: conservative, quoting more than needed is harmless. */
    static boolean isPlainSafe(String s) {
        if (s.isEmpty() || RESERVED.contains(s) || TIMESTAMP.matcher(s).matches()) {
            return false;
        }
        char first = s.charAt(0);
        char last = s.charAt(s.length() - 1);
        if ("-?:,[]{}#&*!|>'\"%@` \t".indexOf(first) >= 0 || last == ' ' || last == ':') {
            return false;
        }
        boolean space = false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x20 || c == 0x7f || Character.isISOControl(c) || c == '\u2028' || c == '\u2029' || c == '\ufeff'
                    || c == '\ufffe' || c == '\uffff' || Character.isSurrogate(c) || ",[]{}\"'\\".indexOf(c) >= 0) {
                return false;
            }
            if (c == ':' && s.charAt(i + 1) == ' ' || c == '#' && s.charAt(i - 1) == ' ') {
                return false; // last != ':' and first != '#', so both neighbours exist
            }
            space |= c == ' ';
        }
        // numbers of YAML 1.1 (ints, floats, base 60, .inf, .nan) have no space and start with one of these
        return space || "+.0123456789".indexOf(first) < 0;
    }
}
