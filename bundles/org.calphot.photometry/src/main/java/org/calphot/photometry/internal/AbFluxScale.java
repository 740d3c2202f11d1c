// SPDX-License-Identifier: EPL-2.0 OR GPL-2.0-or-later
// Copyright (c) 2026 the calphot contributors
package org.calphot.photometry.internal;

import org.calphot.core.photometry.AbMagnitudes;
import org.calphot.core.photometry.FluxScale;
import org.osgi.service.component.annotations.Component;

/** The AB system as a service, so front ends find it the same way as systems added later. */
@Component(service = FluxScale.class, property = FluxScale.SYSTEM + "=AB")
public final class AbFluxScale implements FluxScale {

    @Override
    public String system() {
        return "AB";
    }

    @Override
    public double toMilliJansky(double magnitude) {
        return AbMagnitudes.toMilliJansky(magnitude);
    }

    @Override
    public double toMagnitude(double milliJansky) {
        return AbMagnitudes.fromMilliJansky(milliJansky);
    }
}
