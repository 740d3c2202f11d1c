// SPDX-License-Identifier: EPL-2.0 OR GPL-2.0-or-later
// Copyright (c) 2026 the calphot contributors
package org.calphot.testing;

import java.util.List;

/**
 * Hand-built VOTable 1.4 documents (TABLEDATA) as TAP services write them, for tests of the VO catalogues: a
 * results table and the IVOA DALI error document. Text only, so no VOTable library is needed to write them.
 */
public final class VoTables {

    private VoTables() {
    }

    /**
     * A results document with one table. {@code fields} are "name:datatype" (a char column gets arraysize *);
     * a null cell is written as an empty TD.
     */
    public static String table(List<String> fields, List<Object[]> rows) {
        StringBuilder sb = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                + "<VOTABLE version=\"1.4\" xmlns=\"http://www.ivoa.net/xml/VOTable/v1.3\">\n"
                + "<RESOURCE type=\"results\">\n<INFO name=\"QUERY_STATUS\" value=\"OK\"/>\n<TABLE>\n");
        for (String f : fields) {
            String[] p = f.split(":");
            sb.append("<FIELD name=\"").append(p[0]).append("\" datatype=\"").append(p[1]).append('"')
                    .append(p[1].equals("char") ? " arraysize=\"*\"" : "").append("/>\n");
        }
        sb.append("<DATA><TABLEDATA>\n");
        for (Object[] r : rows) {
            sb.append("<TR>");
            for (Object o : r) {
                sb.append("<TD>").append(o == null ? "" : o).append("</TD>");
            }
            sb.append("</TR>\n");
        }
        sb.append("</TABLEDATA></DATA>\n</TABLE>\n</RESOURCE>\n</VOTABLE>\n");
        return sb.toString();
    }

    /** The IVOA DALI error document: QUERY_STATUS = ERROR with the message as the INFO's text. */
    public static String error(String message) {
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                + "<VOTABLE version=\"1.4\" xmlns=\"http://www.ivoa.net/xml/VOTable/v1.3\">\n"
                + "<RESOURCE type=\"results\">\n<INFO name=\"QUERY_STATUS\" value=\"ERROR\">" + message
                + "</INFO>\n</RESOURCE>\n</VOTABLE>\n";
    }
}
