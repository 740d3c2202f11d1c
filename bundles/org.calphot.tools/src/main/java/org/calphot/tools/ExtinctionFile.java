// SPDX-License-Identifier: EPL-2.0 OR GPL-2.0-or-later
// Copyright (c) 2026 the calphot contributors
package org.calphot.tools;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.calphot.core.BadInputException;
import org.calphot.core.CalphotException;
import org.calphot.core.Location;
import org.calphot.core.photometry.ExtinctionResult;
import org.calphot.io.JsonTree;

/**
 * Reads back what {@link ExtinctionTool} wrote: the fits from {@code <stem>_extinction.json}, the points from
 * {@code <stem>_extinction_points.csv} beside it, with jackson-core ({@link JsonTree}) and commons-csv.
 */
final class ExtinctionFile {

    private ExtinctionFile() {
    }

    static ExtinctionTool.Saved read(Path json) throws CalphotException {
        String name = json.getFileName().toString();
        if (!name.endsWith("_extinction.json")) {
            throw new BadInputException("not a '<log>_extinction.json' file of calphot extinction",
                    Location.of(json.toString()));
        }
        Path csv = json.resolveSibling(name.substring(0, name.length() - ".json".length()) + "_points.csv");
        Map<?, ?> top = asMap(document(json), json, "the file");
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

    private static Object document(Path json) throws CalphotException {
        try {
            return JsonTree.parse(readText(json));
        } catch (JsonTree.SyntaxException e) {
            throw new BadInputException("bad JSON: " + e.getMessage(), Location.of(json.toString(), e.line(),
                    e.column()));
        }
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
        Map<String, List<double[]>> m = new LinkedHashMap<>();
        CSVFormat format = CSVFormat.DEFAULT.builder().setIgnoreEmptyLines(true).build();
        try (CSVParser p = CSVParser.parse(readText(csv), format)) {
            for (CSVRecord t : p) {
                if (t.getRecordNumber() == 1) {
                    continue; // the header row
                }
                int line = (int) p.getCurrentLineNumber();
                if (t.size() != 8) {
                    throw new BadInputException("expected 8 fields (ccd,band,aperture,mjd_utc,airmass,mag,mag_err,used)",
                            Location.of(csv.toString(), line));
                }
                try {
                    m.computeIfAbsent(t.get(0) + "/" + t.get(2), k -> new ArrayList<>()).add(new double[] {
                        Double.parseDouble(t.get(3)), Double.parseDouble(t.get(4)), Double.parseDouble(t.get(5)),
                        Double.parseDouble(t.get(6)), Double.parseDouble(t.get(7))});
                } catch (NumberFormatException e) {
                    throw new BadInputException("not a number: " + e.getMessage(), Location.of(csv.toString(), line));
                }
            }
        } catch (IOException | UncheckedIOException e) {
            throw new BadInputException("not a CSV table: " + e.getMessage(), Location.of(csv.toString()));
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
}
