// SPDX-License-Identifier: EPL-2.0 OR GPL-2.0-or-later
// Copyright (c) 2026 the calphot contributors
package org.calphot.ui.help.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import org.commonmark.ext.gfm.tables.TableCell;
import org.commonmark.ext.gfm.tables.TableRow;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.BlockQuote;
import org.commonmark.node.BulletList;
import org.commonmark.node.Code;
import org.commonmark.node.CustomBlock;
import org.commonmark.node.CustomNode;
import org.commonmark.node.Emphasis;
import org.commonmark.node.FencedCodeBlock;
import org.commonmark.node.HardLineBreak;
import org.commonmark.node.Heading;
import org.commonmark.node.Image;
import org.commonmark.node.IndentedCodeBlock;
import org.commonmark.node.Link;
import org.commonmark.node.ListItem;
import org.commonmark.node.Node;
import org.commonmark.node.OrderedList;
import org.commonmark.node.Paragraph;
import org.commonmark.node.SoftLineBreak;
import org.commonmark.node.StrongEmphasis;
import org.commonmark.node.Text;
import org.commonmark.node.ThematicBreak;

/**
 * A parsed Markdown document as plain text plus styled spans, for an SWT StyledText where no browser is available
 * (SWT's browser needs WebKitGTK on Linux). Spans are kinds, not SWT styles, so this is tested without a display.
 */
public final class MarkdownText {

    /** What a span is drawn as. */
    public enum Kind { HEADING1, HEADING2, HEADING3, BOLD, ITALIC, CODE, CODE_BLOCK, LINK, FIGURE, TABLE }

    /** A span of the text: [start, start + length), its kind and, for links and figures, its target. */
    public record Span(int start, int length, Kind kind, String target) {
    }

    private final String text;
    private final List<Span> spans;

    private MarkdownText(String text, List<Span> spans) {
        this.text = text;
        this.spans = List.copyOf(spans);
    }

    public String text() {
        return text;
    }

    public List<Span> spans() {
        return spans;
    }

    /** The span of a kind covering an offset, or null. */
    public Span at(int offset, Kind kind) {
        for (Span s : spans) {
            if (s.kind() == kind && offset >= s.start() && offset < s.start() + s.length()) {
                return s;
            }
        }
        return null;
    }

    /** The offset where a heading's text (as GitHub makes anchors: lower case, spaces to '-') starts, or -1. */
    public int anchor(String fragment) {
        for (Span s : spans) {
            if (s.kind() == Kind.HEADING1 || s.kind() == Kind.HEADING2 || s.kind() == Kind.HEADING3) {
                String h = text.substring(s.start(), s.start() + s.length()).trim().toLowerCase()
                        .replaceAll("[^\\p{L}\\p{N} _-]", "").replace(' ', '-');
                if (h.equals(fragment)) {
                    return s.start();
                }
            }
        }
        return -1;
    }

    /** Renders a parsed document; a figure is one object-replacement character (the view draws the image). */
    public static MarkdownText of(Node document) {
        Builder b = new Builder();
        document.accept(b);
        String t = b.out.toString().replaceAll("\\n{2,}$", "\n");
        return new MarkdownText(t, b.spans);
    }

    /** The character a figure stands on. */
    public static final char FIGURE = '\uFFFC';

    private static final class Builder extends AbstractVisitor {
        final StringBuilder out = new StringBuilder();
        final List<Span> spans = new ArrayList<>();
        String indent = "";

        private void blockEnd() {
            int n = out.length();
            if (n == 0) {
                return;
            }
            if (out.charAt(n - 1) != '\n') {
                out.append('\n');
            }
            if (indent.isEmpty() && (out.length() < 2 || out.charAt(out.length() - 2) != '\n')) {
                out.append('\n');
            }
        }

        private void styled(Kind kind, String target, Runnable body) {
            int start = out.length();
            body.run();
            if (out.length() > start) {
                spans.add(new Span(start, out.length() - start, kind, target));
            }
        }

        @Override
        public void visit(Heading heading) {
            blockEnd();
            Kind k = heading.getLevel() == 1 ? Kind.HEADING1 : heading.getLevel() == 2 ? Kind.HEADING2 : Kind.HEADING3;
            styled(k, null, () -> visitChildren(heading));
            out.append('\n');
            blockEnd();
        }

        @Override
        public void visit(Paragraph paragraph) {
            visitChildren(paragraph);
            blockEnd();
        }

        @Override
        public void visit(Text t) {
            out.append(t.getLiteral());
        }

        @Override
        public void visit(SoftLineBreak b) {
            out.append(' ');
        }

        @Override
        public void visit(HardLineBreak b) {
            out.append('\n').append(indent);
        }

        @Override
        public void visit(Code code) {
            styled(Kind.CODE, null, () -> out.append(code.getLiteral()));
        }

        @Override
        public void visit(Emphasis e) {
            styled(Kind.ITALIC, null, () -> visitChildren(e));
        }

        @Override
        public void visit(StrongEmphasis e) {
            styled(Kind.BOLD, null, () -> visitChildren(e));
        }

        @Override
        public void visit(Link link) {
            styled(Kind.LINK, link.getDestination(), () -> visitChildren(link));
        }

        @Override
        public void visit(Image image) {
            styled(Kind.FIGURE, image.getDestination(), () -> out.append(FIGURE));
        }

        @Override
        public void visit(FencedCodeBlock block) {
            code(block.getLiteral());
        }

        @Override
        public void visit(IndentedCodeBlock block) {
            code(block.getLiteral());
        }

        private void code(String literal) {
            blockEnd();
            styled(Kind.CODE_BLOCK, null, () -> out.append(literal.stripTrailing()).append('\n'));
            blockEnd();
        }

        @Override
        public void visit(BulletList list) {
            items(list, i -> "\u2022 ");
        }

        @Override
        public void visit(OrderedList list) {
            int first = list.getStartNumber();
            items(list, i -> (first + i) + ". ");
        }

        private void items(Node list, Function<Integer, String> marker) {
            if (!indent.isEmpty() && out.length() > 0 && out.charAt(out.length() - 1) != '\n') {
                out.append('\n');
            }
            String outer = indent;
            int i = 0;
            for (Node item = list.getFirstChild(); item != null; item = item.getNext(), i++) {
                out.append(outer).append(marker.apply(i));
                indent = outer + "   ";
                for (Node c = item.getFirstChild(); c != null; c = c.getNext()) {
                    if (c instanceof Paragraph p) {
                        visitChildren(p);
                        out.append('\n');
                    } else {
                        c.accept(this);
                    }
                    if (c.getNext() != null) {
                        out.append(indent);
                    }
                }
                indent = outer;
            }
            blockEnd();
        }

        @Override
        public void visit(ListItem item) {
            visitChildren(item);
        }

        @Override
        public void visit(BlockQuote q) {
            styled(Kind.ITALIC, null, () -> visitChildren(q));
        }

        @Override
        public void visit(ThematicBreak b) {
            blockEnd();
            out.append("\u2014".repeat(20)).append('\n');
            blockEnd();
        }

        @Override
        public void visit(CustomBlock block) {
            // a GitHub table: one line per row, cells separated by a bar, in the fixed-width font
            blockEnd();
            styled(Kind.TABLE, null, () -> visitChildren(block));
            blockEnd();
        }

        @Override
        public void visit(CustomNode node) {
            if (node instanceof TableRow) {
                visitChildren(node);
                out.append('\n');
            } else if (node instanceof TableCell) {
                if (node.getPrevious() != null) {
                    out.append(" | ");
                }
                visitChildren(node);
            } else {
                visitChildren(node);
            }
        }
    }
}
