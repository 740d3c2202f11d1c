// SPDX-License-Identifier: EPL-2.0 OR GPL-2.0-or-later
// Copyright (c) 2026 the calphot contributors
package org.calphot.core.util;

import java.time.Instant;

/**
 * The time stamped into outputs (provenance, PDF and FITS dates): {@code SOURCE_DATE_EPOCH} (seconds
 * since 1970, the reproducible-builds convention) when set, so the same inputs give the same bytes;
 * else now.
 */
public final class SourceDate {

    public static final String VARIABLE = "SOURCE_DATE_EPOCH";

    private SourceDate() {
    }

    public static Instant now() {
        Instant fixed = fixed();
        return fixed != null ? fixed : Instant.now();
    }

    /** The fixed instant (system property {@code SOURCE_DATE_EPOCH}, else the environment), or null. */
    public static Instant fixed() {
        String v = System.getProperty(VARIABLE);
        return fixed(v != null ? v : System.getenv(VARIABLE));
    }

    /** The instant of a {@code SOURCE_DATE_EPOCH} value; null when unset or not a plain count of seconds. */
    public static Instant fixed(String value) {
        if (value == null || !value.strip().matches("[0-9]{1,12}")) {
            return null;
        }
        return Instant.ofEpochSecond(Long.parseLong(value.strip()));
    }
}
