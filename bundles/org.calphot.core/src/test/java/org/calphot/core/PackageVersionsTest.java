// SPDX-License-Identifier: EPL-2.0 OR GPL-2.0-or-later
// Copyright (c) 2026 the calphot contributors
package org.calphot.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * API hygiene of every bundle in the checkout, read from the source tree ({@code calphot.root}): pomless Tycho
 * takes package versions from META-INF/MANIFEST.MF, so that file is authoritative and each exported package's
 * {@code package-info.java} must carry the same {@code @Version}; every import and required bundle names a
 * version range that holds the version calphot exports; runtime manifests import nothing optionally except the
 * class-retention DS annotations (test-only bundles excepted).
 */
class PackageVersionsTest {

    private static final Pattern VERSION_ANNOTATION =
            Pattern.compile("@(?:org\\.osgi\\.annotation\\.versioning\\.)?Version\\(\"([^\"]+)\"\\)");
    /** Packages the JDK's system bundle provides without a version. */
    private static final List<String> UNVERSIONED_OK = List.of("com.sun.net.httpserver");

    record Clause(String name, Map<String, String> attrs, String raw) {
    }

    record Bundle(Path dir, String name, Map<String, List<Clause>> headers) {
        List<Clause> header(String h) {
            return headers.getOrDefault(h, List.of());
        }

        boolean testOnly() {
            return name.endsWith(".tests") || name.equals("org.calphot.testing");
        }
    }

    private static List<Bundle> bundles;
    /** Exported calphot package to its version (null for x-internal packages). */
    private static final Map<String, String> EXPORTS = new LinkedHashMap<>();

    @BeforeAll
    static void readManifests() throws IOException {
        Path root = Path.of(System.getProperty("calphot.root", "../.."));
        Path dir = root.resolve("bundles");
        assertTrue(Files.isDirectory(dir), "no bundles folder under calphot.root=" + root.toAbsolutePath());
        bundles = new ArrayList<>();
        try (Stream<Path> s = Files.list(dir)) {
            for (Path b : s.sorted().toList()) {
                Path mf = b.resolve("META-INF/MANIFEST.MF");
                if (Files.isRegularFile(mf)) {
                    Map<String, List<Clause>> h = parse(Files.readString(mf, StandardCharsets.UTF_8));
                    bundles.add(new Bundle(b, h.get("Bundle-SymbolicName").get(0).name(), h));
                }
            }
        }
        assertTrue(bundles.size() >= 20, "bundles found: " + bundles.size());
        for (Bundle b : bundles) {
            for (Clause c : b.header("Export-Package")) {
                EXPORTS.put(c.name(), c.attrs().containsKey("x-internal") ? null : c.attrs().get("version"));
            }
        }
    }

    /** Joins continuation lines and splits each header into clauses at commas outside quotes. */
    static Map<String, List<Clause>> parse(String manifest) {
        Map<String, List<Clause>> out = new LinkedHashMap<>();
        String joined = manifest.replace("\r", "").replace("\n ", "");
        for (String line : joined.split("\n")) {
            int colon = line.indexOf(':');
            if (colon <= 0) {
                continue;
            }
            String value = line.substring(colon + 1).trim();
            List<Clause> clauses = new ArrayList<>();
            for (String raw : splitOutsideQuotes(value, ',')) {
                List<String> parts = splitOutsideQuotes(raw, ';');
                Map<String, String> attrs = new LinkedHashMap<>();
                for (String p : parts.subList(1, parts.size())) {
                    int eq = p.indexOf('=');
                    if (eq < 0) {
                        continue; // prose headers (Bundle-Name) may hold a ';'
                    }
                    String key = p.substring(0, eq).replace(":", "").trim();
                    attrs.put(key, p.substring(eq + 1).trim().replace("\"", ""));
                }
                clauses.add(new Clause(parts.get(0).trim(), attrs, raw.trim()));
            }
            out.put(line.substring(0, colon), clauses);
        }
        return out;
    }

    private static List<String> splitOutsideQuotes(String s, char sep) {
        List<String> out = new ArrayList<>();
        boolean quoted = false;
        int start = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            } else if (c == sep && !quoted) {
                out.add(s.substring(start, i));
                start = i + 1;
            }
        }
        out.add(s.substring(start));
        return out;
    }

    /** OSGi version compare on major.minor.micro (qualifiers do not occur in these ranges). */
    static int compare(String a, String b) {
        String[] x = a.split("\\.");
        String[] y = b.split("\\.");
        for (int i = 0; i < 3; i++) {
            int xi = i < x.length ? Integer.parseInt(x[i]) : 0;
            int yi = i < y.length ? Integer.parseInt(y[i]) : 0;
            if (xi != yi) {
                return Integer.compare(xi, yi);
            }
        }
        return 0;
    }

    static boolean inRange(String version, String range) {
        if (!range.startsWith("[") && !range.startsWith("(")) {
            return compare(version, range) >= 0;
        }
        String[] ends = range.substring(1, range.length() - 1).split(",");
        int lo = compare(version, ends[0].trim());
        int hi = compare(version, ends[1].trim());
        return (range.startsWith("[") ? lo >= 0 : lo > 0) && (range.endsWith("]") ? hi <= 0 : hi < 0);
    }

    @Test
    void rangeArithmeticIsRight() {
        // worked by hand: [1.0,2) holds 1.0.0 and 1.1.0, not 2.0.0 nor 0.1.0
        assertTrue(inRange("1.0.0", "[1.0,2)"));
        assertTrue(inRange("1.1.0", "[1.0,2)"));
        assertTrue(!inRange("2.0.0", "[1.0,2)"));
        assertTrue(!inRange("0.1.0", "[1.0,2)"));
        assertTrue(inRange("0.1.0", "0.1"));
    }

    @Test
    void everyExportedApiPackageHasPackageInfoWithTheManifestVersion() throws IOException {
        List<String> problems = new ArrayList<>();
        for (Bundle b : bundles) {
            for (Clause c : b.header("Export-Package")) {
                if (c.attrs().containsKey("x-internal")) {
                    continue;
                }
                String v = c.attrs().get("version");
                if (v == null) {
                    problems.add(b.name() + ": " + c.name() + " exported without a version");
                    continue;
                }
                Path info = b.dir().resolve("src/main/java").resolve(c.name().replace('.', '/'))
                        .resolve("package-info.java");
                if (!Files.isRegularFile(info)) {
                    problems.add(b.name() + ": " + c.name() + " has no package-info.java");
                    continue;
                }
                Matcher m = VERSION_ANNOTATION.matcher(Files.readString(info, StandardCharsets.UTF_8));
                if (!m.find()) {
                    problems.add(info + ": no @Version (MANIFEST.MF exports " + v + ")");
                } else if (compare(m.group(1), v) != 0) {
                    problems.add(info + ": @Version(\"" + m.group(1) + "\") but MANIFEST.MF exports " + v);
                }
            }
        }
        assertEquals(List.of(), problems);
    }

    @Test
    void everyImportAndRequiredBundleHasAVersionRangeHoldingTheExportedVersion() {
        List<String> problems = new ArrayList<>();
        for (Bundle b : bundles) {
            for (Clause c : b.header("Import-Package")) {
                String range = c.attrs().get("version");
                boolean internal = EXPORTS.containsKey(c.name()) && EXPORTS.get(c.name()) == null;
                if (range == null && !internal && !UNVERSIONED_OK.contains(c.name())) {
                    problems.add(b.name() + ": Import-Package " + c.raw() + " has no version range");
                }
                String exported = EXPORTS.get(c.name());
                if (range != null && exported != null && !inRange(exported, range)) {
                    problems.add(b.name() + ": imports " + c.name() + " " + range + " but it is exported as "
                            + exported);
                }
            }
            for (Clause c : b.header("Require-Bundle")) {
                if (!c.attrs().containsKey("bundle-version")) {
                    problems.add(b.name() + ": Require-Bundle " + c.raw() + " has no bundle-version");
                }
            }
        }
        assertEquals(List.of(), problems);
    }

    @Test
    void runtimeManifestsImportNothingOptionally() {
        List<String> problems = new ArrayList<>();
        for (Bundle b : bundles) {
            if (b.testOnly()) {
                continue;
            }
            for (Clause c : b.header("Import-Package")) {
                // DS annotations have class retention: needed to compile, never loaded at run time
                if ("optional".equals(c.attrs().get("resolution"))
                        && !c.name().equals("org.osgi.service.component.annotations")) {
                    problems.add(b.name() + ": optional import " + c.raw()
                            + " (a test-only dependency belongs in the bundle's pom.xml with test scope)");
                }
            }
        }
        assertEquals(List.of(), problems);
    }

    /**
     * Every package main code imports is in the manifest (an Import-Package, or a package of the bundle itself):
     * a class moved between bundles compiles on the flat build class path but fails in OSGi with
     * NoClassDefFoundError. Packages reached through Require-Bundle (the Eclipse platform, the workbench's
     * calphot bundles) and the JDK's are not checked.
     */
    @Test
    void everyPackageMainCodeImportsIsImportedByTheManifest() throws IOException {
        Pattern imp = Pattern.compile("^import (?:static )?([a-z][a-z0-9_]*(?:\\.[a-z][a-z0-9_]*)*)\\.[A-Z]",
                Pattern.MULTILINE);
        List<String> problems = new ArrayList<>();
        for (Bundle b : bundles) {
            Path src = b.dir().resolve("src/main/java");
            if (b.testOnly() || !Files.isDirectory(src)) {
                continue;
            }
            List<String> imported = b.header("Import-Package").stream().map(Clause::name).toList();
            List<String> required = b.header("Require-Bundle").stream().map(Clause::name).toList();
            List<String> own = new ArrayList<>();
            try (Stream<Path> s = Files.walk(src)) {
                for (Path d : s.filter(Files::isDirectory).toList()) {
                    own.add(src.relativize(d).toString().replace('/', '.'));
                }
            }
            java.util.Set<String> seen = new java.util.TreeSet<>();
            try (Stream<Path> s = Files.walk(src)) {
                for (Path f : s.filter(p -> p.toString().endsWith(".java")).toList()) {
                    Matcher m = imp.matcher(Files.readString(f, StandardCharsets.UTF_8));
                    while (m.find()) {
                        seen.add(m.group(1));
                    }
                }
            }
            for (String pkg : seen) {
                boolean platform = pkg.startsWith("java.") || pkg.startsWith("javax.") || pkg.startsWith("org.w3c.")
                        || pkg.startsWith("org.xml.");
                boolean viaRequire = !required.isEmpty() && (pkg.startsWith("org.eclipse.")
                        || required.stream().anyMatch(r -> pkg.equals(r) || pkg.startsWith(r + ".")));
                if (!platform && !viaRequire && !own.contains(pkg) && !imported.contains(pkg)) {
                    problems.add(b.name() + ": main code imports " + pkg + ", the manifest does not");
                }
            }
        }
        assertEquals(List.of(), problems);
    }

    /** Every Java file of every bundle (main and test) starts with the SPDX licence line and the copyright line. */
    @Test
    void everySourceFileCarriesTheLicenceHeader() throws IOException {
        List<String> missing = new ArrayList<>();
        for (Bundle b : bundles) {
            try (Stream<Path> s = Files.walk(b.dir().resolve("src"))) {
                for (Path f : s.filter(p -> p.toString().endsWith(".java")).toList()) {
                    String head = Files.readString(f, StandardCharsets.UTF_8);
                    if (!head.startsWith("// SPDX-License-Identifier: EPL-2.0 OR GPL-2.0-or-later\n"
                            + "// Copyright (c) ")) {
                        missing.add(b.dir().relativize(f).toString());
                    }
                }
            } catch (java.nio.file.NoSuchFileException e) {
                // a bundle without sources (resources only)
            }
        }
        assertEquals(List.of(), missing, "files without the SPDX header (see README, Licence)");
    }
}
