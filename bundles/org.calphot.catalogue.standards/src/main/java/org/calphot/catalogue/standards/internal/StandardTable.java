// SPDX-License-Identifier: EPL-2.0 OR GPL-2.0-or-later
// Copyright (c) 2026 the calphot contributors
package org.calphot.catalogue.standards.internal;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.calphot.catalogue.standards.StandardSystem;
import org.calphot.core.BadInputException;
import org.calphot.core.CalphotException;
import org.calphot.core.Location;
import org.calphot.core.catalogue.SkyCoordinates;

/** One standard-star table in one photometric system. */
record StandardTable(StandardSystem system, String source, List<Row> rows) {

    /** One star: magnitudes in the system's band order. */
    record Row(String name, double raDeg, double decDeg, double[] mag, double[] err, List<String> flags,
            Map<String, String> extra) {
    }

    /**
     * cam_cal gives every synthetic Gaia-SPSS magnitude an uncertainty of 0.022 mag
     * (cam_cal/observation.py); the tables themselves carry none.
     */
    static final double SPSS_ERROR = 0.022;

    // Name (may contain blanks), RA hh:mm:ss.ss, Dec +dd:mm:ss.s, then 5 values, 5 rms, 5 counts.
    private static final Pattern SMITH_ROW = Pattern.compile(
            "^\\s*(\\S.*?)\\s+(\\d{1,2}:\\d{2}:\\d{2}(?:\\.\\d*)?)"
            + "\\s+([+-]\\d{1,2}:\\d{2}:\\d{2}(?:\\.\\d*)?)\\s+(.*)$");

    /** A Gaia-SPSS table shipped in this bundle (hcam_obsutils, MIT). */
    static StandardTable spss(StandardSystem system) throws CalphotException {
        String res = "data/" + system.resource();
        try (InputStream in = StandardTable.class.getResourceAsStream(res)) {
            if (in == null) {
                throw new CalphotException("standard-star table " + res + " missing from the bundle");
            }
            return spss(system, new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)),
                    "hcam_obsutils " + system.resource() + " (MIT; Gaia SPSS V2 synthetic AB magnitudes)");
        } catch (IOException e) {
            throw new CalphotException("cannot read " + res + ": " + e.getMessage(), e);
        }
    }

    static StandardTable spss(StandardSystem system, BufferedReader reader, String source)
            throws IOException, CalphotException {
        // rows end in '\n', the last one too, so that the parser's line count is each row's own line number
        String text = reader.lines().collect(Collectors.joining("\n", "", "\n"));
        CSVFormat format = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true)
                .setIgnoreSurroundingSpaces(true).setIgnoreEmptyLines(true).get();
        try (CSVParser parser = CSVParser.parse(text, format)) {
            return spss(system, parser, source);
        } catch (IllegalArgumentException | IllegalStateException | java.io.UncheckedIOException e) {
            // commons-csv's complaints: a duplicate column name, an unclosed quote
            throw new CalphotException("bad CSV (" + e.getMessage() + ")", Location.of(source, 1));
        }
    }

    private static StandardTable spss(StandardSystem system, CSVParser parser, String source)
            throws CalphotException {
        List<String> header = parser.getHeaderNames();
        if (header.isEmpty()) {
            throw new CalphotException("empty standard-star table", Location.of(source));
        }
        Map<String, Integer> col = parser.getHeaderMap();
        int nb = system.bands().size();
        int[] mc = new int[nb];
        for (int b = 0; b < nb; b++) {
            Integer c = col.get(system.column(b));
            if (c == null) {
                throw new CalphotException("column " + system.column(b) + " missing", Location.of(source, 1));
            }
            mc[b] = c;
        }
        List<Row> rows = new ArrayList<>();
        for (CSVRecord f : parser) {
            int n = (int) parser.getCurrentLineNumber();
            if (f.size() != header.size()) {
                throw new CalphotException("expected " + header.size() + " fields, found " + f.size(),
                        Location.of(source, n));
            }
            try {
                double[] mag = new double[nb];
                double[] err = new double[nb];
                for (int b = 0; b < nb; b++) {
                    mag[b] = Double.parseDouble(f.get(mc[b]));
                    err[b] = SPSS_ERROR;
                }
                Map<String, String> extra = new LinkedHashMap<>();
                for (String k : List.of("Type", "SpecType", "Gaia_DR3_ID", "fname", "Variability")) {
                    Integer c = col.get(k);
                    if (c != null && !f.get(c).isBlank()) {
                        extra.put(k, f.get(c));
                    }
                }
                String var = extra.get("Variability");
                List<String> flags = var == null ? List.of("VARIABILITY_UNKNOWN")
                        : var.equalsIgnoreCase("Constant") ? List.of() : List.of("VARIABLE");
                rows.add(new Row(f.get("Name"), Double.parseDouble(f.get("RA")), Double.parseDouble(f.get("DEC")),
                        mag, err, flags, extra));
            } catch (RuntimeException e) {
                throw new CalphotException("bad row (" + e.getMessage() + ")", Location.of(source, n));
            }
        }
        return new StandardTable(system, source, List.copyOf(rows));
    }

    /**
     * Smith et al. (2002) Table 8 in the fixed-width layout of tab08.dat: name, RA, Dec, r', u'-g',
     * g'-r', r'-i', i'-z', their rms, and the number of observations per band. Magnitudes:
     * g' = r' + (g'-r'), u' = g' + (u'-g'), i' = r' - (r'-i'), z' = i' - (i'-z'); errors add the rms
     * of the terms in quadrature (taken as independent).
     */
    static StandardTable smith(Path file) throws CalphotException {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.ISO_8859_1);
        } catch (IOException e) {
            throw new BadInputException("cannot read the Smith et al. (2002) table: " + e.getMessage(),
                    Location.of(file.toString()));
        }
        List<Row> rows = new ArrayList<>();
        for (int n = 0; n < lines.size(); n++) {
            String line = lines.get(n);
            if (line.isBlank() || line.trim().startsWith("StarName") || line.trim().startsWith("#")) {
                continue;
            }
            Location where = Location.of(file.toString(), n + 1);
            Matcher m = SMITH_ROW.matcher(line);
            if (!m.matches()) {
                throw new BadInputException("not a tab08 row (name, RA, Dec, r', colours ...)", where);
            }
            String[] v = m.group(4).trim().split("\\s+");
            if (v.length != 15) {
                throw new BadInputException("expected 15 numbers after the position, found " + v.length, where);
            }
            double[] x = new double[15];
            for (int i = 0; i < 15; i++) {
                try {
                    x[i] = Double.parseDouble(v[i]);
                } catch (NumberFormatException e) {
                    throw new BadInputException("'" + v[i] + "' is not a number", where);
                }
            }
            SkyCoordinates.Position p = SkyCoordinates.parse(m.group(2) + " " + m.group(3), where);
            double r = x[0];
            double g = r + x[2];
            double u = g + x[1];
            double i = r - x[3];
            double z = i - x[4];
            double er = x[5];
            double eg = Math.hypot(er, x[7]);
            double eu = Math.hypot(eg, x[6]);
            double ei = Math.hypot(er, x[8]);
            double ez = Math.hypot(ei, x[9]);
            Map<String, String> extra = new LinkedHashMap<>();
            extra.put("n_obs", (int) x[10] + " " + (int) x[11] + " " + (int) x[12] + " " + (int) x[13] + " "
                    + (int) x[14]);
            rows.add(new Row(m.group(1).trim(), p.raDeg(), p.decDeg(), new double[] {u, g, r, i, z},
                    new double[] {eu, eg, er, ei, ez}, List.of(), extra));
        }
        if (rows.isEmpty()) {
            throw new BadInputException("no stars in the Smith et al. (2002) table", Location.of(file.toString()));
        }
        return new StandardTable(StandardSystem.SMITH2002, "Smith et al. 2002, AJ 123, 2121, Table 8 (" + file + ")",
                List.copyOf(rows));
    }
}
