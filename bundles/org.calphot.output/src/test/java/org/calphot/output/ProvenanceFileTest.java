// SPDX-License-Identifier: EPL-2.0 OR GPL-2.0-or-later
// Copyright (c) 2026 the calphot contributors
package org.calphot.output;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.calphot.core.CalphotException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link ProvenanceFile}: digests against the published SHA-256 test vectors, the document's layout by hand. */
class ProvenanceFileTest {

    // FIPS 180-2, appendix B.1 ("abc") and the digest of the empty message
    private static final String ABC = "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad";
    private static final String EMPTY = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";

    @Test
    void digestsOfBytesAndFiles(@TempDir Path dir) throws Exception {
        assertEquals(ABC, ProvenanceFile.sha256("abc".getBytes(StandardCharsets.US_ASCII)));
        assertEquals(EMPTY, ProvenanceFile.sha256(new byte[0]));
        // a file larger than one 64 KiB read block gives the digest of its whole content
        byte[] big = new byte[200_000];
        for (int i = 0; i < big.length; i++) {
            big[i] = (byte) (i * 31);
        }
        Files.write(dir.resolve("big"), big);
        assertEquals(ProvenanceFile.sha256(big), ProvenanceFile.sha256(dir.resolve("big")));
        CalphotException e = assertThrows(CalphotException.class, () -> ProvenanceFile.sha256(dir.resolve("none")));
        assertEquals(true, e.getMessage().startsWith("cannot read " + dir.resolve("none")), e.getMessage());
    }

    @Test
    void outputsSortedByNameWithTheStagedFilesDigests(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("b.staged"), "abc");
        Files.writeString(dir.resolve("a.staged"), "");
        Map<String, Object> m = ProvenanceFile.outputHashes(List.of(Path.of("b"), Path.of("a")),
                rel -> dir.resolve(rel + ".staged"));
        assertEquals(List.of("a", "b"), List.copyOf(m.keySet()));
        assertEquals(EMPTY, m.get("a"));
        assertEquals(ABC, m.get("b"));
    }

    @Test
    void documentIsTwoSpaceJsonEndingInANewline() {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("program", "calphot");
        doc.put("phase_range", new double[] {-0.5, 0.5});
        doc.put("warnings", List.of());
        assertEquals("{\n  \"program\": \"calphot\",\n  \"phase_range\": [-0.5,0.5],\n  \"warnings\": []\n}\n",
                new String(ProvenanceFile.bytes(doc), StandardCharsets.UTF_8));
        assertEquals("provenance.json", ProvenanceFile.NAME);
    }
}
