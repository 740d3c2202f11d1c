// SPDX-License-Identifier: EPL-2.0 OR GPL-2.0-or-later
// Copyright (c) 2026 the calphot contributors
package org.calphot.io;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.Collection;
import java.util.Map;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.PrettyPrinter;

/**
 * Writes plain Java values as JSON with jackson-core's streaming generator, the writing half of {@link JsonTree}.
 * Values may be {@code null}, {@link Boolean}, {@link Number}, {@link CharSequence}, {@link Map} (keys written with
 * {@code String.valueOf}, iteration order kept, so give a {@link java.util.LinkedHashMap}), {@link Collection},
 * {@code double[]}, {@code int[]} or {@code long[]}; anything else is written as its {@code toString()}.
 *
 * <p>The bytes are those calphot has always written (provenance.json, {@code --json} outputs): a non-finite double
 * becomes {@code null} (JSON has no NaN), an integral double below 1e15 is written without a fraction
 * ({@code 3}, not {@code 3.0}), any other double as {@link Double#toString(double)}; pretty output indents by two
 * spaces, puts {@code ": "} between key and value, writes empty containers as {@code {}} and {@code []} and keeps
 * primitive arrays on one line.
 */
public final class JsonWriter {

    private static final JsonFactory FACTORY = new JsonFactory();

    private JsonWriter() {
    }

    /** Compact: no white space at all. */
    public static String write(Object value) {
        return render(value, null);
    }

    /** Pretty-printed with two-space indentation. */
    public static String pretty(Object value) {
        return render(value, new TwoSpaces());
    }

    private static String render(Object value, TwoSpaces printer) {
        StringWriter out = new StringWriter();
        try (JsonGenerator g = FACTORY.createGenerator(out)) {
            if (printer != null) {
                g.setPrettyPrinter(printer);
            }
            value(g, value, printer);
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a StringWriter does no I/O
        }
        return out.toString();
    }

    private static void value(JsonGenerator g, Object v, TwoSpaces printer) throws IOException {
        if (v == null) {
            g.writeNull();
        } else if (v instanceof Boolean b) {
            g.writeBoolean(b);
        } else if (v instanceof Double || v instanceof Float) {
            number(g, ((Number) v).doubleValue());
        } else if (v instanceof Number n) {
            g.writeNumber(n.toString());
        } else if (v instanceof CharSequence s) {
            g.writeString(s.toString());
        } else if (v instanceof Map<?, ?> m) {
            g.writeStartObject();
            for (Map.Entry<?, ?> e : m.entrySet()) {
                g.writeFieldName(String.valueOf(e.getKey()));
                value(g, e.getValue(), printer);
            }
            g.writeEndObject();
        } else if (v instanceof Collection<?> c) {
            g.writeStartArray();
            for (Object o : c) {
                value(g, o, printer);
            }
            g.writeEndArray();
        } else if (v instanceof double[] a) {
            flat(g, printer, a.length, i -> number(g, a[i]));
        } else if (v instanceof int[] a) {
            flat(g, printer, a.length, i -> g.writeNumber(a[i]));
        } else if (v instanceof long[] a) {
            flat(g, printer, a.length, i -> g.writeNumber(a[i]));
        } else {
            g.writeString(v.toString());
        }
    }

    @FunctionalInterface
    private interface Element {
        void write(int i) throws IOException;
    }

    /** A primitive array, on one line even in pretty output. */
    private static void flat(JsonGenerator g, TwoSpaces printer, int n, Element element) throws IOException {
        if (printer != null) {
            printer.flatNext = true;
        }
        g.writeStartArray();
        for (int i = 0; i < n; i++) {
            element.write(i);
        }
        g.writeEndArray();
        if (printer != null) {
            printer.flat = false;
        }
    }

    private static void number(JsonGenerator g, double d) throws IOException {
        if (Double.isNaN(d) || Double.isInfinite(d)) {
            g.writeNull();
        } else if (d == Math.rint(d) && Math.abs(d) < 1e15) {
            g.writeNumber((long) d);
        } else {
            g.writeNumber(Double.toString(d));
        }
    }

    /**
     * calphot's pretty layout. Jackson's {@code DefaultPrettyPrinter} writes {@code "key" : value}, {@code { }} and
     * indents every array, so the few rules are written out here instead.
     */
    private static final class TwoSpaces implements PrettyPrinter {
        private int depth;
        /** Inside a primitive array: no line breaks. */
        boolean flat;
        /** The next array is a primitive one (set before its start, whose separator from the parent still breaks). */
        boolean flatNext;

        private static void newline(JsonGenerator g, int depth) throws IOException {
            g.writeRaw('\n');
            g.writeRaw("  ".repeat(depth));
        }

        @Override
        public void writeRootValueSeparator(JsonGenerator g) throws IOException {
            g.writeRaw('\n'); // only between several root values, which calphot never writes
        }

        @Override
        public void writeStartObject(JsonGenerator g) throws IOException {
            g.writeRaw('{');
            depth++;
        }

        @Override
        public void beforeObjectEntries(JsonGenerator g) throws IOException {
            newline(g, depth);
        }

        @Override
        public void writeObjectFieldValueSeparator(JsonGenerator g) throws IOException {
            g.writeRaw(": ");
        }

        @Override
        public void writeObjectEntrySeparator(JsonGenerator g) throws IOException {
            g.writeRaw(',');
            newline(g, depth);
        }

        @Override
        public void writeEndObject(JsonGenerator g, int nrOfEntries) throws IOException {
            depth--;
            if (nrOfEntries > 0) {
                newline(g, depth);
            }
            g.writeRaw('}');
        }

        @Override
        public void writeStartArray(JsonGenerator g) throws IOException {
            g.writeRaw('[');
            flat = flatNext;
            flatNext = false;
            if (!flat) {
                depth++;
            }
        }

        @Override
        public void beforeArrayValues(JsonGenerator g) throws IOException {
            if (!flat) {
                newline(g, depth);
            }
        }

        @Override
        public void writeArrayValueSeparator(JsonGenerator g) throws IOException {
            g.writeRaw(',');
            if (!flat) {
                newline(g, depth);
            }
        }

        @Override
        public void writeEndArray(JsonGenerator g, int nrOfValues) throws IOException {
            if (!flat) {
                depth--;
                if (nrOfValues > 0) {
                    newline(g, depth);
                }
            }
            g.writeRaw(']');
        }
    }
}
