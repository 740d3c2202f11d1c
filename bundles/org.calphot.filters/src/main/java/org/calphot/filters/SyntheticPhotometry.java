// SPDX-License-Identifier: EPL-2.0 OR GPL-2.0-or-later
// Copyright (c) 2026 the calphot contributors
package org.calphot.filters;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.DoubleUnaryOperator;

import org.calphot.core.BadInputException;
import org.calphot.core.Location;

/**
 * Synthetic photometry through a throughput curve, photon-counting detector: the AB magnitude of a spectrum
 * f_nu(lambda) is {@code -2.5 log10( int f_nu T dlambda/lambda / int 3631 Jy T dlambda/lambda )} and the pivot
 * wavelength {@code sqrt( int T lambda dlambda / int T dlambda/lambda )} (trapezoid rule on the curve's own grid).
 */
public final class SyntheticPhotometry {

    /** h c / k in nm K. */
    static final double HC_OVER_K_NM = 1.438776877e7;

    private SyntheticPhotometry() {
    }

    /** A throughput curve: wavelengths (nm, increasing) and throughput. */
    public record Profile(String name, double[] wavelengthNm, double[] throughput) {
    }

    /** Reads a two-column text profile (wavelength in Angstrom, throughput); '#' lines and blank lines skipped. */
    public static Profile read(Path file) throws BadInputException {
        List<double[]> rows = new ArrayList<>();
        int line = 0;
        try {
            for (String s : Files.readAllLines(file)) {
                line++;
                String t = s.strip();
                if (t.isEmpty() || t.startsWith("#")) {
                    continue;
                }
                String[] p = t.split("[\\s,]+");
                if (p.length < 2) {
                    throw new BadInputException("expected wavelength and throughput", Location.of(file.toString(), line));
                }
                rows.add(new double[] {Double.parseDouble(p[0]) / 10.0, Double.parseDouble(p[1])});
            }
        } catch (IOException e) {
            throw new BadInputException("cannot read filter profile: " + e.getMessage(), Location.of(file.toString()));
        } catch (NumberFormatException e) {
            throw new BadInputException("not a number: " + e.getMessage(), Location.of(file.toString(), line));
        }
        rows.sort((a, b) -> Double.compare(a[0], b[0]));
        double[] w = new double[rows.size()];
        double[] tr = new double[rows.size()];
        for (int i = 0; i < w.length; i++) {
            w[i] = rows.get(i)[0];
            tr[i] = Math.max(0.0, rows.get(i)[1]);
        }
        String n = file.getFileName().toString();
        return new Profile(n.endsWith(".txt") ? n.substring(0, n.length() - 4) : n, w, tr);
    }

    public static double pivotWavelengthNm(Profile p) {
        return Math.sqrt(integrate(p, l -> l) / integrate(p, l -> 1.0 / l));
    }

    /** AB magnitude of f_nu (any units; the answer is relative to {@code fnuOfAbZero}, f_nu of m_AB = 0). */
    public static double abMagnitude(Profile p, DoubleUnaryOperator fnu, double fnuOfAbZero) {
        double num = integrate(p, l -> fnu.applyAsDouble(l) / l);
        double den = integrate(p, l -> fnuOfAbZero / l);
        return -2.5 * Math.log10(num / den);
    }

    /** f_nu of a black body of temperature T (arbitrary scale) at a wavelength in nm. */
    public static DoubleUnaryOperator blackBody(double temperatureK) {
        return l -> 1.0 / (l * l * l * Math.expm1(HC_OVER_K_NM / (l * temperatureK)));
    }

    static double integrate(Profile p, DoubleUnaryOperator g) {
        double[] w = p.wavelengthNm();
        double[] t = p.throughput();
        double s = 0;
        for (int i = 1; i < w.length; i++) {
            s += 0.5 * (t[i] * g.applyAsDouble(w[i]) + t[i - 1] * g.applyAsDouble(w[i - 1])) * (w[i] - w[i - 1]);
        }
        return s;
    }
}
