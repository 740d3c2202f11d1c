// SPDX-License-Identifier: EPL-2.0 OR GPL-2.0-or-later
// Copyright (c) 2026 the calphot contributors
package org.calphot.catalogue.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import org.calphot.core.catalogue.Catalogue;
import org.calphot.core.catalogue.CatalogueRegistry;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;

/**
 * Every {@link Catalogue} service present, by its {@code name} property. Dynamic and greedy, so a
 * catalogue bundle installed or removed at run time shows up or disappears without code changes.
 * If two services claim one name the first bound wins and the other waits behind it.
 */
@Component(service = CatalogueRegistry.class)
public final class CatalogueRegistryComponent implements CatalogueRegistry {

    private final Map<String, List<Catalogue>> byName = new TreeMap<>();

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY, unbind = "removeCatalogue")
    public void addCatalogue(Catalogue catalogue, Map<String, Object> properties) {
        String name = nameOf(catalogue, properties);
        synchronized (byName) {
            byName.computeIfAbsent(name, k -> new ArrayList<>()).add(catalogue);
        }
    }

    public void removeCatalogue(Catalogue catalogue, Map<String, Object> properties) {
        String name = nameOf(catalogue, properties);
        synchronized (byName) {
            List<Catalogue> l = byName.get(name);
            if (l != null) {
                l.remove(catalogue);
                if (l.isEmpty()) {
                    byName.remove(name);
                }
            }
        }
    }

    private static String nameOf(Catalogue c, Map<String, Object> properties) {
        Object n = properties == null ? null : properties.get("name");
        // The service property is authoritative; name() is the fallback for hand-registered services.
        return n instanceof String s && !s.isBlank() ? s : c.name();
    }

    @Override
    public List<String> names() {
        synchronized (byName) {
            return List.copyOf(byName.keySet());
        }
    }

    @Override
    public Optional<Catalogue> find(String name) {
        synchronized (byName) {
            List<Catalogue> l = byName.get(name);
            return l == null || l.isEmpty() ? Optional.empty() : Optional.of(l.get(0));
        }
    }
}
