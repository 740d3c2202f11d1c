// SPDX-License-Identifier: EPL-2.0 OR GPL-2.0-or-later
// Copyright (c) 2026 the calphot contributors
package org.calphot.catalogue.vo.internal;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.calphot.catalogue.vo.VoException;
import org.calphot.catalogue.vo.VoTable;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;

import uk.ac.starlink.table.RowSequence;
import uk.ac.starlink.table.StoragePolicy;
import uk.ac.starlink.votable.TableElement;
import uk.ac.starlink.votable.VOElement;
import uk.ac.starlink.votable.VOElementFactory;
import uk.ac.starlink.votable.VOStarTable;

/**
 * VOTable bytes to a {@link VoTable} with STIL (any serialisation: TABLEDATA, BINARY, BINARY2, FITS).
 * The IVOA DALI/TAP error convention is checked first: an INFO named QUERY_STATUS with value ERROR is
 * the service's error document, its text the message.
 */
public final class VoTableReader {

    private VoTableReader() {
    }

    public static VoTable read(byte[] body) throws VoException {
        String head = new String(body, 0, Math.min(body.length, 4096), StandardCharsets.UTF_8);
        if (head.contains("<!ENTITY")) {
            // a catalogue reply never needs entity declarations; refusing them rules out entity expansion attacks
            throw new VoException("reply declares XML entities; refused", false);
        }
        if (!head.contains("VOTABLE")) {
            throw new VoException("not a VOTable: " + snippet(head), false);
        }
        VOElement top;
        try {
            top = new VOElementFactory(StoragePolicy.PREFER_MEMORY).makeVOElement(new ByteArrayInputStream(body),
                    null);
        } catch (SAXException | IOException | RuntimeException e) {
            throw new VoException("not well-formed XML (" + e.getMessage() + ")", false);
        }
        Map<String, String> infos = new LinkedHashMap<>();
        NodeList infoNodes = top.getElementsByVOTagName("INFO");
        for (int i = 0; i < infoNodes.getLength(); i++) {
            Element e = (Element) infoNodes.item(i);
            String name = e.getAttribute("name");
            String value = e.getAttribute("value");
            String text = e.getTextContent() == null ? "" : e.getTextContent().strip();
            if (!name.isEmpty()) {
                infos.putIfAbsent(name, name.equalsIgnoreCase("QUERY_STATUS") ? value + (text.isEmpty() ? ""
                        : "\t" + text) : value);
            }
        }
        String status = infos.getOrDefault("QUERY_STATUS", "OK");
        if (status.toUpperCase(Locale.ROOT).startsWith("ERROR")) {
            int tab = status.indexOf('\t');
            String msg = tab < 0 ? "(no message)" : status.substring(tab + 1);
            throw new VoException(msg.replaceAll("\\s+", " "), true);
        }
        NodeList tables = top.getElementsByVOTagName("TABLE");
        if (tables.getLength() == 0) {
            throw new VoException("VOTable without a TABLE", false);
        }
        try {
            VOStarTable t = new VOStarTable((TableElement) tables.item(0));
            int nc = t.getColumnCount();
            List<String> cols = new ArrayList<>(nc);
            for (int c = 0; c < nc; c++) {
                cols.add(t.getColumnInfo(c).getName());
            }
            List<Object[]> rows = new ArrayList<>();
            try (RowSequence rs = t.getRowSequence()) {
                while (rs.next()) {
                    rows.add(rs.getRow().clone());
                }
            }
            Map<String, String> cleanInfos = new LinkedHashMap<>(infos);
            cleanInfos.computeIfPresent("QUERY_STATUS", (k, v) -> v.contains("\t") ? v.substring(0, v.indexOf('\t'))
                    : v);
            return new VoTable(cols, rows, cleanInfos);
        } catch (IOException | RuntimeException e) {
            throw new VoException("unreadable table data (" + e.getMessage() + ")", false);
        }
    }

    private static String snippet(String s) {
        String t = s.replaceAll("(?s)<[^>]*>", " ").replaceAll("\\s+", " ").strip();
        if (t.isEmpty()) {
            return "(empty reply)";
        }
        return t.length() > 200 ? t.substring(0, 200) + "..." : t;
    }
}
