// SPDX-License-Identifier: EPL-2.0 OR GPL-2.0-or-later
// Copyright (c) 2026 the calphot contributors
package org.calphot.photometry.internal;

import java.util.List;
import java.util.Locale;

import org.calphot.core.BadInputException;
import org.calphot.core.CalphotException;
import org.calphot.core.Location;
import org.calphot.core.log.ApertureTable;
import org.calphot.core.log.CcdTable;
import org.calphot.core.photometry.ColourTerm;
import org.calphot.core.photometry.ComparisonMagnitudes;
import org.calphot.core.photometry.InstrumentalMagnitude;
import org.calphot.core.photometry.MagnitudeSource;
import org.calphot.core.photometry.ZeroPoint;
import org.calphot.core.photometry.ZeroPointCalculator;
import org.calphot.core.photometry.ZeroPointOptions;
import org.osgi.service.component.annotations.Component;

/**
 * comparison_mags (get_instrumental_mags + get_comparison_magnitudes) with the user's ignore-flags applied
 * (the original never passed them on) and with errors (cam_cal's formula).
 */
@Component(service = ZeroPointCalculator.class, property = "name=default")
public final class DefaultZeroPointCalculator implements ZeroPointCalculator {

    @Override
    public InstrumentalMagnitude instrumental(CcdTable ccd, String label, double[] airmass, double k,
            ZeroPointOptions options) throws CalphotException {
        ZeroPointOptions opt = options == null ? ZeroPointOptions.DEFAULTS : options;
        ApertureTable a = ccd.aperture(label);
        if (a == null) {
            throw new BadInputException("CCD " + ccd.ccd() + " has no aperture '" + label + "'",
                    Location.key(null, 0, "ccd " + ccd.ccd()));
        }
        if (airmass.length != ccd.rows()) {
            throw new IllegalArgumentException("airmass has " + airmass.length + " values for " + ccd.rows() + " rows");
        }
        int rows = ccd.rows();
        boolean[] timeOk = Frames.mjdOk(ccd);
        double[] exp = Frames.exposure(ccd);
        double[] m = new double[rows];
        boolean[] mask = new boolean[rows];
        int masked = 0;
        for (int r = 0; r < rows; r++) {
            boolean bad = !timeOk[r] || !Frames.measured(a, r) || Frames.badFlags(a, r, opt.ignoreFlags()) != 0
                    || !(exp[r] > 0) || !Double.isFinite(airmass[r]) || !(a.counts().value(r) > 0)
                    || (opt.excludeFirstLast() && (r == 0 || r == rows - 1));
            mask[r] = bad;
            if (bad) {
                masked++;
                m[r] = Double.NaN;
            } else {
                m[r] = -2.5 * Math.log10(a.counts().value(r) / exp[r]) - k * airmass[r];
            }
        }
        Stats.Clipped c = Stats.sigmaClip(m, mask, opt.clipSigma(), 5);
        double xs = 0;
        for (int r = 0; r < rows; r++) {
            if (c.kept()[r]) {
                xs += airmass[r];
            }
        }
        int n = c.n();
        double errMean = n > 1 ? c.std() / Math.sqrt(n - 1) : Double.NaN;
        return new InstrumentalMagnitude(label, n > 0 ? c.mean() : Double.NaN, errMean, c.std(), n, masked,
                rows - masked - n, n > 0 ? xs / n : Double.NaN, ccd.mjdUtc().clone(), m, c.kept());
    }

    @Override
    public ZeroPoint zeroPoint(String band, InstrumentalMagnitude standard, double catalogueMag, double catalogueErr,
            double k, double kErr, ColourTerm colourTerm, double standardColour) {
        boolean colour = colourTerm != null && Double.isFinite(standardColour);
        double zp = catalogueMag - standard.mean() - (colour ? colourTerm.coefficient() * standardColour : 0.0);
        double ce = Double.isFinite(catalogueErr) ? catalogueErr : 0.0;
        double ie = Double.isFinite(standard.errorOfMean()) ? standard.errorOfMean() : 0.0;
        return new ZeroPoint(band, zp, Math.sqrt(ie * ie + ce * ce), catalogueMag, ce, standard, k,
                Double.isFinite(kErr) ? kErr : 0.0, colour ? colourTerm : null, colour ? standardColour : Double.NaN);
    }

    @Override
    public ComparisonMagnitudes comparisonMagnitudes(CcdTable field, List<String> labels, double[] airmass,
            ZeroPoint zp, double[] colours, ZeroPointOptions options) throws CalphotException {
        double[] mag = new double[labels.size()];
        double[] err = new double[labels.size()];
        double xsum = 0;
        int xn = 0;
        for (int i = 0; i < labels.size(); i++) {
            InstrumentalMagnitude im = instrumental(field, labels.get(i), airmass, zp.k(), options);
            double c = zp.colourTerm() != null && colours != null && Double.isFinite(colours[i])
                    ? zp.colourTerm().coefficient() * colours[i] : 0.0;
            mag[i] = im.mean() + zp.zp() + c;
            err[i] = im.errorOfMean();
            if (Double.isFinite(im.meanAirmass())) {
                xsum += im.meanAirmass();
                xn++;
            }
        }
        double xField = xn > 0 ? xsum / xn : Double.NaN;
        // m_comp = m_inst,f - k X_f + m_cat - (m_inst,s - k X_s): an error in k enters as sigma_k |X_s - X_f|
        double extErr = Double.isFinite(xField) ? zp.kErr() * Math.abs(zp.standard().meanAirmass() - xField) : 0.0;
        String prov = String.format(Locale.ROOT, "zero point %.4f +- %.4f from standard (m_cat %.3f, X %.3f), k %.4f +-"
                + " %.4f, field X %.3f%s", zp.zp(), zp.zpErr(), zp.catalogueMag(), zp.standard().meanAirmass(), zp.k(),
                zp.kErr(), xField, zp.colourTerm() == null ? "" : ", colour term " + zp.colourTerm().describe());
        return new ComparisonMagnitudes(field.ccd(), zp.band(), labels, mag, err, zp.zpErr(), extErr,
                MagnitudeSource.ZERO_POINT, prov);
    }
}
