// SPDX-License-Identifier: EPL-2.0 OR GPL-2.0-or-later
// Copyright (c) 2026 the calphot contributors
package org.calphot.ephemeris;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.calphot.core.BadInputException;
import org.calphot.core.CalphotException;
import org.calphot.core.Location;
import org.calphot.core.Warnings;
import org.calphot.core.util.AtomicFiles;
import org.calphot.mcmc.ChainIO;

/**
 * The original's {@code EPHEMERIS/eclipse_times.txt}: lines {@code #<source name>,<id>}, then
 * {@code <cycle>,<time>,<error>,<source id>}; blank lines ignored. Differences from cal_phot:
 * a source name may contain commas (the id is after the last one), and ids are written as they
 * are, never renumbered, so key and rows cannot drift apart.
 */
public final class EclipseTimesFile {

    private EclipseTimesFile() {
    }

    public static EclipseTimeTable read(Path file, Warnings warnings) throws CalphotException {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw org.calphot.core.util.ReadErrors.of(file, e, "an eclipse-times text file");
        }
        return parse(lines, file.toString(), warnings);
    }

    public static EclipseTimeTable parse(List<String> lines, String fileName, Warnings warnings)
            throws BadInputException {
        Map<Integer, String> sources = new TreeMap<>();
        List<int[]> ints = new ArrayList<>();
        List<double[]> dbls = new ArrayList<>();
        List<Integer> lineNos = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            int ln = i + 1;
            if (line.isEmpty()) {
                continue;
            }
            if (line.startsWith("#")) {
                int comma = line.lastIndexOf(',');
                if (comma < 0) {
                    throw new BadInputException("source line must be '#<name>,<id>'", Location.of(fileName, ln));
                }
                String name = line.substring(1, comma).strip();
                int id = parseInt(line.substring(comma + 1).strip(), fileName, ln, comma + 2);
                sources.put(id, name);
                continue;
            }
            String[] tok = fields(line, fileName, ln);
            if (tok.length != 4) {
                throw new BadInputException("expected 'cycle,time,error,source_id', found " + tok.length + " fields",
                        Location.of(fileName, ln));
            }
            int[] col = new int[4];
            int pos = 1;
            for (int k = 0; k < 4; k++) {
                col[k] = pos;
                pos += tok[k].length() + 1;
            }
            int cycle = parseCycle(tok[0].strip(), fileName, ln, col[0]);
            double t = parseDouble(tok[1].strip(), fileName, ln, col[1]);
            double e = parseDouble(tok[2].strip(), fileName, ln, col[2]);
            if (!(e > 0) || !Double.isFinite(e)) {
                throw new BadInputException("error must be positive, found " + tok[2].strip(),
                        Location.of(fileName, ln, col[2]));
            }
            if (!Double.isFinite(t)) {
                throw new BadInputException("time must be finite", Location.of(fileName, ln, col[1]));
            }
            int src = parseInt(tok[3].strip(), fileName, ln, col[3]);
            ints.add(new int[] {cycle, src});
            dbls.add(new double[] {t, e});
            lineNos.add(ln);
        }
        int n = ints.size();
        int[] cycles = new int[n];
        double[] times = new double[n];
        double[] errs = new double[n];
        int[] ids = new int[n];
        for (int i = 0; i < n; i++) {
            cycles[i] = ints.get(i)[0];
            ids[i] = ints.get(i)[1];
            times[i] = dbls.get(i)[0];
            errs[i] = dbls.get(i)[1];
            if (!sources.containsKey(ids[i]) && warnings != null) {
                warnings.warn(Location.of(fileName, lineNos.get(i)), "source id " + ids[i] + " has no '#name,"
                        + ids[i] + "' line");
            }
        }
        return new EclipseTimeTable(sources, cycles, times, errs, ids);
    }

    /** Writes key lines in id order, then the rows sorted by time; atomically. */
    public static void write(Path file, EclipseTimeTable table) throws IOException {
        AtomicFiles.writeString(file, format(table));
    }

    public static String format(EclipseTimeTable table) {
        StringBuilder sb = new StringBuilder();
        for (Map.Entry<Integer, String> e : table.sources().entrySet()) {
            sb.append('#').append(e.getValue()).append(',').append(e.getKey()).append('\n');
        }
        Integer[] order = new Integer[table.size()];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        Arrays.sort(order, Comparator.comparingDouble(i -> table.bmjdTdb()[i]));
        for (int i : order) {
            sb.append(table.cycles()[i]).append(',').append(ChainIO.pythonRepr(table.bmjdTdb()[i])).append(',')
                    .append(ChainIO.pythonRepr(table.errors()[i])).append(',').append(table.sourceIds()[i])
                    .append('\n');
        }
        return sb.toString();
    }

    /** One row's fields (commons-csv: double quotes protect commas, {@code ""} is a quote). */
    private static String[] fields(String line, String file, int lineNo) throws BadInputException {
        try (CSVParser p = CSVParser.parse(line, CSVFormat.DEFAULT)) {
            List<CSVRecord> records = p.getRecords();
            return records.isEmpty() ? new String[] {""} : records.get(0).values();
        } catch (IOException | UncheckedIOException e) {
            throw new BadInputException("not a CSV row (" + e.getMessage() + ")", Location.of(file, lineNo));
        }
    }

    private static int parseInt(String s, String file, int line, int col) throws BadInputException {
        try {
            return Integer.parseInt(s);
        } catch (NumberFormatException e) {
            throw new BadInputException("not an integer '" + s + "'", Location.of(file, line, col));
        }
    }

    /** Cycle numbers: integers; "123.0" is accepted (hand-edited files), "123.5" is not. */
    private static int parseCycle(String s, String file, int line, int col) throws BadInputException {
        try {
            return Integer.parseInt(s);
        } catch (NumberFormatException e) {
            double d = parseDouble(s, file, line, col);
            if (d != Math.rint(d) || Math.abs(d) > Integer.MAX_VALUE) {
                throw new BadInputException("cycle number must be an integer, found '" + s + "'",
                        Location.of(file, line, col));
            }
            return (int) d;
        }
    }

    private static double parseDouble(String s, String file, int line, int col) throws BadInputException {
        try {
            return Double.parseDouble(s);
        } catch (NumberFormatException e) {
            throw new BadInputException("not a number '" + s + "'", Location.of(file, line, col));
        }
    }
}
