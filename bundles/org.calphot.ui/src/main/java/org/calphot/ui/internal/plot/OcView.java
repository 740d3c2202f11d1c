// SPDX-License-Identifier: EPL-2.0 OR GPL-2.0-or-later
// Copyright (c) 2026 the calphot contributors
package org.calphot.ui.internal.plot;

/** The O−C diagram of eclipse times against a linear ephemeris. */
public final class OcView extends FigureView {

    @Override
    protected String emptyMessage() {
        return "No O\u2212C diagram yet.\n\nDouble-click an eclipse_times.txt (least-squares ephemeris) or an "
                + "ephemeris_fit.txt in Observations; right-click an eclipse_times.txt for Fit Ephemeris (MCMC).";
    }
}
