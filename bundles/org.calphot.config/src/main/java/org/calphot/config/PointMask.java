// SPDX-License-Identifier: EPL-2.0 OR GPL-2.0-or-later
// Copyright (c) 2026 the calphot contributors
package org.calphot.config;

import java.io.StringReader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.calphot.config.internal.YamlNodes;
import org.calphot.core.BadInputException;
import org.calphot.core.Location;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * The optional top-level {@code mask points} key: frames a user marked bad, per log, left out of every output of
 * that log (like frames outside the phase range) and recorded in provenance and Calibration.txt.
 *
 * <pre>
 * mask points:
 *   run001.log:                                # a log of the config, written as in its logfiles
 *     - {ccd: 2, frames: [101, 102, 103]}      # frame numbers (nframe) of CCD 2
 *     - {frames: [250]}                        # ... of every CCD
 *     - {ccd: 1, bmjd: [60383.9701, 60383.9712]}  # an inclusive BMJD(TDB) range (days)
 * </pre>
 */
public record PointMask(Map<Path, List<Rule>> rules) {

    /** The config key. */
    public static final String KEY = "mask points";

    /**
     * One entry: a CCD label (null = every CCD), frame numbers (may be empty) and/or an inclusive BMJD(TDB) range
     * (NaN when absent), and where it is written.
     */
    public record Rule(String ccd, int[] frames, double bmjdLow, double bmjdHigh, Location where) {

        /** Whether this rule masks frame {@code nframe} of CCD {@code ccdLabel} at {@code bmjdTdb}. */
        public boolean masks(String ccdLabel, int nframe, double bmjdTdb) {
            if (ccd != null && !ccd.equals(ccdLabel)) {
                return false;
            }
            for (int f : frames) {
                if (f == nframe) {
                    return true;
                }
            }
            return !Double.isNaN(bmjdLow) && bmjdTdb >= bmjdLow && bmjdTdb <= bmjdHigh;
        }

        /** As written in provenance: ccd, frames, bmjd range, line. */
        public Map<String, Object> describe() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("ccd", ccd);
            List<Integer> f = new ArrayList<>();
            for (int x : frames) {
                f.add(x);
            }
            m.put("frames", f);
            m.put("bmjd_tdb", Double.isNaN(bmjdLow) ? null : List.of(bmjdLow, bmjdHigh));
            m.put("line", where == null ? 0 : where.line());
            return m;
        }
    }

    public PointMask {
        rules = Map.copyOf(rules);
    }

    public static final PointMask NONE = new PointMask(Map.of());

    /** The rules of one log (its absolute, normalised path), possibly none. */
    public List<Rule> of(Path log) {
        return rules.getOrDefault(log.toAbsolutePath().normalize(), List.of());
    }

    public boolean isEmpty() {
        return rules.isEmpty();
    }

    /** The mask of a validated job (its config text read again); NONE when the config has no such key. */
    public static PointMask of(CalphotJob job) {
        try {
            List<ConfigProblem> ignored = new ArrayList<>();
            PointMask m = parse(job.configText(), job.configFile(), job.payloads().stream()
                    .flatMap(p -> p.logs().stream()).map(LogSpec::log).toList(), ignored);
            return m == null ? NONE : m;
        } catch (BadInputException e) {
            return NONE;
        }
    }

    /**
     * Reads {@code mask points} from a config's text; problems (unknown log, wrong types) go to {@code problems};
     * null when the key is absent. {@code logs} are the config's logs (absolute paths).
     */
    public static PointMask parse(String text, Path configFile, List<Path> logs, List<ConfigProblem> problems)
            throws BadInputException {
        String file = configFile.toString();
        Node root = YamlNodes.compose(new StringReader(text), file);
        if (!(root instanceof MappingNode top)) {
            return null;
        }
        NodeTuple key = null;
        for (NodeTuple t : top.getValue()) {
            if (YamlNodes.keyText(t).toLowerCase(Locale.ROOT).equals(KEY)) {
                key = t;
            }
        }
        if (key == null) {
            return null;
        }
        Path base = configFile.toAbsolutePath().getParent();
        Set<Path> known = new java.util.HashSet<>();
        for (Path l : logs) {
            known.add(l.toAbsolutePath().normalize());
        }
        Map<Path, List<Rule>> out = new LinkedHashMap<>();
        Location at = Location.key(file, YamlNodes.line(key.getKeyNode()), KEY);
        if (key.getValueNode() instanceof ScalarNode sv && YamlNodes.isNull(sv)) {
            return new PointMask(out);
        }
        if (!(key.getValueNode() instanceof MappingNode m)) {
            problems.add(new ConfigProblem(at, "'mask points' must map logs to lists of {ccd, frames, bmjd}"));
            return new PointMask(out);
        }
        for (NodeTuple lt : m.getValue()) {
            String name = YamlNodes.keyText(lt);
            Location lat = Location.key(file, YamlNodes.line(lt.getKeyNode()), KEY + "." + name);
            Path log = base.resolve(name).toAbsolutePath().normalize();
            if (!known.contains(log)) {
                problems.add(new ConfigProblem(lat, "'" + name + "' is not a log of this config's logfiles"));
                continue;
            }
            List<Rule> list = out.computeIfAbsent(log, k -> new ArrayList<>());
            if (!(lt.getValueNode() instanceof SequenceNode seq)) {
                problems.add(new ConfigProblem(lat, "a list of {ccd, frames, bmjd} entries expected"));
                continue;
            }
            for (Node e : seq.getValue()) {
                Location eat = Location.key(file, YamlNodes.line(e), KEY + "." + name);
                Rule r = rule(e, eat, problems);
                if (r != null) {
                    list.add(r);
                }
            }
        }
        return new PointMask(out);
    }

    private static Rule rule(Node e, Location at, List<ConfigProblem> problems) {
        if (!(e instanceof MappingNode m)) {
            problems.add(new ConfigProblem(at, "an entry is a mapping: {ccd: 2, frames: [...]} or {bmjd: [from, to]}"));
            return null;
        }
        String ccd = null;
        int[] frames = new int[0];
        double lo = Double.NaN;
        double hi = Double.NaN;
        for (NodeTuple t : m.getValue()) {
            String k = YamlNodes.keyText(t);
            Node v = t.getValueNode();
            switch (k) {
                case "ccd" -> {
                    if (v instanceof ScalarNode s && !s.getValue().isBlank()) {
                        ccd = s.getValue().strip();
                    } else {
                        problems.add(new ConfigProblem(at, "'ccd' is a CCD label such as 2"));
                    }
                }
                case "frames" -> {
                    if (!(v instanceof SequenceNode s)) {
                        problems.add(new ConfigProblem(at, "'frames' is a list of frame numbers"));
                        continue;
                    }
                    frames = new int[s.getValue().size()];
                    for (int i = 0; i < frames.length; i++) {
                        Node n = s.getValue().get(i);
                        double d = n instanceof ScalarNode sn ? YamlNodes.number(sn) : Double.NaN;
                        if (!(d == Math.rint(d)) || d < 0) {
                            problems.add(new ConfigProblem(at, "'frames' holds frame numbers (whole numbers), not "
                                    + (n instanceof ScalarNode sn ? "'" + sn.getValue() + "'" : "a list")));
                            return null;
                        }
                        frames[i] = (int) d;
                    }
                }
                case "bmjd" -> {
                    if (!(v instanceof SequenceNode s) || s.getValue().size() != 2
                            || !(s.getValue().get(0) instanceof ScalarNode a)
                            || !(s.getValue().get(1) instanceof ScalarNode b)) {
                        problems.add(new ConfigProblem(at, "'bmjd' is a range [from, to] of BMJD(TDB) in days"));
                        return null;
                    }
                    lo = YamlNodes.number(a);
                    hi = YamlNodes.number(b);
                    if (!Double.isFinite(lo) || !Double.isFinite(hi) || hi < lo) {
                        problems.add(new ConfigProblem(at, "'bmjd' needs two numbers, from <= to"));
                        return null;
                    }
                }
                default -> problems.add(new ConfigProblem(at, "unknown key '" + k + "' in a mask entry (ccd, frames,"
                        + " bmjd)"));
            }
        }
        if (frames.length == 0 && Double.isNaN(lo)) {
            problems.add(new ConfigProblem(at, "a mask entry needs 'frames' or 'bmjd'"));
            return null;
        }
        return new Rule(ccd, frames, lo, hi, at);
    }
}
