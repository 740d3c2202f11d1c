// SPDX-License-Identifier: EPL-2.0 OR GPL-2.0-or-later
// Copyright (c) 2026 the calphot contributors
package org.calphot.photometry;

import java.util.List;

import org.calphot.core.BadInputException;
import org.calphot.core.Location;
import org.calphot.core.log.LogFlags;

/** Parses the flags a user accepts: numbers (hipercam bit values, OR-ed) or names such as {@code SKY_AT_EDGE}. */
public final class FlagList {

    private FlagList() {
    }

    public static int parse(List<String> items, String option) throws BadInputException {
        int mask = 0;
        if (items == null) {
            return 0;
        }
        for (String raw : items) {
            for (String tok : raw.split("[,\\s]+")) {
                if (tok.isEmpty()) {
                    continue;
                }
                mask |= one(tok, option);
            }
        }
        return mask;
    }

    private static int one(String tok, String option) throws BadInputException {
        // LogFlags.parse is the rule of the config's 'flags:' key too, so both accept the same values
        long v = LogFlags.parse(tok);
        if (v >= 0) {
            return (int) v;
        }
        if (tok.matches("-?[0-9]+")) {
            throw new BadInputException("flag value " + tok + " is outside 0..4294967295", Location.key(null, 0, option));
        }
        throw new BadInputException("unknown flag '" + tok + "' (numbers 0..4294967295 or " + String.join(", ",
                LogFlags.names(0x3FFF)) + ", ANY_FLAG)", Location.key(null, 0, option));
    }
}
