package org.calphot.filters.internal;

import org.calphot.core.filters.FilterSystem;
import org.calphot.filters.CamFilterSystems;
import org.osgi.service.component.annotations.Component;

/** The ultracam-regular filter system as a service. */
@Component(service = FilterSystem.class, property = "name=ultracam-regular")
public final class UltracamRegularFilterSystem extends FilterSystemComponents {

    public UltracamRegularFilterSystem() {
        super(CamFilterSystems.ultracamRegular());
    }
}
