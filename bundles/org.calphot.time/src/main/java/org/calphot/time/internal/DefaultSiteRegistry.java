// SPDX-License-Identifier: EPL-2.0 OR GPL-2.0-or-later
// Copyright (c) 2026 the calphot contributors
package org.calphot.time.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.calphot.core.BadInputException;
import org.calphot.core.Location;
import org.calphot.core.Warnings;
import org.calphot.core.time.Sexagesimal;
import org.calphot.core.time.Site;
import org.calphot.core.time.SiteRegistry;
import org.osgi.service.component.annotations.Component;

/**
 * Built-in sites ({@link SiteTable}) plus user-defined ones. Names match case-insensitively and
 * ignoring blanks and punctuation, so {@code "Roque de los Muchachos"}, {@code roquedelosmuchachos}
 * and {@code La-Silla} all work.
 */
@Component(service = SiteRegistry.class, property = "name=builtin")
public final class DefaultSiteRegistry implements SiteRegistry {

    private final Map<String, Site> byKey;
    private final Map<Site, List<String>> names;

    public DefaultSiteRegistry() {
        this(List.of());
    }

    private DefaultSiteRegistry(List<Site> userSites) {
        Map<String, Site> keys = new LinkedHashMap<>();
        Map<Site, List<String>> n = new LinkedHashMap<>();
        for (Site u : userSites) {
            keys.put(key(u.name()), u);
            n.put(u, List.of(u.name()));
        }
        for (SiteTable.Entry e : SiteTable.ENTRIES) {
            List<String> usable = new ArrayList<>();
            for (String name : e.names()) {
                String k = key(name);
                if (!keys.containsKey(k)) {
                    keys.put(k, e.site());
                    usable.add(name);
                }
            }
            if (!usable.isEmpty()) {
                n.put(e.site(), List.copyOf(usable));
            }
        }
        this.byKey = keys;
        this.names = n;
    }

    static String key(String name) {
        return name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9.]", "");
    }

    @Override
    public SiteRegistry withSites(List<Site> userSites) {
        List<Site> all = new ArrayList<>(userSites);
        for (Site s : names.keySet()) {
            if (!isBuiltin(s)) {
                all.add(s); // keep earlier user sites too
            }
        }
        return new DefaultSiteRegistry(all);
    }

    private static boolean isBuiltin(Site s) {
        for (SiteTable.Entry e : SiteTable.ENTRIES) {
            if (e.site().equals(s)) {
                return true;
            }
        }
        return false;
    }

    @Override
    public List<Site> sites() {
        return List.copyOf(names.keySet());
    }

    @Override
    public List<String> namesOf(Site site) {
        return names.getOrDefault(site, List.of());
    }

    @Override
    public Site lookup(String text, Location where, Warnings warnings) throws BadInputException {
        if (text == null || text.isBlank()) {
            throw new BadInputException("empty site name", where);
        }
        String t = text.strip();
        if (t.indexOf(',') >= 0) {
            return parseLatLon(text, where, warnings == null ? Warnings.IGNORE : warnings);
        }
        Site s = byKey.get(key(t));
        if (s == null) {
            List<String> known = new ArrayList<>();
            for (Site k : names.keySet()) {
                known.add(k.name());
            }
            throw new BadInputException("unknown site '" + t + "'; known: " + String.join(", ", known)
                    + " (or give \"lat, lon[, height_m]\" with east longitude)", where);
        }
        return s;
    }

    /** cal_phot's {@code "lat, lon"} form (lat first, east longitude), optionally with a height in metres. */
    private static Site parseLatLon(String text, Location where, Warnings warnings) throws BadInputException {
        String[] parts = text.split(",", -1);
        if (parts.length < 2 || parts.length > 3) {
            throw new BadInputException("site '" + text.strip() + "' must be \"lat, lon\" or \"lat, lon, height_m\"",
                    where);
        }
        int[] col = new int[parts.length];
        int c = 0;
        for (int i = 0; i < parts.length; i++) {
            int lead = 0;
            while (lead < parts[i].length() && Character.isWhitespace(parts[i].charAt(lead))) {
                lead++;
            }
            col[i] = c + lead;
            c += parts[i].length() + 1;
            parts[i] = parts[i].strip();
        }
        Sexagesimal.Value lat = Sexagesimal.parse(parts[0], "latitude", where, col[0]);
        Sexagesimal.Value lon = Sexagesimal.parse(parts[1], "longitude", where, col[1]);
        if (lat.unit() == 'h' || lon.unit() == 'h') {
            throw new BadInputException("site '" + text.strip() + "': latitude and longitude are in degrees", where);
        }
        if (Math.abs(lat.value()) > 90) {
            throw new BadInputException("site '" + text.strip() + "': latitude " + parts[0]
                    + " out of range [-90, 90] (the form is \"lat, lon\", latitude first)", where);
        }
        if (lon.value() < -180 || lon.value() > 360) {
            throw new BadInputException("site '" + text.strip() + "': longitude " + parts[1]
                    + " out of range [-180, 360]", where);
        }
        double height = 0.0;
        if (parts.length == 3) {
            try {
                height = Double.parseDouble(parts[2]);
            } catch (NumberFormatException e) {
                height = Double.NaN;
            }
            if (!(height > -500 && height < 9000)) {
                throw new BadInputException("site '" + text.strip() + "': height '" + parts[2]
                        + "' is not metres in (-500, 9000)", where);
            }
        } else {
            warnings.warn(where, "site '" + text.strip() + "' has no height; using 0 m as cal_phot did"
                    + " (each 300 m of missing height moves BMJD by up to 1 us; airmass by < 1e-4)");
        }
        return new Site(text.strip(), lat.value(), lon.value(), height,
                "user-given latitude, longitude" + (parts.length == 3 ? ", height" : " (height 0 m)"));
    }
}
