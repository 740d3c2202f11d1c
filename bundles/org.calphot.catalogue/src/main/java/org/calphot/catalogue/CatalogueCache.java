// SPDX-License-Identifier: EPL-2.0 OR GPL-2.0-or-later
// Copyright (c) 2026 the calphot contributors
package org.calphot.catalogue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.calphot.core.CalphotException;
import org.calphot.core.Location;
import org.calphot.core.catalogue.CatalogueResult;
import org.calphot.core.catalogue.CatalogueStar;
import org.calphot.core.catalogue.ConeQuery;
import org.calphot.core.util.AtomicFiles;

/**
 * On-disk cache of catalogue answers keyed by the exact query text, so a re-run gives identical
 * numbers without the network. One small UTF-8 text file per query under
 * {@code <dir>/catalogue/<name>/<sha256(name + query)>.txt}; doubles are written with
 * {@link Double#toString}, which reads back bit for bit.
 */
public final class CatalogueCache {

    private static final String MAGIC = "# calphot catalogue cache v1";

    private final Path dir;

    public CatalogueCache(Path dir) {
        this.dir = dir.toAbsolutePath().normalize();
    }

    public Path directory() {
        return dir;
    }

    /**
     * The cache folder: {@code --cache DIR}, else {@code $CALPHOT_CACHE}, else
     * {@code $XDG_CACHE_HOME/calphot} (absolute paths only, as the XDG spec says), else
     * {@code ~/.cache/calphot}.
     */
    public static Path resolveDirectory(String cliDir, Map<String, String> env, String userHome) {
        if (cliDir != null && !cliDir.isBlank()) {
            return Path.of(cliDir);
        }
        String c = env.get("CALPHOT_CACHE");
        if (c != null && !c.isBlank()) {
            return Path.of(c);
        }
        String x = env.get("XDG_CACHE_HOME");
        if (x != null && !x.isBlank() && Path.of(x).isAbsolute()) {
            return Path.of(x, "calphot");
        }
        return Path.of(userHome, ".cache", "calphot");
    }

    /** The file holding a query's answer (whether or not it exists). */
    public Path file(String catalogue, String queryText) {
        String safe = catalogue.replaceAll("[^A-Za-z0-9._-]", "_");
        return dir.resolve("catalogue").resolve(safe).resolve(sha256(catalogue + "\n" + queryText) + ".txt");
    }

    /**
     * The cached answer, if any. An unreadable entry is an error naming the file (the caller decides
     * whether to fetch again).
     */
    public Optional<CatalogueResult> get(String catalogue, String queryText) throws CalphotException {
        Path f = file(catalogue, queryText);
        List<String> lines;
        if (!Files.exists(f, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            return Optional.empty();
        }
        try {
            // only a regular file of at most 16 MB: a FIFO would block, a device never end
            lines = org.calphot.core.util.SafeFiles.readText(f, org.calphot.core.util.SafeFiles.SMALL_FILE_CAP,
                    "a cache entry").lines().toList();
        } catch (CalphotException e) {
            throw broken(f, e.getMessage(), 0);
        }
        CatalogueResult r = decode(lines, f);
        if (!r.catalogue().equals(catalogue) || !r.queryText().equals(queryText)) {
            return Optional.empty(); // a hash collision or a hand-edited file: not this query
        }
        return Optional.of(r.withFromCache(true));
    }

    /** Stores an answer (atomically: a reader never sees half a file). */
    public void put(CatalogueResult r) throws CalphotException {
        Path f = file(r.catalogue(), r.queryText());
        try {
            Files.createDirectories(f.getParent());
            AtomicFiles.writeString(f, encode(r));
        } catch (IOException e) {
            throw new CalphotException("cannot write cache entry: " + e.getMessage(), Location.of(f.toString()), e);
        }
    }

    static String encode(CatalogueResult r) {
        StringBuilder sb = new StringBuilder(MAGIC).append('\n');
        line(sb, "catalogue", r.catalogue());
        line(sb, "query", r.queryText());
        if (r.cone() != null) {
            line(sb, "cone", Double.toString(r.cone().raDeg()), Double.toString(r.cone().decDeg()),
                    Double.toString(r.cone().radiusArcsec()));
        }
        line(sb, "system", r.system() == null ? "" : r.system());
        line(sb, "retrieved", r.retrievedUtc() == null ? "" : r.retrievedUtc());
        line(sb, "bands", r.bands().toArray(String[]::new));
        for (CatalogueStar s : r.stars()) {
            line(sb, "star", s.id(), Double.toString(s.raDeg()), Double.toString(s.decDeg()),
                    Double.toString(s.separationArcsec()));
            line(sb, "mag", doubles(s.mag()));
            line(sb, "err", doubles(s.magErr()));
            line(sb, "flags", s.flags().toArray(String[]::new));
            for (Map.Entry<String, String> e : s.extra().entrySet()) {
                line(sb, "extra", e.getKey(), e.getValue());
            }
        }
        line(sb, "end");
        return sb.toString();
    }

    private static String[] doubles(double[] a) {
        String[] s = new String[a.length];
        for (int i = 0; i < a.length; i++) {
            s[i] = Double.toString(a[i]);
        }
        return s;
    }

    private static void line(StringBuilder sb, String key, String... fields) {
        sb.append(key);
        for (String f : fields) {
            sb.append('\t').append(escape(f));
        }
        sb.append('\n');
    }

    private static String escape(String s) {
        return s.replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n").replace("\r", "\\r");
    }

    private static String unescape(String s) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\\' && i + 1 < s.length()) {
                char n = s.charAt(++i);
                sb.append(n == 't' ? '\t' : n == 'n' ? '\n' : n == 'r' ? '\r' : n);
            } else {
                sb.append(c);
            }
        }
        return sb.toString();
    }

    private static CatalogueResult decode(List<String> lines, Path f) throws CalphotException {
        if (lines.isEmpty() || !lines.get(0).equals(MAGIC)) {
            throw broken(f, lines.isEmpty() ? "empty" : "not a calphot catalogue cache entry (wrong first line)", 1);
        }
        String catalogue = null;
        String query = null;
        ConeQuery cone = null;
        String system = null;
        String retrieved = null;
        List<String> bands = null;
        List<CatalogueStar> stars = new ArrayList<>();
        String id = null;
        double[] pos = null;
        double[] mag = null;
        double[] err = null;
        List<String> flags = List.of();
        Map<String, String> extra = new LinkedHashMap<>();
        boolean ended = false;
        for (int n = 1; n < lines.size(); n++) {
            String[] p = lines.get(n).split("\t", -1);
            for (int i = 0; i < p.length; i++) {
                p[i] = unescape(p[i]);
            }
            try {
                switch (p[0]) {
                    case "catalogue" -> catalogue = p[1];
                    case "query" -> query = p[1];
                    case "cone" -> cone = new ConeQuery(Double.parseDouble(p[1]), Double.parseDouble(p[2]),
                            Double.parseDouble(p[3]));
                    case "system" -> system = p[1];
                    case "retrieved" -> retrieved = p[1];
                    case "bands" -> bands = List.of(p).subList(1, p.length);
                    case "star", "end" -> {
                        if (id != null) {
                            stars.add(new CatalogueStar(id, pos[0], pos[1], pos[2], mag, err, flags, extra));
                        }
                        if (p[0].equals("end")) {
                            ended = true;
                        } else {
                            id = p[1];
                            pos = new double[] {Double.parseDouble(p[2]), Double.parseDouble(p[3]),
                                Double.parseDouble(p[4])};
                            mag = null;
                            err = null;
                            flags = List.of();
                            extra = new LinkedHashMap<>();
                        }
                    }
                    case "mag" -> mag = parse(p);
                    case "err" -> err = parse(p);
                    case "flags" -> flags = List.of(p).subList(1, p.length);
                    case "extra" -> extra.put(p[1], p[2]);
                    default -> throw new IllegalArgumentException("unknown key '" + p[0] + "'");
                }
            } catch (RuntimeException e) {
                throw broken(f, "corrupt: " + (e instanceof ArrayIndexOutOfBoundsException ? "a field is missing"
                        : e instanceof NumberFormatException ? "a number is not a number" : e.getMessage()), n + 1);
            }
        }
        if (!ended || catalogue == null || query == null || bands == null) {
            throw broken(f, "truncated (its end line is missing)", 0);
        }
        try {
            return new CatalogueResult(catalogue, query, cone, system, bands, stars, retrieved, true);
        } catch (RuntimeException e) {
            throw broken(f, "corrupt: " + e.getMessage(), 0);
        }
    }

    /** A damaged cache entry: which one, what is wrong, and that deleting it fixes it. */
    private static CalphotException broken(Path f, String what, int line) {
        return new CalphotException("catalogue cache entry " + what + "; delete this file and the answer is fetched"
                + " again (or run without --offline)", Location.of(f.toString(), line));
    }

    private static double[] parse(String[] p) {
        double[] a = new double[p.length - 1];
        for (int i = 1; i < p.length; i++) {
            a[i - 1] = Double.parseDouble(p[i]);
        }
        return a;
    }

    private static String sha256(String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(
                    s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every JRE", e);
        }
    }
}
