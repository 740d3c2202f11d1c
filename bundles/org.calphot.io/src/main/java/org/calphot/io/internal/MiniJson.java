package org.calphot.io.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Just enough JSON to read the aperture file hipercam copies into a log header. */
final class MiniJson {

    private final String s;
    private int i;
    private int depth;

    private MiniJson(String s) {
        this.s = s;
    }

    /** Parses one JSON value; IllegalArgumentException (caught by the caller) on bad syntax. */
    static Object parse(String text) {
        MiniJson p = new MiniJson(text);
        Object v = p.value();
        p.ws();
        if (p.i != p.s.length()) {
            throw new IllegalArgumentException("trailing text at " + p.i);
        }
        return v;
    }

    private void ws() {
        while (i < s.length() && Character.isWhitespace(s.charAt(i))) {
            i++;
        }
    }

    private Object value() {
        ws();
        if (i >= s.length()) {
            throw new IllegalArgumentException("unexpected end");
        }
        char c = s.charAt(i);
        switch (c) {
            case '[': {
                i++;
                if (++depth > 64) {
                    throw new IllegalArgumentException("nested too deep");
                }
                List<Object> list = new ArrayList<>();
                ws();
                if (i < s.length() && s.charAt(i) == ']') {
                    i++;
                    depth--;
                    return list;
                }
                while (true) {
                    list.add(value());
                    ws();
                    char d = next();
                    if (d == ']') {
                        depth--;
                        return list;
                    }
                    if (d != ',') {
                        throw new IllegalArgumentException("expected , or ] at " + i);
                    }
                }
            }
            case '{': {
                i++;
                if (++depth > 64) {
                    throw new IllegalArgumentException("nested too deep");
                }
                Map<String, Object> map = new LinkedHashMap<>();
                ws();
                if (i < s.length() && s.charAt(i) == '}') {
                    i++;
                    depth--;
                    return map;
                }
                while (true) {
                    ws();
                    Object k = value();
                    if (!(k instanceof String key)) {
                        throw new IllegalArgumentException("object key not a string at " + i);
                    }
                    ws();
                    if (next() != ':') {
                        throw new IllegalArgumentException("expected : at " + i);
                    }
                    map.put(key, value());
                    ws();
                    char d = next();
                    if (d == '}') {
                        depth--;
                        return map;
                    }
                    if (d != ',') {
                        throw new IllegalArgumentException("expected , or } at " + i);
                    }
                }
            }
            case '"': {
                i++;
                StringBuilder sb = new StringBuilder();
                while (true) {
                    char d = next();
                    if (d == '"') {
                        return sb.toString();
                    }
                    if (d == '\\') {
                        char e = next();
                        switch (e) {
                            case 'n' -> sb.append('\n');
                            case 't' -> sb.append('\t');
                            case 'r' -> sb.append('\r');
                            case 'b' -> sb.append('\b');
                            case 'f' -> sb.append('\f');
                            case 'u' -> {
                                if (i + 4 > s.length()) {
                                    throw new IllegalArgumentException("bad escape");
                                }
                                sb.append((char) Integer.parseInt(s.substring(i, i + 4), 16));
                                i += 4;
                            }
                            default -> sb.append(e);
                        }
                    } else {
                        sb.append(d);
                    }
                }
            }
            default: {
                int st = i;
                while (i < s.length() && "[]{},: \t\r\n".indexOf(s.charAt(i)) < 0) {
                    i++;
                }
                String w = s.substring(st, i);
                switch (w) {
                    case "true":
                        return Boolean.TRUE;
                    case "false":
                        return Boolean.FALSE;
                    case "null":
                        return null;
                    case "NaN":
                        return Double.NaN;
                    default:
                        return Double.parseDouble(w);
                }
            }
        }
    }

    private char next() {
        if (i >= s.length()) {
            throw new IllegalArgumentException("unexpected end");
        }
        return s.charAt(i++);
    }
}
