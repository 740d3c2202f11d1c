// SPDX-License-Identifier: EPL-2.0 OR GPL-2.0-or-later
// Copyright (c) 2026 the calphot contributors
package org.calphot.core.time;

import org.calphot.core.BadInputException;
import org.calphot.core.Location;

/**
 * Parses one angle field as users write it: {@code dd:mm:ss.s}, {@code dd mm ss.s},
 * {@code 12h34m56.7s}, {@code -12d34m56.7s}, {@code -12°34'56.7"}, or a decimal number. The sign
 * is read from the text, so {@code -00:30:00} is negative. Errors are located at the 1-based
 * column of the field within the whole string.
 */
public final class Sexagesimal {

    private Sexagesimal() {
    }

    /**
     * A parsed field: its value in the unit the text implies, how many colon/blank fields it had,
     * whether it was negative (also for -00), and the unit letter written ('h' hours, 'd' degrees
     * including the degree sign) or 0 when none was written.
     */
    public record Value(double value, int fields, boolean negative, char unit) {

        /** Whether the field was written in hours: an 'h', or several fields with no unit letter. */
        public boolean inHours() {
            return unit == 'h' || (unit == 0 && fields > 1);
        }
    }

    /**
     * @param field    the text of one angle (no surrounding blanks)
     * @param what     name used in messages ("RA", "Dec", "latitude")
     * @param where    location of the whole string (its column, if known, is where the string starts)
     * @param column   the field's 0-based offset in the string
     */
    public static Value parse(String field, String what, Location where, int column)
            throws BadInputException {
        if (field.isEmpty()) {
            throw error("missing " + what, where, column);
        }
        String s = field;
        boolean negative = false;
        int signLen = 0;
        if (s.charAt(0) == '-' || s.charAt(0) == '+' || s.charAt(0) == '\u2212') {
            negative = s.charAt(0) != '+';
            signLen = 1;
            s = s.substring(1);
        }
        // split on the separators users paste: colon, blank, unit letters, degree/minute/second marks
        String[] parts = s.trim().split("[:\\s]+|(?<=[0-9.])[hHdDmMsS\u00b0'\"\u2032\u2033]+\\s*");
        int n = parts.length;
        if (n > 0 && parts[n - 1].isEmpty()) {
            n--;
        }
        if (n == 0 || n > 3) {
            throw error(what + " '" + field + "' is not an angle (use dd:mm:ss.s or decimal)", where, column);
        }
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            String p = parts[i];
            if (p.isEmpty() || !p.matches("[0-9]*\\.?[0-9]*([eE][-+]?[0-9]+)?") || p.equals(".")) {
                throw error(what + " '" + field + "': '" + p + "' is not a number", where,
                        column + signLen + Math.max(0, s.indexOf(p)));
            }
            v[i] = Double.parseDouble(p);
            if (n > 1 && i < n - 1 && v[i] != Math.rint(v[i])) {
                throw error(what + " '" + field + "': only the last field may have decimals", where,
                        column + signLen + Math.max(0, s.indexOf(p)));
            }
        }
        char unit = field.matches(".*[0-9.][hH].*") ? 'h' : field.matches(".*[0-9.][dD\u00b0].*") ? 'd' : 0;
        if (n > 1) {
            if (v[1] >= 60) {
                throw error(what + " '" + field + "': minutes " + fmt(v[1]) + " must be < 60", where, column);
            }
            if (n == 3 && v[2] >= 60) {
                throw error(what + " '" + field + "': seconds " + fmt(v[2]) + " must be < 60", where, column);
            }
        }
        double value = v[0] + (n > 1 ? v[1] / 60.0 : 0) + (n > 2 ? v[2] / 3600.0 : 0);
        if (!Double.isFinite(value)) {
            throw error(what + " '" + field + "' is not finite", where, column);
        }
        return new Value(negative ? -value : value, n, negative, unit);
    }

    static String fmt(double d) {
        return d == Math.rint(d) && Math.abs(d) < 1e9 ? Long.toString((long) d) : Double.toString(d);
    }

    static BadInputException error(String message, Location where, int column) {
        Location base = where == null ? Location.NONE : where;
        // the base column (1-based) is where the whole string starts; 0 means unknown: count from 1
        int col = base.line() <= 0 ? 0 : (base.column() > 0 ? base.column() + column : column + 1);
        Location at = new Location(base.file(), base.line(), col, base.key());
        return new BadInputException(message, at);
    }
}
