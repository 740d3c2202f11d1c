// SPDX-License-Identifier: EPL-2.0 OR GPL-2.0-or-later
// Copyright (c) 2026 the calphot contributors
package org.calphot.config;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * A {@code logfiles} key that names a folder pattern ({@code night1/run*.log}, {@code **}{@code /*.log}): a glob
 * relative to the config's folder, every regular file it matches being a log of the payload with the entry's
 * value. {@code calphot watch} reads the config again while it runs and takes in logs that appear later.
 */
final class LogPattern {

    private LogPattern() {
    }

    /** True when the key has glob characters (a log file name of a *CAM run has none). */
    static boolean isPattern(String key) {
        return key.indexOf('*') >= 0 || key.indexOf('?') >= 0 || key.indexOf('[') >= 0 || key.indexOf('{') >= 0;
    }

    /** The regular files under {@code base} the glob matches, sorted by path; empty when none or unreadable. */
    static List<Path> expand(Path base, String glob) {
        Path pattern = base.resolve(glob).normalize();
        // walk from the deepest folder without glob characters: a pattern never scans above it
        Path root = pattern.getRoot();
        Path start = root;
        int depth = 0;
        for (Path part : pattern) {
            if (isPattern(part.toString())) {
                break;
            }
            start = start == null ? part : start.resolve(part);
            depth++;
        }
        if (start == null || !Files.isDirectory(start)) {
            return List.of();
        }
        boolean deep = glob.contains("**");
        int levels = deep ? Integer.MAX_VALUE : pattern.getNameCount() - depth;
        PathMatcher m = FileSystems.getDefault().getPathMatcher("glob:" + pattern.toString());
        List<Path> out = new ArrayList<>();
        try (Stream<Path> s = Files.walk(start, levels)) {
            s.filter(p -> Files.isRegularFile(p) && m.matches(p.normalize())).sorted().forEach(out::add);
        } catch (IOException | java.io.UncheckedIOException e) {
            return out;
        }
        return out;
    }
}
