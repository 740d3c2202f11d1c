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
