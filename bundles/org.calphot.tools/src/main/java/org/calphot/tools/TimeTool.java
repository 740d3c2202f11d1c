// SPDX-License-Identifier: EPL-2.0 OR GPL-2.0-or-later
// Copyright (c) 2026 the calphot contributors
package org.calphot.tools;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.calphot.core.BadInputException;
import org.calphot.core.CalphotException;
import org.calphot.core.Location;
import org.calphot.core.Warnings;
import org.calphot.core.time.AirmassFormula;
import org.calphot.core.time.Site;
import org.calphot.core.time.SiteRegistry;
import org.calphot.core.time.SkyPosition;
import org.calphot.core.time.TimeColumns;
import org.calphot.core.time.TimeCorrector;
import org.calphot.core.time.TimeRequest;

/**
 * The logic of {@code calphot time}: MJD(UTC) values to a CSV of BMJD(TDB), TDB-UTC, barycentric
 * light time, altitude and airmass. Two forms: one site and target with MJDs as arguments or one
 * per line on standard input, or a batch CSV with a site and target per row.
 */
public final class TimeTool {

    /** The exact output header. */
    public static final String HEADER = "mjd_utc,bmjd_tdb,tdb_minus_utc_s,ltt_bary_s,alt_deg,airmass";
    /** Appended with {@code heliocentric}: clearly separate names, never mixed with BMJD. */
    public static final String HELIO_HEADER = ",ltt_helio_s,hmjd_tdb";
    /** Columns the batch CSV must have (any order; other columns are ignored). */
    public static final List<String> CSV_COLUMNS = List.of("lon_deg", "lat_deg", "height_m", "ra_deg", "dec_deg",
            "mjd_utc");

    private final TimeCorrector corrector;
    private final SiteRegistry sites;

    public TimeTool(TimeCorrector corrector, SiteRegistry sites) {
        this.corrector = corrector;
        this.sites = sites;
    }

    /** Options shared by both forms. */
    public record Options(AirmassFormula airmassFormula, boolean heliocentric, Path eopFile) {
        public Options {
            airmassFormula = airmassFormula == null ? AirmassFormula.PLANE_PARALLEL : airmassFormula;
        }
    }

    private TimeCorrector corrector(Options o) throws CalphotException {
        return o.eopFile() == null ? corrector : corrector.withEarthOrientation(o.eopFile());
    }

    /**
     * One site and target. {@code mjdArgs} are used when not empty; otherwise MJDs are read from
     * {@code stdin}, one per line (blank lines and {@code #} comments skipped).
     */
    public void run(String siteText, String targetText, List<String> mjdArgs, BufferedReader stdin, Options options,
            PrintStream out, Warnings warnings) throws CalphotException {
        Site site = sites.lookup(siteText, Location.key(null, 0, "--site"), warnings);
        SkyPosition target = SkyPosition.parse(targetText, Location.key(null, 0, "--target"), SkyPosition.DecimalRa.AMBIGUOUS);
        double[] mjd;
        if (mjdArgs != null && !mjdArgs.isEmpty()) {
            mjd = new double[mjdArgs.size()];
            for (int i = 0; i < mjd.length; i++) {
                mjd[i] = parseMjd(mjdArgs.get(i).strip(), Location.key(null, 0, "argument " + (i + 1)));
            }
        } else if (stdin != null) {
            mjd = readMjds(stdin);
        } else {
            throw new BadInputException("no MJD(UTC) given: pass them as arguments or one per line on stdin");
        }
        TimeCorrector tc = corrector(options);
        TimeColumns cols = columns(mjd.length, options.heliocentric());
        tc.correct(new TimeRequest(site, target, options.airmassFormula()), mjd, 0, mjd.length, cols, warnings);
        out.println(HEADER + (options.heliocentric() ? HELIO_HEADER : ""));
        StringBuilder sb = new StringBuilder(128);
        for (int i = 0; i < mjd.length; i++) {
            sb.setLength(0);
            row(sb, mjd[i], cols, i, options.heliocentric());
            out.append(sb).append('\n');
        }
        out.flush();
    }

    private static double[] readMjds(BufferedReader in) throws CalphotException {
        double[] v = new double[1024];
        int n = 0;
        int lineNo = 0;
        try {
            String line;
            while ((line = in.readLine()) != null) {
                lineNo++;
                String t = line.strip();
                if (t.isEmpty() || t.startsWith("#")) {
                    continue;
                }
                if (n == v.length) {
                    v = java.util.Arrays.copyOf(v, 2 * n);
                }
                v[n++] = parseMjd(t, Location.of("<stdin>", lineNo));
            }
        } catch (IOException e) {
            throw new CalphotException("cannot read standard input: " + e.getMessage(), e);
        }
        if (n == 0) {
            throw new BadInputException("no MJD(UTC) on standard input");
        }
        return java.util.Arrays.copyOf(v, n);
    }

    private static double parseMjd(String s, Location at) throws BadInputException {
        double v;
        try {
            v = Double.parseDouble(s);
        } catch (NumberFormatException e) {
            throw new BadInputException("MJD(UTC) '" + s + "' is not a number", at);
        }
        if (!Double.isFinite(v)) {
            throw new BadInputException("MJD(UTC) '" + s + "' is not finite", at);
        }
        return v;
    }

    private static TimeColumns columns(int n, boolean helio) {
        return helio ? TimeColumns.all(n) : TimeColumns.barycentric(n);
    }

    private static void row(StringBuilder sb, double mjd, TimeColumns c, int i, boolean helio) {
        // BMJD to 1e-12 d (float64 resolution at MJD 6e4 is 7e-12 d), i.e. better than the 1e-10 d asked
        sb.append(mjd).append(',');
        sb.append(String.format(Locale.ROOT, "%.12f,%.9f,%.9f,%.6f,%s", c.bmjdTdb()[i], c.tdbMinusUtcS()[i],
                c.lttBaryS()[i], c.altDeg()[i], Double.isNaN(c.airmass()[i]) ? "nan"
                        : String.format(Locale.ROOT, "%.6f", c.airmass()[i])));
        if (helio) {
            sb.append(String.format(Locale.ROOT, ",%.9f,%.12f", c.lttHelioS()[i], c.hmjdTdb()[i]));
        }
    }

    /**
     * Batch form: a CSV with a header holding at least {@link #CSV_COLUMNS} (east longitude,
     * geodetic latitude, metres, ICRS degrees, MJD(UTC)); one output row per input row, in order.
     * Rows sharing a site and target are converted in one vectorised call.
     */
    public void runCsv(Path csv, Options options, PrintStream out, Warnings warnings) throws CalphotException {
        List<String> lines;
        try {
            lines = Files.readAllLines(csv, StandardCharsets.UTF_8);
        } catch (java.nio.file.NoSuchFileException e) {
            throw new BadInputException("no such file", Location.of(csv.toString()), e);
        } catch (IOException e) {
            throw org.calphot.core.util.ReadErrors.of(csv, e, "a CSV file");
        }
        String file = csv.toString();
        int[] col = null;
        int headerLine = 0;
        List<double[]> rows = new ArrayList<>();
        List<Integer> rowLines = new ArrayList<>();
        for (int ln = 0; ln < lines.size(); ln++) {
            String line = lines.get(ln);
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            List<String> f = split(line, file, ln + 1);
            if (col == null) {
                col = new int[CSV_COLUMNS.size()];
                for (int k = 0; k < col.length; k++) {
                    col[k] = -1;
                    for (int j = 0; j < f.size(); j++) {
                        if (f.get(j).strip().equalsIgnoreCase(CSV_COLUMNS.get(k))) {
                            col[k] = j;
                        }
                    }
                    if (col[k] < 0) {
                        throw new BadInputException("header lacks column '" + CSV_COLUMNS.get(k) + "' (need "
                                + String.join(",", CSV_COLUMNS) + ")", Location.of(file, ln + 1));
                    }
                }
                headerLine = ln + 1;
                continue;
            }
            double[] v = new double[col.length];
            for (int k = 0; k < col.length; k++) {
                Location at = Location.key(file, ln + 1, CSV_COLUMNS.get(k));
                if (col[k] >= f.size()) {
                    throw new BadInputException("row has " + f.size() + " fields, no '" + CSV_COLUMNS.get(k) + "'", at);
                }
                String s = f.get(col[k]).strip();
                try {
                    v[k] = Double.parseDouble(s);
                } catch (NumberFormatException e) {
                    throw new BadInputException("'" + s + "' is not a number", at);
                }
                if (!Double.isFinite(v[k])) {
                    throw new BadInputException("'" + s + "' is not finite", at);
                }
            }
            checkRange(v[1], -90, 90, "latitude", Location.key(file, ln + 1, "lat_deg"));
            checkRange(v[0], -180, 360, "east longitude", Location.key(file, ln + 1, "lon_deg"));
            checkRange(v[2], -500, 9000, "height (m)", Location.key(file, ln + 1, "height_m"));
            checkRange(v[3], 0, 360, "RA (deg)", Location.key(file, ln + 1, "ra_deg"));
            checkRange(v[4], -90, 90, "Dec (deg)", Location.key(file, ln + 1, "dec_deg"));
            if (v[3] == 360) {
                throw new BadInputException("RA 360 is out of range [0, 360)", Location.key(file, ln + 1, "ra_deg"));
            }
            rows.add(v);
            rowLines.add(ln + 1);
        }
        if (col == null) {
            throw new BadInputException("no header line", Location.of(file));
        }
        int n = rows.size();
        // group by (site, target), keeping first-seen order
        Map<List<Double>, List<Integer>> groups = new LinkedHashMap<>();
        for (int i = 0; i < n; i++) {
            double[] v = rows.get(i);
            groups.computeIfAbsent(List.of(v[0], v[1], v[2], v[3], v[4]), k -> new ArrayList<>()).add(i);
        }
        TimeCorrector tc = corrector(options);
        TimeColumns all = columns(n, options.heliocentric());
        Map<Site, Site> siteCache = new HashMap<>();
        for (Map.Entry<List<Double>, List<Integer>> g : groups.entrySet()) {
            List<Double> k = g.getKey();
            List<Integer> idx = g.getValue();
            Site site = siteCache.computeIfAbsent(new Site("csv", k.get(1), k.get(0), k.get(2), "CSV columns"), s -> s);
            SkyPosition target = new SkyPosition(k.get(3), k.get(4));
            double[] mjd = new double[idx.size()];
            for (int j = 0; j < mjd.length; j++) {
                mjd[j] = rows.get(idx.get(j))[5];
            }
            TimeColumns part = columns(mjd.length, options.heliocentric());
            try {
                tc.correct(new TimeRequest(site, target, options.airmassFormula()), mjd, 0, mjd.length, part,
                        warnings);
            } catch (BadInputException e) {
                // map the vector index back to the CSV line
                String key = e.location().key();
                int j = key != null && key.startsWith("mjd_utc[") ? Integer.parseInt(key.substring(8, key.length() - 1))
                        : 0;
                throw new BadInputException(e.getMessage(), Location.key(file, rowLines.get(idx.get(j)), "mjd_utc"));
            }
            for (int j = 0; j < mjd.length; j++) {
                copy(part, j, all, idx.get(j));
            }
        }
        out.println(HEADER + (options.heliocentric() ? HELIO_HEADER : ""));
        StringBuilder sb = new StringBuilder(128);
        for (int i = 0; i < n; i++) {
            sb.setLength(0);
            row(sb, rows.get(i)[5], all, i, options.heliocentric());
            out.append(sb).append('\n');
        }
        out.flush();
        assert headerLine > 0;
    }

    private static void checkRange(double v, double lo, double hi, String what, Location at)
            throws BadInputException {
        if (v < lo || v > hi) {
            throw new BadInputException(what + " " + v + " out of range [" + lo + ", " + hi + "]", at);
        }
    }

    private static void copy(TimeColumns from, int i, TimeColumns to, int j) {
        double[][] a = {from.bmjdTdb(), from.tdbMinusUtcS(), from.lttBaryS(), from.lttHelioS(), from.hmjdTdb(),
            from.altDeg(), from.airmass()};
        double[][] b = {to.bmjdTdb(), to.tdbMinusUtcS(), to.lttBaryS(), to.lttHelioS(), to.hmjdTdb(), to.altDeg(),
            to.airmass()};
        for (int k = 0; k < a.length; k++) {
            if (a[k] != null && b[k] != null) {
                b[k][j] = a[k][i];
            }
        }
    }

    /** Splits one CSV line (RFC 4180 quotes allowed). */
    static List<String> split(String line, String file, int lineNo) throws BadInputException {
        try (CSVParser p = CSVParser.parse(line, CSVFormat.DEFAULT)) {
            List<CSVRecord> records = p.getRecords();
            return records.isEmpty() ? List.of("") : records.get(0).toList();
        } catch (IOException | UncheckedIOException e) {
            throw new BadInputException("not a CSV row (" + e.getMessage() + ")", Location.of(file, lineNo));
        }
    }
}
