// SPDX-License-Identifier: EPL-2.0 OR GPL-2.0-or-later
// Copyright (c) 2026 the calphot contributors
package org.calphot.ui.internal.plot;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.calphot.pipeline.CcdResult;
import org.calphot.pipeline.LogResult;
import org.calphot.pipeline.RunResult;

/**
 * What the Lightcurve view draws: the nights (logs) of a run, each with its bands, either from a run that just
 * finished or read back from the lightcurve files a run wrote ({@code MCMC_LIGHTCURVES/*.csv}, else
 * {@code *.calib}), so the view shows the same after a restart. Only frames inside the phase range, as written.
 */
public record LightcurveSet(Path outputDir, Path config, List<Night> nights) {

    /** One log's lightcurves: a short name for the selector, a title, the export stem, one band per CCD. */
    public record Night(String name, String title, String stem, List<Band> bands, Path log) {
    }

    /**
     * One band: BMJD(TDB) (NaN when read from a .calib), phase, flux and error (mJy), frames with ignored flags, the
     * comparison flux (mJy; flux / count ratio) for the right axis.
     */
    public record Band(String label, String ccd, double[] bmjdTdb, double[] phase, double[] flux, double[] err,
            boolean[] flagged, double comparisonFluxMjy) {
    }

    /** Name of the lightcurve files: {@code <oname>_<YYYY-MM-DD>@<HH>h<MM>m_<band>.<ext>}. */
    private static final Pattern FILE = Pattern.compile("(.+)_([^_]+)\\.(csv|calib|fits|lcurve)");

    /** The run's nights as the pipeline returned them. */
    public static LightcurveSet of(RunResult run) {
        List<Night> nights = new ArrayList<>();
        for (LogResult log : run.logs()) {
            List<Band> bands = new ArrayList<>();
            for (CcdResult c : log.ccds()) {
                int k = c.keptInPhase();
                double[] t = new double[k];
                double[] ph = new double[k];
                double[] f = new double[k];
                double[] e = new double[k];
                boolean[] flagged = new boolean[k];
                int j = 0;
                for (int i = 0; i < c.inPhaseRange().length; i++) {
                    if (c.inPhaseRange()[i]) {
                        t[j] = c.bmjdTdb()[i];
                        ph[j] = c.phase()[i];
                        f[j] = c.lightcurve().fluxMjy()[i];
                        e[j] = c.lightcurve().fluxErrMjy()[i];
                        flagged[j] = c.flags() != null && c.flags()[i] != 0;
                        j++;
                    }
                }
                bands.add(new Band(c.band() + " (CCD " + c.ccd() + ")", c.ccd(), t, ph, f, e, flagged,
                        c.lightcurve().comparisonFluxMjy()));
            }
            String what = log.fluxCalibrated() ? "" : " (count ratio \u00d7 1 mJy)";
            String file = log.log().getFileName().toString();
            nights.add(new Night(file, log.oname() + " \u2014 " + file + ", cycle " + log.cycle() + what,
                    log.oname() + "_" + stem(file) + "_lightcurve", bands, log.log()));
        }
        Object cfg = run.provenance() == null ? null : run.provenance().get("config");
        return new LightcurveSet(run.outputDir(), cfg == null ? null : Path.of(cfg.toString()), nights);
    }

    /**
     * The lightcurves under an output folder (or a {@code MCMC_LIGHTCURVES} folder, or one lightcurve file: then its
     * whole folder, that file's night first); null when there are none.
     */
    public static LightcurveSet read(Path where) throws IOException {
        Path dir = where;
        String first = null;
        if (Files.isRegularFile(where)) {
            dir = where.getParent();
            Matcher m = FILE.matcher(where.getFileName().toString());
            first = m.matches() ? m.group(1) : null;
        } else if (Files.isDirectory(where.resolve("MCMC_LIGHTCURVES"))) {
            dir = where.resolve("MCMC_LIGHTCURVES");
        }
        if (dir == null || !Files.isDirectory(dir)) {
            return null;
        }
        Map<String, Map<String, Path>> byNight = new LinkedHashMap<>();
        try (Stream<Path> s = Files.list(dir)) {
            for (Path p : s.sorted().toList()) {
                Matcher m = FILE.matcher(p.getFileName().toString());
                if (!m.matches() || !(m.group(3).equals("csv") || m.group(3).equals("calib"))) {
                    continue;
                }
                Map<String, Path> bands = byNight.computeIfAbsent(m.group(1), k -> new LinkedHashMap<>());
                // a CSV has times and flags: prefer it to the .calib of the same band
                if (m.group(3).equals("csv") || !bands.containsKey(m.group(2))) {
                    bands.put(m.group(2), p);
                }
            }
        }
        List<Night> nights = new ArrayList<>();
        for (Map.Entry<String, Map<String, Path>> n : byNight.entrySet()) {
            List<Band> bands = new ArrayList<>();
            String log = null;
            for (Map.Entry<String, Path> b : n.getValue().entrySet()) {
                Read r = b.getValue().toString().endsWith(".csv") ? readCsv(b.getValue(), b.getKey())
                        : readCalib(b.getValue(), b.getKey());
                if (r != null) {
                    bands.add(r.band);
                    log = log == null ? r.log : log;
                }
            }
            // files list alphabetically (g, i, r, u, z): show them in CCD order, as the run did
            bands.sort(java.util.Comparator.comparingDouble(LightcurveSet::ccdOrder));
            if (!bands.isEmpty()) {
                String title = n.getKey() + (log == null ? "" : " \u2014 " + log) + "  (read from "
                        + dir.getFileName() + ")";
                Night night = new Night(n.getKey(), title, n.getKey() + "_lightcurve", bands,
                        log == null ? null : Path.of(log));
                if (n.getKey().equals(first)) {
                    nights.add(0, night);
                } else {
                    nights.add(night);
                }
            }
        }
        Path out = dir.getFileName() != null && dir.getFileName().toString().equals("MCMC_LIGHTCURVES")
                ? dir.getParent() : dir;
        return nights.isEmpty() ? null : new LightcurveSet(out, configOf(out), nights);
    }

    /** The config a run's provenance.json names, else null. */
    static Path configOf(Path outputDir) {
        try {
            Path prov = outputDir.resolve("provenance.json");
            if (!Files.isRegularFile(prov)) {
                return null;
            }
            Matcher m = Pattern.compile("\"config\": \"((?:[^\"\\\\]|\\\\.)*)\"").matcher(Files.readString(prov));
            return m.find() ? Path.of(m.group(1).replace("\\\\", "\\")) : null;
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    private record Read(Band band, String log) {
    }

    /** The CSV calphot writes: bmjd_tdb, phase, flux_mjy, flux_err_mjy, count_ratio, flags; '#' header lines. */
    private static Read readCsv(Path f, String band) throws IOException {
        List<String> lines = Files.readAllLines(f, StandardCharsets.UTF_8);
        String log = null;
        String ccd = null;
        StringBuilder body = new StringBuilder();
        for (String l : lines) {
            if (l.startsWith("#")) {
                Matcher m = Pattern.compile("# calphot [^:]*: (.+) CCD (\\S+) band (\\S+)").matcher(l);
                if (m.find()) {
                    log = m.group(1);
                    ccd = m.group(2);
                    band = m.group(3);
                }
            } else {
                body.append(l).append('\n');
            }
        }
        List<CSVRecord> rows;
        try (Reader r = new java.io.StringReader(body.toString())) {
            rows = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(r).getRecords();
        }
        int n = rows.size();
        double[] t = new double[n];
        double[] ph = new double[n];
        double[] fl = new double[n];
        double[] er = new double[n];
        boolean[] flagged = new boolean[n];
        double comp = Double.NaN;
        for (int i = 0; i < n; i++) {
            CSVRecord c = rows.get(i);
            t[i] = num(c.get("bmjd_tdb"));
            ph[i] = num(c.get("phase"));
            fl[i] = num(c.get("flux_mjy"));
            er[i] = num(c.get("flux_err_mjy"));
            flagged[i] = num(c.get("flags")) != 0;
            double ratio = num(c.get("count_ratio"));
            if (Double.isNaN(comp) && Double.isFinite(fl[i]) && Double.isFinite(ratio) && ratio != 0) {
                comp = fl[i] / ratio;
            }
        }
        String label = ccd == null ? band : band + " (CCD " + ccd + ")";
        return new Read(new Band(label, ccd, t, ph, fl, er, flagged, comp), log);
    }

    /** cal_phot's .calib: phase, flux, error rows; the comparison flux from "# Sum apparent Flux: X mJy". */
    private static Read readCalib(Path f, String band) throws IOException {
        List<double[]> rows = new ArrayList<>();
        double comp = Double.NaN;
        String log = null;
        String ccd = null;
        for (String l : Files.readAllLines(f, StandardCharsets.UTF_8)) {
            String s = l.strip();
            if (s.isEmpty()) {
                continue;
            }
            if (s.startsWith("#")) {
                Matcher m = Pattern.compile("# Sum apparent Flux: (\\S+) mJy").matcher(s);
                if (m.find()) {
                    comp = num(m.group(1));
                }
                Matcher d = Pattern.compile("# This is data from the file (.+) CCD (\\S+)").matcher(s);
                if (d.find()) {
                    log = Path.of(d.group(1)).getFileName().toString();
                    ccd = d.group(2);
                }
                continue;
            }
            String[] t = s.split("\\s+");
            if (t.length >= 3) {
                rows.add(new double[] {num(t[0]), num(t[1]), num(t[2])});
            }
        }
        int n = rows.size();
        double[] t = new double[n];
        java.util.Arrays.fill(t, Double.NaN);
        double[] ph = new double[n];
        double[] fl = new double[n];
        double[] er = new double[n];
        for (int i = 0; i < n; i++) {
            ph[i] = rows.get(i)[0];
            fl[i] = rows.get(i)[1];
            er[i] = rows.get(i)[2];
        }
        String label = ccd == null ? band : band + " (CCD " + ccd + ")";
        return new Read(new Band(label, ccd, t, ph, fl, er, new boolean[n], comp), log);
    }

    /** The CCD number for ordering panels; unknown CCDs after the known ones (the sort is stable). */
    private static double ccdOrder(Band b) {
        try {
            return b.ccd() == null ? Double.MAX_VALUE : Double.parseDouble(b.ccd());
        } catch (NumberFormatException e) {
            return Double.MAX_VALUE;
        }
    }

    private static double num(String s) {
        try {
            return Double.parseDouble(s.strip().toLowerCase(Locale.ROOT).replace("nan", "NaN"));
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }

    static String stem(String file) {
        int dot = file.lastIndexOf('.');
        return dot > 0 ? file.substring(0, dot) : file;
    }
}
