// SPDX-License-Identifier: EPL-2.0 OR GPL-2.0-or-later
// Copyright (c) 2026 the calphot contributors
package org.calphot.core.filters;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.calphot.core.BadInputException;

/**
 * The photometric system of one instrument: its bands, the CCD of each, pivot wavelengths, AB offsets and the
 * colour terms that take SDSS magnitudes into the system. Filter systems are DS services with a {@code name}
 * property, found through 0..n dynamic references, so a bundle installed later adds one without code changes.
 */
public interface FilterSystem {

    /** Service property naming the system. */
    String NAME = "name";

    /** Short name, e.g. {@code hipercam-super}. */
    String name();

    String description();

    /** Instrument the system belongs to: {@code hipercam}, {@code ultracam}, {@code ultraspec}, ... */
    String instrument();

    /** Bands in CCD order. */
    List<Band> bands();

    /** Colour terms to SDSS (several per band when the instrument changed); empty when there are none. */
    List<ColourTermCoefficient> colourTerms();

    /** Why there are no colour terms (empty when there are). */
    String noColourTermReason();

    default Optional<Band> band(String name) {
        return bands().stream().filter(b -> b.name().equals(name)).findFirst();
    }

    /** The colour term of a band valid on a date (null: the newest), if any. */
    default Optional<ColourTermCoefficient> colourTerm(String band, LocalDate date) {
        ColourTermCoefficient best = null;
        for (ColourTermCoefficient c : colourTerms()) {
            if (c.band().equals(band) && c.validOn(date)
                    && (best == null || (c.validFrom() != null && (best.validFrom() == null
                            || c.validFrom().isAfter(best.validFrom()))))) {
                best = c;
            }
        }
        return Optional.ofNullable(best);
    }

    /**
     * A star's magnitude in a band of this system (AB when the system is) from its SDSS magnitudes:
     * {@code m_sdss - offset - coefficient * colour}, or the SDSS magnitude of the band when it has no colour term.
     *
     * @param sdss SDSS magnitudes by band name ({@code u g r i z}); needs the band's and its colour's bands
     * @param date observation date (selects the instrument state), null for the newest
     */
    default double magnitude(String band, Map<String, Double> sdss, LocalDate date) throws BadInputException {
        Band b = band(band).orElseThrow(() -> new BadInputException("filter system " + name() + " has no band '"
                + band + "'"));
        Double m = sdss.get(b.sdssBand());
        if (m == null || !Double.isFinite(m)) {
            throw new BadInputException("no SDSS " + b.sdssBand() + " magnitude for band " + band);
        }
        Optional<ColourTermCoefficient> ct = colourTerm(band, date);
        if (ct.isEmpty()) {
            return m;
        }
        Double a = sdss.get(ct.get().colourA());
        Double c = sdss.get(ct.get().colourB());
        if (a == null || c == null || !Double.isFinite(a) || !Double.isFinite(c)) {
            throw new BadInputException("the colour term of " + band + " needs SDSS " + ct.get().colourA() + " and "
                    + ct.get().colourB());
        }
        return m - ct.get().offset() - ct.get().coefficient() * (a - c);
    }
}
