// SPDX-License-Identifier: EPL-2.0 OR GPL-2.0-or-later
// Copyright (c) 2026 the calphot contributors
package org.calphot.time.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import org.calphot.core.BadInputException;
import org.calphot.core.CalphotException;
import org.calphot.core.Location;

/**
 * UT1-UTC and polar motion from a user-supplied IERS table, linearly interpolated in UTC MJD.
 * Reads the IERS Rapid Service {@code finals2000A.all}/{@code finals.all} fixed-column format
 * (Bulletin A columns: MJD 8-15, x 19-27", y 38-46", UT1-UTC 59-68 s) or plain whitespace
 * columns {@code mjd x_arcsec y_arcsec ut1_utc_s} ({@code #} comments allowed).
 */
final class EarthOrientation {

    private static final double AS2R = Math.PI / (180.0 * 3600.0);

    private final String source;
    private final double[] mjd;
    private final double[] xpRad;
    private final double[] ypRad;
    private final double[] dut1;

    EarthOrientation(String source, double[] mjd, double[] xpRad, double[] ypRad, double[] dut1) {
        this.source = source;
        this.mjd = mjd;
        this.xpRad = xpRad;
        this.ypRad = ypRad;
        this.dut1 = dut1;
    }

    static EarthOrientation read(Path file) throws CalphotException {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.ISO_8859_1);
        } catch (IOException e) {
            throw new BadInputException("cannot read Earth-orientation table: " + e.getMessage(),
                    Location.of(file.toString()), e);
        }
        return parse(lines, file.toString());
    }

    /** The bundled table: IERS EOP 14 C04 1980..2022-11-29, the one astropy 5.2 uses when offline. */
    static final String BUILTIN = "iers-eop-c04.txt.gz";

    private static volatile EarthOrientation builtin;

    static EarthOrientation builtin() {
        EarthOrientation b = builtin;
        if (b == null) {
            synchronized (EarthOrientation.class) {
                if (builtin == null) {
                    try (java.io.InputStream in = EarthOrientation.class.getResourceAsStream(BUILTIN)) {
                        if (in == null) {
                            throw new IllegalStateException("bundled Earth-orientation table missing: " + BUILTIN);
                        }
                        String text = new String(new java.util.zip.GZIPInputStream(in).readAllBytes(),
                                StandardCharsets.ISO_8859_1);
                        builtin = parse(text.lines().toList(), "bundled IERS EOP 14 C04");
                    } catch (IOException | CalphotException e) {
                        throw new IllegalStateException("bundled Earth-orientation table unreadable: " + e, e);
                    }
                }
                b = builtin;
            }
        }
        return b;
    }

    private static EarthOrientation parse(List<String> lines, String fileName) throws CalphotException {
        int n = 0;
        double[] m = new double[lines.size()];
        double[] x = new double[lines.size()];
        double[] y = new double[lines.size()];
        double[] u = new double[lines.size()];
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            String t = line.strip();
            if (t.isEmpty() || t.startsWith("#")) {
                continue;
            }
            Location at = Location.of(fileName, i + 1);
            String[] tok = t.split("\\s+");
            double vm;
            double vx;
            double vy;
            double vu;
            if (tok.length == 4 && !looksFinals(line)) {
                vm = number(tok[0], at, "MJD");
                vx = number(tok[1], at, "x");
                vy = number(tok[2], at, "y");
                vu = number(tok[3], at, "UT1-UTC");
            } else if (looksFinals(line)) {
                if (line.length() < 68 || line.substring(58, 68).isBlank() || line.substring(18, 27).isBlank()) {
                    continue; // rows past the prediction horizon have no values
                }
                vm = number(line.substring(7, 15).strip(), at, "MJD");
                vx = number(line.substring(18, 27).strip(), at, "x");
                vy = number(line.substring(37, 46).strip(), at, "y");
                vu = number(line.substring(58, 68).strip(), at, "UT1-UTC");
            } else {
                throw new BadInputException("not an IERS finals row nor 'mjd x y ut1_utc' columns", at);
            }
            if (Math.abs(vx) > 2 || Math.abs(vy) > 2 || Math.abs(vu) > 1) {
                throw new BadInputException("polar motion or UT1-UTC out of range (|x|,|y| <= 2\", |UT1-UTC| <= 1 s)",
                        at);
            }
            if (n > 0 && vm <= m[n - 1]) {
                throw new BadInputException("MJD " + vm + " not after the previous row's " + m[n - 1], at);
            }
            m[n] = vm;
            x[n] = vx * AS2R;
            y[n] = vy * AS2R;
            u[n] = vu;
            n++;
        }
        if (n < 2) {
            throw new BadInputException("Earth-orientation table has fewer than 2 usable rows",
                    Location.of(fileName));
        }
        return new EarthOrientation(fileName, Arrays.copyOf(m, n), Arrays.copyOf(x, n), Arrays.copyOf(y, n),
                Arrays.copyOf(u, n));
    }

    private static boolean looksFinals(String line) {
        return line.length() >= 68 && line.charAt(14) != ' ' && line.substring(7, 15).strip().matches("\\d+\\.\\d+");
    }

    private static double number(String s, Location at, String what) throws BadInputException {
        try {
            double v = Double.parseDouble(s);
            if (!Double.isFinite(v)) {
                throw new NumberFormatException();
            }
            return v;
        } catch (NumberFormatException e) {
            throw new BadInputException(what + " '" + s + "' is not a number", at);
        }
    }

    String source() {
        return source;
    }

    double firstMjd() {
        return mjd[0];
    }

    double lastMjd() {
        return mjd[mjd.length - 1];
    }

    boolean covers(double utcMjd) {
        return utcMjd >= mjd[0] && utcMjd <= mjd[mjd.length - 1];
    }

    private int segment(double t) {
        int i = Arrays.binarySearch(mjd, t);
        if (i < 0) {
            i = -i - 2;
        }
        return Math.max(0, Math.min(mjd.length - 2, i));
    }

    /**
     * UT1-UTC in seconds; 0 outside the table. A leap second inside an interval shows as a ~1 s
     * step between rows; it is removed before interpolating (UT1-TAI is smooth), so the value
     * refers to UTC as it runs at the start of the interval, as astropy's IERS interpolation does.
     */
    double dut1(double utcMjd) {
        if (!covers(utcMjd)) {
            return 0.0;
        }
        int i = segment(utcMjd);
        double a = dut1[i];
        double b = dut1[i + 1];
        b -= Math.rint(b - a);
        double w = (utcMjd - mjd[i]) / (mjd[i + 1] - mjd[i]);
        return a + w * (b - a);
    }

    /** Polar motion x, y in radians at a UTC MJD; 0 outside the table. */
    void polarMotion(double utcMjd, double[] xy) {
        if (!covers(utcMjd)) {
            xy[0] = 0;
            xy[1] = 0;
            return;
        }
        int i = segment(utcMjd);
        double w = (utcMjd - mjd[i]) / (mjd[i + 1] - mjd[i]);
        xy[0] = xpRad[i] + w * (xpRad[i + 1] - xpRad[i]);
        xy[1] = ypRad[i] + w * (ypRad[i + 1] - ypRad[i]);
    }
}
