// SPDX-License-Identifier: EPL-2.0 OR GPL-2.0-or-later
// Copyright (c) 2026 the calphot contributors
package org.calphot.ui.internal.plot;

/** An MCMC ephemeris fit: the walkers' traces and the corner plot of the posterior. */
public final class McmcView extends FigureView {

    @Override
    protected String emptyMessage() {
        return "No MCMC chain yet.\n\nRight-click an eclipse_times.txt in Observations and choose Fit Ephemeris "
                + "(MCMC), or double-click an ephemeris_chain.txt written by 'calphot ephemeris'.";
    }
}
