// SPDX-License-Identifier: EPL-2.0 OR GPL-2.0-or-later
// Copyright (c) 2026 the calphot contributors
package org.calphot.filters.internal;

import org.calphot.core.filters.FilterSystem;
import org.calphot.filters.CamFilterSystems;
import org.osgi.service.component.annotations.Component;

/** The ultraspec filter system as a service. */
@Component(service = FilterSystem.class, property = "name=ultraspec")
public final class UltraspecFilterSystem extends FilterSystemComponents {

    public UltraspecFilterSystem() {
        super(CamFilterSystems.ultraspec());
    }
}
