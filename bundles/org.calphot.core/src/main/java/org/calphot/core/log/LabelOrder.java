// SPDX-License-Identifier: EPL-2.0 OR GPL-2.0-or-later
// Copyright (c) 2026 the calphot contributors
package org.calphot.core.log;

import java.util.Comparator;

/**
 * Orders CCD and aperture labels numerically ("2" before "10"; the original sorted them as
 * strings). Integer labels come first in numeric order, other labels after them in string order.
 */
public final class LabelOrder {

    private LabelOrder() {
    }

    public static final Comparator<String> NUMERIC = (a, b) -> {
        boolean na = isInteger(a);
        boolean nb = isInteger(b);
        if (na && nb) {
            int c = new java.math.BigInteger(a).compareTo(new java.math.BigInteger(b));
            return c != 0 ? c : a.compareTo(b);
        }
        if (na != nb) {
            return na ? -1 : 1;
        }
        return a.compareTo(b);
    };

    private static boolean isInteger(String s) {
        if (s.isEmpty()) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) < '0' || s.charAt(i) > '9') {
                return false;
            }
        }
        return true;
    }
}
