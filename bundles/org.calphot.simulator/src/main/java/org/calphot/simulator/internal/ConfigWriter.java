// SPDX-License-Identifier: EPL-2.0 OR GPL-2.0-or-later
// Copyright (c) 2026 the calphot contributors
package org.calphot.simulator.internal;

import java.util.Locale;

import org.calphot.core.util.YamlScalar;
import org.calphot.simulator.Instrument;
import org.calphot.simulator.SimulationSpec;

/**
 * A cal_phot YAML config for a simulated run (calphot-original.md section 2): comparison magnitudes in
 * the YAML (mode c, {@code SDSS: 0}), one band key per CCD in CCD order, paths relative to the config. Values
 * go through {@link YamlScalar} so a target name such as {@code V* DP Leo #2} reads back unchanged.
 */
public final class ConfigWriter {

    private ConfigWriter() {
    }

    public static String yaml(SimulationSpec spec, String logName) {
        Instrument inst = spec.instrument();
        StringBuilder y = new StringBuilder();
        y.append("# cal_phot configuration for SYNTHETIC data written by 'calphot simulate'\n");
        y.append("# (instrument ").append(inst.id()).append(", seed ").append(spec.seed()).append(", ")
                .append(spec.frames()).append(" frames). The true answer is in ").append(spec.runName())
                .append(".truth.json / .truth.csv.\n");
        y.append("# Comparison-star magnitudes are AB in the instrument's own filters, in CCD order; paths are\n");
        y.append("# relative to this file.\n");
        y.append("target coords: ").append(YamlScalar.of(spec.targetCoords())).append('\n');
        y.append("period: ").append(plain(spec.periodDays())).append('\n');
        y.append("T0: ").append(plain(spec.t0BmjdTdb())).append('\n');
        y.append("SDSS: 0\n");
        y.append("directory: 'calphot_out'\n");
        y.append("fit ephemeris: false\n");
        y.append("overplot: false\n");
        y.append("observing_log_fname: observing_log.csv\n");
        y.append("extract:\n");
        y.append("  data_1:\n");
        y.append("    observatory: ").append(YamlScalar.of(spec.site())).append('\n');
        y.append("    inst: ").append(YamlScalar.of(inst.calphotInst())).append('\n');
        y.append("    phase range: [-0.5, 0.5]\n");
        y.append("    oname: ").append(YamlScalar.of(spec.targetName())).append('\n');
        y.append("    logfiles:\n");
        y.append("      ").append(YamlScalar.of(logName)).append(": {");
        for (int c = 0; c < inst.nccd(); c++) {
            if (c > 0) {
                y.append(", ");
            }
            y.append(YamlScalar.of(inst.ccds().get(c).bandKey())).append(": [");
            double[] m = spec.compMags()[c];
            for (int j = 0; j < m.length; j++) {
                if (j > 0) {
                    y.append(", ");
                }
                y.append(String.format(Locale.ROOT, "%.3f", m[j]));
            }
            y.append(']');
        }
        y.append("}\n");
        y.append("    get eclipse times: false\n");
        y.append("    flux calibrate: true\n");
        y.append("    extract data: true\n");
        return y.toString();
    }

    private static String plain(double v) {
        return new java.math.BigDecimal(Double.toString(v)).toPlainString();
    }
}
