// SPDX-License-Identifier: EPL-2.0 OR GPL-2.0-or-later
// Copyright (c) 2026 the calphot contributors
package org.calphot.io;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/**
 * {@link JsonWriter}: the bytes calphot has always written (provenance.json and the {@code --json} outputs are read
 * by scripts). Every expected string is written out by hand from the layout rules in the class comment.
 */
class JsonWriterTest {

    @Test
    void compactInInsertionOrderWithEscapes() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("file", "a \"b\"\n\\\t/é");
        m.put("ccds", List.of(Map.of("ccd", "1")));
        m.put("mjd", new double[] {58403.5, Double.NaN});
        m.put("n", 3);
        m.put("ok", true);
        m.put("none", null);
        assertEquals("{\"file\":\"a \\\"b\\\"\\n\\\\\\t/é\",\"ccds\":[{\"ccd\":\"1\"}],\"mjd\":[58403.5,null],"
                + "\"n\":3,\"ok\":true,\"none\":null}", JsonWriter.write(m));
    }

    @Test
    void doublesAsCalphotWritesThem() {
        // integral below 1e15 without a fraction; others as Java's Double.toString; non-finite as null
        assertEquals("[3,-2,0,0,123456789012345,1.0E15,0.1,1.0E-5,2.5,null,null,null]",
                JsonWriter.write(List.of(3.0, -2.0, 0.0, -0.0, 123456789012345.0, 1e15, 0.1, 1e-5, 2.5f,
                        Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY)));
        assertEquals("[7,-9223372036854775808,[1,2],[-3]]",
                JsonWriter.write(List.of(7, Long.MIN_VALUE, new int[] {1, 2}, new long[] {-3})));
    }

    @Test
    void prettyTwoSpacesWithPrimitiveArraysOnOneLine() {
        Map<String, Object> inner = new LinkedHashMap<>();
        inner.put("k", new double[] {1.5, 2});
        inner.put("e", Map.of());
        inner.put("l", List.of());
        Map<Object, Object> m = new LinkedHashMap<>();
        m.put("a", List.of(1, "x", inner));
        m.put(2, new int[0]);
        assertEquals("{\n"
                + "  \"a\": [\n"
                + "    1,\n"
                + "    \"x\",\n"
                + "    {\n"
                + "      \"k\": [1.5,2],\n"
                + "      \"e\": {},\n"
                + "      \"l\": []\n"
                + "    }\n"
                + "  ],\n"
                + "  \"2\": []\n"
                + "}", JsonWriter.pretty(m));
        assertEquals("[\n  [1,2],\n  [3]\n]", JsonWriter.pretty(List.of(new long[] {1, 2}, new int[] {3})));
        assertEquals("{}", JsonWriter.pretty(Map.of()));
        assertEquals("\"x\"", JsonWriter.pretty("x"));
    }

    @Test
    void whatItWritesReadsBack() throws Exception {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("s", "tab\there, quote \" and \u0001");
        m.put("d", List.of(0.1, 57000.123456789));
        assertEquals(m, JsonTree.parse(JsonWriter.pretty(m)));
    }
}
