// SPDX-License-Identifier: EPL-2.0 OR GPL-2.0-or-later
// Copyright (c) 2026 the calphot contributors
package org.calphot.core.catalogue;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One catalogue object. Magnitudes and their errors are aligned with the bands of the enclosing
 * {@link CatalogueResult}; NaN means "not measured / not given".
 *
 * @param id               catalogue object id (SDSS objID as unsigned decimal text, star name, row id)
 * @param raDeg            catalogue position, degrees
 * @param decDeg           catalogue position, degrees
 * @param separationArcsec distance from the query position, arcseconds
 * @param mag              magnitudes, one per band
 * @param magErr           1-sigma errors, one per band (NaN = unknown)
 * @param flags            named quality problems, empty = none known. Conventions: {@code SATURATED_<band>},
 *                         {@code NOT_CLEAN}, {@code SATURATION_UNKNOWN}, {@code CLEAN_UNKNOWN}, {@code VARIABLE},
 *                         {@code UNRELIABLE_<band>}
 * @param extra            further catalogue columns kept for provenance (raw flags, type, spectral type ...)
 */
public record CatalogueStar(String id, double raDeg, double decDeg, double separationArcsec, double[] mag,
        double[] magErr, List<String> flags, Map<String, String> extra) {

    public CatalogueStar {
        Objects.requireNonNull(id, "id");
        mag = mag.clone();
        magErr = magErr.clone();
        if (mag.length != magErr.length) {
            throw new IllegalArgumentException("mag and magErr differ in length");
        }
        flags = List.copyOf(flags);
        extra = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(extra));
    }

    @Override
    public double[] mag() {
        return mag.clone();
    }

    @Override
    public double[] magErr() {
        return magErr.clone();
    }

    public double mag(int band) {
        return mag[band];
    }

    public double magErr(int band) {
        return magErr[band];
    }

    /**
     * Whether band {@code band} (named {@code bandName}) has a finite magnitude and is neither saturated nor
     * flagged {@code UNRELIABLE_<band>} by its catalogue (e.g. a Gaia synthetic magnitude failing the GSPC
     * quality flag).
     */
    public boolean usable(int band, String bandName) {
        return Double.isFinite(mag[band]) && !flags.contains("SATURATED_" + bandName)
                && !flags.contains("SATURATED") && !flags.contains("UNRELIABLE_" + bandName);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof CatalogueStar s && id.equals(s.id) && Double.compare(raDeg, s.raDeg) == 0
                && Double.compare(decDeg, s.decDeg) == 0
                && Double.compare(separationArcsec, s.separationArcsec) == 0 && Arrays.equals(mag, s.mag)
                && Arrays.equals(magErr, s.magErr) && flags.equals(s.flags) && extra.equals(s.extra);
    }

    @Override
    public int hashCode() {
        return Objects.hash(id, raDeg, decDeg, separationArcsec, Arrays.hashCode(mag), Arrays.hashCode(magErr), flags,
                extra);
    }

    @Override
    public String toString() {
        return "CatalogueStar[" + id + " sep=" + separationArcsec + "\" mag=" + Arrays.toString(mag) + " err="
                + Arrays.toString(magErr) + " flags=" + flags + "]";
    }
}
