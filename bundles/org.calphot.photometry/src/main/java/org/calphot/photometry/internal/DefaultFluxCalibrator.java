// SPDX-License-Identifier: EPL-2.0 OR GPL-2.0-or-later
// Copyright (c) 2026 the calphot contributors
package org.calphot.photometry.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import org.calphot.core.BadInputException;
import org.calphot.core.CalphotException;
import org.calphot.core.Location;
import org.calphot.core.Warnings;
import org.calphot.core.log.ApertureTable;
import org.calphot.core.log.CcdTable;
import org.calphot.core.photometry.AbMagnitudes;
import org.calphot.core.photometry.CalibratedLightcurve;
import org.calphot.core.photometry.CalibrationBudget;
import org.calphot.core.photometry.CalibrationOptions;
import org.calphot.core.photometry.ComparisonDiagnostics;
import org.calphot.core.photometry.ComparisonMagnitudes;
import org.calphot.core.photometry.FluxCalibrator;
import org.calphot.core.photometry.FrameRejections;
import org.calphot.core.photometry.MagnitudeSource;
import org.osgi.service.component.annotations.Component;

/**
 * cal_phot's flux calibration (extract_data) with the bad-data rules fixed: a frame is kept only if the
 * time is good and the target and every used comparison are measured and unflagged (the original kept
 * any frame with one finite aperture and then crashed on the NaNs).
 */
@Component(service = FluxCalibrator.class, property = "name=default")
public final class DefaultFluxCalibrator implements FluxCalibrator {

    /** 0.4 ln 10: relative flux error per magnitude. */
    static final double MAG_TO_FRAC = 0.4 * Math.log(10.0);

    @Override
    public CalibratedLightcurve calibrate(CcdTable ccd, ComparisonMagnitudes mags, CalibrationOptions options,
            Warnings warnings) throws CalphotException {
        CalibrationOptions opt = options == null ? CalibrationOptions.DEFAULTS : options;
        Warnings warn = warnings == null ? Warnings.IGNORE : warnings;
        String where = "CCD " + ccd.ccd();
        Location loc = Location.key(null, 0, "ccd " + ccd.ccd());
        ApertureTable target = ccd.aperture(opt.targetLabel());
        if (target == null) {
            throw new BadInputException(where + " has no target aperture '" + opt.targetLabel() + "' (apertures "
                    + ccd.apertureLabels() + ")", loc);
        }
        Comparisons cs = comparisons(ccd, mags, opt, where, loc);
        List<String> labels = cs.labels();
        List<ApertureTable> comps = cs.comps();
        List<Double> errList = cs.errList();
        double[] compFlux = cs.compFlux();
        int nc = comps.size();
        double fullFlux = 0;
        for (double f : compFlux) {
            fullFlux += f;
        }

        int rows = ccd.rows();
        boolean[] timeOk = Frames.mjdOk(ccd);
        double[] mjd = ccd.mjdUtc();
        double[] exp = Frames.exposure(ccd);
        Ratios k = new Ratios(rows, nc);
        for (int r = 0; r < rows; r++) {
            k.frame(r, timeOk[r], target, comps, compFlux, opt);
        }
        int kept = k.kept;
        FrameRejections rej = new FrameRejections(rows, k.timeBad, k.tMissing, k.tFlagged, k.cMissing, k.cFlagged,
                k.leftOut, kept);
        if (kept == 0) {
            throw new BadInputException(where + ": no frame survives the bad-data rules (" + rej.toMap() + ")", loc);
        }
        int[] frameRow = Arrays.copyOf(k.frameRow, kept);
        double[] t = new double[kept];
        double[] e = new double[kept];
        for (int i = 0; i < kept; i++) {
            t[i] = mjd[frameRow[i]];
            e[i] = exp[frameRow[i]];
        }
        double[] ratio = Arrays.copyOf(k.ratio, kept);
        double[] ratioErr = Arrays.copyOf(k.ratioErr, kept);
        double[] flux = Arrays.copyOf(k.flux, kept);
        double[] fluxErr = Arrays.copyOf(k.fluxErr, kept);
        int[] inFrame = Arrays.copyOf(k.inFrame, kept);
        double[] meanCounts = new double[nc];
        for (int j = 0; j < nc; j++) {
            meanCounts[j] = k.compCountN[j] == 0 ? Double.NaN : k.compCountSum[j] / k.compCountN[j];
        }
        double meanRatio = Stats.mean(ratio, kept);
        double meanFlux = Stats.mean(flux, kept);
        double meanMag = meanFlux > 0 ? AbMagnitudes.fromMilliJansky(meanFlux) : Double.NaN;

        CalibrationBudget budget = budget(mags, compFlux, errList, meanCounts, flux, fluxErr, warn, where);
        ComparisonDiagnostics diag = ComparisonChecks.diagnose(ccd, labels, comps, timeOk, opt, warn);
        return new CalibratedLightcurve(ccd.ccd(), mags.band(), frameRow, t, e, ratio, ratioErr, flux, fluxErr, inFrame,
                labels, fullFlux, meanCounts, mags, meanRatio, meanMag, rej, budget, diag);
    }

    /** The comparison apertures that have a magnitude, with their fluxes (mJy) and magnitude errors. */
    private record Comparisons(List<String> labels, List<ApertureTable> comps, double[] compFlux,
            List<Double> errList) {
    }

    private static Comparisons comparisons(CcdTable ccd, ComparisonMagnitudes mags, CalibrationOptions opt,
            String where, Location loc) throws CalphotException {
        List<String> labels = new ArrayList<>();
        List<ApertureTable> comps = new ArrayList<>();
        List<Double> fluxList = new ArrayList<>();
        List<Double> errList = new ArrayList<>();
        for (int i = 0; i < mags.labels().size(); i++) {
            if (!mags.used(i)) {
                continue;
            }
            String l = mags.labels().get(i);
            if (l.equals(opt.targetLabel())) {
                throw new BadInputException(where + ": the target aperture '" + l
                        + "' cannot also be a comparison", loc);
            }
            ApertureTable a = ccd.aperture(l);
            if (a == null) {
                throw new BadInputException(where + " has no comparison aperture '" + l + "' (apertures "
                        + ccd.apertureLabels() + ")", loc);
            }
            labels.add(l);
            comps.add(a);
            fluxList.add(AbMagnitudes.toMilliJansky(mags.mag(i)));
            errList.add(mags.magErr(i));
        }
        if (comps.isEmpty()) {
            throw new BadInputException(where + ": no comparison aperture has a magnitude", loc);
        }
        double[] compFlux = fluxList.stream().mapToDouble(Double::doubleValue).toArray();
        return new Comparisons(labels, comps, compFlux, errList);
    }

    /** Target/comparison ratios of the frames kept so far, and why the others were left out. */
    private static final class Ratios {
        final int[] frameRow;
        final double[] ratio;
        final double[] ratioErr;
        final double[] flux;
        final double[] fluxErr;
        final int[] inFrame;
        final double[] compCountSum;
        final int[] compCountN;
        final boolean[] good;
        int kept;
        int timeBad;
        int tMissing;
        int tFlagged;
        int cMissing;
        int cFlagged;
        int leftOut;

        Ratios(int rows, int nc) {
            frameRow = new int[rows];
            ratio = new double[rows];
            ratioErr = new double[rows];
            flux = new double[rows];
            fluxErr = new double[rows];
            inFrame = new int[rows];
            compCountSum = new double[nc];
            compCountN = new int[nc];
            good = new boolean[nc];
        }

        /** Frame r: counted as rejected (and why), or kept with its ratio and flux. */
        void frame(int r, boolean timeOk, ApertureTable target, List<ApertureTable> comps, double[] compFlux,
                CalibrationOptions opt) {
            int nc = comps.size();
            if (!timeOk) {
                timeBad++;
                return;
            }
            if (!Frames.measured(target, r)) {
                tMissing++;
                return;
            }
            if (Frames.badFlags(target, r, opt.ignoreFlags()) != 0) {
                tFlagged++;
                return;
            }
            boolean anyMissing = false;
            boolean anyFlagged = false;
            int ngood = 0;
            for (int j = 0; j < nc; j++) {
                ApertureTable a = comps.get(j);
                boolean m = Frames.measured(a, r);
                boolean f = m && Frames.badFlags(a, r, opt.ignoreFlags()) != 0;
                anyMissing |= !m;
                anyFlagged |= f;
                good[j] = m && !f;
                if (good[j]) {
                    ngood++;
                }
            }
            boolean partial = ngood < nc;
            if (partial && !(opt.dropComparisonPerFrame() && ngood > 0)) {
                if (anyMissing) {
                    cMissing++;
                } else {
                    cFlagged++;
                }
                return;
            }
            double c = 0;
            double varC = 0;
            double fsub = 0;
            for (int j = 0; j < nc; j++) {
                if (good[j]) {
                    ApertureTable a = comps.get(j);
                    double s = a.countsError().value(r);
                    c += a.counts().value(r);
                    varC += s * s;
                    fsub += compFlux[j];
                }
            }
            if (!(c > 0)) {
                // a non-positive comparison sum is not a usable reference
                cMissing++;
                return;
            }
            double t = target.counts().value(r);
            double st = target.countsError().value(r);
            double rr = t / c;
            // hipercam Tseries.__truediv__: sigma_R = sqrt(sigma_T^2 + (T sigma_C / C)^2) / |C|
            double sr = Math.sqrt(st * st + (t * t * varC) / (c * c)) / Math.abs(c);
            frameRow[kept] = r;
            ratio[kept] = rr;
            ratioErr[kept] = sr;
            flux[kept] = rr * fsub;
            fluxErr[kept] = sr * fsub;
            inFrame[kept] = ngood;
            for (int j = 0; j < nc; j++) {
                if (good[j]) {
                    compCountSum[j] += comps.get(j).counts().value(r);
                    compCountN[j]++;
                }
            }
            if (partial) {
                leftOut++;
            }
            kept++;
        }
    }

    static CalibrationBudget budget(ComparisonMagnitudes mags, double[] compFlux, List<Double> magErr,
            double[] meanCounts, double[] flux, double[] fluxErr, Warnings warn, String where) {
        int n = flux.length;
        double meanFlux = Math.abs(Stats.mean(flux, n));
        double stat = meanFlux > 0 ? Stats.median(fluxErr, n) / meanFlux : Double.NaN;
        if (mags.source() == MagnitudeSource.NONE) {
            // relative photometry: the unit comparison flux has no error by definition
            return CalibrationBudget.of(stat, 0, 0, 0);
        }
        double total = 0;
        double indep = 0;
        boolean anyErr = false;
        for (int j = 0; j < compFlux.length; j++) {
            total += compFlux[j];
            double s = magErr.get(j);
            if (Double.isFinite(s) && s > 0) {
                indep += Math.pow(compFlux[j] * s, 2);
                anyErr = true;
            }
        }
        double zp = Double.isFinite(mags.zeroPointErr()) ? mags.zeroPointErr() : 0;
        if (!anyErr && zp == 0) {
            warn.warn(where + ": the comparison magnitudes (" + mags.source().name().toLowerCase(Locale.ROOT)
                    + ") have no errors; the calibration budget rests on the comparison scatter only");
        }
        double indepTerm = MAG_TO_FRAC * Math.sqrt(indep / (total * total));
        double commonTerm = MAG_TO_FRAC * zp;
        double ext = MAG_TO_FRAC * (Double.isFinite(mags.extinctionErr()) ? mags.extinctionErr() : 0);
        double scatter = Double.NaN;
        if (compFlux.length >= 2) {
            double[] ln = new double[compFlux.length];
            int m = 0;
            for (int j = 0; j < compFlux.length; j++) {
                if (meanCounts[j] > 0) {
                    ln[m++] = Math.log(compFlux[j] / meanCounts[j]);
                }
            }
            if (m >= 2) {
                scatter = Stats.std(ln, m) / Math.sqrt(m);
            }
        }
        return CalibrationBudget.of(stat, indepTerm, commonTerm, ext, scatter);
    }
}
