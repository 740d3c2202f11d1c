// SPDX-License-Identifier: EPL-2.0 OR GPL-2.0-or-later
// Copyright (c) 2026 the calphot contributors
package org.calphot.core.time;

/** What to convert for: one target seen from one site, and the airmass formula to use. */
public record TimeRequest(Site site, SkyPosition target, AirmassFormula airmassFormula) {

    public TimeRequest {
        if (site == null || target == null) {
            throw new IllegalArgumentException("site and target are required");
        }
        if (airmassFormula == null) {
            airmassFormula = AirmassFormula.PLANE_PARALLEL;
        }
    }

    public TimeRequest(Site site, SkyPosition target) {
        this(site, target, AirmassFormula.PLANE_PARALLEL);
    }
}
