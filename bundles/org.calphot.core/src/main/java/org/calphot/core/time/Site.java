// SPDX-License-Identifier: EPL-2.0 OR GPL-2.0-or-later
// Copyright (c) 2026 the calphot contributors
package org.calphot.core.time;

/**
 * An observing site: geodetic latitude, east longitude (degrees, WGS84) and height above the
 * ellipsoid in metres, with where the numbers come from ({@code source}), which is recorded in
 * provenance.
 */
public record Site(String name, double latDeg, double lonEastDeg, double heightM, String source) {

    public Site {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("site needs a name");
        }
        if (!(latDeg >= -90 && latDeg <= 90)) {
            throw new IllegalArgumentException("latitude out of range: " + latDeg);
        }
        if (!(lonEastDeg >= -360 && lonEastDeg <= 360)) {
            throw new IllegalArgumentException("longitude out of range: " + lonEastDeg);
        }
        if (!(heightM > -1000 && heightM < 10000)) {
            throw new IllegalArgumentException("height out of range: " + heightM);
        }
        // one convention inside calphot: east longitude in (-180, 180]
        if (lonEastDeg > 180) {
            lonEastDeg -= 360;
        } else if (lonEastDeg <= -180) {
            lonEastDeg += 360;
        }
        source = source == null ? "" : source;
    }
}
