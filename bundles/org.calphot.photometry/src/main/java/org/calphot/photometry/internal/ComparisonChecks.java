// SPDX-License-Identifier: EPL-2.0 OR GPL-2.0-or-later
// Copyright (c) 2026 the calphot contributors
package org.calphot.photometry.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.calphot.core.Warnings;
import org.calphot.core.log.ApertureTable;
import org.calphot.core.log.CcdTable;
import org.calphot.core.photometry.CalibrationOptions;
import org.calphot.core.photometry.ComparisonDiagnostics;

/**
 * Comparison-versus-comparison checks: for every pair the normalised count ratio, its straight-line drift
 * over the run and its 3-sigma clipped scatter. A comparison is named when every pair it is in fails a
 * threshold (with two comparisons the pair is named, as it cannot tell which one is at fault).
 */
final class ComparisonChecks {

    private ComparisonChecks() {
    }

    static ComparisonDiagnostics diagnose(CcdTable ccd, List<String> labels, List<ApertureTable> comps,
            boolean[] timeOk, CalibrationOptions opt, Warnings warn) {
        int nc = comps.size();
        List<ComparisonDiagnostics.Pair> pairs = new ArrayList<>();
        int[] bad = new int[nc];
        int[] all = new int[nc];
        double[] mjd = ccd.mjdUtc();
        for (int a = 0; a < nc; a++) {
            for (int b = a + 1; b < nc; b++) {
                ComparisonDiagnostics.Pair p = pair(ccd, mjd, labels.get(a), labels.get(b), comps.get(a),
                        comps.get(b), timeOk, opt);
                if (p == null) {
                    continue;
                }
                pairs.add(p);
                all[a]++;
                all[b]++;
                if (p.drifting() || p.scattering()) {
                    bad[a]++;
                    bad[b]++;
                }
            }
        }
        Set<String> suspects = new LinkedHashSet<>();
        List<String> messages = new ArrayList<>();
        String where = "CCD " + ccd.ccd();
        if (nc >= 3) {
            for (int j = 0; j < nc; j++) {
                if (all[j] > 0 && bad[j] == all[j]) {
                    suspects.add(labels.get(j));
                    messages.add(where + ": comparison " + labels.get(j) + " drifts or scatters against every other"
                            + " comparison (" + describe(pairs, labels.get(j), opt) + "); consider leaving it out");
                }
            }
        }
        for (ComparisonDiagnostics.Pair p : pairs) {
            if ((p.drifting() || p.scattering()) && !suspects.contains(p.labelA())
                    && !suspects.contains(p.labelB())) {
                suspects.add(p.labelA());
                suspects.add(p.labelB());
                messages.add(where + ": comparisons " + p.labelA() + " and " + p.labelB() + " disagree ("
                        + text(p, opt) + "); one of them may be variable or badly measured");
            }
        }
        for (String m : messages) {
            warn.warn(m);
        }
        return new ComparisonDiagnostics(pairs, new ArrayList<>(suspects), messages);
    }

    private static String describe(List<ComparisonDiagnostics.Pair> pairs, String label, CalibrationOptions opt) {
        List<String> parts = new ArrayList<>();
        for (ComparisonDiagnostics.Pair p : pairs) {
            if (p.labelA().equals(label) || p.labelB().equals(label)) {
                parts.add(p.labelA() + "/" + p.labelB() + ": " + text(p, opt));
            }
        }
        return String.join("; ", parts);
    }

    private static String text(ComparisonDiagnostics.Pair p, CalibrationOptions opt) {
        return String.format(Locale.ROOT, "drift %.2f +- %.2f %% over the run (limit %.2f %%), clipped rms %.2f %%"
                + " where the count errors give %.2f %% (excess limit %.2f %%)", 100 * p.drift(), 100 * p.driftErr(),
                100 * opt.driftThreshold(), 100 * p.clippedRms(), 100 * p.expectedRms(), 100 * opt.scatterThreshold());
    }

    static ComparisonDiagnostics.Pair pair(CcdTable ccd, double[] mjdAll, String la, String lb, ApertureTable a,
            ApertureTable b, boolean[] timeOk, CalibrationOptions opt) {
        int rows = ccd.rows();
        double[] t = new double[rows];
        double[] r = new double[rows];
        double[] expected = new double[rows];
        int n = 0;
        for (int i = 0; i < rows; i++) {
            if (!timeOk[i] || !Frames.measured(a, i) || !Frames.measured(b, i)
                    || Frames.badFlags(a, i, opt.ignoreFlags()) != 0 || Frames.badFlags(b, i, opt.ignoreFlags()) != 0) {
                continue;
            }
            double ca = a.counts().value(i);
            double cb = b.counts().value(i);
            if (!(ca > 0 && cb > 0)) {
                continue;
            }
            t[n] = mjdAll[i];
            r[n] = ca / cb;
            double sa = a.countsError().value(i) / ca;
            double sb = b.countsError().value(i) / cb;
            expected[n] = Math.sqrt(sa * sa + sb * sb);
            n++;
        }
        if (n < 3) {
            return null;
        }
        t = Arrays.copyOf(t, n);
        r = Arrays.copyOf(r, n);
        double mean = Stats.mean(r, n);
        for (int i = 0; i < n; i++) {
            r[i] /= mean;
        }
        double t0 = t[0];
        double tmin = t[0];
        double tmax = t[0];
        for (double v : t) {
            tmin = Math.min(tmin, v);
            tmax = Math.max(tmax, v);
        }
        boolean[] used = new boolean[n];
        Arrays.fill(used, true);
        double slope = 0;
        double icpt = 1;
        double rms = Double.NaN;
        for (int it = 0; it < 10; it++) {
            double[] line = line(t, r, used, t0);
            slope = line[0];
            icpt = line[1];
            double s = 0;
            int m = 0;
            for (int i = 0; i < n; i++) {
                if (used[i]) {
                    double d = r[i] - icpt - slope * (t[i] - t0);
                    s += d * d;
                    m++;
                }
            }
            rms = m > 2 ? Math.sqrt(s / (m - 2)) : Double.NaN;
            boolean changed = false;
            for (int i = 0; i < n; i++) {
                boolean keep = Math.abs(r[i] - icpt - slope * (t[i] - t0)) <= 3 * rms;
                if (keep != used[i]) {
                    used[i] = keep;
                    changed = true;
                }
            }
            if (!changed || !(rms > 0)) {
                break;
            }
        }
        double drift = Math.abs(slope) * (tmax - tmin);
        double sxx = 0;
        double tm = 0;
        int m = 0;
        for (int i = 0; i < n; i++) {
            if (used[i]) {
                tm += t[i];
                m++;
            }
        }
        tm /= m;
        for (int i = 0; i < n; i++) {
            if (used[i]) {
                sxx += (t[i] - tm) * (t[i] - tm);
            }
        }
        double driftErr = sxx > 0 ? rms / Math.sqrt(sxx) * (tmax - tmin) : Double.NaN;
        double exp = Stats.median(expected, n);
        double excess = Math.sqrt(Math.max(0, rms * rms - exp * exp));
        // a faint pair scatters by its photon noise: only scatter well beyond the count errors is a problem
        boolean scattering = excess > opt.scatterThreshold() && rms > 1.2 * exp;
        boolean drifting = drift > opt.driftThreshold() && drift > 3 * driftErr;
        return new ComparisonDiagnostics.Pair(la, lb, t, r, used, slope, icpt, drift, driftErr, rms, exp, drifting,
                scattering);
    }

    /** Unweighted straight line r = icpt + slope (t - t0) over the used points: {slope, icpt}. */
    private static double[] line(double[] t, double[] r, boolean[] used, double t0) {
        double sx = 0;
        double sy = 0;
        int m = 0;
        for (int i = 0; i < t.length; i++) {
            if (used[i]) {
                sx += t[i] - t0;
                sy += r[i];
                m++;
            }
        }
        double mx = sx / m;
        double my = sy / m;
        double sxx = 0;
        double sxy = 0;
        for (int i = 0; i < t.length; i++) {
            if (used[i]) {
                double dx = t[i] - t0 - mx;
                sxx += dx * dx;
                sxy += dx * (r[i] - my);
            }
        }
        double slope = sxx > 0 ? sxy / sxx : 0;
        return new double[] {slope, my - slope * mx};
    }
}
