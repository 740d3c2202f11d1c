// SPDX-License-Identifier: EPL-2.0 OR GPL-2.0-or-later
// Copyright (c) 2026 the calphot contributors
package org.calphot.core.log;

/**
 * One aperture from the aperture file the pipeline copied into the log header: pixel position,
 * radii, whether it is a reference aperture and the aperture it is linked to ("" if none).
 */
public record ApertureDef(String ccd, String label, double x, double y, double rtarg, double rsky1, double rsky2,
        boolean ref, String link) {
}
