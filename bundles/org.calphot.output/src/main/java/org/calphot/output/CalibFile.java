// SPDX-License-Identifier: EPL-2.0 OR GPL-2.0-or-later
// Copyright (c) 2026 the calphot contributors
package org.calphot.output;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

import org.calphot.core.photometry.AbMagnitudes;
import org.calphot.core.photometry.CalibratedLightcurve;
import org.calphot.core.photometry.CalibrationBudget;
import org.calphot.core.photometry.ComparisonMagnitudes;
import org.calphot.core.photometry.MagnitudeSource;
import org.calphot.core.util.PyFloat;

/**
 * The {@code .calib} lightcurve as cal_phot wrote it (calphot-original section 5.2): the same header
 * lines, so scripts that read it keep working, without the original's wrong aperture-position block,
 * plus calphot's calibration-error lines just before the column line. Rows: phase, flux, error.
 */
public final class CalibFile {

    private CalibFile() {
    }

    public static void write(OutputStream os, OutputLog log, OutputCcd ccd, double t0, double period)
            throws IOException {
        Writer w = new java.io.OutputStreamWriter(os, StandardCharsets.UTF_8);
        PrintWriter out = new PrintWriter(w);
        CalibratedLightcurve lc = ccd.lightcurve();
        ComparisonMagnitudes m = lc.magnitudes();
        out.print("# This is data from the file " + log.log() + " CCD " + ccd.ccd() + "\n");
        out.print("#\n");
        out.print("# Reduction info:\n");
        out.print("\n");
        if (m.source() == MagnitudeSource.NONE) {
            out.print("# No flux calibration being done!!\n");
            out.print("# simulated a dummy comparison magnitude of 1.00 mJy\n");
        } else {
            out.print("# Comparison star mags: " + magList(m) + "\n");
        }
        out.print("# I calculated an eclipse time of " + PyFloat.repr(log.eclipseBmjd())
                + " BMJD, and phase-folded around that\n");
        out.print("# with a T0 of " + PyFloat.repr(t0) + ", and a period of " + PyFloat.repr(period)
                + ", making this eclipse " + log.cycle() + ".\n");
        out.print("# I also sliced out the phase " + PyFloat.repr(log.phaseLow()) + " -> "
                + PyFloat.repr(log.phaseHigh()) + "!!\n");
        out.print("#\n");
        out.print("# Comparison star apparent SDSS magnitudes:\n");
        int star = 0;
        for (int i = 0; i < m.labels().size(); i++) {
            if (m.used(i)) {
                out.print(String.format(Locale.ROOT, "#   Star %d -> %.3f mag%n", star, m.mag(i)));
            }
            star++;
        }
        out.print("#\n#\n#\n");
        out.print("# Apparent fluxes of the comparison stars:\n");
        star = 0;
        for (int i = 0; i < m.labels().size(); i++) {
            if (m.used(i)) {
                out.print(String.format(Locale.ROOT, "#   Star %d -> %.3f mJy%n", star,
                        AbMagnitudes.toMilliJansky(m.mag(i))));
            }
            star++;
        }
        out.print("#\n");
        out.print(String.format(Locale.ROOT, "# Sum apparent Flux: %.3f mJy%n", lc.comparisonFluxMjy()));
        out.print("#\n#\n");
        int frames = ccd.keptInPhase();
        double sumComp = 0;
        for (double c : lc.comparisonMeanCounts()) {
            sumComp += Double.isFinite(c) ? c : 0;
        }
        // counted over the comparisons actually used (the original counted every comparison aperture)
        out.print(String.format(Locale.ROOT,
                "# Instrumental summed counts per mean frame (%d frames) of %d comparison stars: %.1f%n", frames,
                lc.comparisonLabels().size(), sumComp));
        out.print(String.format(Locale.ROOT, "# Instrumental counts per mean frame (%d frames) of target: %.1f%n",
                frames, lc.meanRatio() * sumComp));
        out.print("#\n");
        out.print(String.format(Locale.ROOT, "# Mean Target/comparison count ratio: %.3f%n", lc.meanRatio()));
        out.print(String.format(Locale.ROOT, "# Mean target magnitude: %.3f%n", lc.meanTargetMag()));
        CalibrationBudget b = lc.budget();
        if (b != null && m.source() != MagnitudeSource.NONE) {
            out.print(String.format(Locale.ROOT,
                    "# calphot: calibration (systematic) error %.2f %% of the flux, common to every frame and not in"
                            + " Err_Flux%n", 100 * b.systematic()));
            out.print(String.format(Locale.ROOT,
                    "# calphot:   comparison magnitudes %.2f %%, extinction %.2f %%, comparison scatter %.2f %%;"
                            + " systematic share of a typical frame's variance %.0f %%%n",
                    100 * nz(b.comparisonMags()), 100 * nz(b.extinction()), 100 * nz(b.comparisonScatter()),
                    100 * b.systematicShare()));
        }
        out.print("# Phase, Flux, Err_Flux\n");
        double[] phase = ccd.phase();
        StringBuilder row = new StringBuilder(64); // one builder for every row: no strings per value
        for (int i = 0; i < phase.length; i++) {
            if (ccd.inPhaseRange()[i]) {
                row.setLength(0);
                PyFloat.append(row, phase[i]).append(' ');
                PyFloat.append(row, lc.fluxMjy()[i]).append(' ');
                PyFloat.append(row, lc.fluxErrMjy()[i]).append('\n');
                out.append(row);
            }
        }
        out.flush();
    }

    private static double nz(double v) {
        return Double.isFinite(v) ? v : 0;
    }

    private static String magList(ComparisonMagnitudes m) {
        StringBuilder sb = new StringBuilder("[");
        for (int i = 0; i < m.labels().size(); i++) {
            if (i > 0) {
                sb.append(", ");
            }
            sb.append(m.used(i) ? String.format(Locale.ROOT, "%.3f", m.mag(i)) : "nan");
        }
        return sb.append(']').toString();
    }
}
