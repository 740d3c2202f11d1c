// SPDX-License-Identifier: EPL-2.0 OR GPL-2.0-or-later
// Copyright (c) 2026 the calphot contributors
package org.calphot.core.catalogue;

import java.time.LocalDate;
import java.util.Map;
import java.util.TreeMap;

/**
 * How to run a catalogue query. Fields a catalogue does not use are ignored by it.
 *
 * @param dataRelease survey data release (e.g. 17 for SDSS DR17); 0 = the catalogue's default
 * @param magnitudes  PSF (default) or model magnitudes
 * @param instrument  instrument whose filter system the magnitudes should be in (e.g. "hipercam",
 *                    "ultracam", "ultraspec"); null = the catalogue's native system
 * @param filterSet   "super" or "regular" (ULTRACAM), "sdss", "prime"; null = instrument default
 * @param date        observation date (ULTRACAM's optics changed on 2019-09-24); may be null
 * @param parameters  catalogue-specific settings (e.g. a local table's {@code table} path), sorted
 */
public record QueryOptions(int dataRelease, MagnitudeKind magnitudes, String instrument, String filterSet,
        LocalDate date, Map<String, String> parameters) {

    public static final QueryOptions DEFAULTS = new QueryOptions(0, MagnitudeKind.PSF, null, null, null, Map.of());

    public QueryOptions {
        if (dataRelease < 0) {
            throw new IllegalArgumentException("dataRelease < 0");
        }
        magnitudes = magnitudes == null ? MagnitudeKind.PSF : magnitudes;
        parameters = parameters == null ? Map.of() : java.util.Collections.unmodifiableMap(new TreeMap<>(parameters));
    }

    public QueryOptions withDataRelease(int release) {
        return new QueryOptions(release, magnitudes, instrument, filterSet, date, parameters);
    }

    public QueryOptions withMagnitudes(MagnitudeKind kind) {
        return new QueryOptions(dataRelease, kind, instrument, filterSet, date, parameters);
    }

    public QueryOptions withSystem(String newInstrument, String newFilterSet, LocalDate newDate) {
        return new QueryOptions(dataRelease, magnitudes, newInstrument, newFilterSet, newDate, parameters);
    }

    public QueryOptions withParameter(String key, String value) {
        Map<String, String> p = new TreeMap<>(parameters);
        p.put(key, value);
        return new QueryOptions(dataRelease, magnitudes, instrument, filterSet, date, p);
    }

    /** A catalogue-specific parameter or null. */
    public String parameter(String key) {
        return parameters.get(key);
    }
}
