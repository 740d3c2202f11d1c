package org.calphot.tools;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.calphot.core.BadInputException;
import org.calphot.core.CalphotException;
import org.calphot.core.Location;
import org.calphot.core.photometry.ExtinctionResult;

/**
 * Reads back what {@link ExtinctionTool} wrote: the fits from {@code <stem>_extinction.json}, the points from
 * {@code <stem>_extinction_points.csv} beside it. Only the JSON that {@code Json.pretty} writes is needed
 * (objects, arrays, strings without escapes beyond \" \\ \/ \n \t \\u, numbers, true/false/null).
 */
final class ExtinctionFile {

    private final String s;
    private final String file;
    private int i;

    private ExtinctionFile(String s, String file) {
        this.s = s;
        this.file = file;
    }

    static ExtinctionTool.Saved read(Path json) throws CalphotException {
        String name = json.getFileName().toString();
        if (!name.endsWith("_extinction.json")) {
            throw new BadInputException("not a '<log>_extinction.json' file of calphot extinction",
                    Location.of(json.toString()));
        }
        Path csv = json.resolveSibling(name.substring(0, name.length() - ".json".length()) + "_points.csv");
        Map<?, ?> top = asMap(new ExtinctionFile(readText(json), json.toString()).document(), json, "the file");
        Map<String, List<double[]>> points = points(csv);
        List<ExtinctionResult> results = new ArrayList<>();
        for (Object o : asList(top.get("ccds"), json, "ccds")) {
            Map<?, ?> c = asMap(o, json, "ccds[]");
            String ccd = String.valueOf(c.get("ccd"));
            List<Object> aps = asList(c.get("apertures"), json, "apertures");
            List<ExtinctionResult.ApertureFit> fits = new ArrayList<>();
            double[] offsets = new double[aps.size()];
            double[] offsetErrs = new double[aps.size()];
            for (int k = 0; k < aps.size(); k++) {
                Map<?, ?> a = asMap(aps.get(k), json, "apertures[]");
                String label = String.valueOf(a.get("aperture"));
                List<double[]> rows = points.getOrDefault(ccd + "/" + label, List.of());
                int n = rows.size();
                double[] mjd = new double[n];
                double[] x = new double[n];
                double[] m = new double[n];
                double[] e = new double[n];
                boolean[] used = new boolean[n];
                for (int r = 0; r < n; r++) {
                    double[] row = rows.get(r);
                    mjd[r] = row[0];
                    x[r] = row[1];
                    m[r] = row[2];
                    e[r] = row[3];
                    used[r] = row[4] != 0;
                }
                fits.add(new ExtinctionResult.ApertureFit(label, num(a, "k"), num(a, "k_err"), num(a, "m0"),
                        num(a, "m0_err"), num(a, "chi2nu"), (int) num(a, "used"), (int) num(a, "clipped"), mjd, x, m,
                        e, used, a.containsKey("k_err_white") ? num(a, "k_err_white") : num(a, "k_err"),
                        num(a, "k_err_red_noise")));
                offsets[k] = num(a, "joint_offset");
                offsetErrs[k] = num(a, "joint_offset_err");
            }
            results.add(new ExtinctionResult(ccd, String.valueOf(c.get("band")), fits, num(c, "k"), num(c, "k_err"),
                    offsets, offsetErrs, num(c, "chi2nu"), (int) num(c, "used"), (int) num(c, "clipped"),
                    num(c, "airmass_min"), num(c, "airmass_max"),
                    c.containsKey("k_err_white") ? num(c, "k_err_white") : num(c, "k_err"), num(c, "k_err_red_noise"),
                    c.get("joint_apertures") instanceof List<?> ja ? ja.stream().map(String::valueOf).toList() : null));
        }
        Object log = top.get("log");
        return new ExtinctionTool.Saved(log == null ? null : Path.of(log.toString()), str(top.get("site")),
                str(top.get("pointing")), results);
    }

    private static String str(Object o) {
        return o == null ? null : o.toString();
    }

    private static String readText(Path f) throws CalphotException {
        try {
            return Files.readString(f, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new BadInputException("no such file", Location.of(f.toString()));
        } catch (IOException e) {
            throw new CalphotException("cannot read: " + e.getMessage(), Location.of(f.toString()), e);
        }
    }

    /** "ccd/aperture" to rows {mjd, airmass, mag, err, used}. */
    private static Map<String, List<double[]>> points(Path csv) throws CalphotException {
        List<String> lines = readText(csv).lines().toList();
        Map<String, List<double[]>> m = new LinkedHashMap<>();
        for (int i = 1; i < lines.size(); i++) {
            if (lines.get(i).isBlank()) {
                continue;
            }
            String[] t = lines.get(i).split(",", -1);
            if (t.length != 8) {
                throw new BadInputException("expected 8 fields (ccd,band,aperture,mjd_utc,airmass,mag,mag_err,used)",
                        Location.of(csv.toString(), i + 1));
            }
            try {
                m.computeIfAbsent(t[0] + "/" + t[2], k -> new ArrayList<>()).add(new double[] {
                    Double.parseDouble(t[3]), Double.parseDouble(t[4]), Double.parseDouble(t[5]),
                    Double.parseDouble(t[6]), Double.parseDouble(t[7])});
            } catch (NumberFormatException e) {
                throw new BadInputException("not a number: " + e.getMessage(), Location.of(csv.toString(), i + 1));
            }
        }
        return m;
    }

    private static double num(Map<?, ?> m, String key) {
        return m.get(key) instanceof Number n ? n.doubleValue() : Double.NaN;
    }

    private static Map<?, ?> asMap(Object o, Path f, String what) throws BadInputException {
        if (o instanceof Map<?, ?> m) {
            return m;
        }
        throw new BadInputException(what + " is not a JSON object", Location.of(f.toString()));
    }

    @SuppressWarnings("unchecked")
    private static List<Object> asList(Object o, Path f, String what) throws BadInputException {
        if (o instanceof List<?> l) {
            return (List<Object>) l;
        }
        throw new BadInputException("'" + what + "' is missing or not a list", Location.of(f.toString()));
    }

    private Object document() throws BadInputException {
        Object v = value();
        ws();
        if (i != s.length()) {
            throw bad("text after the JSON value");
        }
        return v;
    }

    private BadInputException bad(String msg) {
        int line = 1;
        int col = 1;
        for (int k = 0; k < Math.min(i, s.length()); k++) {
            if (s.charAt(k) == '\n') {
                line++;
                col = 1;
            } else {
                col++;
            }
        }
        return new BadInputException("bad JSON: " + msg, Location.of(file, line, col));
    }

    private void ws() {
        while (i < s.length() && Character.isWhitespace(s.charAt(i))) {
            i++;
        }
    }

    private Object value() throws BadInputException {
        ws();
        if (i >= s.length()) {
            throw bad("unexpected end");
        }
        char c = s.charAt(i);
        if (c == '{') {
            i++;
            Map<String, Object> m = new LinkedHashMap<>();
            ws();
            if (peek('}')) {
                return m;
            }
            do {
                ws();
                String k = string();
                ws();
                expect(':');
                m.put(k, value());
                ws();
            } while (peek(','));
            expect('}');
            return m;
        }
        if (c == '[') {
            i++;
            List<Object> l = new ArrayList<>();
            ws();
            if (peek(']')) {
                return l;
            }
            do {
                l.add(value());
                ws();
            } while (peek(','));
            expect(']');
            return l;
        }
        if (c == '"') {
            return string();
        }
        for (String w : new String[] {"true", "false", "null"}) {
            if (s.startsWith(w, i)) {
                i += w.length();
                return w.equals("null") ? null : Boolean.valueOf(w);
            }
        }
        int start = i;
        while (i < s.length() && "+-.eE0123456789".indexOf(s.charAt(i)) >= 0) {
            i++;
        }
        try {
            return Double.parseDouble(s.substring(start, i));
        } catch (NumberFormatException e) {
            i = start;
            throw bad("unexpected '" + c + "'");
        }
    }

    private boolean peek(char c) {
        if (i < s.length() && s.charAt(i) == c) {
            i++;
            return true;
        }
        return false;
    }

    private void expect(char c) throws BadInputException {
        if (!peek(c)) {
            throw bad("'" + c + "' expected");
        }
    }

    private String string() throws BadInputException {
        expect('"');
        StringBuilder sb = new StringBuilder();
        while (i < s.length() && s.charAt(i) != '"') {
            char c = s.charAt(i++);
            if (c == '\\' && i < s.length()) {
                char e = s.charAt(i++);
                switch (e) {
                    case 'n' -> sb.append('\n');
                    case 't' -> sb.append('\t');
                    case 'r' -> sb.append('\r');
                    case 'b' -> sb.append('\b');
                    case 'f' -> sb.append('\f');
                    case 'u' -> {
                        if (i + 4 > s.length()) {
                            throw bad("bad \\u escape");
                        }
                        try {
                            sb.append((char) Integer.parseInt(s.substring(i, i + 4), 16));
                        } catch (NumberFormatException ex) {
                            throw bad("bad \\u escape");
                        }
                        i += 4;
                    }
                    default -> sb.append(e);
                }
            } else {
                sb.append(c);
            }
        }
        expect('"');
        return sb.toString();
    }
}
