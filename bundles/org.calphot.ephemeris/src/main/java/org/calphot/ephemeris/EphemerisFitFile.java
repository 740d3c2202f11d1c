// SPDX-License-Identifier: EPL-2.0 OR GPL-2.0-or-later
// Copyright (c) 2026 the calphot contributors
package org.calphot.ephemeris;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.calphot.core.BadInputException;
import org.calphot.core.Location;
import org.calphot.core.util.AtomicFiles;

/**
 * The original's {@code ephemeris_fit.txt} layout, with its numbers corrected: the +/- values are
 * 1 sigma (cal_phot wrote the full 16-84 width), "reduced chisq" is chi2/(N-2) (cal_phot wrote
 * chi2), and the O-C column is really T_obs - T_calc (cal_phot wrote C - O). When the reduced chisq is above 1
 * (and no error-scale parameters were fitted) the +/- are scaled by its square root, the unscaled errors beside them.
 */
public final class EphemerisFitFile {

    /** What the file holds. */
    public record Contents(double t0, double t0Err, double period, double periodErr, double reducedChi2,
            List<String> sources, double[] ocSeconds, int[] cycles) {
    }

    private static final String HEADER = "Source          |  (Obs) - (Calc), sec | Cycle Number";
    private static final Pattern VALUE = Pattern.compile("Got a (T0 of|period of)\\s+(\\S+)\\+/-(\\S+)");
    private static final Pattern CHI = Pattern.compile("This fit had a reduced chisq value of\\s+(\\S+)");

    private EphemerisFitFile() {
    }

    public static String format(EphemerisFit fit) {
        StringBuilder sb = new StringBuilder();
        // the headline +/- are the scaled errors when the fit is poor, with the unscaled ones beside them
        boolean scaled = fit.errorScale() > 1;
        sb.append(String.format(Locale.ROOT, "Got a T0 of     %5.15f+/-%.2e%s%n", fit.t0(), fit.t0ErrHeadline(),
                scaled ? String.format(Locale.ROOT, " (unscaled %.2e)", fit.t0Err()) : ""));
        sb.append(String.format(Locale.ROOT, "Got a period of %5.15f+/-%.2e%s%n", fit.period(), fit.periodErrHeadline(),
                scaled ? String.format(Locale.ROOT, " (unscaled %.2e)", fit.periodErr()) : ""));
        sb.append(String.format(Locale.ROOT, "This fit had a reduced chisq value of %.3f%s%n", fit.reducedChi2(),
                scaled || fit.scaleFactors().length > 0 ? " (" + fit.errorNote() + ")" : ""));
        if (fit.poorFit()) {
            sb.append(String.format(Locale.ROOT, "WARNING: reduced chisq %.3f > 3: the eclipse times scatter far more"
                    + " than their errors (timing model, wrong cycle numbers, or underestimated errors)%n",
                    fit.reducedChi2Unscaled()));
        }
        sb.append('\n').append(HEADER).append('\n');
        OcTable oc = fit.oc();
        for (int i = 0; i < oc.cycles().length; i++) {
            sb.append(String.format(Locale.ROOT, " %-14s | %20.4f | %d%n", oc.sourceNames()[i], oc.ocSeconds()[i],
                    oc.cycles()[i]));
        }
        return sb.toString().replace(System.lineSeparator(), "\n");
    }

    public static void write(Path file, EphemerisFit fit) throws IOException {
        AtomicFiles.writeString(file, format(fit));
    }

    public static Contents read(Path file) throws BadInputException, IOException {
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        String fn = file.toString();
        double[] v = {Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN};
        List<String> src = new ArrayList<>();
        List<double[]> rows = new ArrayList<>();
        boolean table = false;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            int ln = i + 1;
            try {
                if (table) {
                    if (line.isBlank()) {
                        continue;
                    }
                    String[] tok = line.split("\\|");
                    if (tok.length != 3) {
                        throw new BadInputException("expected 'source | O-C | cycle'", Location.of(fn, ln));
                    }
                    src.add(tok[0].strip());
                    rows.add(new double[] {Double.parseDouble(tok[1].strip()), Long.parseLong(tok[2].strip())});
                    continue;
                }
                Matcher m = VALUE.matcher(line);
                if (m.find()) {
                    int k = m.group(1).startsWith("T0") ? 0 : 2;
                    v[k] = Double.parseDouble(m.group(2));
                    v[k + 1] = Double.parseDouble(m.group(3));
                    continue;
                }
                Matcher c = CHI.matcher(line);
                if (c.find()) {
                    v[4] = Double.parseDouble(c.group(1));
                    continue;
                }
                if (line.startsWith("Source")) {
                    table = true;
                }
            } catch (NumberFormatException e) {
                throw new BadInputException("not a number: " + e.getMessage(), Location.of(fn, ln));
            }
        }
        if (Double.isNaN(v[0]) || Double.isNaN(v[2])) {
            throw new BadInputException("no 'Got a T0 of' / 'Got a period of' lines", Location.of(fn));
        }
        double[] oc = new double[rows.size()];
        int[] cyc = new int[rows.size()];
        for (int i = 0; i < oc.length; i++) {
            oc[i] = rows.get(i)[0];
            cyc[i] = (int) rows.get(i)[1];
        }
        return new Contents(v[0], v[1], v[2], v[3], v[4], List.copyOf(src), oc, cyc);
    }
}
