package org.calphot.core.util;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class JsonTest {

    @Test
    void writesNestedValuesInInsertionOrderAndEscapes() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("file", "a \"b\"\n");
        m.put("ccds", List.of(Map.of("ccd", "1")));
        m.put("mjd", new double[] {58403.5, Double.NaN});
        m.put("n", 3);
        assertEquals("{\"file\":\"a \\\"b\\\"\\n\",\"ccds\":[{\"ccd\":\"1\"}],\"mjd\":[58403.5,null],\"n\":3}",
                Json.write(m));
    }
}
