// SPDX-License-Identifier: EPL-2.0 OR GPL-2.0-or-later
// Copyright (c) 2026 the calphot contributors
package org.calphot.io;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import org.calphot.core.BadInputException;
import org.calphot.core.CalphotException;
import org.calphot.core.Location;
import org.calphot.core.Warnings;
import org.calphot.core.log.CoordsFile;

/**
 * Reads cal_phot {@code .coords} files with the original's rules (calphot-original §3.2): leading
 * {@code #} lines skipped; the first other line lists one band per CCD ({@code u g r i z}, case
 * sensitive, or {@code KG5} in any case); the next line is a separator; then one {@code RA Dec}
 * line per comparison star, a blank line moving on to the next CCD, {@code #} lines ignored.
 * <p>Where the original silently lost data this reader stops with a located error instead: a
 * non-blank separator line (the original dropped it, a star and all), a line with one or three
 * tokens (the original treated it as a CCD break), two blank lines in a row before more stars
 * (the original skipped a CCD), stars for more CCDs than bands, a CCD with a band but no stars,
 * and RA/Dec tokens that are neither sexagesimal nor decimal degrees (the original pasted them into
 * a URL unchecked). A missing file is an error; unlike the original no template is written over
 * the user's path. As in the original, {@code coord_list.coords} beside the path is used when the
 * path itself does not exist (with a warning).
 */
public final class CoordsReader {

    private static final Pattern RA = Pattern.compile(
            "^(\\d{1,2}[: ]\\d{1,2}[: ]\\d{1,2}(\\.\\d*)?|\\d{1,3}(\\.\\d*)?)$");
    private static final Pattern DEC = Pattern.compile(
            "^[+-]?(\\d{1,2}[: ]\\d{1,2}[: ]\\d{1,2}(\\.\\d*)?|\\d{1,2}(\\.\\d*)?)$");

    public static final String FALLBACK_NAME = "coord_list.coords";

    public CoordsFile read(Path path, Warnings warnings) throws CalphotException {
        Path file = path;
        if (Files.isDirectory(path)) {
            file = path.resolve(FALLBACK_NAME);
        } else if (!Files.exists(path)) {
            Path dir = path.toAbsolutePath().getParent();
            Path alt = dir == null ? null : dir.resolve(FALLBACK_NAME);
            if (alt != null && Files.isRegularFile(alt)) {
                warnings.warn(Location.of(path.toString()), "not found; using " + alt + " instead (cal_phot's fallback)");
                file = alt;
            }
        }
        String fname = file.toString();
        if (!Files.isRegularFile(file)) {
            throw new BadInputException("coords file not found. Write one: first line the band of each CCD (e.g. 'r g u'),"
                    + " then a blank line, then one 'RA Dec' line per comparison star (apertures 2, 3, ... in order),"
                    + " a blank line between CCDs", Location.of(path.toString()));
        }
        List<String> lines;
        try {
            lines = new String(Files.readAllBytes(file), StandardCharsets.UTF_8).lines().toList();
        } catch (IOException e) {
            throw new CalphotException("cannot read: " + e.getMessage(), Location.of(fname), e);
        }
        return parse(file, fname, lines);
    }

    static boolean isBand(String t) {
        return t.equals("u") || t.equals("g") || t.equals("r") || t.equals("i") || t.equals("z")
                || t.equalsIgnoreCase("kg5");
    }

    private CoordsFile parse(Path file, String fname, List<String> lines) throws CalphotException {
        int i = 0;
        while (i < lines.size() && lines.get(i).startsWith("#")) {
            i++;
        }
        if (i >= lines.size()) {
            throw new BadInputException("no band line (first non-comment line, e.g. 'r g u')", Location.of(fname, i + 1));
        }
        List<String> bands = new ArrayList<>();
        String bandLine = lines.get(i);
        if (bandLine.isBlank()) {
            throw new BadInputException("the first non-comment line must list the band of each CCD, e.g. 'r g u'",
                    Location.of(fname, i + 1));
        }
        for (String t : bandLine.trim().split("\\s+")) {
            if (!isBand(t)) {
                throw new BadInputException("'" + t + "' is not a band (u g r i z, case-sensitive, or KG5)",
                        Location.of(fname, i + 1, bandLine.indexOf(t) + 1));
            }
            bands.add(t);
        }
        i++;
        // the original skips this line unconditionally
        if (i < lines.size() && !lines.get(i).isBlank()) {
            throw new BadInputException("the line after the bands must be blank (cal_phot skips it unread)",
                    Location.of(fname, i + 1));
        }
        i++;
        List<List<CoordsFile.Star>> per = new ArrayList<>();
        per.add(new ArrayList<>());
        int ccd = 0;
        int pendingBreaks = 0;
        int firstBreakLine = 0;
        for (; i < lines.size(); i++) {
            String l = lines.get(i);
            int ln = i + 1;
            if (l.startsWith("#")) {
                continue;
            }
            String[] tok = l.trim().isEmpty() ? new String[0] : l.trim().split("\\s+");
            if (tok.length == 0) {
                if (pendingBreaks == 0) {
                    firstBreakLine = ln;
                }
                pendingBreaks++;
                continue;
            }
            if (tok.length != 2) {
                throw new BadInputException("expected 'RA Dec' (2 values), found " + tok.length
                        + " (cal_phot would silently start the next CCD here)", Location.of(fname, ln));
            }
            if (pendingBreaks > 0 && !per.get(ccd).isEmpty()) {
                if (pendingBreaks > 1) {
                    throw new BadInputException(pendingBreaks + " blank lines between CCD blocks from line " + firstBreakLine
                            + " (cal_phot would skip " + (pendingBreaks - 1) + " CCD(s)); use exactly one",
                            Location.of(fname, firstBreakLine));
                }
                ccd++;
                per.add(new ArrayList<>());
            } else if (pendingBreaks > 0 && per.get(ccd).isEmpty()) {
                throw new BadInputException("blank line before the first star of CCD " + (ccd + 1)
                        + " (cal_phot would give that CCD no stars)", Location.of(fname, firstBreakLine));
            }
            pendingBreaks = 0;
            if (ccd >= bands.size()) {
                throw new BadInputException("stars for CCD " + (ccd + 1) + " but only " + bands.size()
                        + " band(s) on the band line", Location.of(fname, ln));
            }
            String ra = tok[0];
            String dec = tok[1];
            if (!RA.matcher(ra).matches()) {
                throw new BadInputException("'" + ra + "' is not an RA (hh:mm:ss.ss or decimal degrees)",
                        Location.of(fname, ln, l.indexOf(ra) + 1));
            }
            if (!DEC.matcher(dec).matches()) {
                throw new BadInputException("'" + dec + "' is not a Dec (±dd:mm:ss.s or decimal degrees)",
                        Location.of(fname, ln, l.lastIndexOf(dec) + 1));
            }
            per.get(ccd).add(new CoordsFile.Star(ra, dec, ln));
        }
        for (int c = 0; c < bands.size(); c++) {
            if (c >= per.size() || per.get(c).isEmpty()) {
                throw new BadInputException("no comparison stars for CCD " + (c + 1) + " (band " + bands.get(c) + ")",
                        Location.of(fname, lines.size()));
            }
        }
        return new CoordsFile(file, bands, per);
    }
}
