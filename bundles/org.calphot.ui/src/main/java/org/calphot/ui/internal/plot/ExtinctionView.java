// SPDX-License-Identifier: EPL-2.0 OR GPL-2.0-or-later
// Copyright (c) 2026 the calphot contributors
package org.calphot.ui.internal.plot;

/** Extinction fits, one figure per CCD: instrumental magnitude against airmass per aperture, the fitted k. */
public final class ExtinctionView extends FigureView {

    @Override
    protected String emptyMessage() {
        return "No extinction fit yet.\n\nRight-click a log in Observations and choose Fit Extinction..., or "
                + "double-click a <log>_extinction.json written by 'calphot extinction'.";
    }
}
