// SPDX-License-Identifier: EPL-2.0 OR GPL-2.0-or-later
// Copyright (c) 2026 the calphot contributors
package org.calphot.ui.help.internal;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Map;

import org.eclipse.core.runtime.Platform;
import org.eclipse.jface.action.Action;
import org.eclipse.jface.resource.JFaceResources;
import org.eclipse.swt.SWT;
import org.eclipse.swt.SWTError;
import org.eclipse.swt.browser.Browser;
import org.eclipse.swt.custom.SashForm;
import org.eclipse.swt.custom.StyleRange;
import org.eclipse.swt.custom.StyledText;
import org.eclipse.swt.graphics.Color;
import org.eclipse.swt.graphics.Font;
import org.eclipse.swt.graphics.GlyphMetrics;
import org.eclipse.swt.graphics.Image;
import org.eclipse.swt.graphics.ImageData;
import org.eclipse.swt.program.Program;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.List;
import org.eclipse.ui.part.ViewPart;
import org.osgi.framework.Bundle;
import org.osgi.framework.FrameworkUtil;

/**
 * The calphot README and docs/, rendered: a list of the documents on the left, the document on the right in SWT's
 * browser when the platform has one (WebKitGTK on Linux), else as styled text with the figures drawn in place.
 * Links between documents stay in the view; web links open in the system's browser, as does the toolbar's
 * "Open in Browser" (the HTML pages written under the workspace's state folder).
 */
public final class HelpView extends ViewPart {

    public static final String ID = "org.calphot.ui.help";

    private HelpDocs docs;
    private List index;
    private Browser browser;
    private StyledText text;
    private Path site;
    private MarkdownText shown;
    private final Map<String, Image> figures = new HashMap<>();
    private final java.util.List<Image> scaled = new ArrayList<>();

    @Override
    public void createPartControl(Composite parent) {
        Bundle bundle = FrameworkUtil.getBundle(HelpView.class);
        docs = HelpDocs.load(HelpDocs.bundleResources(bundle));
        SashForm sash = new SashForm(parent, SWT.HORIZONTAL);
        index = new List(sash, SWT.SINGLE | SWT.V_SCROLL);
        for (HelpDocs.Doc d : docs.docs()) {
            index.add(d.path().equals(HelpDocs.README) ? "calphot (README)" : d.title());
        }
        try {
            site = docs.writeSite(Platform.getStateLocation(bundle).toPath().resolve("help"));
        } catch (IOException | IllegalStateException e) {
            site = null; // the styled text needs no files
        }
        try {
            if (site != null && !Boolean.getBoolean("calphot.help.nobrowser")) {
                browser = new Browser(sash, SWT.NONE);
            }
        } catch (SWTError e) {
            browser = null; // no WebKitGTK: styled text below
        }
        if (browser == null) {
            text = new StyledText(sash, SWT.READ_ONLY | SWT.WRAP | SWT.V_SCROLL);
            text.setMargins(12, 8, 12, 8);
            text.setEditable(false);
            text.addPaintObjectListener(e -> {
                Image img = e.style.data instanceof Image i ? i : null;
                if (img != null && !img.isDisposed()) {
                    e.gc.drawImage(img, e.x, e.y + e.ascent - e.style.metrics.ascent);
                }
            });
            text.addListener(SWT.MouseUp, e -> {
                int offset = text.getOffsetAtPoint(new org.eclipse.swt.graphics.Point(e.x, e.y));
                MarkdownText.Span link = offset < 0 || shown == null ? null : shown.at(offset, MarkdownText.Kind.LINK);
                if (link != null) {
                    follow(link.target());
                }
            });
        }
        sash.setWeights(18, 82);
        index.addListener(SWT.Selection, e -> show(index.getSelectionIndex(), null));
        Action external = new Action("Open in Browser") {
            @Override
            public void run() {
                int i = Math.max(0, index.getSelectionIndex());
                if (site != null) {
                    Program.launch(site.resolve(docs.docs().get(i).htmlPath()).toString());
                }
            }
        };
        external.setToolTipText("Open this page in the system's web browser");
        getViewSite().getActionBars().getToolBarManager().add(external);
        index.select(0);
        show(0, null);
    }

    /** The document shown (its index in {@link HelpDocs#docs()}), for tests. */
    public int shownDocument() {
        return index.getSelectionIndex();
    }

    /** The text shown when there is no browser (null with a browser), for tests and screenshots. */
    public StyledText textWidget() {
        return text;
    }

    /** Shows document {@code i}, at a heading when {@code fragment} is given. */
    public void show(int i, String fragment) {
        if (i < 0 || i >= docs.docs().size()) {
            return;
        }
        index.select(i);
        HelpDocs.Doc doc = docs.docs().get(i);
        if (browser != null) {
            browser.setUrl(site.resolve(doc.htmlPath()).toUri() + (fragment == null ? "" : "#" + fragment));
            return;
        }
        render(doc);
        int at = fragment == null ? 0 : shown.anchor(fragment);
        text.setTopIndex(text.getLineAtOffset(Math.max(0, at)));
    }

    /** A link in the styled text: another document (and heading) here, anything else in the system browser. */
    void follow(String target) {
        String t = target.startsWith("../") ? target.substring(3) : target;
        String shownPath = docs.docs().get(Math.max(0, index.getSelectionIndex())).path();
        String fragment = null;
        int hash = t.indexOf('#');
        if (hash >= 0) {
            fragment = t.substring(hash + 1);
            t = t.substring(0, hash);
        }
        if (t.isEmpty()) {
            show(index.getSelectionIndex(), fragment);
            return;
        }
        if (shownPath.startsWith("docs/") && !target.startsWith("../") && !t.startsWith("docs/")) {
            t = "docs/" + t;
        }
        for (int i = 0; i < docs.docs().size(); i++) {
            if (docs.docs().get(i).path().equals(t)) {
                show(i, fragment);
                return;
            }
        }
        if (target.startsWith("http:") || target.startsWith("https:")) {
            Program.launch(target);
        }
    }

    private void render(HelpDocs.Doc doc) {
        shown = MarkdownText.of(docs.parse(doc));
        text.setText(shown.text());
        Display display = text.getDisplay();
        Font mono = JFaceResources.getTextFont();
        Font h1 = JFaceResources.getHeaderFont();
        Font h2 = JFaceResources.getBannerFont();
        Color link = display.getSystemColor(SWT.COLOR_LINK_FOREGROUND);
        Color codeBg = new Color(244, 244, 244);
        java.util.List<StyleRange> ranges = new ArrayList<>();
        String dir = doc.path().contains("/") ? doc.path().substring(0, doc.path().lastIndexOf('/') + 1) : "";
        for (MarkdownText.Span s : shown.spans()) {
            StyleRange r = new StyleRange();
            r.start = s.start();
            r.length = s.length();
            switch (s.kind()) {
                case HEADING1 -> r.font = h1;
                case HEADING2 -> r.font = h2;
                case HEADING3, BOLD -> r.fontStyle = SWT.BOLD;
                case ITALIC -> r.fontStyle = SWT.ITALIC;
                case CODE, TABLE -> {
                    r.font = mono;
                    r.background = s.kind() == MarkdownText.Kind.CODE ? codeBg : null;
                }
                case CODE_BLOCK -> {
                    r.font = mono;
                    r.background = codeBg;
                }
                case LINK -> {
                    r.foreground = link;
                    r.underline = true;
                    r.underlineStyle = SWT.UNDERLINE_LINK;
                }
                case FIGURE -> {
                    Image img = figure(display, dir + s.target());
                    if (img == null) {
                        continue;
                    }
                    r.data = img;
                    var b = img.getBounds();
                    r.metrics = new GlyphMetrics(b.height, 0, b.width);
                }
                default -> {
                }
            }
            ranges.add(r);
        }
        ranges.sort((a, b) -> Integer.compare(a.start, b.start));
        // nested spans (a link in bold) overlap: SWT wants them disjoint, so keep the innermost for each stretch
        text.setStyleRanges(disjoint(ranges));
    }

    private static StyleRange[] disjoint(java.util.List<StyleRange> sorted) {
        java.util.List<StyleRange> out = new ArrayList<>();
        int end = 0;
        for (StyleRange r : sorted) {
            if (r.start < end) {
                // overlaps the previous: cut the previous short, this one wins from its start
                StyleRange prev = out.get(out.size() - 1);
                int prevEnd = prev.start + prev.length;
                prev.length = r.start - prev.start;
                out.add(r);
                if (prevEnd > r.start + r.length) {
                    StyleRange tail = (StyleRange) prev.clone();
                    tail.start = r.start + r.length;
                    tail.length = prevEnd - tail.start;
                    out.add(tail);
                }
            } else {
                out.add(r);
            }
            end = Math.max(end, r.start + r.length);
        }
        out.removeIf(r -> r.length <= 0);
        out.sort((a, b) -> Integer.compare(a.start, b.start));
        return out.toArray(new StyleRange[0]);
    }

    /** A figure of the docs, scaled to at most 900 pixels wide. */
    private Image figure(Display display, String path) {
        String key = path.replace("/./", "/");
        while (key.contains("../")) {
            key = key.replaceFirst("[^/]*/\\.\\./", "");
            key = key.startsWith("../") ? key.substring(3) : key;
        }
        String name = key;
        return figures.computeIfAbsent(name, n -> {
            byte[] bytes = docs.figure(n);
            if (bytes == null) {
                return null;
            }
            ImageData data = new ImageData(new ByteArrayInputStream(bytes));
            Image full = new Image(display, data);
            if (data.width <= 900) {
                scaled.add(full);
                return full;
            }
            int h = data.height * 900 / data.width;
            Image img = new Image(display, 900, h);
            org.eclipse.swt.graphics.GC gc = new org.eclipse.swt.graphics.GC(img);
            gc.setAntialias(SWT.ON);
            gc.setInterpolation(SWT.HIGH);
            gc.drawImage(full, 0, 0, data.width, data.height, 0, 0, 900, h);
            gc.dispose();
            full.dispose();
            scaled.add(img);
            return img;
        });
    }

    @Override
    public void setFocus() {
        if (text != null) {
            text.setFocus();
        } else if (browser != null) {
            browser.setFocus();
        } else {
            index.setFocus();
        }
    }

    @Override
    public void dispose() {
        scaled.forEach(Image::dispose);
        super.dispose();
    }
}
