package org.calphot.photometry;

import java.util.List;
import java.util.Locale;

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
        try {
            long v = Long.parseLong(tok);
            if (v < 0 || v > 0xFFFFFFFFL) {
                throw new BadInputException("flag value " + tok + " is outside 0..4294967295", Location.key(null, 0, option));
            }
            return (int) v;
        } catch (NumberFormatException e) {
            String name = tok.toUpperCase(Locale.ROOT);
            for (int b = 0; b < 32; b++) {
                if (LogFlags.name(b).equals(name)) {
                    return 1 << b;
                }
            }
            throw new BadInputException("unknown flag '" + tok + "' (numbers or " + String.join(", ", LogFlags.names(0x3FFF))
                    + ")", Location.key(null, 0, option));
        }
    }
}
