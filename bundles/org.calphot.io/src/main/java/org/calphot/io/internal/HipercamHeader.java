// SPDX-License-Identifier: EPL-2.0 OR GPL-2.0-or-later
// Copyright (c) 2026 the calphot contributors
package org.calphot.io.internal;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.calphot.core.BadInputException;
import org.calphot.core.CalphotException;
import org.calphot.core.Location;
import org.calphot.core.Warnings;
import org.calphot.core.log.ApertureDef;
import org.calphot.io.JsonTree;

/**
 * The header of a HiPERCAM {@code reduce} log, read line by line up to the first data line. Column
 * names and types come from the {@code # <ccd> = ...} definition blocks; the rest (version,
 * command-line parameters, reduce file, aperture file) is read from the prose markers and is
 * optional: a log lacking it still reads.
 */
final class HipercamHeader {

    static final String NAMES_START = "Start of column name definitions";
    static final String NAMES_END = "End of column name definitions";
    static final String TYPES_START = "Start of data type definitions";
    static final String TYPES_END = "End of data type definitions";
    static final String LOG_START = "This is a logfile produced by the HiPERCAM pipeline";

    private static final Pattern PARAM = Pattern.compile("^# ([A-Za-z_][A-Za-z0-9_]*)\\s*=\\s*(.*?)\\s*$");
    private static final Pattern DEF = Pattern.compile("^#\\s*(\\S+)\\s*=(.*)$");
    private static final Pattern VERSION = Pattern.compile("^(\\d+)\\.(\\d+)");

    String version;
    final Map<String, String> params = new LinkedHashMap<>();
    final Map<String, Map<String, String>> reduceFile = new LinkedHashMap<>();
    final List<ApertureDef> apertureDefs = new ArrayList<>();
    final Map<String, List<String>> names = new LinkedHashMap<>();
    final Map<String, Integer> nameLines = new LinkedHashMap<>();
    final Map<String, List<String>> types = new LinkedHashMap<>();
    final Map<String, Integer> typeLines = new LinkedHashMap<>();
    boolean sawTypes;
    /** Byte offset and 1-based line number of the first data line; offset = file size if none. */
    long dataStart;
    int firstDataLine;
    /** Lines in the file when it has no data line (header only). */
    boolean noData;

    static HipercamHeader read(Path file, String fname, Warnings warnings) throws CalphotException {
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
            HipercamHeader h = new HipercamHeader();
            h.parse(new LineReader(in), fname, warnings);
            return h;
        } catch (IOException e) {
            throw new CalphotException("cannot read: " + e.getMessage(), Location.of(fname), e);
        }
    }

    private enum State { PROSE, PARAMS, REDUCE, APERTURES, NAMES, TYPES }

    /** Where the line-by-line read of the header is: the section being read and the aperture JSON so far. */
    private static final class Scan {
        State st = State.PROSE;
        boolean wantVersion;
        boolean namesDone;
        String section = "";
        final StringBuilder apJson = new StringBuilder();
        int apJsonLine;
    }

    private void parse(LineReader lr, String fname, Warnings warnings) throws IOException, CalphotException {
        Scan scan = new Scan();
        int lineNo = 0;
        while (true) {
            long off = lr.offset();
            byte[] raw = lr.next();
            if (raw == null) {
                if (lineNo == 0) {
                    throw new BadInputException("empty file", Location.of(fname));
                }
                dataStart = off;
                firstDataLine = lineNo + 1;
                noData = true;
                break;
            }
            lineNo++;
            // a stray non-UTF-8 byte in the prose must not stop the read: decode with replacement
            String line = new String(raw, StandardCharsets.UTF_8);
            String t = line.strip();
            if (t.isEmpty()) {
                continue;
            }
            if (t.charAt(0) != '#') {
                dataStart = off;
                firstDataLine = lineNo;
                break;
            }
            headerLine(scan, line, t, lineNo, fname);
        }
        finish(scan, fname, warnings);
    }

    /** One {@code #} line of the header: a block marker, a column definition, a prose marker or section content. */
    private void headerLine(Scan scan, String line, String t, int lineNo, String fname) throws CalphotException {
        if (blockMarker(scan, line, lineNo, fname)) {
            return;
        }
        if (scan.st == State.NAMES || scan.st == State.TYPES) {
            definition(scan.st, line, lineNo, fname);
            return;
        }
        if (line.contains("version number:")) {
            scan.wantVersion = true;
            return;
        }
        String content = t.substring(1).strip();
        if (scan.wantVersion) {
            if (!content.isEmpty()) {
                version = content;
                scan.wantVersion = false;
            }
            return;
        }
        if (proseMarker(scan, line, lineNo)) {
            return;
        }
        sectionContent(scan, line, content);
    }

    /** The start and end lines of the column-name and data-type blocks; true if the line was one. */
    private boolean blockMarker(Scan scan, String line, int lineNo, String fname) throws CalphotException {
        if (line.contains(NAMES_START)) {
            if (scan.namesDone || scan.st == State.NAMES) {
                throw new BadInputException("second '" + NAMES_START + "' block in the header",
                        Location.of(fname, lineNo));
            }
            scan.st = State.NAMES;
            return true;
        }
        if (line.contains(NAMES_END)) {
            if (scan.st != State.NAMES) {
                throw new BadInputException("'" + NAMES_END + "' without a start", Location.of(fname, lineNo));
            }
            scan.st = State.PROSE;
            scan.namesDone = true;
            return true;
        }
        if (line.contains(TYPES_START)) {
            scan.st = State.TYPES;
            sawTypes = true;
            return true;
        }
        if (line.contains(TYPES_END)) {
            scan.st = State.PROSE;
            return true;
        }
        return false;
    }

    /** A {@code # <ccd> = item item ...} line inside the column-name or data-type block. */
    private void definition(State st, String line, int lineNo, String fname) throws CalphotException {
        Matcher m = DEF.matcher(line);
        if (m.matches()) {
            String ccd = m.group(1);
            List<String> items = List.of(m.group(2).trim().split("\\s+"));
            Map<String, List<String>> target = st == State.NAMES ? names : types;
            if (target.containsKey(ccd)) {
                throw new BadInputException("CCD '" + ccd + "' defined twice", Location.of(fname, lineNo));
            }
            target.put(ccd, items);
            (st == State.NAMES ? nameLines : typeLines).put(ccd, lineNo);
        }
    }

    /** The prose lines that open a section (parameters, reduce file, aperture file); true if the line was one. */
    private static boolean proseMarker(Scan scan, String line, int lineNo) {
        if (line.contains("command-line inputs to 'reduce'")) {
            scan.st = State.PARAMS;
            return true;
        }
        if (line.contains("minimal version of the reduce file")) {
            scan.st = State.REDUCE;
            return true;
        }
        if (line.contains("aperture file used")) {
            scan.st = State.APERTURES;
            scan.apJsonLine = lineNo;
            return true;
        }
        if (line.contains("Now follow column name definitions")) {
            scan.st = State.PROSE;
            return true;
        }
        return false;
    }

    /** A line inside the parameters, reduce-file or aperture-file section. */
    private void sectionContent(Scan scan, String line, String content) {
        switch (scan.st) {
            case PARAMS -> {
                Matcher m = PARAM.matcher(line);
                if (m.matches()) {
                    params.put(m.group(1), m.group(2));
                }
            }
            case REDUCE -> {
                if (!line.startsWith("#  ")) {
                    return;
                }
                if (content.startsWith("[") && content.endsWith("]")) {
                    scan.section = content.substring(1, content.length() - 1).trim();
                    reduceFile.computeIfAbsent(scan.section, k -> new LinkedHashMap<>());
                } else {
                    int eq = content.indexOf('=');
                    if (eq > 0) {
                        String key = content.substring(0, eq).trim();
                        String val = stripComment(content.substring(eq + 1));
                        reduceFile.computeIfAbsent(scan.section, k -> new LinkedHashMap<>()).put(key, val);
                    }
                }
            }
            case APERTURES -> {
                if (line.startsWith("#  ")) {
                    scan.apJson.append(content).append('\n');
                }
            }
            default -> {
            }
        }
    }

    /** After the header: the aperture definitions, and the errors of a header without complete column names. */
    private void finish(Scan scan, String fname, Warnings warnings) throws CalphotException {
        StringBuilder apJson = scan.apJson;
        int apJsonLine = scan.apJsonLine;
        if (apJson.length() > 0) {
            try {
                readApertures(JsonTree.parse(apJson.toString()));
            } catch (JsonTree.SyntaxException | RuntimeException e) {
                apertureDefs.clear();
                warnings.warn(Location.of(fname, apJsonLine),
                        "aperture file in the header is unreadable, aperture positions and links left out");
            }
        }
        if (names.isEmpty()) {
            throw new BadInputException(noData ? "no column definitions ('# " + NAMES_START + "' block) in the header"
                    : "data before any column definitions: the header has no '# " + NAMES_START + "' block",
                    Location.of(fname, firstDataLine));
        }
        if (scan.st == State.NAMES) {
            throw new BadInputException("column name definitions never end ('# " + NAMES_END + "' missing)",
                    Location.of(fname, firstDataLine));
        }
    }

    /** Removes a trailing {@code # comment} (a '#' at the start or after whitespace). */
    static String stripComment(String v) {
        for (int i = 0; i < v.length(); i++) {
            if (v.charAt(i) == '#' && (i == 0 || Character.isWhitespace(v.charAt(i - 1)))) {
                return v.substring(0, i).trim();
            }
        }
        return v.trim();
    }

    private void readApertures(Object root) {
        // ["hipercam.MccdAper", [ccd, ["hipercam.CcdAper", [ap, {...}], ...]], ...]
        List<?> top = (List<?>) root;
        for (int i = 1; i < top.size(); i++) {
            List<?> ccdEntry = (List<?>) top.get(i);
            String ccd = (String) ccdEntry.get(0);
            List<?> ccdAper = (List<?>) ccdEntry.get(1);
            for (int j = 1; j < ccdAper.size(); j++) {
                List<?> apEntry = (List<?>) ccdAper.get(j);
                String ap = (String) apEntry.get(0);
                Map<?, ?> a = (Map<?, ?>) apEntry.get(1);
                Object link = a.get("link");
                apertureDefs.add(new ApertureDef(ccd, ap, num(a.get("x")), num(a.get("y")), num(a.get("rtarg")),
                        num(a.get("rsky1")), num(a.get("rsky2")), Boolean.TRUE.equals(a.get("ref")),
                        link == null ? "" : link.toString()));
            }
        }
    }

    private static double num(Object o) {
        return o instanceof Number n ? n.doubleValue() : Double.NaN;
    }

    /** True when the pipeline wrote bad values as nan (hipercam ≥ 0.21); unknown versions: false. */
    boolean nanConvention() {
        if (version == null) {
            return false;
        }
        Matcher m = VERSION.matcher(version);
        if (!m.find()) {
            return false;
        }
        try {
            int major = Integer.parseInt(m.group(1));
            int minor = Integer.parseInt(m.group(2));
            return major > 0 || minor >= 21;
        } catch (NumberFormatException e) {
            return false;
        }
    }
}
