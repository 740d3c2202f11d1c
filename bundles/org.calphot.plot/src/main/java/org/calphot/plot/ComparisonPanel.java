package org.calphot.plot;

import java.util.List;

/** The comparison pairs of one band (CCD). */
public record ComparisonPanel(String label, List<ComparisonSeries> series) {

    public ComparisonPanel {
        series = List.copyOf(series);
    }
}
