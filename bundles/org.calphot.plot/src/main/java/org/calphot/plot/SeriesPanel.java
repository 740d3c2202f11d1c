// SPDX-License-Identifier: EPL-2.0 OR GPL-2.0-or-later
// Copyright (c) 2026 the calphot contributors
package org.calphot.plot;

import java.util.List;

/** The series of one panel (e.g. one band). */
public record SeriesPanel(String label, List<Series> series) {

    public SeriesPanel {
        series = List.copyOf(series);
    }
}
