// SPDX-License-Identifier: EPL-2.0 OR GPL-2.0-or-later
// Copyright (c) 2026 the calphot contributors
package org.calphot.ephemeris.internal;

import org.calphot.core.BadInputException;
import org.calphot.core.CalphotException;
import org.calphot.core.ProgressMonitor;
import org.calphot.ephemeris.EclipseTimer;
import org.calphot.ephemeris.EclipseTiming;
import org.osgi.service.component.annotations.Component;

/**
 * {@code wd-contacts}: the white dwarf's mid-ingress and mid-egress from the derivative of the
 * lightcurve ({@link WdContacts}, Wood, Irwin &amp; Pringle 1985), mid-eclipse their mean, the
 * white dwarf's eclipse width their difference. No shape is assumed beyond flat levels on either
 * side of each contact, so a bright spot eclipsed later does not pull the time. White-noise error
 * by propagation (errors scaled by the point-to-point scatter when above them); red-noise error by
 * prayer bead on the residuals of the white dwarf + spot model fit, the contacts measured again on
 * every shifted lightcurve.
 */
@Component(service = EclipseTimer.class, property = "name=wd-contacts")
public class WdContactsTimer extends DefaultEclipseTimer {

    @Override
    public String name() {
        return "wd-contacts";
    }

    @Override
    protected EclipseTiming timeClean(double[][] all, Options o, ProgressMonitor monitor) throws CalphotException {
        WdFits.Window w = WdFits.window(all);
        WdContacts.Result c0 = WdContacts.measure(w.t(), w.f(), w.e(), w.in(), w.eg());
        WdFits.Best best = WdFits.fit(w, 1.0, WdFits.starts(w, c0), 2000, 2);
        WdContacts.Result c = best == null ? c0 : checked(w, c0, best);
        double chi2 = best == null ? Double.NaN : best.reducedChi2();
        // the contacts feel only the noise on the ingress time scale: scale by the point-to-point scatter, not chi2
        double pp = pointToPoint(w.f(), w.e());
        double scale = o.scaleErrors() && pp > 1 ? pp : 1.0;
        double white = c.midErr() * scale;
        double[] model = best == null ? new double[w.t().length] : best.values();
        java.util.function.DoubleUnaryOperator profile = best == null ? null
                : best.model().profile(best.th(), best.beta(), w.t());
        EclipseTiming et = new EclipseTiming(c.mid(), white, c.width(), 2 * white, Double.NaN,
                best == null ? Double.NaN : best.beta()[3], w.t()[0], w.t()[w.t().length - 1], w.t().length, chi2,
                scale, Double.NaN, Double.NaN, null, w.t(), w.f(), w.e(), model, name(), white, Double.NaN,
                "propagated", c.ingress().mid(), c.ingress().err() * scale, c.egress().mid(),
                c.egress().err() * scale, c.width(), profile);
        if (best == null) {
            return et;
        }
        double red = PrayerBead.sigma(w.f(), model, PrayerBead.DEFAULT_SHIFTS, flux -> {
            try {
                return WdContacts.again(w.t(), flux, w.e(), c).mid();
            } catch (BadInputException e) {
                return Double.NaN;
            }
        });
        return et.withRedError(red, "prayer-bead");
    }

    /**
     * The contacts again from the fit's white-dwarf contacts where they differ by more than a ramp: on a faint
     * target the derivative's first strong spike can be the bright spot's (a time late by half the spot's lag),
     * while the fit, started from a grid that includes an earlier white dwarf, sees both steps.
     */
    static WdContacts.Result checked(WdFits.Window w, WdContacts.Result c, WdFits.Best best) {
        double[] th = best.th();
        double fin = w.tm() + w.w0() * (th[0] - 0.5 * th[1]);
        double feg = w.tm() + w.w0() * (th[0] + 0.5 * th[1]);
        double cad = WdContacts.cadence(w.t());
        WdContacts.Contact ci = c.ingress();
        WdContacts.Contact ce = c.egress();
        try {
            if (Math.abs(ci.mid() - fin) > Math.max(ci.ramp(), 3 * cad)) {
                ci = WdContacts.refine(w.t(), w.f(), w.e(), fin, ci.ramp(), -1, cad);
            }
            if (Math.abs(ce.mid() - feg) > Math.max(ce.ramp(), 3 * cad)) {
                ce = WdContacts.refine(w.t(), w.f(), w.e(), feg, ce.ramp(), +1, cad);
            }
        } catch (BadInputException e) {
            return c;
        }
        return ce.mid() > ci.mid() ? new WdContacts.Result(ci, ce, c.spotIngress(), c.spotEgress(), c.rampDays()) : c;
    }

    /**
     * Point-to-point scatter over the median error: 1.4826 median |f[i+1] - f[i]| / sqrt(2), which
     * the eclipse's few steep points do not move.
     */
    static double pointToPoint(double[] f, double[] e) {
        int n = f.length;
        if (n < 5) {
            return 1;
        }
        double[] d = new double[n - 1];
        for (int i = 0; i + 1 < n; i++) {
            d[i] = Math.abs(f[i + 1] - f[i]);
        }
        java.util.Arrays.sort(d);
        double[] es = e.clone();
        java.util.Arrays.sort(es);
        return 1.4826 * d[d.length / 2] / Math.sqrt(2) / es[n / 2];
    }
}
