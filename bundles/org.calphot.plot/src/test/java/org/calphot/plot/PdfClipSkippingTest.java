// SPDX-License-Identifier: EPL-2.0 OR GPL-2.0-or-later
// Copyright (c) 2026 the calphot contributors
package org.calphot.plot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.geom.AffineTransform;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.Inflater;

import org.calphot.plot.internal.PdfClipSkipping;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.ui.Drawable;
import org.junit.jupiter.api.Test;

/**
 * Pages drawn with the clip left out of shapes inside it ({@link PdfClipSkipping}) against the same pages drawn by
 * JFreePDF alone (the reference): read back from the PDF content streams, both pages paint the same paths with the
 * same operators, colours and strokes in the same order, and every clip the new page leaves out contained the whole
 * path it was applied to in the reference page, so it removed nothing from the picture.
 */
class PdfClipSkippingTest {

    @Test
    void samePaintedPathsAndOnlyClipsThatCutNothingAreLeftOut() throws Exception {
        List<Drawable> pages = List.of(
                LightcurvePage.build("ASASSN-16kr-like: cycle 0", XAxisKind.PHASE, SampleData.lightcurve(1500, true)),
                ComparisonPage.build("comparison stars", XAxisKind.MJD_UTC, SampleData.comparisons()));
        for (Drawable page : pages) {
            Stream ref = Stream.read(FigureExport.pdfBytes(List.of(page), 720, 720, false));
            Stream fast = Stream.read(FigureExport.pdfBytes(List.of(page), 720, 720, true));
            assertEquals(ref.ops.size(), fast.ops.size(), "painting and state operators");
            int left = 0;
            for (int i = 0; i < ref.ops.size(); i++) {
                Op a = ref.ops.get(i);
                Op b = fast.ops.get(i);
                assertEquals(a.text, b.text, "operator " + i);
                if (!a.clips.equals(b.clips)) {
                    // what was left out: clips of the reference not in the new page; they held the whole path
                    List<Rectangle2D> gone = new ArrayList<>(a.clips);
                    gone.removeAll(b.clips);
                    assertEquals(a.clips.size() - b.clips.size(), gone.size(), "operator " + i + ": clips added");
                    for (Rectangle2D c : gone) {
                        assertTrue(inside(a.bounds, c), "operator " + i + ": " + a.bounds + " not inside " + c);
                    }
                    left++;
                }
            }
            // the data markers and error bars all lie inside the data area: nearly every clip goes
            assertTrue(left > 0.8 * ref.clips, left + " of " + ref.clips + " clips left out");
            assertTrue(fast.clips < 0.2 * ref.clips, fast.clips + " clips left of " + ref.clips);
        }
    }

    @Test
    void recognisesAxisAlignedRectanglesOnly() {
        Rectangle2D r = new Rectangle2D.Double(10, 20, 30, 40);
        AffineTransform scale = AffineTransform.getScaleInstance(0.72, 0.72);
        Path2D asPath = new Path2D.Double(r, scale); // how JFreePDF keeps a clip set under a transform
        Rectangle2D back = PdfClipSkipping.userRectangle(asPath, scale);
        assertNotNull(back);
        assertEquals(10, back.getX(), 1e-12);
        assertEquals(20, back.getY(), 1e-12);
        assertEquals(30, back.getWidth(), 1e-12);
        assertEquals(40, back.getHeight(), 1e-12);
        assertNull(PdfClipSkipping.userRectangle(asPath, AffineTransform.getRotateInstance(0.3)), "rotated");
        assertNull(PdfClipSkipping.userRectangle(new Ellipse2D.Double(0, 0, 5, 5), scale), "curved");
        Path2D bowTie = new Path2D.Double(); // the four corners, crossed
        bowTie.moveTo(0, 0);
        bowTie.lineTo(1, 1);
        bowTie.lineTo(1, 0);
        bowTie.lineTo(0, 1);
        bowTie.closePath();
        assertNull(PdfClipSkipping.userRectangle(bowTie, new AffineTransform()), "bow tie");
        Path2D triangle = new Path2D.Double();
        triangle.moveTo(0, 0);
        triangle.lineTo(1, 0);
        triangle.lineTo(0, 1);
        triangle.closePath();
        assertNull(PdfClipSkipping.userRectangle(triangle, new AffineTransform()), "triangle");
    }

    /** {@code b} within {@code c}, edges included (a vertical error bar has no width). */
    private static boolean inside(Rectangle2D b, Rectangle2D c) {
        return b != null && b.getMinX() >= c.getMinX() && b.getMaxX() <= c.getMaxX() && b.getMinY() >= c.getMinY()
                && b.getMaxY() <= c.getMaxY();
    }

    /** A painting or state operator of a content stream, with the clip rectangles in force and its path's bounds. */
    private record Op(String text, List<Rectangle2D> clips, Rectangle2D bounds) {
    }

    /** Just enough of a PDF content-stream reader for JFreePDF's output: one operator per line. */
    private static final class Stream {
        final List<Op> ops = new ArrayList<>();
        int clips;

        private static final Pattern STREAM = Pattern.compile("(?<!end)stream\r?\n");
        private static final java.util.Set<String> PATH = java.util.Set.of("m", "l", "c", "v", "y", "h", "re");
        private static final java.util.Set<String> PAINT = java.util.Set.of("f", "f*", "S", "s", "B", "B*", "b",
                "b*", "n");

        static Stream read(byte[] pdf) throws Exception {
            String text = new String(pdf, StandardCharsets.ISO_8859_1);
            Stream s = new Stream();
            Matcher m = STREAM.matcher(text);
            int from = 0;
            while (m.find(from)) {
                int end = text.indexOf("endstream", m.end());
                Inflater inf = new Inflater();
                inf.setInput(pdf, m.end(), end - m.end());
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                byte[] buf = new byte[1 << 16];
                while (!inf.finished() && !inf.needsInput()) {
                    int k = inf.inflate(buf);
                    out.write(buf, 0, k);
                }
                inf.end();
                s.interpret(out.toString(StandardCharsets.ISO_8859_1));
                from = end + "endstream".length();
            }
            return s;
        }

        private void interpret(String content) {
            List<String> path = new ArrayList<>();
            List<Rectangle2D> clip = new ArrayList<>();
            Deque<List<Rectangle2D>> saved = new ArrayDeque<>();
            for (String line : content.split("\n")) {
                String op = line.substring(line.lastIndexOf(' ') + 1);
                if (line.equals("W n")) {
                    clip.add(bounds(path));
                    path.clear();
                    clips++;
                } else if (PATH.contains(op) && !path.isEmpty() || op.equals("m") || op.equals("re")) {
                    path.add(line);
                } else if (op.equals("q")) {
                    saved.push(new ArrayList<>(clip));
                } else if (op.equals("Q")) {
                    clip = saved.pop();
                } else if (PAINT.contains(op)) {
                    ops.add(new Op(String.join("\n", path) + "\n" + line, List.copyOf(clip), bounds(path)));
                    path.clear();
                } else {
                    ops.add(new Op(line, List.copyOf(clip), null));
                }
            }
        }

        private static Rectangle2D bounds(List<String> path) {
            Rectangle2D.Double b = null;
            for (String line : path) {
                String[] t = line.split(" ");
                boolean re = t[t.length - 1].equals("re");
                for (int i = 0; i + 1 < t.length - 1; i += 2) {
                    double x = Double.parseDouble(t[i]);
                    double y = Double.parseDouble(t[i + 1]);
                    if (re && i == 2) { // width and height of a rectangle
                        x += Double.parseDouble(t[0]);
                        y += Double.parseDouble(t[1]);
                    }
                    if (b == null) {
                        b = new Rectangle2D.Double(x, y, 0, 0);
                    } else {
                        b.add(x, y);
                    }
                }
            }
            return b;
        }
    }
}
