// SPDX-License-Identifier: EPL-2.0 OR GPL-2.0-or-later
// Copyright (c) 2026 the calphot contributors
package org.calphot.core.photometry;

import java.util.Arrays;
import java.util.List;

/**
 * Magnitudes of the comparison apertures of one CCD, aligned with {@code labels} (target excluded).
 * A NaN magnitude means "no magnitude": that aperture is left out of both the count sum and the flux
 * sum. Errors are split by how they correlate, because the calibration error budget needs it:
 *
 * @param ccd            CCD label
 * @param band           band name (e.g. {@code r}, {@code gs}, {@code KG5})
 * @param labels         comparison aperture labels
 * @param mag            AB magnitudes (NaN = not used)
 * @param magErr         independent 1-sigma error of each star (catalogue error or instrumental scatter);
 *                       NaN or 0 = unknown/none
 * @param zeroPointErr   1-sigma error common to all stars (zero point incl. the standard's catalogue error), mag
 * @param extinctionErr  1-sigma error common to all stars from the extinction coefficient, mag
 *                       ({@code sigma_k * |X_std - X_field|})
 * @param source         where the numbers came from
 * @param provenance     one line for provenance, e.g. the catalogue query or the config key
 */
public record ComparisonMagnitudes(String ccd, String band, List<String> labels, double[] mag, double[] magErr,
        double zeroPointErr, double extinctionErr, MagnitudeSource source, String provenance) {

    public ComparisonMagnitudes {
        labels = List.copyOf(labels);
        mag = mag.clone();
        magErr = magErr == null ? new double[mag.length] : magErr.clone();
        if (mag.length != labels.size() || magErr.length != labels.size()) {
            throw new IllegalArgumentException("labels, mag and magErr differ in length");
        }
        provenance = provenance == null ? "" : provenance;
    }

    /**
     * The original's "no calibration" mode: each of the N comparisons gets
     * {@code mag = flux2mag(1/N mJy)}, so the comparisons sum to 1 mJy and the flux is the count ratio.
     */
    public static ComparisonMagnitudes unitComparison(String ccd, String band, List<String> labels) {
        double[] m = new double[labels.size()];
        Arrays.fill(m, AbMagnitudes.fromMilliJansky(1.0 / labels.size()));
        return new ComparisonMagnitudes(ccd, band, labels, m, new double[m.length], 0, 0, MagnitudeSource.NONE,
                "unit comparison: sum of comparisons = 1 mJy (relative photometry)");
    }

    /**
     * Magnitudes written in the config (cal_phot's mode c), in comparison-aperture order. NaN (the config's
     * null or text) leaves that aperture out; so does an infinite magnitude (a saturated catalogue star).
     */
    public static ComparisonMagnitudes fromConfig(String ccd, String band, List<String> labels, double[] mag,
            String configKey) {
        return new ComparisonMagnitudes(ccd, band, labels, finiteOrNaN(mag), null, 0, 0, MagnitudeSource.CONFIG,
                "config " + configKey);
    }

    /** Magnitudes and errors from a catalogue; {@code provenance} should name the catalogue and its query. */
    public static ComparisonMagnitudes fromCatalogue(String ccd, String band, List<String> labels, double[] mag,
            double[] magErr, String provenance) {
        return new ComparisonMagnitudes(ccd, band, labels, finiteOrNaN(mag), magErr, 0, 0, MagnitudeSource.CATALOGUE,
                provenance);
    }

    private static double[] finiteOrNaN(double[] m) {
        double[] out = m.clone();
        for (int i = 0; i < out.length; i++) {
            if (!Double.isFinite(out[i])) {
                out[i] = Double.NaN;
            }
        }
        return out;
    }

    @Override
    public double[] mag() {
        return mag.clone();
    }

    @Override
    public double[] magErr() {
        return magErr.clone();
    }

    public double mag(int i) {
        return mag[i];
    }

    public double magErr(int i) {
        return magErr[i];
    }

    /** Whether comparison {@code i} takes part (finite magnitude). */
    public boolean used(int i) {
        return Double.isFinite(mag[i]);
    }

    /** Total 1-sigma error of one star: independent, zero-point and extinction parts in quadrature. */
    public double totalErr(int i) {
        double e = Double.isFinite(magErr[i]) ? magErr[i] : 0;
        double z = Double.isFinite(zeroPointErr) ? zeroPointErr : 0;
        double x = Double.isFinite(extinctionErr) ? extinctionErr : 0;
        return Math.sqrt(e * e + z * z + x * x);
    }
}
