// SPDX-License-Identifier: EPL-2.0 OR GPL-2.0-or-later
// Copyright (c) 2026 the calphot contributors
package org.calphot.plot;

import java.awt.Color;
import java.util.Locale;

/**
 * Colours safe for the common forms of colour blindness: the Okabe &amp; Ito (2008) set, with its yellow left out
 * because it vanishes on a white background.
 */
public final class Palette {

    public static final Color BLUE = new Color(0x0072B2);
    public static final Color VERMILLION = new Color(0xD55E00);
    public static final Color GREEN = new Color(0x009E73);
    public static final Color PURPLE = new Color(0xCC79A7);
    public static final Color ORANGE = new Color(0xE69F00);
    public static final Color SKY_BLUE = new Color(0x56B4E9);
    public static final Color BLACK = Color.BLACK;
    /** For flagged (rejected) points and reference lines. */
    public static final Color GREY = new Color(0x8C8C8C);

    private static final Color[] CYCLE = {BLUE, VERMILLION, GREEN, PURPLE, ORANGE, SKY_BLUE, BLACK};

    private Palette() {
    }

    /** The i-th colour of the cycle (wraps). */
    public static Color cycle(int i) {
        return CYCLE[Math.floorMod(i, CYCLE.length)];
    }

    public static int cycleLength() {
        return CYCLE.length;
    }

    /**
     * A colour per photometric band, ordered blue to red so the panels read like a spectrum (u blue, g green,
     * r vermillion, i purple, z black); unknown bands take the cycle colour of their index.
     */
    public static Color band(String band, int index) {
        String b = band == null ? "" : band.trim().toLowerCase(Locale.ROOT);
        if (b.startsWith("u")) {
            return BLUE;
        } else if (b.startsWith("g")) {
            return GREEN;
        } else if (b.startsWith("r")) {
            return VERMILLION;
        } else if (b.startsWith("i")) {
            return PURPLE;
        } else if (b.startsWith("z")) {
            return BLACK;
        }
        return cycle(index);
    }

    /** The colour with the given alpha (0..1). */
    public static Color alpha(Color c, double alpha) {
        return new Color(c.getRed(), c.getGreen(), c.getBlue(), (int) Math.round(255 * alpha));
    }

    /** The colour mixed with white; {@code f = 0} is the colour, 1 is white. */
    public static Color lighter(Color c, double f) {
        return new Color((int) Math.round(c.getRed() + (255 - c.getRed()) * f),
                (int) Math.round(c.getGreen() + (255 - c.getGreen()) * f),
                (int) Math.round(c.getBlue() + (255 - c.getBlue()) * f));
    }
}
