// SPDX-License-Identifier: EPL-2.0 OR GPL-2.0-or-later
// Copyright (c) 2026 the calphot contributors
package org.calphot.ui.help.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Help Contents: the README and docs built into the bundle, as HTML pages and as styled text. */
class HelpDocsTest {

    /** The documents as the build copied them into the bundle (pom.xml, process-resources). */
    private static final Path BUILT = Path.of("target/classes/help");

    private static HelpDocs.ResourceLister folder(Path root) {
        return new HelpDocs.ResourceLister() {
            @Override
            public List<String> list() {
                try (Stream<Path> s = Files.walk(root)) {
                    return s.filter(Files::isRegularFile).map(p -> root.relativize(p).toString()).toList();
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }

            @Override
            public byte[] read(String name) {
                try {
                    return Files.readAllBytes(root.resolve(name));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        };
    }

    @Test
    void linksBetweenDocumentsPointAtTheirPages() {
        assertEquals("docs/extending.html", HelpDocs.pageLink("docs/extending.md"));
        assertEquals("../index.html#catalogues", HelpDocs.pageLink("../README.md#catalogues"));
        assertEquals("time.html", HelpDocs.pageLink("time.md"));
        assertEquals("https://example.org/a.md", HelpDocs.pageLink("https://example.org/a.md"));
        assertEquals("docs/workbench.png", HelpDocs.pageLink("docs/workbench.png"));
    }

    @Test
    void styledTextKeepsTheWordsAndMarksTheirKinds() {
        HelpDocs docs = new HelpDocs(List.of(new HelpDocs.Doc("README.md", "T",
                "# Title\n\nSome *it* and `code` [link](docs/a.md).\n\n- one\n- two\n\n| a | b |\n|---|---|\n| 1 | 2 |\n")),
                Map.of());
        MarkdownText t = MarkdownText.of(docs.parse(docs.docs().get(0)));
        // written by hand from the Markdown above: blank line between blocks, bullets, one line per table row
        assertEquals("Title\n\nSome it and code link.\n\n\u2022 one\n\u2022 two\n\na | b\n1 | 2\n", t.text());
        assertEquals(MarkdownText.Kind.HEADING1, t.spans().get(0).kind());
        assertEquals("Title", t.text().substring(0, t.spans().get(0).length()));
        int link = t.text().indexOf("link");
        assertEquals("docs/a.md", t.at(link, MarkdownText.Kind.LINK).target());
        assertNotNull(t.at(t.text().indexOf("code"), MarkdownText.Kind.CODE));
        assertNotNull(t.at(t.text().indexOf("it "), MarkdownText.Kind.ITALIC));
        assertEquals(0, t.anchor("title"));
    }

    @Test
    void theBuiltReadmeAndDocsBecomePagesWhoseLinksAndFiguresResolve(@TempDir Path out) throws IOException {
        assertTrue(Files.isRegularFile(BUILT.resolve("README.md")), "the build copies README.md into help/");
        HelpDocs docs = HelpDocs.load(folder(BUILT));
        assertEquals("README.md", docs.docs().get(0).path(), "README first");
        assertEquals("calphot", docs.docs().get(0).title());
        assertTrue(docs.docs().size() >= 6, "README and the docs/*.md: " + docs.docs().size());
        Path index = docs.writeSite(out);
        assertEquals(out.resolve("index.html"), index);
        Pattern ref = Pattern.compile("(?:href|src)=\"([^\"#:]+)(#[^\"]*)?\"");
        List<String> broken = new ArrayList<>();
        int checked = 0;
        for (HelpDocs.Doc d : docs.docs()) {
            Path page = out.resolve(d.htmlPath());
            String html = Files.readString(page, StandardCharsets.UTF_8);
            assertTrue(html.contains("<h1>") || html.contains("<h2>"), d.path() + " has headings");
            Matcher m = ref.matcher(html);
            while (m.find()) {
                checked++;
                Path target = page.getParent().resolve(m.group(1)).normalize();
                if (!Files.exists(target)) {
                    broken.add(d.path() + " -> " + m.group(1));
                }
            }
        }
        // relative links and figures that leave the documentation (the examples/ folder, source files) are not part
        // of Help; everything under the site must resolve
        broken.removeIf(b -> b.contains("examples/") || b.contains("bundles/") || b.contains("LICENSE")
                || b.contains("NOTICE") || b.contains(".ci/") || b.contains("product/") || b.contains("releng/"));
        assertTrue(checked > 5, "links checked: " + checked);
        assertEquals(List.of(), broken, "links and figures of the help pages that point nowhere");
        String readme = Files.readString(index, StandardCharsets.UTF_8);
        assertTrue(readme.contains("<img src=\"docs/demo-lightcurve.png\""), "the README's first figure");
    }
}
