package org.calphot.plot;

import java.util.List;

/** The series of one panel (e.g. one band). */
public record SeriesPanel(String label, List<Series> series) {

    public SeriesPanel {
        series = List.copyOf(series);
    }
}
