// SPDX-License-Identifier: EPL-2.0 OR GPL-2.0-or-later
// Copyright (c) 2026 the calphot contributors
package org.calphot.config;

import java.io.StringReader;
import java.util.List;
import java.util.Locale;

import org.calphot.config.internal.YamlNodes;
import org.calphot.core.BadInputException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;

/**
 * The run's eclipse-timing keys (top level, optional): {@code eclipse model} (symmetric,
 * wd-contacts, wd-bright-spot; default symmetric) and {@code eclipse ccd} (the CCD label to time
 * on; default the CCD whose eclipse has the highest signal-to-noise). {@link ConfigReader}
 * validates them; this reads them back from a validated job's text.
 */
public record EclipseSettings(String model, String ccd) {

    /** The models {@code eclipse model} accepts (the names of the EclipseTimer services). */
    public static final List<String> MODELS = List.of("symmetric", "wd-contacts", "wd-bright-spot");

    public static final EclipseSettings DEFAULTS = new EclipseSettings("symmetric", null);

    /** The settings of a job read by {@link ConfigReader} (so already validated). */
    public static EclipseSettings of(CalphotJob job) {
        if (job.configText() == null) {
            return DEFAULTS;
        }
        try {
            Node root = YamlNodes.compose(new StringReader(job.configText()), String.valueOf(job.configFile()));
            String model = null;
            String ccd = null;
            if (root instanceof MappingNode m) {
                for (NodeTuple t : m.getValue()) {
                    String k = YamlNodes.keyText(t).toLowerCase(Locale.ROOT);
                    if (t.getValueNode() instanceof ScalarNode s && !YamlNodes.isNull(s)) {
                        if (k.equals("eclipse model")) {
                            model = s.getValue().strip().toLowerCase(Locale.ROOT);
                        } else if (k.equals("eclipse ccd")) {
                            ccd = s.getValue().strip();
                        }
                    }
                }
            }
            return new EclipseSettings(model == null ? "symmetric" : model, ccd);
        } catch (BadInputException e) {
            return DEFAULTS;
        }
    }
}
