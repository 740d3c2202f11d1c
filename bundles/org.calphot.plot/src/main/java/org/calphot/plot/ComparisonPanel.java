// SPDX-License-Identifier: EPL-2.0 OR GPL-2.0-or-later
// Copyright (c) 2026 the calphot contributors
package org.calphot.plot;

import java.util.List;

/** The comparison pairs of one band (CCD). */
public record ComparisonPanel(String label, List<ComparisonSeries> series) {

    public ComparisonPanel {
        series = List.copyOf(series);
    }
}
