// SPDX-License-Identifier: EPL-2.0 OR GPL-2.0-or-later
// Copyright (c) 2026 the calphot contributors
package org.calphot.io;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.json.JsonReadFeature;

/**
 * Reads a JSON document into plain Java values with jackson-core's streaming parser: objects become
 * {@link LinkedHashMap} (file order kept), arrays {@link ArrayList}, numbers {@link Double}, strings, booleans and
 * {@code null}. {@code NaN} and {@code Infinity} are accepted, since Python's {@code json} module writes them.
 */
public final class JsonTree {

    /** Deeper nesting is refused: calphot's files are three levels deep, a deep one is not one of them. */
    static final int MAX_DEPTH = 64;

    private static final JsonFactory FACTORY = JsonFactory.builder()
            .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
            .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(MAX_DEPTH).build())
            .build();

    /** Bad syntax, with the 1-based line and column where the parser stopped. */
    public static final class SyntaxException extends Exception {
        private static final long serialVersionUID = 1L;
        private final int line;
        private final int column;

        SyntaxException(String message, int line, int column) {
            super(message);
            this.line = line;
            this.column = column;
        }

        public int line() {
            return line;
        }

        public int column() {
            return column;
        }
    }

    private JsonTree() {
    }

    /** The one JSON value in {@code text}; anything after it but white space is an error. */
    public static Object parse(String text) throws SyntaxException {
        try (JsonParser p = FACTORY.createParser(text)) {
            if (p.nextToken() == null) {
                throw new SyntaxException("no JSON value", 1, 1);
            }
            Object v = value(p);
            if (p.nextToken() != null) {
                throw located("text after the JSON value", p.currentTokenLocation());
            }
            return v;
        } catch (JsonProcessingException e) {
            String msg = e.getOriginalMessage();
            throw located(msg == null ? "bad JSON" : msg.lines().findFirst().orElse(msg), e.getLocation());
        } catch (IOException e) {
            throw new SyntaxException(String.valueOf(e.getMessage()), 1, 1); // a String source does no I/O
        }
    }

    private static SyntaxException located(String msg, JsonLocation at) {
        return at == null ? new SyntaxException(msg, 1, 1)
                : new SyntaxException(msg, Math.max(1, at.getLineNr()), Math.max(1, at.getColumnNr()));
    }

    private static Object value(JsonParser p) throws IOException {
        JsonToken t = p.currentToken();
        switch (t) {
            case START_OBJECT: {
                Map<String, Object> m = new LinkedHashMap<>();
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String key = p.currentName();
                    p.nextToken();
                    m.put(key, value(p));
                }
                return m;
            }
            case START_ARRAY: {
                List<Object> l = new ArrayList<>();
                while (p.nextToken() != JsonToken.END_ARRAY) {
                    l.add(value(p));
                }
                return l;
            }
            case VALUE_STRING:
                return p.getText();
            case VALUE_NUMBER_INT:
            case VALUE_NUMBER_FLOAT:
                return p.getDoubleValue();
            case VALUE_TRUE:
                return Boolean.TRUE;
            case VALUE_FALSE:
                return Boolean.FALSE;
            case VALUE_NULL:
                return null;
            default:
                throw new IllegalStateException("unexpected JSON token " + t); // the parser checks the grammar
        }
    }
}
