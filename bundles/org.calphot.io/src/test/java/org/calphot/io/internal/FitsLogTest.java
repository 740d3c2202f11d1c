// SPDX-License-Identifier: EPL-2.0 OR GPL-2.0-or-later
// Copyright (c) 2026 the calphot contributors
package org.calphot.io.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import nom.tam.fits.BasicHDU;
import nom.tam.fits.BinaryTable;
import nom.tam.fits.BinaryTableHDU;
import nom.tam.fits.Fits;
import nom.tam.fits.Header;

import org.calphot.core.BadInputException;
import org.calphot.core.Warnings;
import org.calphot.core.log.ApertureTable;
import org.calphot.core.log.CcdTable;
import org.calphot.core.log.Column;
import org.calphot.core.log.PhotometryLog;
import org.calphot.io.LogIo;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * FITS logs as hlog2fits writes them (astropy BinTableHDU from the numpy structured array): primary
 * HDU with LOGFILE, one table per CCD with CCDNAME and EXTNAME "CCD n", columns as in the ASCII log
 * without the CCD label, u4 flags stored as J with TZERO = 2^31. Built here with nom-tam-fits from
 * the real ASASSN-16kr log, then read back and compared with the ASCII model.
 */
class FitsLogTest {

    @TempDir
    Path tmp;

    static Path writeFits(PhotometryLog log, Path out) throws Exception {
        try (Fits f = new Fits()) {
            BasicHDU<?> primary = BasicHDU.getDummyHDU();
            primary.getHeader().addValue("LOGFILE", log.source().getFileName().toString(), "Original log file");
            f.addHDU(primary);
            for (CcdTable c : log.ccds()) {
                List<String> names = new ArrayList<>(log.header().columnNames().get(c.ccd()));
                names.remove(0); // CCD
                List<Object> cols = new ArrayList<>();
                List<Boolean> unsigned = new ArrayList<>();
                for (String n : names) {
                    int us = n.indexOf('_');
                    Column col = us < 0 ? c.frameColumn(n) : c.aperture(n.substring(us + 1)).column(n.substring(0, us));
                    Object data;
                    if (col instanceof Column.F64 d) {
                        data = d.data();
                    } else if (col instanceof Column.F32 d) {
                        data = d.data();
                    } else if (col instanceof Column.I32 d) {
                        data = d.data();
                    } else if (col instanceof Column.U32 d) {
                        int[] v = d.data().clone();
                        for (int i = 0; i < v.length; i++) {
                            v[i] ^= 0x80000000;
                        }
                        data = v;
                    } else {
                        data = ((Column.Bool) col).data();
                    }
                    cols.add(data);
                    unsigned.add(col instanceof Column.U32);
                }
                BinaryTable t = BinaryTable.fromColumnMajor(cols.toArray());
                BinaryTableHDU hdu = BinaryTableHDU.wrap(t);
                Header h = hdu.getHeader();
                for (int j = 0; j < names.size(); j++) {
                    hdu.setColumnName(j, names.get(j), null);
                    if (unsigned.get(j)) {
                        h.addValue("TZERO" + (j + 1), 2147483648L, "offset for unsigned integers");
                        h.addValue("TSCAL" + (j + 1), 1, "");
                    }
                }
                h.addValue("CCDNAME", c.ccd(), "CCD name");
                h.addValue("EXTNAME", "CCD " + c.ccd(), "");
                f.addHDU(hdu);
            }
            f.write(out.toFile());
        }
        return out;
    }

    @Test
    void hlog2fitsLayoutReadsLikeTheAsciiLog() throws Exception {
        // the ASCII reader keeps sentinels converted; hlog2fits of an old log keeps -1s: rebuild them
        PhotometryLog ascii = new HipercamAsciiReader(1).read(TestFiles.dpleo("I"), Warnings.IGNORE);
        Path fits = writeFits(ascii, tmp.resolve("dpleo_I.fits"));
        assertEquals("hipercam-fits", LogIo.defaultReaders().choose(fits).name());
        PhotometryLog back = LogIo.defaultReaders().read(fits, Warnings.IGNORE);
        assertEquals("hipercam-fits", back.header().format());
        ModelAssert.assertSameModel(ascii, back);
        CcdTable c = back.ccd("1");
        ApertureTable a2 = c.aperture("2");
        assertEquals((float) 3474.4, (float) a2.counts().value(0));
        assertEquals(57100.63619091298460, c.mjdUtc()[0], 1e-11);
        assertFalse(c.mjdOk()[0]);
    }

    @Test
    void flagsAboveTwoToThe31SurviveTheOffset() throws Exception {
        PhotometryLog ascii = new HipercamAsciiReader(1).read(TestFiles.asassn("2018_10_15"), Warnings.IGNORE);
        Path fits = writeFits(ascii, tmp.resolve("asassn.fits"));
        PhotometryLog back = new FitsLogReader().read(fits, Warnings.IGNORE);
        ModelAssert.assertSameModel(ascii, back);
        assertEquals(1, (int) back.ccd("1").aperture("1").flags().value(0));
    }

    @Test
    void damagedFits() throws Exception {
        PhotometryLog ascii = new HipercamAsciiReader(1).read(TestFiles.dpleo("I"), Warnings.IGNORE);
        Path fits = writeFits(ascii, tmp.resolve("d.fits"));
        byte[] b = Files.readAllBytes(fits);
        Path cut = tmp.resolve("cut.fits");
        Files.write(cut, java.util.Arrays.copyOf(b, b.length / 2));
        assertThrows(BadInputException.class, () -> new FitsLogReader().read(cut, Warnings.IGNORE));
    }
}
