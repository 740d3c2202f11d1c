// SPDX-License-Identifier: EPL-2.0 OR GPL-2.0-or-later
// Copyright (c) 2026 the calphot contributors
package org.calphot.io.internal;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import nom.tam.fits.BasicHDU;
import nom.tam.fits.BinaryTable;
import nom.tam.fits.BinaryTableHDU;
import nom.tam.fits.Fits;
import nom.tam.fits.Header;

import org.calphot.core.BadInputException;
import org.calphot.core.CalphotException;
import org.calphot.core.Location;
import org.calphot.core.Warnings;
import org.calphot.core.log.CcdTable;
import org.calphot.core.log.LabelOrder;
import org.calphot.core.log.LogHeader;
import org.calphot.core.log.LogReader;
import org.calphot.core.log.PhotometryLog;
import org.osgi.service.component.annotations.Component;

/**
 * FITS logs written by hipercam's {@code hlog2fits}: an empty primary HDU ({@code LOGFILE}) and one
 * binary table per CCD ({@code CCDNAME}, EXTNAME {@code CCD <n>}) whose columns are the ASCII log's
 * columns without the CCD label. The header prose is not carried over, so there is no pipeline
 * version; the bad-value convention is inferred (any NaN in a float column: nan convention).
 */
@Component(service = LogReader.class, property = "format=" + FitsLogReader.NAME)
public final class FitsLogReader implements LogReader {

    public static final String NAME = "hipercam-fits";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "FITS logs from hipercam's hlog2fits (one binary table per CCD)";
    }

    @Override
    public int confidence(byte[] head) {
        if (head.length < 80) {
            return 0;
        }
        String first = new String(head, 0, 80, StandardCharsets.ISO_8859_1);
        if (!first.startsWith("SIMPLE  =") || !first.substring(10, 30).trim().equals("T")) {
            return 0;
        }
        String s = new String(head, StandardCharsets.ISO_8859_1);
        return s.contains("CCDNAME") || s.contains("LOGFILE") ? 100 : 30;
    }

    @Override
    public PhotometryLog read(Path file, Warnings warnings) throws CalphotException {
        String fname = file.toString();
        if (!Files.isRegularFile(file)) {
            throw new BadInputException("no such file", Location.of(fname));
        }
        List<CcdTable> tables = new ArrayList<>();
        Map<String, List<String>> colNames = new LinkedHashMap<>();
        boolean anyNaN = false;
        List<CcdLayout> layouts = new ArrayList<>();
        long offset = 0;
        int hduIndex = 0;
        try (Fits fits = new Fits(new File(fname))) {
            BasicHDU<?>[] hdus = fits.read();
            if (hdus == null || hdus.length == 0) {
                throw new BadInputException("no FITS HDUs", Location.of(fname));
            }
            for (hduIndex = 1; hduIndex < hdus.length; hduIndex++) {
                if (!(hdus[hduIndex] instanceof BinaryTableHDU bt)) {
                    warnings.warn(Location.key(fname, 0, "HDU " + hduIndex), "not a binary table; skipped");
                    continue;
                }
                Header hdr = bt.getHeader();
                String ccd = hdr.getStringValue("CCDNAME");
                if (ccd == null) {
                    String ext = hdr.getStringValue("EXTNAME");
                    ccd = ext != null && ext.startsWith("CCD ") ? ext.substring(4).trim() : null;
                }
                if (ccd == null) {
                    throw new BadInputException("binary table without CCDNAME", Location.key(fname, 0, "HDU " + hduIndex));
                }
                BinaryTable data = bt.getData();
                int ncol = bt.getNCols();
                int nrow = data.getNRows();
                List<String> names = new ArrayList<>();
                List<String> types = new ArrayList<>();
                names.add("CCD");
                types.add("s");
                Object[] cols = new Object[ncol];
                for (int j = 0; j < ncol; j++) {
                    names.add(bt.getColumnName(j));
                    Object col = data.getColumn(j);
                    double tzero = hdr.getDoubleValue("TZERO" + (j + 1), 0);
                    String t;
                    if (col instanceof double[]) {
                        t = "f8";
                    } else if (col instanceof float[]) {
                        t = "f4";
                    } else if (col instanceof int[] iv) {
                        // astropy stores uint32 as int32 with TZERO = 2^31: flip the sign bit back
                        if (tzero == 2147483648.0) {
                            int[] u = new int[iv.length];
                            for (int r = 0; r < iv.length; r++) {
                                u[r] = iv[r] ^ 0x80000000;
                            }
                            col = u;
                            t = "u4";
                        } else {
                            t = "i4";
                        }
                    } else if (col instanceof short[] sv) {
                        int[] w = new int[sv.length];
                        for (int r = 0; r < sv.length; r++) {
                            w[r] = sv[r];
                        }
                        col = w;
                        t = "i4";
                    } else if (col instanceof boolean[]) {
                        t = "?";
                    } else if (col instanceof Boolean[] bv) {
                        boolean[] w = new boolean[bv.length];
                        for (int r = 0; r < bv.length; r++) {
                            w[r] = Boolean.TRUE.equals(bv[r]);
                        }
                        col = w;
                        t = "?";
                    } else {
                        throw new BadInputException("column '" + bt.getColumnName(j) + "' has an unsupported type "
                                + (col == null ? "null" : col.getClass().getSimpleName()),
                                Location.key(fname, 0, "HDU " + hduIndex));
                    }
                    cols[j] = col;
                    types.add(t);
                }
                CcdLayout l = new CcdLayout(ccd, names, types, fname, 0, 0, warnings);
                l.allocate(nrow);
                for (int j = 0; j < ncol; j++) {
                    Object col = cols[j];
                    int s = l.slot[j];
                    switch (l.kind[j]) {
                        case CcdLayout.F8 -> {
                            double[] d = col instanceof double[] dd ? dd : toDouble(col);
                            for (int r = 0; r < nrow; r++) {
                                l.f8[s][r] = d[r] - l.addend[j];
                                anyNaN |= Double.isNaN(d[r]);
                            }
                        }
                        case CcdLayout.F4 -> {
                            float[] f = (float[]) col;
                            System.arraycopy(f, 0, l.f4[s], 0, nrow);
                            for (float v : f) {
                                anyNaN |= Float.isNaN(v);
                            }
                        }
                        case CcdLayout.I4, CcdLayout.U4 -> System.arraycopy(toInt(col), 0, l.i4[s], 0, nrow);
                        default -> System.arraycopy((boolean[]) col, 0, l.bool[s], 0, nrow);
                    }
                }
                layouts.add(l);
                colNames.put(ccd, List.copyOf(names));
                offset = l.mjdOffset != 0 ? l.mjdOffset : offset;
            }
        } catch (CalphotException e) {
            throw e;
        } catch (Exception e) {
            // nom-tam reports damaged files with FitsException and, for some damage, unchecked exceptions
            throw new BadInputException("not a readable FITS log: " + e.getMessage(),
                    hduIndex > 0 ? Location.key(fname, 0, "HDU " + hduIndex) : Location.of(fname), e);
        }
        if (layouts.isEmpty()) {
            throw new BadInputException("no binary-table HDUs: not an hlog2fits log", Location.of(fname));
        }
        for (CcdLayout l : layouts) {
            l.normaliseSentinels(anyNaN);
            tables.add(l.toTable());
        }
        tables.sort((a, b) -> LabelOrder.NUMERIC.compare(a.ccd(), b.ccd()));
        LogHeader h = new LogHeader(NAME, null, anyNaN, Map.of(), Map.of(), List.of(), offset, colNames);
        return new PhotometryLog(file, h, tables);
    }

    private static double[] toDouble(Object col) {
        float[] f = (float[]) col;
        double[] d = new double[f.length];
        for (int i = 0; i < f.length; i++) {
            d[i] = f[i];
        }
        return d;
    }

    private static int[] toInt(Object col) {
        if (col instanceof int[] i) {
            return i;
        }
        throw new IllegalStateException("integer column expected");
    }
}
