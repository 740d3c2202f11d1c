// SPDX-License-Identifier: EPL-2.0 OR GPL-2.0-or-later
// Copyright (c) 2026 the calphot contributors
package org.calphot.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** {@link JsonTree}: the values calphot's files hold, and located errors for the rest (expected values by hand). */
class JsonTreeTest {

    @Test
    void valuesInFileOrder() throws Exception {
        Object v = JsonTree.parse("{\"b\": [1, 2.5e-3, -0.0, NaN, Infinity], \"a\": {\"s\": \"caf\\u00e9 \\\"x\\\"\\n\","
                + " \"t\": true, \"f\": false, \"n\": null}}");
        Map<?, ?> m = (Map<?, ?>) v;
        assertEquals(List.of("b", "a"), List.copyOf(m.keySet()));
        assertEquals(Arrays.asList(1.0, 0.0025, -0.0, Double.NaN, Double.POSITIVE_INFINITY), m.get("b"));
        Map<?, ?> a = (Map<?, ?>) m.get("a");
        assertEquals("café \"x\"\n", a.get("s"));
        assertEquals(Boolean.TRUE, a.get("t"));
        assertEquals(Boolean.FALSE, a.get("f"));
        assertTrue(a.containsKey("n") && a.get("n") == null);
        assertEquals(3.0, JsonTree.parse(" 3 "));
    }

    @Test
    void badSyntaxIsLocated() {
        JsonTree.SyntaxException e = assertThrows(JsonTree.SyntaxException.class,
                () -> JsonTree.parse("{\n  \"a\": 1,\n  \"b\" 2\n}"));
        assertEquals(3, e.line(), e.getMessage());
        e = assertThrows(JsonTree.SyntaxException.class, () -> JsonTree.parse("[1, 2] x"));
        assertEquals(1, e.line());
        assertEquals(8, e.column(), e.getMessage());
        assertThrows(JsonTree.SyntaxException.class, () -> JsonTree.parse(""));
        assertThrows(JsonTree.SyntaxException.class, () -> JsonTree.parse("[1, 2"));
        assertThrows(JsonTree.SyntaxException.class, () -> JsonTree.parse("{'a': 1}"));
    }

    @Test
    void deepNestingIsRefused() throws Exception {
        String ok = "[".repeat(JsonTree.MAX_DEPTH) + "]".repeat(JsonTree.MAX_DEPTH);
        JsonTree.parse(ok);
        String deep = "[".repeat(JsonTree.MAX_DEPTH + 1) + "]".repeat(JsonTree.MAX_DEPTH + 1);
        assertThrows(JsonTree.SyntaxException.class, () -> JsonTree.parse(deep));
    }
}
