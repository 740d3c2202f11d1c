// SPDX-License-Identifier: EPL-2.0 OR GPL-2.0-or-later
// Copyright (c) 2026 the calphot contributors
package org.calphot.pipeline;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitOption;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/** An output folder's files as bytes, for tests that compare two runs' outputs file by file. */
final class OutputSnapshot {
    private OutputSnapshot() {
    }

    /** Every file by its path relative to root, through the output names (links into the run in use), not the
     * hidden generation folders. */
    static Map<String, byte[]> files(Path root) throws IOException {
        Map<String, byte[]> m = new TreeMap<>();
        try (Stream<Path> s = Files.walk(root, FileVisitOption.FOLLOW_LINKS)) {
            for (Path p : s.filter(Files::isRegularFile).toList()) {
                if (!root.relativize(p).toString().startsWith(".calphot-")) {
                    m.put(root.relativize(p).toString(), Files.readAllBytes(p));
                }
            }
        }
        return m;
    }

    /** provenance.json without its clock readings (creation time, elapsed seconds). */
    static String withoutTimes(byte[] json) {
        return new String(json, StandardCharsets.UTF_8).replaceAll("\"created_utc\": \"[^\"]*\"", "")
                .replaceAll("\"elapsed_s\": [0-9.eE+-]+", "");
    }

    /** The lines only one side has (at most five each), for the failure message of a text file. */
    static String diff(byte[] want, String wantName, byte[] got, String gotName) {
        List<String> a = new ArrayList<>(List.of(new String(want, StandardCharsets.UTF_8).split("\n")));
        List<String> b = new ArrayList<>(List.of(new String(got, StandardCharsets.UTF_8).split("\n")));
        List<String> onlyA = new ArrayList<>(a);
        onlyA.removeAll(b);
        List<String> onlyB = new ArrayList<>(b);
        onlyB.removeAll(a);
        return "\n only " + wantName + ": " + onlyA.stream().limit(5).toList() + "\n only " + gotName + ": "
                + onlyB.stream().limit(5).toList();
    }
}
