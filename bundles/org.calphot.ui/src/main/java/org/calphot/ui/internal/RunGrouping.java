// SPDX-License-Identifier: EPL-2.0 OR GPL-2.0-or-later
// Copyright (c) 2026 the calphot contributors
package org.calphot.ui.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.Function;

import org.calphot.ui.internal.ObservationsView.Kind;

/**
 * The order both trees (Observations view, Project Explorer) give a folder: its folders, then its runs (a log or
 * .coords file together with the files that share its stem, e.g. run001.log, run001.coords, run001.fits), then loose
 * files (configs, Calibration.txt, ...), each group in the given order.
 */
public final class RunGrouping {
    private RunGrouping() {
    }

    /**
     * @param folders the folder's sub-folders, already sorted
     * @param files   its files, already sorted by name
     * @param name    a file's name
     * @param kind    what a file is (log, coords, config, ...)
     * @param group   a run node from the run's stem and its files
     */
    public static <F> Object[] order(List<?> folders, List<F> files, Function<F, String> name, Function<F, Kind> kind,
            BiFunction<String, List<F>, Object> group) {
        Map<String, List<F>> byRun = new LinkedHashMap<>();
        for (F f : files) {
            byRun.computeIfAbsent(stem(name.apply(f)), k -> new ArrayList<>()).add(f);
        }
        List<Object> groups = new ArrayList<>();
        List<Object> loose = new ArrayList<>();
        byRun.forEach((run, members) -> {
            boolean isRun = members.stream().anyMatch(f -> kind.apply(f) == Kind.LOG || kind.apply(f) == Kind.COORDS);
            if (isRun && members.size() > 1) {
                groups.add(group.apply(run, List.copyOf(members)));
            } else {
                loose.addAll(members);
            }
        });
        List<Object> out = new ArrayList<>(folders);
        out.addAll(groups);
        out.addAll(loose);
        return out.toArray();
    }

    /** The file name up to its first dot: run001.log.gz and run001.coords share "run001". */
    static String stem(String fileName) {
        int dot = fileName.indexOf('.');
        return dot > 0 ? fileName.substring(0, dot) : fileName;
    }
}
