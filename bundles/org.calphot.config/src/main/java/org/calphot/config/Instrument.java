// SPDX-License-Identifier: EPL-2.0 OR GPL-2.0-or-later
// Copyright (c) 2026 the calphot contributors
package org.calphot.config;

import java.util.List;
import java.util.Locale;

/** The {@code inst} values cal_phot accepts, with the band of each CCD in CCD order. */
public enum Instrument {
    /** ULTRASPEC: one CCD whose filter the original asked for at run time; configs give it with {@code bands}. */
    USPEC("uspec", "ULTRASPEC", List.of()),
    /** ULTRACAM: CCD 1 red, 2 green, 3 blue. */
    UCAM("ucam", "ULTRACAM", List.of("r", "g", "u")),
    /** HiPERCAM: CCDs 1..5 are u g r i z. */
    HCAM("hcam", "HiPERCAM", List.of("u", "g", "r", "i", "z"));

    private final String key;
    private final String displayName;
    private final List<String> defaultBands;

    Instrument(String key, String displayName, List<String> defaultBands) {
        this.key = key;
        this.displayName = displayName;
        this.defaultBands = defaultBands;
    }

    /** The value as written in a config. */
    public String key() {
        return key;
    }

    public String displayName() {
        return displayName;
    }

    /** Band of CCD i+1; empty for ULTRASPEC, whose filter changes from run to run. */
    public List<String> defaultBands() {
        return defaultBands;
    }

    /** Case-insensitive, as the original. Null when unknown. */
    public static Instrument of(String text) {
        if (text == null) {
            return null;
        }
        String t = text.strip().toLowerCase(Locale.ROOT);
        for (Instrument i : values()) {
            if (i.key.equals(t)) {
                return i;
            }
        }
        return null;
    }
}
