// SPDX-License-Identifier: EPL-2.0 OR GPL-2.0-or-later
// Copyright (c) 2026 the calphot contributors
package org.calphot.ui.internal.plot;

/** Timed eclipses, one figure per eclipse: the data, the fitted profile, the mid-time and the residuals. */
public final class EclipseView extends FigureView {

    @Override
    protected String emptyMessage() {
        return "No timed eclipse yet.\n\nRight-click one or more logs in Observations and choose Time Eclipses...: "
                + "each eclipse is fitted and its mid-time added to EPHEMERIS/eclipse_times.txt.";
    }
}
