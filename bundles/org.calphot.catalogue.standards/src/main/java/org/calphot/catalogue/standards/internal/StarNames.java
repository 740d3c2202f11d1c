// SPDX-License-Identifier: EPL-2.0 OR GPL-2.0-or-later
// Copyright (c) 2026 the calphot contributors
package org.calphot.catalogue.standards.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * Forgiving star-name comparison: "SA 114 548", "SA114-548" and "sa 114  548" are one star;
 * "BD+71 0031" and "BD+71 31" too. A '+' is kept (it is a declination sign in BD+17 4708 or
 * WD0004+330); a '-' is treated as a separator only at the loose level, and only a unique loose
 * match is accepted.
 */
final class StarNames {

    private StarNames() {
    }

    /** Strict key: upper case without blanks, underscores and dots. */
    static String strict(String name) {
        return name.toUpperCase(Locale.ROOT).replaceAll("[\\s_.]+", "");
    }

    /** Loose key: letter runs, digit runs without leading zeros, and '+' signs; all else dropped. */
    static String loose(String name) {
        StringBuilder sb = new StringBuilder();
        String s = name.toUpperCase(Locale.ROOT);
        int i = 0;
        while (i < s.length()) {
            char c = s.charAt(i);
            int j = i + 1;
            if (Character.isLetter(c)) {
                while (j < s.length() && Character.isLetter(s.charAt(j))) {
                    j++;
                }
                sb.append(s, i, j).append('|');
            } else if (Character.isDigit(c)) {
                while (j < s.length() && Character.isDigit(s.charAt(j))) {
                    j++;
                }
                String digits = s.substring(i, j).replaceFirst("^0+(?=\\d)", "");
                sb.append(digits).append('|');
            } else if (c == '+') {
                sb.append("+|");
            }
            i = j;
        }
        return sb.toString();
    }

    /** Loosest key: letters, digits and '+' only, digit runs joined ("BD+66 1071" = "BD+661071"). */
    static String joined(String name) {
        return name.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9+]", "");
    }

    static int distance(String a, String b) {
        return org.calphot.core.util.EditDistance.levenshtein(a, b);
    }

    /** Up to three names closest to {@code query}, for "did you mean". */
    static List<String> suggestions(String query, List<String> names) {
        String q = strict(query);
        List<String> sorted = new ArrayList<>(names);
        sorted.sort(Comparator.comparingInt((String n) -> distance(q, strict(n))).thenComparing(n -> n));
        return sorted.subList(0, Math.min(3, sorted.size()));
    }
}
