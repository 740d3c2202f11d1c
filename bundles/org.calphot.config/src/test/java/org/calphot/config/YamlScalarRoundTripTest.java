// SPDX-License-Identifier: EPL-2.0 OR GPL-2.0-or-later
// Copyright (c) 2026 the calphot contributors
package org.calphot.config;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;

import org.calphot.core.util.YamlScalar;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;

/**
 * What calphot writes into YAML ({@code simulate}'s config, the {@code comparison-mags} block) reads back through
 * snakeyaml, the config reader's parser, as the same string: as a block value ({@code oname: V* DP Leo #2}) and as a
 * key of a flow mapping (the log file's {@code {u: [...]}} line). Values that were plain before stay plain.
 */
class YamlScalarRoundTripTest {

    private static final List<String> HARD = List.of("V* DP Leo #2", "#2", "a: b", "C:\\data\\run 1", "run:001.log",
            "/data/x: y/run001.log", "x:", ":x", "yes", "No", "off", "null", "~", "", " lead", "trail ", "123",
            "0x1F", "1e5", "-1", "+2", ".inf", ".NaN", "1:30", "2001-12-14 21:59:43.10 -5", "2024-01-01", "it's",
            "say \"hi\"", "a, b", "[x]", "{x}", "a\nb", "tab\there", "&anchor", "*alias", "!tag", "|", ">", "%x",
            "@x", "`x", "- item", "? key", "=", "<<", "DP Leo", "α Lyr #1", "back\\slash", "a #b", "a#b", "12 34");

    private static final Yaml YAML = new Yaml(new LoaderOptions());

    @Test
    void blockValueAndFlowKeyRoundTrip() {
        for (String s : HARD) {
            String q = YamlScalar.of(s);
            Map<?, ?> block = YAML.load("outer:\n  oname: " + q + "\n  after: 1\n");
            assertEquals(s, ((Map<?, ?>) block.get("outer")).get("oname"), "block value " + q);
            Map<?, ?> flow = YAML.load("logfiles:\n  " + q + ": {" + q + ": [1.0, 2.0]}\n");
            Map<?, ?> inner = (Map<?, ?>) ((Map<?, ?>) flow.get("logfiles")).get(s);
            assertEquals(List.of(1.0, 2.0), inner.get(s), "flow key " + q);
        }
    }

    /** The values calphot's writers printed before keep their bytes (the bundled example's config is unchanged). */
    @Test
    void ordinaryValuesStayPlain() {
        for (String s : List.of("10:00:00.00 +20:00:00.0", "SIMCV", "lasilla", "hipercam", "ultracam", "run001.log",
                "us", "gs", "rs", "KP", "DP Leo", "V* DP Leo", "TNO")) {
            assertEquals(s, YamlScalar.of(s));
        }
        assertEquals("'V* DP Leo #2'", YamlScalar.of("V* DP Leo #2"));
        assertEquals("'it''s: x'", YamlScalar.of("it's: x"));
        assertEquals("\"a\\nb\"", YamlScalar.of("a\nb"));
    }
}
