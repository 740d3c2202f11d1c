// SPDX-License-Identifier: EPL-2.0 OR GPL-2.0-or-later
// Copyright (c) 2026 the calphot contributors
package org.calphot.config;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import org.calphot.config.internal.ConfigChecks;
import org.calphot.config.internal.Keys;
import org.calphot.config.internal.YamlNodes;
import org.calphot.core.BadInputException;
import org.calphot.core.CalphotException;
import org.calphot.core.Location;
import org.calphot.core.Warnings;
import org.calphot.core.log.LogFlags;
import org.calphot.core.photometry.MagnitudeSource;
import org.calphot.core.time.AirmassFormula;
import org.calphot.core.time.Site;
import org.calphot.core.time.SiteRegistry;
import org.calphot.core.time.SkyPosition;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * Reads a cal_phot YAML config into a {@link CalphotJob}, validating everything before any work
 * starts and reporting every problem at once with its key path and line.
 * <p>
 * Compatibility with cal_phot: top-level keys are case-insensitive, payload keys exact; the same
 * defaults; {@code overplot} (required by the original though rarely needed) defaults to false.
 * Differences, on purpose: relative paths are resolved against the config file's folder (the
 * original used the working directory, which broke batch runs from elsewhere); {@code phase range}
 * is honoured in every mode (the original ignored it when magnitudes came from the config).
 */
public final class ConfigReader {

    /** Longest period accepted, in days (100 Julian years). */
    static final double MAX_PERIOD_DAYS = 36525.0;


    private final SiteRegistry sites;
    private final Warnings warnings;

    public ConfigReader(SiteRegistry sites, Warnings warnings) {
        this.sites = sites;
        this.warnings = warnings == null ? Warnings.IGNORE : warnings;
    }

    public CalphotJob read(Path configFile) throws CalphotException {
        if (!Files.exists(configFile)) {
            throw new BadInputException("config file not found", Location.of(configFile.toString()));
        }
        // only a regular file, at most 16 MB: a FIFO would block, /dev/zero would never end
        String text = org.calphot.core.util.SafeFiles.readText(configFile, org.calphot.core.util.SafeFiles.SMALL_FILE_CAP,
                "a config file");
        return parse(text, configFile);
    }

    /** Parses config text as if read from {@code configFile} (whose folder anchors relative paths). */
    public CalphotJob parse(String text, Path configFile) throws CalphotException {
        String file = configFile.toString();
        Path base = configFile.toAbsolutePath().getParent();
        ConfigChecks.lineLengths(text, file);
        Node root = YamlNodes.compose(new StringReader(text), file);
        Problems problems = new Problems(file);
        if (!(root instanceof MappingNode top)) {
            throw new ConfigException(file, List.of(new ConfigProblem(Location.of(file, root == null ? 1 : YamlNodes.line(root)),
                    "a cal_phot config is a mapping of keys (target coords, period, T0, SDSS, extract, ...)")));
        }

        ConfigChecks.walk(top, file, problems::add);
        Map<String, NodeTuple> keys = new LinkedHashMap<>();
        for (NodeTuple t : top.getValue()) {
            String k = YamlNodes.keyText(t);
            String lower = k.toLowerCase(Locale.ROOT);
            Location at = Location.key(file, YamlNodes.line(t.getKeyNode()), ConfigChecks.shorten(k));
            if (!Keys.TOP.contains(lower)) {
                problems.add(at, "unknown key" + Keys.didYouMean(lower, Keys.TOP));
                continue;
            }
            if (keys.containsKey(lower)) {
                problems.add(at, "key given twice (keys are case-insensitive at the top level)");
                continue;
            }
            keys.put(lower, t);
        }

        Field f = new Field(file, problems, keys);
        String targetText = f.string("target coords", null, true);
        SkyPosition target = null;
        if (targetText != null) {
            try {
                target = SkyPosition.parse(targetText, f.at("target coords"), SkyPosition.DecimalRa.HOURS);
            } catch (BadInputException e) {
                problems.add(e.location(), e.getMessage());
            }
        }
        double period = f.number("period", Double.NaN, true);
        if (Double.isFinite(period) && period <= 0) {
            problems.add(f.at("period"), "period must be positive (days), got " + period);
        } else if (period > MAX_PERIOD_DAYS) {
            // longer than any known eclipsing binary's (decades): surely not days, or a typo
            problems.add(f.at("period"), "period " + period + " d is longer than 100 years (" + MAX_PERIOD_DAYS
                    + " d); it is in days");
        }
        double t0 = f.number("t0", Double.NaN, true);
        boolean sdss = f.bool("sdss", false, true);
        String dirText = f.string("directory", ".", false);
        dirText = checkDirectory(dirText, f, base, problems);
        boolean fitEphemeris = f.bool("fit ephemeris", false, false);
        boolean overplot = f.bool("overplot", false, false);
        String overplotName = f.string("overplot filename", null, false);
        if (overplot && overplotName == null && !keys.containsKey("overplot filename")) {
            problems.add(f.at("overplot"), "overplot: true needs 'overplot filename' (the stem of the overplot figures)");
        }
        String obsLog = f.string("observing_log_fname", "observing_log.csv", false);
        String obsProblem = ConfigChecks.fileNameProblem(obsLog);
        if (obsProblem != null) {
            problems.add(f.at("observing_log_fname"), "'observing_log_fname' is a file name inside 'directory';"
                    + " '" + ConfigChecks.shorten(obsLog) + "' " + obsProblem);
            obsLog = "observing_log.csv";
        } else if (ConfigChecks.reserved(obsLog)) {
            // every output name is claimed before any is written: this one would replace a calphot output
            problems.add(f.at("observing_log_fname"), "'" + obsLog + "' is the name of another calphot output;"
                    + " choose another name for the observing log");
            obsLog = "observing_log.csv";
        }
        if (overplotName != null) {
            String op = ConfigChecks.fileNameProblem(overplotName);
            if (op != null) {
                problems.add(f.at("overplot filename"), "'overplot filename' " + op);
                overplotName = null;
            }
        }
        Set<OutputFormat> formats = f.formats("output formats");
        String catalogue = f.string("catalogue", "auto", false);
        List<String> transforms = new ArrayList<>();
        List<String> transformNames = f.stringList("catalogue transforms");
        if (transformNames != null) {
            for (String t : transformNames) {
                org.calphot.core.catalogue.PhotometricTransform pt = org.calphot.core.catalogue.PhotometricTransform
                        .byId(t);
                if (pt == null) {
                    List<String> ids = new ArrayList<>();
                    for (org.calphot.core.catalogue.PhotometricTransform x
                            : org.calphot.core.catalogue.PhotometricTransform.values()) {
                        ids.add(x.id());
                    }
                    problems.add(f.at("catalogue transforms"), "unknown catalogue transform '" + t + "' (use "
                            + String.join(", ", ids) + ")");
                } else {
                    transforms.add(pt.id());
                }
            }
        }
        double seedValue = f.number("seed", 42, false);
        if (seedValue != Math.rint(seedValue) || Math.abs(seedValue) > 9.007199254740992E15) {
            problems.add(f.at("seed"), "'seed' must be a whole number of at most 2^53, got " + seedValue);
            seedValue = 42;
        }
        long seed = (long) seedValue;
        AirmassFormula airmass = f.airmass("airmass formula", AirmassFormula.PLANE_PARALLEL);
        boolean colourTerms = f.bool("colour terms", true, false);
        boolean keepNotClean = f.bool("keep not clean", false, false);
        String eclipseModel = f.string("eclipse model", "symmetric", false);
        if (!EclipseSettings.MODELS.contains(eclipseModel.strip().toLowerCase(Locale.ROOT))) {
            problems.add(f.at("eclipse model"), "unknown eclipse model '" + eclipseModel + "' (use "
                    + String.join(", ", EclipseSettings.MODELS) + ")");
        }
        f.string("eclipse ccd", null, false);
        String filterSystem = f.systemName("filter system");
        Location filterSystemAt = filterSystem == null ? null : f.at("filter system");
        if (!colourTerms && filterSystem != null) {
            warnings.warn(filterSystemAt, "'filter system' has no effect with 'colour terms: false'");
        }

        List<Payload> payloads = new ArrayList<>();
        NodeTuple extract = keys.get("extract");
        if (extract == null) {
            problems.add(Location.of(file, 1), "missing required key 'extract' (the payloads to calibrate)");
        } else if (!(extract.getValueNode() instanceof MappingNode em)) {
            problems.add(f.at("extract"), "'extract' must be a mapping of payload names to payloads");
        } else {
            for (NodeTuple pt : em.getValue()) {
                String name = YamlNodes.keyText(pt);
                Payload p = payload(name, pt, file, base, sdss, airmass, filterSystem, filterSystemAt, problems);
                if (p != null) {
                    payloads.add(p);
                }
            }
            if (em.getValue().isEmpty()) {
                problems.add(f.at("extract"), "'extract' has no payloads");
            }
        }
        // frames the user marked bad (the pipeline reads them again with PointMask.of(job))
        List<ConfigProblem> maskProblems = new ArrayList<>();
        PointMask.parse(text, configFile, payloads.stream().flatMap(pl -> pl.logs().stream()).map(LogSpec::log)
                .toList(), maskProblems);
        maskProblems.forEach(mp -> problems.add(mp.where(), mp.message()));
        problems.throwIfAny();
        return new CalphotJob(configFile, text, targetText, target, t0, period, sdss, base.resolve(dirText).normalize(),
                fitEphemeris, overplot, overplotName, obsLog, payloads, formats, catalogue, seed, colourTerms,
                filterSystem, filterSystemAt, transforms, keepNotClean);
    }

    /** 'directory' must name a folder (or none yet): not empty, not a file, a name the file system holds. */
    private static String checkDirectory(String dirText, Field f, Path base, Problems problems) {
        if (dirText.isBlank()) {
            problems.add(f.at("directory"), "'directory' is empty; give a folder (or '.' for the config's folder)");
            return ".";
        }
        if (dirText.length() > ConfigChecks.MAX_TEXT || dirText.indexOf('\0') >= 0) {
            return "."; // reported by the text checks
        }
        try {
            Path d = base.resolve(dirText).normalize();
            for (Path part : d) {
                if (part.toString().getBytes(StandardCharsets.UTF_8).length > ConfigChecks.MAX_NAME_BYTES) {
                    problems.add(f.at("directory"), "a part of 'directory' is longer than "
                            + ConfigChecks.MAX_NAME_BYTES + " bytes, the longest name a file system holds");
                    return ".";
                }
            }
            if (Files.exists(d) && !Files.isDirectory(d)) {
                problems.add(f.at("directory"), "'directory' " + d + " exists and is not a folder");
                return ".";
            }
            for (String sys : List.of("/dev", "/proc", "/sys")) {
                if (d.startsWith(sys)) {
                    problems.add(f.at("directory"), "'directory' " + d + " is a system folder, not an output folder");
                    return ".";
                }
            }
        } catch (java.nio.file.InvalidPathException e) {
            problems.add(f.at("directory"), "'directory' is not a folder name: " + e.getReason());
            return ".";
        }
        return dirText;
    }

    private Payload payload(String name, NodeTuple pt, String file, Path base, boolean sdss,
            AirmassFormula defaultAirmass, String defaultFilterSystem, Location defaultFilterSystemAt,
            Problems problems) {
        String path = "extract." + ConfigChecks.shorten(name);
        Location where = Location.key(file, YamlNodes.line(pt.getKeyNode()), path);
        if (!(pt.getValueNode() instanceof MappingNode pm)) {
            problems.add(where, "a payload must be a mapping (observatory, inst, logfiles, ...)");
            return null;
        }
        Map<String, NodeTuple> keys = new LinkedHashMap<>();
        for (NodeTuple t : pm.getValue()) {
            String k = YamlNodes.keyText(t);
            Location at = Location.key(file, YamlNodes.line(t.getKeyNode()), ConfigChecks.shorten(path + "." + k));
            if (!Keys.PAYLOAD.contains(k)) {
                String hint = Keys.PAYLOAD.contains(k.toLowerCase(Locale.ROOT))
                        ? " (payload keys are case-sensitive: write '" + k.toLowerCase(Locale.ROOT) + "')"
                        : Keys.didYouMean(k, Keys.PAYLOAD);
                problems.add(at, "unknown payload key" + hint);
                continue;
            }
            keys.put(k, t);
        }
        Field f = new Field(file, problems, keys, path, where);
        boolean extractData = f.bool("extract data", true, false);
        boolean fluxCalibrate = f.bool("flux calibrate", true, false);
        boolean eclipseTimes = f.bool("get eclipse times", false, false);
        String observatory = f.string("observatory", null, true);
        Site site = null;
        if (observatory != null) {
            try {
                site = sites.lookup(observatory, f.at("observatory"), warnings);
            } catch (BadInputException e) {
                problems.add(e.location().key() == null ? f.at("observatory") : e.location(), e.getMessage());
            }
        }
        String instText = f.string("inst", null, true);
        Instrument inst = Instrument.of(instText);
        if (instText != null && inst == null) {
            problems.add(f.at("inst"), "unknown instrument '" + instText + "' (use uspec, ucam or hcam)");
        }
        double[] phase = f.phaseRange("phase range");
        String oname = f.string("oname", "Reduced_system", false);
        String onameProblem = ConfigChecks.fileNameProblem(oname);
        if (onameProblem == null && oname.getBytes(StandardCharsets.UTF_8).length > 180) {
            onameProblem = "is longer than 180 bytes (the file names add a date, a band and an extension)";
        }
        if (onameProblem != null) {
            problems.add(f.at("oname"), "'oname' starts the lightcurve file names; '" + ConfigChecks.shorten(oname)
                    + "' " + onameProblem);
            oname = "Reduced_system";
        }
        int ignore = f.flags("flags");
        AirmassFormula airmass = f.airmass("airmass formula", defaultAirmass);
        boolean dropBad = f.bool("drop bad comparisons", false, false);
        List<String> bandsKey = f.stringList("bands");
        String eclipseModel = f.string("eclipse model", "symmetric", false);
        if (!EclipseSettings.MODELS.contains(eclipseModel.strip().toLowerCase(Locale.ROOT))) {
            problems.add(f.at("eclipse model"), "unknown eclipse model '" + eclipseModel + "' (use "
                    + String.join(", ", EclipseSettings.MODELS) + ")");
        }
        f.string("eclipse ccd", null, false);
        String filterSystem = f.systemName("filter system");
        Location filterSystemAt = filterSystem == null ? defaultFilterSystemAt : f.at("filter system");
        if (filterSystem == null) {
            filterSystem = defaultFilterSystem;
        }

        MagnitudeSource source = !fluxCalibrate ? MagnitudeSource.NONE
                : sdss ? MagnitudeSource.CATALOGUE : MagnitudeSource.CONFIG;
        List<LogSpec> logs = logs(keys.get("logfiles"), f, base, source, extractData, path, file, problems);

        List<String> bands;
        if (bandsKey != null) {
            bands = bandsKey;
        } else if (source == MagnitudeSource.CONFIG && !logs.isEmpty() && !logs.get(0).bands().isEmpty()) {
            bands = logs.get(0).bands();
        } else if (inst != null) {
            bands = inst.defaultBands();
        } else {
            bands = List.of();
        }
        if (inst == Instrument.USPEC && bands.isEmpty() && extractData && source == MagnitudeSource.NONE) {
            // the original asked for the filter interactively; with a catalogue it comes from the .coords
            // file, with config magnitudes from their keys; here only the file names need it
            warnings.warn(where, "ULTRASPEC payload without 'bands: [<filter>]': its lightcurves are named 'ccd1'");
        }
        return new Payload(name, observatory, site, inst, bands, phase[0], phase[1], oname, logs, eclipseTimes,
                fluxCalibrate, extractData, ignore, source, airmass, dropBad, where, filterSystem, filterSystemAt);
    }

    private List<LogSpec> logs(NodeTuple t, Field f, Path base, MagnitudeSource source, boolean extractData,
            String path, String file, Problems problems) {
        List<LogSpec> out = new ArrayList<>();
        if (t == null) {
            // the original then took every .log under the working directory; we use the config's folder
            if (source == MagnitudeSource.NONE) {
                try (Stream<Path> s = Files.walk(base)) {
                    s.filter(p -> p.toString().endsWith(".log")).sorted()
                            .forEach(p -> out.add(new LogSpec(p, null, null, f.where)));
                } catch (IOException e) {
                    problems.add(f.where, "cannot list .log files under " + base + ": " + e.getMessage());
                }
                if (out.isEmpty() && extractData) {
                    problems.add(f.where, "no 'logfiles' given and no .log file found under " + base);
                }
            } else if (extractData) {
                problems.add(f.where, "missing required key 'logfiles'");
            }
            return out;
        }
        if (!(t.getValueNode() instanceof MappingNode lm)) {
            problems.add(f.at("logfiles"), "'logfiles' must be a mapping of log paths to "
                    + (source == MagnitudeSource.CATALOGUE ? ".coords paths" : "magnitudes per band"));
            return out;
        }
        java.util.Set<Path> seenLogs = new java.util.HashSet<>();
        for (NodeTuple e : lm.getValue()) {
            String logText = YamlNodes.keyText(e);
            Location at = Location.key(file, YamlNodes.line(e.getKeyNode()), ConfigChecks.shorten(path + ".logfiles."
                    + logText));
            Path log;
            try {
                log = base.resolve(logText).normalize();
            } catch (java.nio.file.InvalidPathException x) {
                problems.add(at, "not a file name: " + x.getReason());
                continue;
            }
            if (logText.length() > ConfigChecks.MAX_TEXT) {
                continue; // reported by the text checks
            }
            List<Path> matched = LogPattern.isPattern(logText) ? LogPattern.expand(base, logText) : List.of(log);
            if (matched.isEmpty() && extractData) {
                problems.add(at, "no log matches the pattern " + base.resolve(logText).normalize());
            }
            for (Path one : matched) {
                LogSpec spec = logSpec(one, e, at, source, extractData, base, path, logText, file, seenLogs, problems);
                if (spec != null) {
                    out.add(spec);
                }
            }
        }
        return out;
    }

    /** One log of a {@code logfiles} entry (the entry's log, or one file its pattern matches). */
    private LogSpec logSpec(Path log, NodeTuple e, Location at, MagnitudeSource source, boolean extractData,
            Path base, String path, String logText, String file, java.util.Set<Path> seenLogs, Problems problems) {
        {
            if (!seenLogs.add(log)) {
                problems.add(at, "the log " + log + " is listed twice in this payload; it would be processed twice");
            }
            if (extractData && !Files.isRegularFile(log)) {
                problems.add(at, Files.isDirectory(log) ? "the log " + log + " is a folder, not a file"
                        : Files.exists(log) ? "the log " + log + " is not a regular file (a device or a FIFO?)"
                        : "log file not found: " + log);
            }
            Path coords = null;
            Map<String, double[]> mags = null;
            Map<String, double[]> magErrs = new LinkedHashMap<>();
            Node v = e.getValueNode();
            if (source == MagnitudeSource.CATALOGUE) {
                if (v instanceof ScalarNode sn && !YamlNodes.isNull(sn) && sn.getValue().length() <= ConfigChecks.MAX_TEXT
                        && sn.getValue().indexOf('\0') < 0) {
                    coords = base.resolve(sn.getValue()).normalize();
                    if (extractData && !Files.isRegularFile(coords)) {
                        problems.add(Location.key(file, YamlNodes.line(v), path + ".logfiles." + logText),
                                "coords file not found: " + coords);
                    }
                } else {
                    problems.add(at, "with SDSS: true each log needs the path of its .coords file");
                }
            } else if (source == MagnitudeSource.CONFIG) {
                mags = bandMags(v, at, file, path + ".logfiles." + logText, problems, magErrs);
            }
            return new LogSpec(log, coords, mags, at, magErrs);
        }
    }

    /**
     * @param errs receives, per band, the errors of magnitudes given as {@code [mag, err]} pairs (a calphot
     *             addition: cal_phot took plain numbers only); bands without any pair are left out
     */
    private static Map<String, double[]> bandMags(Node v, Location at, String file, String path, Problems problems,
            Map<String, double[]> errs) {
        Map<String, double[]> mags = new LinkedHashMap<>();
        if (!(v instanceof MappingNode mm)) {
            problems.add(at, "with SDSS: false each log needs its comparison magnitudes, e.g. {r: [16.4, 15.8], g: [...]}");
            return mags;
        }
        for (NodeTuple bt : mm.getValue()) {
            String band = YamlNodes.keyText(bt);
            Location bat = Location.key(file, YamlNodes.line(bt.getKeyNode()), path + "." + band);
            Node list = bt.getValueNode();
            if (list instanceof SequenceNode sq) {
                double[] m = new double[sq.getValue().size()];
                double[] err = new double[m.length];
                java.util.Arrays.fill(err, Double.NaN);
                boolean anyErr = false;
                for (int i = 0; i < m.length; i++) {
                    Node item = sq.getValue().get(i);
                    if (item instanceof SequenceNode pair) {
                        Location pat = Location.key(file, YamlNodes.line(item), path + "." + band + "[" + i + "]");
                        List<Node> pv = pair.getValue();
                        double mv = pv.size() == 2 && pv.get(0) instanceof ScalarNode a ? YamlNodes.number(a) : Double.NaN;
                        double ev = pv.size() == 2 && pv.get(1) instanceof ScalarNode b ? YamlNodes.number(b) : Double.NaN;
                        if (!Double.isFinite(mv) || !(ev > 0 && ev < 5)) {
                            problems.add(pat, "a magnitude with its error must be [magnitude, error], the error "
                                    + "positive (mag), e.g. [16.214, 0.01]");
                        }
                        m[i] = mv;
                        err[i] = ev;
                        anyErr = true;
                    } else {
                        // like the original's float(): anything that is not a number (none, null, text)
                        // leaves that comparison out
                        m[i] = item instanceof ScalarNode s ? YamlNodes.number(s) : Double.NaN;
                    }
                    if (Double.isFinite(m[i]) && (m[i] < -5 || m[i] > 40)) {
                        problems.add(Location.key(file, YamlNodes.line(item), path + "." + band + "[" + i + "]"),
                                "magnitude " + m[i] + " is not plausible");
                    }
                }
                mags.put(band, m);
                if (anyErr) {
                    errs.put(band, err);
                }
            } else if (list instanceof ScalarNode s && Double.isFinite(YamlNodes.number(s))) {
                mags.put(band, new double[] {YamlNodes.number(s)});
            } else {
                problems.add(bat, "magnitudes must be a list, e.g. [16.44, 15.75]");
            }
        }
        return mags;
    }

    /** Collects problems; throws them all at once. */
    static final class Problems {
        private final String file;
        private final List<ConfigProblem> list = new ArrayList<>();

        Problems(String file) {
            this.file = file;
        }

        void add(Location where, String message) {
            // one line per problem: a value with a line break is shown with \n
            list.add(new ConfigProblem(where, message.replace("\r", "\\r").replace("\n", "\\n")));
        }

        void throwIfAny() throws ConfigException {
            if (!list.isEmpty()) {
                list.sort((a, b) -> Integer.compare(a.where().line(), b.where().line()));
                throw new ConfigException(file, list);
            }
        }
    }

    /** Typed access to the keys of one mapping, reporting type errors with their location. */
    private static final class Field {
        final String file;
        final Problems problems;
        final Map<String, NodeTuple> keys;
        final String prefix;
        final Location where;

        Field(String file, Problems problems, Map<String, NodeTuple> keys) {
            this(file, problems, keys, null, Location.of(file, 1));
        }

        Field(String file, Problems problems, Map<String, NodeTuple> keys, String prefix, Location where) {
            this.file = file;
            this.problems = problems;
            this.keys = keys;
            this.prefix = prefix;
            this.where = where;
        }

        String path(String key) {
            return prefix == null ? key : prefix + "." + key;
        }

        Location at(String key) {
            NodeTuple t = keys.get(key);
            return t == null ? Location.key(file, where.line(), path(key))
                    : Location.key(file, YamlNodes.line(t.getValueNode()), path(key));
        }

        private ScalarNode scalar(String key, boolean required, String want) {
            NodeTuple t = keys.get(key);
            if (t == null) {
                if (required) {
                    problems.add(Location.key(file, where.line(), path(key)), "missing required key '" + key + "'");
                }
                return null;
            }
            if (t.getValueNode() instanceof ScalarNode s && !YamlNodes.isNull(s)) {
                return s;
            }
            problems.add(at(key), "'" + key + "' must be " + want);
            return null;
        }

        String string(String key, String dflt, boolean required) {
            ScalarNode s = scalar(key, required, "text");
            return s == null ? dflt : s.getValue();
        }

        double number(String key, double dflt, boolean required) {
            ScalarNode s = scalar(key, required, "a number");
            if (s == null) {
                return dflt;
            }
            double v = YamlNodes.number(s);
            if (!Double.isFinite(v)) {
                problems.add(at(key), "'" + key + "' must be a number, got '" + s.getValue() + "'");
                return dflt;
            }
            return v;
        }

        boolean bool(String key, boolean dflt, boolean required) {
            ScalarNode s = scalar(key, required, "true or false");
            if (s == null) {
                return dflt;
            }
            Boolean b = YamlNodes.truth(s);
            if (b == null) {
                problems.add(at(key), "'" + key + "' must be true or false, got '" + s.getValue() + "'");
                return dflt;
            }
            return b;
        }

        double[] phaseRange(String key) {
            NodeTuple t = keys.get(key);
            if (t == null) {
                return new double[] {-0.5, 0.5};
            }
            if (t.getValueNode() instanceof SequenceNode sq && sq.getValue().size() == 2
                    && sq.getValue().get(0) instanceof ScalarNode a && sq.getValue().get(1) instanceof ScalarNode b) {
                double lo = YamlNodes.number(a);
                double hi = YamlNodes.number(b);
                if (!Double.isFinite(lo) || !Double.isFinite(hi)) {
                    problems.add(at(key), "'" + key + "' must be two numbers [low, high]");
                } else if (!(lo < hi)) {
                    problems.add(at(key), "'" + key + "' must increase: [" + a.getValue() + ", " + b.getValue() + "]");
                } else {
                    return new double[] {lo, hi};
                }
            } else {
                problems.add(at(key), "'" + key + "' must be two numbers [low, high], e.g. [-0.5, 0.5]");
            }
            return new double[] {-0.5, 0.5};
        }

        int flags(String key) {
            NodeTuple t = keys.get(key);
            if (t == null || (t.getValueNode() instanceof ScalarNode s0 && YamlNodes.isNull(s0))) {
                return 0;
            }
            List<Node> items = t.getValueNode() instanceof SequenceNode sq ? sq.getValue() : List.of(t.getValueNode());
            int mask = 0;
            for (Node n : items) {
                if (!(n instanceof ScalarNode s)) {
                    problems.add(at(key), "'" + key + "' must be a list of flag values or names");
                    continue;
                }
                double v = YamlNodes.number(s);
                // the same values as --flags: hipercam's uint32 bit mask, so up to ANY_FLAG = 4294967295
                long m = Double.isFinite(v) && v == Math.rint(v) && v >= 0 && v <= LogFlags.ANY_FLAG ? (long) v
                        : LogFlags.parse(s.getValue());
                if (m < 0) {
                    problems.add(Location.key(file, YamlNodes.line(n), path(key)), "unknown flag '" + s.getValue()
                            + "' (use hipercam bit values 0..4294967295 such as 4, or names such as SKY_AT_EDGE,"
                            + " ANY_FLAG)");
                } else {
                    mask |= (int) m;
                }
            }
            return mask;
        }

        List<String> stringList(String key) {
            NodeTuple t = keys.get(key);
            if (t == null) {
                return null;
            }
            List<String> out = new ArrayList<>();
            if (t.getValueNode() instanceof SequenceNode sq) {
                for (Node n : sq.getValue()) {
                    if (n instanceof ScalarNode s) {
                        out.add(s.getValue());
                    } else {
                        problems.add(at(key), "'" + key + "' must be a list of names");
                    }
                }
            } else if (t.getValueNode() instanceof ScalarNode s && !YamlNodes.isNull(s)) {
                for (String part : s.getValue().split("[,\\s]+")) {
                    if (!part.isEmpty()) {
                        out.add(part);
                    }
                }
            } else {
                problems.add(at(key), "'" + key + "' must be a list of names");
            }
            return out;
        }

        Set<OutputFormat> formats(String key) {
            List<String> names = stringList(key);
            if (names == null) {
                return EnumSet.allOf(OutputFormat.class);
            }
            Set<OutputFormat> out = EnumSet.noneOf(OutputFormat.class);
            Set<String> known = new TreeSet<>();
            for (OutputFormat o : OutputFormat.values()) {
                known.add(o.key());
            }
            for (String n : names) {
                OutputFormat o = OutputFormat.of(n);
                if (o == null) {
                    problems.add(at(key), "unknown output format '" + n + "' (use " + String.join(", ", known) + ")");
                } else {
                    out.add(o);
                }
            }
            return out;
        }

        /** A filter system's name (installed systems are checked at run time), lower case; null when absent. */
        String systemName(String key) {
            String s = string(key, null, false);
            if (s == null) {
                return null;
            }
            String t = s.strip().toLowerCase(Locale.ROOT);
            if (!t.matches("[a-z0-9][a-z0-9._-]*")) {
                problems.add(at(key), "'" + key + "' must name a filter system (e.g. ultracam-super) or be none, got '"
                        + s + "'");
                return null;
            }
            return t;
        }

        AirmassFormula airmass(String key, AirmassFormula dflt) {
            String s = string(key, null, false);
            if (s == null) {
                return dflt;
            }
            String t = s.strip().toLowerCase(Locale.ROOT).replace('_', '-').replace(' ', '-');
            if (t.equals("plane-parallel") || t.equals("secz") || t.equals("sec-z")) {
                return AirmassFormula.PLANE_PARALLEL;
            }
            if (t.startsWith("young") || t.equals("hipercam")) {
                return AirmassFormula.YOUNG_IRVINE_1967;
            }
            problems.add(at(key), "unknown airmass formula '" + s + "' (use plane-parallel or young-irvine)");
            return dflt;
        }
    }
}
