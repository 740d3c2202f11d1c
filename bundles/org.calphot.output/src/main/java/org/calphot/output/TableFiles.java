// SPDX-License-Identifier: EPL-2.0 OR GPL-2.0-or-later
// Copyright (c) 2026 the calphot contributors
package org.calphot.output;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.calphot.core.photometry.CalibratedLightcurve;
import org.calphot.core.util.FloatFormat;
import org.calphot.core.util.PyFloat;

import nom.tam.fits.BinaryTable;
import nom.tam.fits.BinaryTableHDU;
import nom.tam.fits.Fits;
import nom.tam.fits.FitsException;
import nom.tam.fits.FitsFactory;
import nom.tam.fits.Header;
import nom.tam.util.FitsOutputStream;

/** The lightcurve of one CCD as CSV, FITS binary table and lcurve text; only frames inside the phase range. */
public final class TableFiles {

    private TableFiles() {
    }

    private static int[] rows(OutputCcd c) {
        int n = c.keptInPhase();
        int[] r = new int[n];
        int k = 0;
        for (int i = 0; i < c.inPhaseRange().length; i++) {
            if (c.inPhaseRange()[i]) {
                r[k++] = i;
            }
        }
        return r;
    }

    public static void csv(OutputStream os, OutputLog log, OutputCcd c, String version) throws IOException {
        OutputStreamWriter w = new OutputStreamWriter(os, StandardCharsets.UTF_8);
        CalibratedLightcurve lc = c.lightcurve();
        w.write("# calphot " + version + ": " + log.log().getFileName() + " CCD " + c.ccd() + " band " + c.band()
                + (log.fluxCalibrated() ? "" : " (count ratio scaled to a 1 mJy comparison sum)") + "\n");
        w.write(String.format(Locale.ROOT, "# eclipse %s BMJD(TDB), cycle %d; systematic calibration error %.4f"
                + " (fraction of flux, not in flux_err_mjy)%n", PyFloat.repr(log.eclipseBmjd()), log.cycle(),
                lc.budget() == null ? Double.NaN : lc.budget().systematic()));
        try (CSVPrinter p = new CSVPrinter(w, CSVFormat.DEFAULT.builder().setRecordSeparator('\n')
                .setHeader("bmjd_tdb", "mjd_utc", "exposure_s", "phase", "flux_mjy", "flux_err_mjy", "count_ratio",
                        "count_ratio_err", "airmass", "flags")
                .get())) {
            for (int i : rows(c)) {
                p.printRecord(PyFloat.repr(c.bmjdTdb()[i]), PyFloat.repr(lc.mjdUtc()[i]),
                        PyFloat.repr(lc.exposureS()[i]), PyFloat.repr(c.phase()[i]), PyFloat.repr(lc.fluxMjy()[i]),
                        PyFloat.repr(lc.fluxErrMjy()[i]), PyFloat.repr(lc.ratio()[i]), PyFloat.repr(lc.ratioErr()[i]),
                        PyFloat.repr(c.airmass()[i]), c.flags()[i]);
            }
        }
    }

    /** lcurve's six columns: time (BMJD TDB), exposure (days), flux, error, weight, subdivisions. */
    public static void lcurve(OutputStream os, OutputCcd c) throws IOException {
        OutputStreamWriter w = new OutputStreamWriter(os, StandardCharsets.UTF_8);
        CalibratedLightcurve lc = c.lightcurve();
        w.write("# time (BMJD TDB)  exposure (d)  flux (mJy)  error (mJy)  weight  subdivisions\n");
        // "%.10f %.10f %.8g %.8g 1 1%n" per row, without a Formatter per value (same bytes: FloatFormatTest)
        String eol = System.lineSeparator();
        StringBuilder sb = new StringBuilder(64);
        for (int i : rows(c)) {
            sb.setLength(0);
            FloatFormat.appendFixed(sb, c.bmjdTdb()[i], 10).append(' ');
            FloatFormat.appendFixed(sb, lc.exposureS()[i] / 86400.0, 10).append(' ');
            FloatFormat.appendGeneral(sb, lc.fluxMjy()[i], 8).append(' ');
            FloatFormat.appendGeneral(sb, lc.fluxErrMjy()[i], 8).append(" 1 1").append(eol);
            w.append(sb);
        }
        w.flush();
    }

    public static void fits(OutputStream os, OutputLog log, OutputCcd c, double t0, double period, String version)
            throws IOException {
        int[] rows = rows(c);
        CalibratedLightcurve lc = c.lightcurve();
        double[] t = new double[rows.length];
        double[] e = new double[rows.length];
        double[] ph = new double[rows.length];
        double[] f = new double[rows.length];
        double[] fe = new double[rows.length];
        int[] fl = new int[rows.length];
        double[] am = new double[rows.length];
        for (int k = 0; k < rows.length; k++) {
            int i = rows[k];
            t[k] = c.bmjdTdb()[i];
            e[k] = lc.exposureS()[i];
            ph[k] = c.phase()[i];
            f[k] = lc.fluxMjy()[i];
            fe[k] = lc.fluxErrMjy()[i];
            fl[k] = c.flags()[i];
            am[k] = c.airmass()[i];
        }
        try {
            FitsFactory.setUseAsciiTables(false);
            BinaryTable table = new BinaryTable();
            table.addColumn(t);
            table.addColumn(e);
            table.addColumn(ph);
            table.addColumn(f);
            table.addColumn(fe);
            table.addColumn(fl);
            table.addColumn(am);
            BinaryTableHDU hdu = (BinaryTableHDU) Fits.makeHDU(table);
            String[][] cols = {{"BMJD_TDB", "d"}, {"EXPOSURE", "s"}, {"PHASE", ""}, {"FLUX_MJY", "mJy"},
                {"FLUX_ERR_MJY", "mJy"}, {"FLAGS", ""}, {"AIRMASS", ""}};
            for (int k = 0; k < cols.length; k++) {
                hdu.setColumnName(k, cols[k][0], null);
                if (!cols[k][1].isEmpty()) {
                    hdu.getHeader().addValue("TUNIT" + (k + 1), cols[k][1], "unit of " + cols[k][0]);
                }
            }
            Header h = hdu.getHeader();
            h.addValue("EXTNAME", "LIGHTCURVE", "calibrated lightcurve");
            h.addValue("TIMESYS", "TDB", "time scale of BMJD_TDB");
            h.addValue("TIMEREF", "SOLARSYSTEM", "times are barycentric");
            h.addValue("TIMEUNIT", "d", "unit of BMJD_TDB");
            h.addValue("MJDREF", 0.0, "BMJD_TDB is a full MJD");
            h.addValue("OBJECT", fitsText(log.oname()), "target (config oname)");
            h.addValue("INSTRUME", fitsText(log.instrument()), "instrument");
            h.addValue("OBSERVAT", fitsText(log.observatory()), "observatory as given in the config");
            h.addValue("CCD", c.ccd(), "CCD label in the log");
            h.addValue("FILTER", fitsText(c.band()), "band");
            h.addValue("LOGFILE", fitsText(log.log().getFileName().toString()), "photometry log");
            addFinite(h, "T0", t0, "ephemeris T0, BMJD(TDB)");
            addFinite(h, "PERIOD", period, "ephemeris period, d");
            addFinite(h, "ECLTIME", log.eclipseBmjd(), "eclipse phased on, BMJD(TDB)");
            h.addValue("CYCLE", log.cycle(), "cycle number of ECLTIME");
            addFinite(h, "PHASELO", log.phaseLow(), "phase slice lower bound (exclusive)");
            addFinite(h, "PHASEHI", log.phaseHigh(), "phase slice upper bound (exclusive)");
            h.addValue("MAGSRC", lc.magnitudes().source().name(), "comparison magnitudes from");
            addFinite(h, "COMPFLUX", lc.comparisonFluxMjy(), "summed comparison flux, mJy");
            h.addValue("NCOMP", lc.comparisonLabels().size(), "comparisons used");
            addFinite(h, "MEANRAT", lc.meanRatio(), "mean target/comparison count ratio");
            addFinite(h, "MEANMAG", lc.meanTargetMag(), "AB magnitude of the mean flux");
            if (lc.budget() != null) {
                addFinite(h, "SYSERR", lc.budget().systematic(), "calibration error, fraction of flux");
                addFinite(h, "SYSSHARE", lc.budget().systematicShare(), "systematic share of typical variance");
            }
            h.addValue("CREATOR", fitsText("calphot " + version), "program");
            Fits fits = new Fits();
            var primary = Fits.makeHDU((Object) null);
            // the library stamps the time it was loaded into SIMPLE's comment: use the reproducible date
            primary.getHeader().addValue("SIMPLE", true, "Java FITS: "
                    + org.calphot.core.util.SourceDate.now());
            fits.addHDU(primary);
            fits.addHDU(hdu);
            FitsOutputStream out = new FitsOutputStream(new NoClose(os));
            fits.write(out);
            out.flush();
            fits.close();
        } catch (FitsException fe2) {
            throw new IOException("FITS: " + fe2.getMessage(), fe2);
        }
    }

    /**
     * A numeric header card, left out when the value is NaN or infinite: FITS cannot hold them (nom-tam refuses),
     * and a missing key says "no value" (e.g. MEANMAG when the mean flux is not positive, as early in a live night
     * of very short exposures) without an invented sentinel.
     */
    static void addFinite(Header h, String key, double value, String comment) throws FitsException {
        if (Double.isFinite(value)) {
            h.addValue(key, value, comment);
        }
    }

    /**
     * A header string as FITS allows it (printable ASCII, at most 68 characters in one card): accents
     * are dropped (é to e), any other character becomes '?'. The name stays as it is everywhere else.
     */
    public static String fitsText(String s) {
        String d = java.text.Normalizer.normalize(s == null ? "" : s, java.text.Normalizer.Form.NFD)
                .replaceAll("\\p{M}+", "");
        StringBuilder b = new StringBuilder();
        d.codePoints().forEach(cp -> b.append(cp >= 0x20 && cp < 0x7f ? (char) cp : '?'));
        return b.length() > 68 ? b.substring(0, 65) + "..." : b.toString();
    }

    /** Lets the FITS writer flush without closing the staging stream. */
    private static final class NoClose extends java.io.FilterOutputStream {
        NoClose(OutputStream out) {
            super(out);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
        }

        @Override
        public void close() throws IOException {
            flush();
        }
    }
}
