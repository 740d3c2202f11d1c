// SPDX-License-Identifier: EPL-2.0 OR GPL-2.0-or-later
// Copyright (c) 2026 the calphot contributors
package org.calphot.photometry;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.calphot.core.BadInputException;
import org.calphot.core.Location;
import org.calphot.core.log.CcdTable;
import org.calphot.core.log.PhotometryLog;

/** Band names of a log's CCDs: the user's list, else the original's per-instrument defaults. */
public final class Bands {

    private Bands() {
    }

    /**
     * @param given the user's bands in CCD order (empty = defaults: ULTRACAM r,g,u; HiPERCAM u,g,r,i,z; otherwise
     *              "ccd&lt;label&gt;")
     * @return one band per CCD of {@code log}, in the log's CCD order
     */
    public static List<String> of(PhotometryLog log, List<String> given, String option) throws BadInputException {
        List<CcdTable> ccds = log.ccds();
        if (given != null && !given.isEmpty()) {
            if (given.size() != ccds.size()) {
                throw new BadInputException(given.size() + " bands given for " + ccds.size() + " CCDs "
                        + ccds.stream().map(CcdTable::ccd).toList(), Location.key(null, 0, option));
            }
            return List.copyOf(given);
        }
        String inst = log.header().instrumentGuess(ccds.size()).toLowerCase(Locale.ROOT);
        List<String> def = switch (inst) {
            case "ultracam", "ucam" -> ccds.size() == 3 ? List.of("r", "g", "u") : null;
            case "hipercam", "hcam" -> ccds.size() == 5 ? List.of("u", "g", "r", "i", "z") : null;
            default -> null;
        };
        if (def != null) {
            return def;
        }
        List<String> out = new ArrayList<>();
        for (CcdTable c : ccds) {
            out.add("ccd" + c.ccd());
        }
        return out;
    }
}
