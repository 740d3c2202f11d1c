// SPDX-License-Identifier: EPL-2.0 OR GPL-2.0-or-later
// Copyright (c) 2026 the calphot contributors
package org.calphot.cli.internal;

import org.calphot.core.catalogue.Catalogue;
import org.calphot.core.filters.FilterSystem;
import org.calphot.core.log.LogReader;

/**
 * The one-line description a service gives of itself (STIL's doc-fragment habit: each reader and
 * catalogue says what it does), for {@code calphot services}. Services without one show "-".
 */
public final class ServiceDescriptions {

    private ServiceDescriptions() {
    }

    /** The service's own description, or "-" when its type has none or it gives a blank one. */
    public static String of(Object service) {
        String d = null;
        if (service instanceof LogReader r) {
            d = r.description();
        } else if (service instanceof Catalogue c) {
            d = c.description();
        } else if (service instanceof FilterSystem f) {
            d = f.description();
        }
        return d == null || d.isBlank() ? "-" : d.strip();
    }
}
