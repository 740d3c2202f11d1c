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

    private void parse(LineReader lr, String fname, Warnings warnings) throws IOException, CalphotException {
        State st = State.PROSE;
        boolean wantVersion = false;
        boolean namesDone = false;
        String section = "";
        StringBuilder apJson = new StringBuilder();
        int apJsonLine = 0;
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
            if (line.contains(NAMES_START)) {
                if (namesDone || st == State.NAMES) {
                    throw new BadInputException("second '" + NAMES_START + "' block in the header",
                            Location.of(fname, lineNo));
                }
                st = State.NAMES;
                continue;
            }
            if (line.contains(NAMES_END)) {
                if (st != State.NAMES) {
                    throw new BadInputException("'" + NAMES_END + "' without a start", Location.of(fname, lineNo));
                }
                st = State.PROSE;
                namesDone = true;
                continue;
            }
            if (line.contains(TYPES_START)) {
                st = State.TYPES;
                sawTypes = true;
                continue;
            }
            if (line.contains(TYPES_END)) {
                st = State.PROSE;
                continue;
            }
            switch (st) {
                case NAMES, TYPES -> {
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
                    continue;
                }
                default -> {
                }
            }
            if (line.contains("version number:")) {
                wantVersion = true;
                continue;
            }
            String content = t.substring(1).strip();
            if (wantVersion) {
                if (!content.isEmpty()) {
                    version = content;
                    wantVersion = false;
                }
                continue;
            }
            if (line.contains("command-line inputs to 'reduce'")) {
                st = State.PARAMS;
                continue;
            }
            if (line.contains("minimal version of the reduce file")) {
                st = State.REDUCE;
                continue;
            }
            if (line.contains("aperture file used")) {
                st = State.APERTURES;
                apJsonLine = lineNo;
                continue;
            }
            if (line.contains("Now follow column name definitions")) {
                st = State.PROSE;
                continue;
            }
            switch (st) {
                case PARAMS -> {
                    Matcher m = PARAM.matcher(line);
                    if (m.matches()) {
                        params.put(m.group(1), m.group(2));
                    }
                }
                case REDUCE -> {
                    if (!line.startsWith("#  ")) {
                        continue;
                    }
                    if (content.startsWith("[") && content.endsWith("]")) {
                        section = content.substring(1, content.length() - 1).trim();
                        reduceFile.computeIfAbsent(section, k -> new LinkedHashMap<>());
                    } else {
                        int eq = content.indexOf('=');
                        if (eq > 0) {
                            String key = content.substring(0, eq).trim();
                            String val = stripComment(content.substring(eq + 1));
                            reduceFile.computeIfAbsent(section, k -> new LinkedHashMap<>()).put(key, val);
                        }
                    }
                }
                case APERTURES -> {
                    if (line.startsWith("#  ")) {
                        apJson.append(content).append('\n');
                    }
                }
                default -> {
                }
            }
        }
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
        if (st == State.NAMES) {
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
