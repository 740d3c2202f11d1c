// SPDX-License-Identifier: EPL-2.0 OR GPL-2.0-or-later
// Copyright (c) 2026 the calphot contributors
package org.calphot.filters.internal;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.calphot.core.BadInputException;
import org.calphot.core.filters.Band;
import org.calphot.core.filters.ColourTermCoefficient;
import org.calphot.core.filters.FilterSystem;
import org.calphot.filters.CamFilterSystems;

/** The DS services: one per *CAM filter system, each a thin wrapper of {@link CamFilterSystems}. */
abstract class FilterSystemComponents implements FilterSystem {

    private final FilterSystem system;

    FilterSystemComponents(FilterSystem system) {
        this.system = system;
    }

    @Override
    public String name() {
        return system.name();
    }

    @Override
    public String description() {
        return system.description();
    }

    @Override
    public String instrument() {
        return system.instrument();
    }

    @Override
    public List<Band> bands() {
        return system.bands();
    }

    @Override
    public List<ColourTermCoefficient> colourTerms() {
        return system.colourTerms();
    }

    @Override
    public String noColourTermReason() {
        return system.noColourTermReason();
    }

    @Override
    public double magnitude(String band, Map<String, Double> sdss, LocalDate date) throws BadInputException {
        return system.magnitude(band, sdss, date);
    }
}
