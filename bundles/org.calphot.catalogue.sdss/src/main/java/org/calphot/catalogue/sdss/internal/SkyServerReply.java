// SPDX-License-Identifier: EPL-2.0 OR GPL-2.0-or-later
// Copyright (c) 2026 the calphot contributors
package org.calphot.catalogue.sdss.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.calphot.core.catalogue.CatalogueStar;
import org.calphot.core.catalogue.ConeQuery;
import org.calphot.core.catalogue.MagnitudeKind;
import org.calphot.core.catalogue.SkyCoordinates;

/**
 * Parses a SkyServer CSV reply: an optional {@code #Table1} line (x_results/x_sql endpoints), a
 * header line, then rows. Tolerant of the column sets of the other SkyServer services (SkyServerWS
 * RadialSearch/ConeSearch), so recorded replies of those can be read too.
 */
final class SkyServerReply {

    /** The reply is not a table we understand. */
    static final class MalformedException extends Exception {
        private static final long serialVersionUID = 1L;

        MalformedException(String message) {
            super(message);
        }
    }

    /** Stars (type star) and how many non-star rows were dropped. */
    record Parsed(List<CatalogueStar> stars, int nonStars) {
    }

    private SkyServerReply() {
    }

    static Parsed parse(String body, ConeQuery cone, MagnitudeKind kind) throws MalformedException {
        if (body.startsWith("\uFEFF")) {
            body = body.substring(1);
        }
        String[] lines = body.split("\r?\n", -1);
        int k = 0;
        while (k < lines.length && (lines[k].isBlank() || lines[k].startsWith("#"))) {
            k++;
        }
        if (k == lines.length) {
            throw new MalformedException("reply holds no table (" + describe(body) + ")");
        }
        List<String> header = split(lines[k], k + 1);
        Map<String, Integer> col = new HashMap<>();
        for (int c = 0; c < header.size(); c++) {
            col.putIfAbsent(header.get(c).trim().toLowerCase(Locale.ROOT), c);
        }
        Integer cId = col.get("objid");
        Integer cRa = col.get("ra");
        Integer cDec = col.get("dec");
        if (cId == null || cRa == null || cDec == null) {
            throw new MalformedException("reply header lacks objid/ra/dec (" + describe(lines[k]) + ")");
        }
        int nb = SdssQuery.BANDS.size();
        Integer[] cMag = new Integer[nb];
        Integer[] cErr = new Integer[nb];
        boolean anyMag = false;
        for (int b = 0; b < nb; b++) {
            String band = SdssQuery.BANDS.get(b);
            if (kind == MagnitudeKind.PSF) {
                cMag[b] = col.get("psfmag_" + band);
                cErr[b] = col.get("psfmagerr_" + band);
            } else {
                cMag[b] = col.get("modelmag_" + band);
                cErr[b] = col.get("modelmagerr_" + band);
                if (cMag[b] == null) {
                    // SkyServerWS u..z / Err_u.. are the shorthand aliases of modelMag.
                    cMag[b] = col.get(band);
                    cErr[b] = col.get("err_" + band);
                }
            }
            anyMag |= cMag[b] != null;
        }
        if (!anyMag) {
            throw new MalformedException("reply has no " + (kind == MagnitudeKind.PSF ? "psfMag_*" : "modelMag_*")
                    + " columns (header: " + describe(lines[k]) + ")");
        }
        Integer cType = col.get("type");
        Integer cClean = col.get("clean");
        Integer cFlags = col.get("flags");
        Integer cDist = col.get("distance");
        Integer[] cSat = new Integer[nb];
        for (int b = 0; b < nb; b++) {
            cSat[b] = col.get("saturated_" + SdssQuery.BANDS.get(b));
        }

        List<CatalogueStar> stars = new ArrayList<>();
        int nonStars = 0;
        for (int li = k + 1; li < lines.length; li++) {
            String line = lines[li];
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            List<String> f = split(line, li + 1);
            if (f.size() != header.size()) {
                throw new MalformedException("line " + (li + 1) + " has " + f.size() + " fields, header has "
                        + header.size());
            }
            if (cType != null && !isStar(f.get(cType).trim(), li + 1)) {
                nonStars++;
                continue;
            }
            String id = f.get(cId).trim();
            try {
                Long.parseUnsignedLong(id); // objID is an unsigned 64-bit integer
            } catch (NumberFormatException e) {
                throw new MalformedException("line " + (li + 1) + ": objid '" + abbreviate(id) + "' is not a number");
            }
            double ra = number(f.get(cRa), li + 1, "ra");
            double dec = number(f.get(cDec), li + 1, "dec");
            if (!(ra >= 0 && ra < 360 && dec >= -90 && dec <= 90)) {
                throw new MalformedException("line " + (li + 1) + ": position out of range");
            }
            double[] mag = new double[nb];
            double[] err = new double[nb];
            List<String> flags = new ArrayList<>();
            for (int b = 0; b < nb; b++) {
                mag[b] = cMag[b] == null ? Double.NaN : magnitude(f.get(cMag[b]), li + 1);
                err[b] = cErr[b] == null ? Double.NaN : magnitude(f.get(cErr[b]), li + 1);
            }
            if (cClean == null) {
                flags.add("CLEAN_UNKNOWN");
            } else if (number(f.get(cClean), li + 1, "clean") != 1) {
                flags.add("NOT_CLEAN");
            }
            boolean satKnown = true;
            for (int b = 0; b < nb; b++) {
                if (cSat[b] == null) {
                    satKnown = false;
                } else if (number(f.get(cSat[b]), li + 1, "saturated_" + SdssQuery.BANDS.get(b)) != 0) {
                    flags.add("SATURATED_" + SdssQuery.BANDS.get(b));
                }
            }
            if (!satKnown) {
                flags.add("SATURATION_UNKNOWN");
            }
            Map<String, String> extra = new LinkedHashMap<>();
            if (cType != null) {
                extra.put("type", f.get(cType).trim());
            }
            if (cFlags != null) {
                extra.put("flags", f.get(cFlags).trim());
            }
            if (cDist != null) {
                extra.put("distance_arcmin", f.get(cDist).trim());
            }
            double sep = SkyCoordinates.separationArcsec(cone.raDeg(), cone.decDeg(), ra, dec);
            stars.add(new CatalogueStar(id, ra, dec, sep, mag, err, flags, extra));
        }
        return new Parsed(stars, nonStars);
    }

    /** SDSS photo type 6 = STAR (numeric in SQL/RadialSearch, a word in ConeSearch). */
    private static boolean isStar(String type, int line) throws MalformedException {
        if (type.equalsIgnoreCase("STAR") || type.equals("6")) {
            return true;
        }
        if (type.matches("-?\\d+") || type.matches("[A-Za-z_]+")) {
            return false;
        }
        throw new MalformedException("line " + line + ": type '" + abbreviate(type) + "' is not an SDSS photo type");
    }

    private static double number(String s, int line, String what) throws MalformedException {
        try {
            return Double.parseDouble(s.trim());
        } catch (NumberFormatException e) {
            throw new MalformedException("line " + line + ": " + what + " '" + abbreviate(s) + "' is not a number");
        }
    }

    /** SDSS writes -9999 (and sometimes 9999 errors) for "not measured". */
    private static double magnitude(String s, int line) throws MalformedException {
        String t = s.trim();
        if (t.isEmpty() || t.equalsIgnoreCase("null")) {
            return Double.NaN;
        }
        double v = number(t, line, "magnitude");
        return Math.abs(v) >= 999 ? Double.NaN : v;
    }

    /** Splits one CSV line with commons-csv; double quotes protect commas and {@code ""} is a quote. */
    static List<String> split(String line, int lineNo) throws MalformedException {
        if (line.indexOf('\u0000') >= 0) {
            throw new MalformedException("line " + lineNo + " contains binary data");
        }
        try (CSVParser p = CSVParser.parse(line, CSVFormat.DEFAULT)) {
            List<CSVRecord> records = p.getRecords();
            return records.isEmpty() ? List.of("") : records.get(0).toList();
        } catch (IOException | UncheckedIOException e) {
            throw new MalformedException("line " + lineNo + " is not a CSV row (" + e.getMessage() + ")");
        }
    }

    static String describe(String body) {
        String t = body.replaceAll("<[^>]*>", " ").replaceAll("\\s+", " ").trim();
        return abbreviate(t.isEmpty() ? "empty" : t);
    }

    private static String abbreviate(String s) {
        String t = s.replaceAll("[\\p{Cntrl}&&[^\t]]", "?");
        return t.length() > 120 ? t.substring(0, 120) + "..." : t;
    }
}
