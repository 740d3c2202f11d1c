// SPDX-License-Identifier: EPL-2.0 OR GPL-2.0-or-later
// Copyright (c) 2026 the calphot contributors
package org.calphot.core.photometry;

/**
 * Converts between magnitudes and flux densities in a named photometric system. The AB system
 * is always present; observatories may register others (Vega-based systems) as services.
 */
public interface FluxScale {

    /** Service property holding the system name, e.g. {@code AB}. */
    String SYSTEM = "system";

    String system();

    double toMilliJansky(double magnitude);

    double toMagnitude(double milliJansky);
}
