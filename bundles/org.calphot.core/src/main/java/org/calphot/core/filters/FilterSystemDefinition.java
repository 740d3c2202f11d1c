// SPDX-License-Identifier: EPL-2.0 OR GPL-2.0-or-later
// Copyright (c) 2026 the calphot contributors
package org.calphot.core.filters;

import java.util.List;

/** A filter system given by its tables: what filter-system bundles register (or wrap). */
public record FilterSystemDefinition(String name, String description, String instrument, List<Band> bands,
        List<ColourTermCoefficient> colourTerms, String noColourTermReason) implements FilterSystem {

    public FilterSystemDefinition {
        bands = List.copyOf(bands);
        colourTerms = List.copyOf(colourTerms);
        noColourTermReason = noColourTermReason == null ? "" : noColourTermReason;
    }
}
