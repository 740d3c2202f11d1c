// SPDX-License-Identifier: EPL-2.0 OR GPL-2.0-or-later
// Copyright (c) 2026 the calphot contributors
package org.calphot.output;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

import org.calphot.core.CalphotException;
import org.calphot.io.JsonWriter;

/**
 * provenance.json, the run's record for a reader or a script: the document the pipeline gathers (plain maps, lists
 * and arrays, see {@link JsonWriter}) written as two-space JSON ending in a newline, and the SHA-256 digests it
 * records for the config, the logs and every output.
 */
public final class ProvenanceFile {

    /** The file's name in the output folder. */
    public static final String NAME = "provenance.json";

    private ProvenanceFile() {
    }

    /** The file's bytes, UTF-8. */
    public static byte[] bytes(Map<String, ?> document) {
        return (JsonWriter.pretty(document) + "\n").getBytes(StandardCharsets.UTF_8);
    }

    /**
     * The {@code outputs} section: each output's name (a path relative to the output folder) and the SHA-256 of
     * its bytes, read from where {@code where} says the file is now (staged, before the run's commit), sorted by
     * name so that the same run gives the same bytes.
     */
    public static Map<String, Object> outputHashes(Iterable<Path> outputs, Function<Path, Path> where)
            throws CalphotException {
        Map<String, Object> m = new TreeMap<>();
        for (Path rel : outputs) {
            m.put(rel.toString(), sha256(where.apply(rel)));
        }
        return m;
    }

    /** Lower-case hexadecimal SHA-256 of {@code data}. */
    public static String sha256(byte[] data) {
        return HexFormat.of().formatHex(digest().digest(data));
    }

    /** Lower-case hexadecimal SHA-256 of a file's bytes, read in blocks. */
    public static String sha256(Path file) throws CalphotException {
        MessageDigest md = digest();
        try (var in = Files.newInputStream(file)) {
            byte[] buf = new byte[1 << 16];
            int n;
            while ((n = in.read(buf)) > 0) {
                md.update(buf, 0, n);
            }
            return hex(md);
        } catch (IOException e) {
            throw new CalphotException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    /** Lower-case hexadecimal of a digest's result (which resets it). */
    public static String hex(MessageDigest md) {
        return HexFormat.of().formatHex(md.digest());
    }

    /** A new SHA-256 digest, the hash every provenance entry uses (for hashing bytes as they are written). */
    public static MessageDigest digest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is in every Java runtime", e);
        }
    }
}
