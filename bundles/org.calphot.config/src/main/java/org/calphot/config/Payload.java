// SPDX-License-Identifier: EPL-2.0 OR GPL-2.0-or-later
// Copyright (c) 2026 the calphot contributors
package org.calphot.config;

import java.util.List;

import org.calphot.core.Location;
import org.calphot.core.photometry.MagnitudeSource;
import org.calphot.core.time.AirmassFormula;
import org.calphot.core.time.Site;

/**
 * One {@code extract: <name>:} block, validated and with defaults applied.
 *
 * @param observatory     the text the user wrote; {@code site} is what it resolved to
 * @param bands           band of each CCD in CCD order (instrument default, {@code bands} key, or the
 *                        magnitude keys of the first log in the config mode)
 * @param ignoreFlags     hipercam flag bits to ignore (OR of the {@code flags} list)
 * @param dropBadComparisons when a used comparison has no measurement in a frame, leave that comparison
 *                        out for that frame (flux scale adjusted) instead of dropping the frame
 * @param filterSystem    the {@code filter system} key (the payload's, else the top-level one): a system name,
 *                        {@code none}, or null to choose the system by instrument and band
 * @param filterSystemAt  where that key is written
 */
public record Payload(String name, String observatory, Site site, Instrument instrument, List<String> bands,
        double phaseLow, double phaseHigh, String oname, List<LogSpec> logs, boolean getEclipseTimes,
        boolean fluxCalibrate, boolean extractData, int ignoreFlags, MagnitudeSource magnitudeSource,
        AirmassFormula airmassFormula, boolean dropBadComparisons, Location where, String filterSystem,
        Location filterSystemAt) {

    /** Value of {@code filter system} that turns colour terms off for a payload. */
    public static final String NO_FILTER_SYSTEM = "none";

    public Payload {
        bands = List.copyOf(bands);
        logs = List.copyOf(logs);
    }

    /** The components before colour terms (filter system chosen by instrument and band). */
    public Payload(String name, String observatory, Site site, Instrument instrument, List<String> bands,
            double phaseLow, double phaseHigh, String oname, List<LogSpec> logs, boolean getEclipseTimes,
            boolean fluxCalibrate, boolean extractData, int ignoreFlags, MagnitudeSource magnitudeSource,
            AirmassFormula airmassFormula, boolean dropBadComparisons, Location where) {
        this(name, observatory, site, instrument, bands, phaseLow, phaseHigh, oname, logs, getEclipseTimes,
                fluxCalibrate, extractData, ignoreFlags, magnitudeSource, airmassFormula, dropBadComparisons, where,
                null, null);
    }

    /** Whether the config turns colour terms off for this payload ({@code filter system: none}). */
    public boolean noFilterSystem() {
        return filterSystem != null && filterSystem.strip().equalsIgnoreCase(NO_FILTER_SYSTEM);
    }
}
