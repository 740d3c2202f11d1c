// SPDX-License-Identifier: EPL-2.0 OR GPL-2.0-or-later
// Copyright (c) 2026 the calphot contributors
package org.calphot.ui.help.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.Heading;
import org.commonmark.node.Link;
import org.commonmark.node.Node;
import org.commonmark.node.Text;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;

/**
 * The documents of Help Contents: the README and docs/*.md built into this bundle (help/), parsed with commonmark
 * and written as a small HTML site (index.html for the README, docs/*.html, the figures beside them) that a browser
 * opens. No SWT here, so the conversion is tested on its own.
 */
public final class HelpDocs {

    /** One document: its path under help/ ("README.md", "docs/time.md"), its title (first heading) and Markdown. */
    public record Doc(String path, String title, String markdown) {

        /** Where the HTML of this document is in the site: the README is the index page. */
        public String htmlPath() {
            return path.equals(README) ? "index.html" : path.substring(0, path.length() - ".md".length()) + ".html";
        }
    }

    static final String README = "README.md";
    private static final Pattern MD_LINK = Pattern.compile("^((?:\\.\\./)?(?:docs/)?[\\w.-]+)\\.md(#.*)?$");

    private final List<Doc> docs;
    private final Map<String, byte[]> figures;
    private final Parser parser = Parser.builder().extensions(List.of(TablesExtension.create())).build();

    HelpDocs(List<Doc> docs, Map<String, byte[]> figures) {
        this.docs = List.copyOf(docs);
        this.figures = Map.copyOf(figures);
    }

    /** The README first, then docs/ in name order. */
    public List<Doc> docs() {
        return docs;
    }

    /** Reads help/README.md and help/docs/ from a bundle's resources (names listed by {@code lister}). */
    static HelpDocs load(ResourceLister lister) {
        List<Doc> list = new ArrayList<>();
        java.util.TreeMap<String, byte[]> figs = new java.util.TreeMap<>();
        List<String> names = new ArrayList<>(lister.list());
        Collections.sort(names);
        names.sort((a, b) -> Boolean.compare(!a.equals(README), !b.equals(README)));
        for (String name : names) {
            byte[] bytes = lister.read(name);
            if (name.endsWith(".md")) {
                String text = new String(bytes, StandardCharsets.UTF_8);
                list.add(new Doc(name, title(text, name), text));
            } else if (name.endsWith(".png")) {
                figs.put(name, bytes);
            }
        }
        return new HelpDocs(list, figs);
    }

    /** Lists and reads the documentation resources: paths relative to help/. */
    interface ResourceLister {
        List<String> list();

        byte[] read(String name);
    }

    /** The resources of help/ in this bundle (through the bundle, so it works from a jar and from a folder). */
    static ResourceLister bundleResources(org.osgi.framework.Bundle bundle) {
        return new ResourceLister() {
            @Override
            public List<String> list() {
                List<String> names = new ArrayList<>();
                var urls = bundle.findEntries("help", "*", true);
                while (urls != null && urls.hasMoreElements()) {
                    String p = urls.nextElement().getPath();
                    int at = p.indexOf("/help/");
                    if (at >= 0 && !p.endsWith("/")) {
                        names.add(p.substring(at + "/help/".length()));
                    }
                }
                return names;
            }

            @Override
            public byte[] read(String name) {
                URL url = bundle.getEntry("help/" + name);
                if (url == null) {
                    throw new IllegalStateException("help/" + name + " missing from " + bundle.getSymbolicName());
                }
                try (InputStream in = url.openStream()) {
                    return in.readAllBytes();
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        };
    }

    /** A figure's bytes by its path under help/ ("docs/workbench.png"), or null. */
    public byte[] figure(String path) {
        return figures.get(path);
    }

    /** The Markdown parsed (GitHub tables included), for the styled-text rendering. */
    public Node parse(Doc doc) {
        return parser.parse(doc.markdown());
    }

    /** The HTML page of one document: links to other documents point at their pages. */
    public String html(Doc doc) {
        Node root = parse(doc);
        root.accept(new AbstractVisitor() {
            @Override
            public void visit(Link link) {
                link.setDestination(pageLink(link.getDestination()));
                visitChildren(link);
            }
        });
        String body = HtmlRenderer.builder().build().render(root);
        return "<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>" + escape(doc.title()) + "</title>\n"
                + "<style>body{font-family:sans-serif;max-width:60em;margin:1em auto;padding:0 1em;line-height:1.4}"
                + "pre,code{background:#f4f4f4}pre{padding:.5em;overflow-x:auto}"
                + "table{border-collapse:collapse}td,th{border:1px solid #ccc;padding:.2em .4em}"
                + "img{max-width:100%}</style></head><body>\n" + body + "</body></html>\n";
    }

    /** "docs/time.md#x" to "docs/time.html#x", "../README.md" to "../index.html"; other links unchanged. */
    static String pageLink(String destination) {
        Matcher m = MD_LINK.matcher(destination);
        if (!m.matches()) {
            return destination;
        }
        String base = m.group(1);
        String page = base.endsWith("README") ? base.substring(0, base.length() - "README".length()) + "index"
                : base;
        return page + ".html" + (m.group(2) == null ? "" : m.group(2));
    }

    /** Writes every page and figure under {@code folder}; returns the README's page. */
    public Path writeSite(Path folder) throws IOException {
        Files.createDirectories(folder.resolve("docs"));
        for (Doc doc : docs) {
            Path page = folder.resolve(doc.htmlPath());
            Path tmp = Files.createTempFile(page.getParent(), ".page", ".tmp");
            Files.writeString(tmp, html(doc), StandardCharsets.UTF_8);
            Files.move(tmp, page, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        }
        for (Map.Entry<String, byte[]> fig : figures.entrySet()) {
            Files.write(folder.resolve(fig.getKey()), fig.getValue());
        }
        return folder.resolve("index.html");
    }

    private static String title(String markdown, String fallback) {
        Node root = Parser.builder().build().parse(markdown);
        StringBuilder title = new StringBuilder();
        root.accept(new AbstractVisitor() {
            @Override
            public void visit(Heading heading) {
                if (title.length() == 0) {
                    heading.accept(new AbstractVisitor() {
                        @Override
                        public void visit(Text text) {
                            title.append(text.getLiteral());
                        }

                        @Override
                        public void visit(org.commonmark.node.Code code) {
                            title.append(code.getLiteral());
                        }
                    });
                }
            }
        });
        return title.length() == 0 ? fallback : title.toString();
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
