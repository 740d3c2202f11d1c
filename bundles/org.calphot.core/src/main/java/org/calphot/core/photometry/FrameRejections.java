// SPDX-License-Identifier: EPL-2.0 OR GPL-2.0-or-later
// Copyright (c) 2026 the calphot contributors
package org.calphot.core.photometry;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * How many frames of one CCD each rule removed. Rules are tried in the order of the fields and a
 * frame is counted under the first rule it fails, so the counts add up to {@code total - kept}.
 *
 * @param total                 frames in the CCD
 * @param timeNotOk             MJDok false
 * @param targetNotMeasured     target counts or error not a measurement (NaN, error &le; 0)
 * @param targetFlagged         target flag outside the ignore set
 * @param comparisonNotMeasured a used comparison not a measurement (frame dropped)
 * @param comparisonFlagged     a used comparison flagged outside the ignore set (frame dropped)
 * @param comparisonLeftOut     frames kept with one or more comparisons left out (only with
 *                              {@code dropComparisonPerFrame}; these frames are kept, not removed)
 * @param kept                  frames in the lightcurve
 */
public record FrameRejections(int total, int timeNotOk, int targetNotMeasured, int targetFlagged,
        int comparisonNotMeasured, int comparisonFlagged, int comparisonLeftOut, int kept) {

    public int removed() {
        return total - kept;
    }

    public Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("total", total);
        m.put("time_not_ok", timeNotOk);
        m.put("target_not_measured", targetNotMeasured);
        m.put("target_flagged", targetFlagged);
        m.put("comparison_not_measured", comparisonNotMeasured);
        m.put("comparison_flagged", comparisonFlagged);
        m.put("kept_with_comparison_left_out", comparisonLeftOut);
        m.put("kept", kept);
        return m;
    }
}
