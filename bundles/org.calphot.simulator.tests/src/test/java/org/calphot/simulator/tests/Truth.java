// SPDX-License-Identifier: EPL-2.0 OR GPL-2.0-or-later
// Copyright (c) 2026 the calphot contributors
package org.calphot.simulator.tests;

import java.util.HashMap;
import java.util.Map;

import org.calphot.core.CalphotException;
import org.calphot.core.Warnings;
import org.calphot.simulator.SimulationSpec;
import org.calphot.simulator.Simulator;
import org.calphot.time.TimeServices;

/** The truth of a simulated run, per (CCD label, frame number): regenerated from the same spec and seed. */
final class Truth {

    record Line(double targetMjy, double phase, boolean junk) {
    }

    private final Map<String, Line> lines = new HashMap<>();

    Truth(SimulationSpec spec) throws CalphotException {
        new Simulator(TimeServices.siteRegistry()).generate(spec, l -> {
            boolean junk = false;
            for (double j : l.junkCounts) {
                junk |= j > 0;
            }
            lines.put(l.ccdLabel + "/" + l.nframe, new Line(l.trueMjy[0], l.phase, junk));
        }, null, Warnings.IGNORE);
    }

    Line get(String ccd, int nframe) {
        return lines.get(ccd + "/" + nframe);
    }

    static Simulator simulator() {
        return new Simulator(TimeServices.siteRegistry());
    }
}
