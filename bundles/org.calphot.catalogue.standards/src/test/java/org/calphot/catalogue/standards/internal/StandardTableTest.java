// SPDX-License-Identifier: EPL-2.0 OR GPL-2.0-or-later
// Copyright (c) 2026 the calphot contributors
package org.calphot.catalogue.standards.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.BufferedReader;
import java.io.StringReader;
import java.util.List;
import java.util.Map;

import org.calphot.catalogue.standards.StandardSystem;
import org.calphot.core.CalphotException;
import org.junit.jupiter.api.Test;

/**
 * The Gaia-SPSS tables read with commons-csv: the shipped tables' rows as the file holds them (values copied by hand
 * from the CSV), quoting, blank lines and located errors.
 */
class StandardTableTest {

    private static final String HEADER = "Name,RA_h,RA,DEC,sdss_u,sdss_g,sdss_r,sdss_i,sdss_z,Type,SpecType,fname,"
            + "Gaia_DR3_ID,Variability\n";

    private static StandardTable read(String text) throws Exception {
        return StandardTable.spss(StandardSystem.SPSS_SDSS, new BufferedReader(new StringReader(text)), "t.csv");
    }

    @Test
    void shippedSdssTable() throws Exception {
        StandardTable t = StandardTable.spss(StandardSystem.SPSS_SDSS);
        // 113 non-blank lines, one the header; 89 rows say Constant (grep -c ',Constant')
        assertEquals(112, t.rows().size());
        assertEquals(89, t.rows().stream().filter(r -> r.flags().isEmpty()).count());
        StandardTable.Row r = t.rows().get(0);
        // WD0004+330,00:07:32.26,1.8844167,33.291,13.089,13.514,14.023,14.389,14.723,Secondary,DA1,...,
        assertEquals("WD0004+330", r.name());
        assertEquals(1.8844167, r.raDeg(), 0);
        assertEquals(33.291, r.decDeg(), 0);
        assertArrayEquals(new double[] {13.089, 13.514, 14.023, 14.389, 14.723}, r.mag(), 0);
        assertArrayEquals(new double[] {0.022, 0.022, 0.022, 0.022, 0.022}, r.err(), 0);
        assertEquals(List.of("VARIABILITY_UNKNOWN"), r.flags());
        assertEquals(Map.of("Type", "Secondary", "SpecType", "DA1", "Gaia_DR3_ID", "2874319284171715968",
                "fname", "V2.SPSS156.ascii"), r.extra());
        assertEquals(List.of(), t.rows().get(2).flags()); // WD0038+555 ... ,Constant
    }

    @Test
    void quotedCommasBlankLinesAndCrLf() throws Exception {
        StandardTable t = read(HEADER.replace("\n", "\r\n")
                + "\"SA 92, star 1\",00:54:00,13.5,0.5,15,14,13.5,13.2,13.1,Primary,\"G2, V\",x,1,VARIABLE\r\n\r\n"
                + " LTT 377 , 00:41:30 ,10.376958,-33.625564,14.020,11.369,9.972,9.330,9.069,,,,, Constant ");
        assertEquals(2, t.rows().size());
        assertEquals("SA 92, star 1", t.rows().get(0).name());
        assertEquals("G2, V", t.rows().get(0).extra().get("SpecType"));
        assertEquals(List.of("VARIABLE"), t.rows().get(0).flags());
        assertEquals("LTT 377", t.rows().get(1).name());
        assertEquals(-33.625564, t.rows().get(1).decDeg(), 0);
        assertEquals(List.of(), t.rows().get(1).flags());
    }

    @Test
    void errorsNameTheLine() {
        String good = "A,0,1,2,1,2,3,4,5,,,,,\n";
        CalphotException e = assertThrows(CalphotException.class, () -> read(HEADER + good + "\nB,0,1,2,1,2\n"));
        assertEquals("expected 14 fields, found 6", e.getMessage());
        assertEquals(4, e.location().line(), e.getMessage());
        e = assertThrows(CalphotException.class, () -> read(HEADER + good + "C,0,1,2,x,2,3,4,5,,,,,"));
        assertEquals(3, e.location().line(), e.getMessage());
        e = assertThrows(CalphotException.class, () -> read(HEADER.replace("sdss_r", "r") + good));
        assertEquals("column sdss_r missing", e.getMessage());
        assertThrows(CalphotException.class, () -> read(""));
    }
}
