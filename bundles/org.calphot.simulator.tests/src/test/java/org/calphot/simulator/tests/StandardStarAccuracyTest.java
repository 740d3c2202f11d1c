// SPDX-License-Identifier: EPL-2.0 OR GPL-2.0-or-later
// Copyright (c) 2026 the calphot contributors
package org.calphot.simulator.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.calphot.catalogue.standards.StandardsCatalogues;
import org.calphot.core.Warnings;
import org.calphot.core.log.CcdTable;
import org.calphot.core.log.PhotometryLog;
import org.calphot.core.photometry.CalibratedLightcurve;
import org.calphot.core.photometry.CalibrationOptions;
import org.calphot.core.photometry.ComparisonMagnitudes;
import org.calphot.core.photometry.ExtinctionOptions;
import org.calphot.core.photometry.ExtinctionResult;
import org.calphot.core.photometry.ZeroPoint;
import org.calphot.core.time.AirmassFormula;
import org.calphot.io.LogIo;
import org.calphot.photometry.AirmassSource;
import org.calphot.tools.ComparisonMagsTool;
import org.calphot.photometry.PhotometryServices;
import org.calphot.simulator.Instrument;
import org.calphot.simulator.SimulateTool;
import org.calphot.simulator.SimulationSpec;
import org.calphot.simulator.Simulator;
import org.calphot.time.TimeServices;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The calibration chain of a photometric ULTRACAM night against truth, with fixed seeds (field 401, standard
 * 402): a 3.5-h field run (airmass 1.0 to 1.5) gives k per band ({@code ExtinctionFitter}, comparisons only);
 * a standard-star run of GD108 (Gaia-SPSS ULTRACAM magnitudes from the shipped standards table) gives the
 * zero points, and with them the comparison magnitudes ({@code ComparisonMagsTool}); those calibrate the
 * field run ({@code FluxCalibrator}), whose flux level must match the truth within the stated error. The
 * standards table states 0.02 mag for every star, which dominates the comparison magnitudes' errors; the
 * measurement part alone is checked too.
 */
class StandardStarAccuracyTest {

    static final String SITE = "lasilla";
    static final String FIELD = "10:00:00.00 -20:00:00.0";

    @TempDir
    static Path tmp;
    static SimulationSpec field;
    static SimulationSpec standard;
    static Simulator.Result fieldRun;
    static Simulator.Result standardRun;
    static AirmassSource airmass;
    static List<ExtinctionResult> extinction = new ArrayList<>();

    @BeforeAll
    static void simulate() throws Exception {
        Simulator sim = Truth.simulator();
        field = SimulationSpec.defaults(Instrument.ULTRACAM).seed(401).frames(4150).exposureS(3)
                .startMjdUtc(60384.10).targetCoords(FIELD).runName("field").build();
        fieldRun = sim.write(field, tmp.resolve("field"), false, null, Warnings.IGNORE);
        SimulateTool tool = new SimulateTool(TimeServices.corrector(), TimeServices.siteRegistry(),
                StandardsCatalogues.standards());
        standard = tool.resolve(new SimulateTool.Args("ultracam", "hipercam", 200, 402, null, "std", 0.5, 60384.085,
                null, null, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN,
                false, false, "GD108"));
        standardRun = sim.write(standard, tmp.resolve("std"), false, null, Warnings.IGNORE);
        airmass = AirmassSource.of(TimeServices.siteRegistry(), TimeServices.corrector(),
                AirmassFormula.PLANE_PARALLEL, Warnings.IGNORE);
        PhotometryLog log = LogIo.defaultReaders().read(fieldRun.log(), Warnings.IGNORE);
        List<String> bands = List.of("r", "g", "u");
        for (int c = 0; c < 3; c++) {
            CcdTable ccd = log.ccds().get(c);
            double[] x = airmass.airmass(SITE, FIELD, ccd.mjdUtc());
            // the target is variable: fit the comparisons only
            extinction.add(PhotometryServices.extinctionFitter().fit(ccd, bands.get(c), x,
                    new ExtinctionOptions(0, ExtinctionOptions.DEFAULT_CLIP, ExtinctionOptions.DEFAULT_MIN_RANGE,
                            List.of("2", "3"))));
        }
    }

    @Test
    void standardRunIsTheCatalogueStar() {
        assertTrue(standard.constantTarget());
        assertEquals("GD108", standard.targetName());
        // Gaia-SPSS ULTRACAM (2019+ optics) super-filter magnitudes of GD108, CCD order r, g, u
        assertEquals(13.772, standard.wdMag()[0], 0.0005);
        assertEquals(13.328, standard.wdMag()[1], 0.0005);
        assertEquals(13.198, standard.wdMag()[2], 0.0005);
        assertTrue(standardRun.eclipseBmjdTdb().isEmpty() && standardRun.eclipseTimes() == null);
    }

    /** Recovered k within 2 sigma of the simulated k, in each band. */
    @Test
    void extinctionRecoversK() {
        StringBuilder sb = new StringBuilder();
        for (int c = 0; c < 3; c++) {
            ExtinctionResult r = extinction.get(c);
            double k = field.extinction()[c];
            sb.append(String.format(Locale.ROOT, "%s: k %.4f +- %.4f (true %.3f, %+.2f sigma), X %.3f..%.3f, %d points%n",
                    r.band(), r.jointK(), r.jointKErr(), k, (r.jointK() - k) / r.jointKErr(), r.airmassMin(),
                    r.airmassMax(), r.jointUsed()));
        }
        System.out.print(sb);
        for (int c = 0; c < 3; c++) {
            ExtinctionResult r = extinction.get(c);
            assertTrue(r.airmassMax() - r.airmassMin() > ExtinctionOptions.DEFAULT_MIN_RANGE, sb.toString());
            assertTrue(r.jointKErr() > 0 && r.jointKErr() < 0.01, sb.toString());
            assertEquals(field.extinction()[c], r.jointK(), 2 * r.jointKErr(), sb.toString());
        }
    }

    /**
     * Comparison magnitudes from the standard within their errors (each within 2 sigma, RMS of the six pulls
     * below 1.5), and the field calibrated with them matches the true flux level within the stated error.
     */
    @Test
    void standardStarPathRecoversComparisonMagnitudesAndFluxLevel() throws Exception {
        double[] k = new double[3];
        double[] kErr = new double[3];
        for (int c = 0; c < 3; c++) {
            k[c] = extinction.get(c).jointK();
            kErr[c] = extinction.get(c).jointKErr();
        }
        ComparisonMagsTool tool = new ComparisonMagsTool(LogIo.defaultReaders(),
                PhotometryServices.zeroPointCalculator(), StandardsCatalogues.standards(), airmass);
        StringWriter out = new StringWriter();
        tool.run(new ComparisonMagsTool.Args(standardRun.log(), fieldRun.log(), "GD108", SITE, FIELD, k, kErr,
                List.of("r", "g", "u"), 0, "spss-ucam-cube-super", null, List.of(), tmp, false),
                new PrintWriter(out), Warnings.IGNORE);
        List<ComparisonMagnitudes> comps = tool.lastOutcome().comparisons();
        List<ZeroPoint> zps = tool.lastOutcome().zeroPoints();
        StringBuilder sb = new StringBuilder();
        double chi2 = 0;
        int n = 0;
        for (int c = 0; c < 3; c++) {
            ComparisonMagnitudes cm = comps.get(c);
            assertEquals(List.of("2", "3"), cm.labels());
            for (int j = 0; j < 2; j++) {
                double truth = field.compMags()[c][j];
                double pull = (cm.mag(j) - truth) / cm.totalErr(j);
                // the simulated standard has exactly its catalogue magnitude: without the catalogue's error the
                // rest (instrumental, zero point, extinction) must also cover the difference, at 3 sigma
                double cat = zps.get(c).catalogueErr();
                double measured = Math.sqrt(Math.max(0, sq(cm.totalErr(j)) - sq(Double.isFinite(cat) ? cat : 0)));
                double sharp = (cm.mag(j) - truth) / measured;
                sb.append(String.format(Locale.ROOT, "CCD %s aperture %s: %.4f +- %.4f (measurement part %.4f), true"
                        + " %.3f (%+.2f sigma; %+.2f sigma of the measurement part)%n", cm.ccd(), cm.labels().get(j),
                        cm.mag(j), cm.totalErr(j), measured, truth, pull, sharp));
                assertTrue(Math.abs(pull) < 2, sb.toString());
                assertTrue(Math.abs(sharp) < 3, sb.toString());
                chi2 += pull * pull;
                n++;
            }
        }
        assertTrue(Math.sqrt(chi2 / n) < 1.5, sb.toString());

        // the field run calibrated with those magnitudes: its level against the truth
        PhotometryLog log = LogIo.defaultReaders().read(fieldRun.log(), Warnings.IGNORE);
        Truth truth = new Truth(field);
        double edge = field.eclipseWidthPhase() / 2 + 30.0 / 86400 / field.periodDays();
        for (int c = 0; c < 3; c++) {
            CcdTable ccd = log.ccds().get(c);
            CalibratedLightcurve lc = PhotometryServices.fluxCalibrator().calibrate(ccd, comps.get(c),
                    CalibrationOptions.DEFAULTS, Warnings.IGNORE);
            int[] nframe = ccd.nframe();
            double sum = 0;
            double w = 0;
            for (int i = 0; i < lc.size(); i++) {
                Truth.Line t = truth.get(ccd.ccd(), nframe[lc.frameRow()[i]]);
                if (t == null || t.junk() || Math.abs(t.phase()) < edge) {
                    continue;
                }
                double ef = lc.fluxErrMjy()[i] / t.targetMjy();
                sum += (lc.fluxMjy()[i] / t.targetMjy() - 1) / (ef * ef);
                w += 1 / (ef * ef);
            }
            double level = sum / w;
            double sys = lc.budget().systematic();
            double stat = 1 / Math.sqrt(w);
            sb.append(String.format(Locale.ROOT, "CCD %s level %+.5f, systematic %.5f, stat of mean %.5f%n",
                    ccd.ccd(), level, sys, stat));
            assertTrue(sys > 0, sb.toString());
            assertTrue(Math.abs(level) < 3 * Math.hypot(sys, stat), sb.toString());
        }
        System.out.print(sb);
    }

    private static double sq(double v) {
        return v * v;
    }
}
