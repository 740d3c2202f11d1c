// SPDX-License-Identifier: EPL-2.0 OR GPL-2.0-or-later
// Copyright (c) 2026 the calphot contributors
package org.calphot.core.photometry;

import org.calphot.core.CalphotException;
import org.calphot.core.log.CcdTable;

/** Fits extinction coefficients from a long run on a photometric night (calc_extinction). */
public interface ExtinctionFitter {

    /**
     * @param airmass airmass of each row of {@code ccd} (NaN = unknown; such frames are left out)
     * @throws org.calphot.core.BadInputException when the usable airmass range is below
     *         {@link ExtinctionOptions#minAirmassRange()} or too few points remain
     */
    ExtinctionResult fit(CcdTable ccd, String band, double[] airmass, ExtinctionOptions options)
            throws CalphotException;
}
