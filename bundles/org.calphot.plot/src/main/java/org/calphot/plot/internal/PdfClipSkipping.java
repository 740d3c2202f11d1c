// SPDX-License-Identifier: EPL-2.0 OR GPL-2.0-or-later
// Copyright (c) 2026 the calphot contributors
package org.calphot.plot.internal;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Composite;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics;
import java.awt.Graphics2D;
import java.awt.GraphicsConfiguration;
import java.awt.Image;
import java.awt.Paint;
import java.awt.Rectangle;
import java.awt.RenderingHints;
import java.awt.Shape;
import java.awt.Stroke;
import java.awt.font.FontRenderContext;
import java.awt.font.GlyphVector;
import java.awt.geom.AffineTransform;
import java.awt.geom.PathIterator;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.awt.image.BufferedImageOp;
import java.awt.image.ImageObserver;
import java.awt.image.RenderedImage;
import java.awt.image.renderable.RenderableImage;
import java.lang.reflect.Field;
import java.text.AttributedCharacterIterator;
import java.util.Map;

import org.jfree.pdf.PDFGraphics2D;

/**
 * A JFreePDF page's graphics that leaves out the clip of shapes lying wholly inside it. JFreePDF 2.0 writes the
 * current clip path (with a save and restore of the graphics state) before every shape it draws or fills while a
 * clip is set, and JFreeChart clips every marker and error bar to the data area: on a run's figures the clip paths
 * were more than half the lines of the content streams and a tenth of the PDF drawing time. A shape whose bounds
 * (widened by the stroke) lie inside a rectangular clip, with half a point to spare, is drawn with the clip switched
 * off for that call only: clipping it would remove nothing, so the page looks the same. Everything else goes to the
 * page's graphics as is.
 */
public final class PdfClipSkipping extends Graphics2D {

    /** Room kept between a shape and the clip's edge (points, 1/72 in; coordinates are written to 0.01). */
    private static final double MARGIN = 0.5;

    private static final Field CLIP;
    private static final Field TRANSFORM;

    static {
        Field clip = null;
        Field transform = null;
        try {
            clip = PDFGraphics2D.class.getDeclaredField("clip");
            transform = PDFGraphics2D.class.getDeclaredField("transform");
            if (clip.getType() != Shape.class || transform.getType() != AffineTransform.class) {
                clip = null;
                transform = null;
            } else {
                clip.setAccessible(true);
                transform.setAccessible(true);
            }
        } catch (ReflectiveOperationException | RuntimeException e) {
            clip = null; // another JFreePDF: pages are drawn as the library does
            transform = null;
        }
        CLIP = clip;
        TRANSFORM = transform;
    }

    private final PDFGraphics2D g;

    // the clip and transform last seen (by identity: JFreePDF replaces them, never changes them in place)
    private Shape seenClip;
    private AffineTransform seenTransform;
    /** The clip in user space when it is an axis-aligned rectangle under a transform without rotation, else null. */
    private Rectangle2D userClip;

    private PdfClipSkipping(PDFGraphics2D g) {
        this.g = g;
    }

    /** The graphics to draw a page with: {@code g} itself when this JFreePDF's fields are not the expected ones. */
    public static Graphics2D wrap(PDFGraphics2D g) {
        return CLIP == null ? g : new PdfClipSkipping(g);
    }

    @Override
    public void draw(Shape s) {
        Stroke st = g.getStroke();
        if (st instanceof BasicStroke b) {
            // widest reach of a stroke beyond the path: half the width, times the miter limit at sharp joins
            double reach = b.getLineWidth() / 2.0 * Math.max(Math.sqrt(2),
                    b.getLineJoin() == BasicStroke.JOIN_MITER ? b.getMiterLimit() : 1);
            if (unclipped(s, reach, true)) {
                return;
            }
        }
        g.draw(s);
    }

    @Override
    public void fill(Shape s) {
        if (!unclipped(s, 0, false)) {
            g.fill(s);
        }
    }

    /** Draws or fills {@code s} without the clip if it lies inside it; returns false (nothing done) otherwise. */
    private boolean unclipped(Shape s, double reach, boolean stroke) {
        try {
            Shape clip = (Shape) CLIP.get(g);
            if (clip == null) {
                return false;
            }
            AffineTransform t = (AffineTransform) TRANSFORM.get(g);
            if (clip != seenClip || t != seenTransform) {
                seenClip = clip;
                seenTransform = t;
                userClip = userRectangle(clip, t);
            }
            if (userClip == null) {
                return false;
            }
            Rectangle2D b = s.getBounds2D();
            // the margin in user units: device points over the (uniform or not) scale of the transform
            double mx = reach + MARGIN / Math.max(1e-12, Math.abs(t.getScaleX()));
            double my = reach + MARGIN / Math.max(1e-12, Math.abs(t.getScaleY()));
            if (!(b.getMinX() - mx >= userClip.getMinX() && b.getMaxX() + mx <= userClip.getMaxX()
                    && b.getMinY() - my >= userClip.getMinY() && b.getMaxY() + my <= userClip.getMaxY())) {
                return false;
            }
            CLIP.set(g, null);
            try {
                if (stroke) {
                    g.draw(s);
                } else {
                    g.fill(s);
                }
            } finally {
                CLIP.set(g, clip);
            }
            return true;
        } catch (IllegalAccessException e) {
            return false;
        }
    }

    /** {@code clip} (device space) in user space if it is an axis-aligned rectangle and {@code t} only scales and moves. */
    public static Rectangle2D userRectangle(Shape clip, AffineTransform t) {
        if (t.getShearX() != 0 || t.getShearY() != 0 || t.getScaleX() == 0 || t.getScaleY() == 0) {
            return null;
        }
        Rectangle2D device = rectangle(clip);
        if (device == null) {
            return null;
        }
        double x0 = (device.getMinX() - t.getTranslateX()) / t.getScaleX();
        double x1 = (device.getMaxX() - t.getTranslateX()) / t.getScaleX();
        double y0 = (device.getMinY() - t.getTranslateY()) / t.getScaleY();
        double y1 = (device.getMaxY() - t.getTranslateY()) / t.getScaleY();
        return new Rectangle2D.Double(Math.min(x0, x1), Math.min(y0, y1), Math.abs(x1 - x0), Math.abs(y1 - y0));
    }

    /** The shape as a rectangle when it is one with sides along the axes (a Rectangle2D or such a closed path). */
    public static Rectangle2D rectangle(Shape s) {
        if (s instanceof Rectangle2D r) {
            return r;
        }
        Rectangle2D b = s.getBounds2D();
        PathIterator it = s.getPathIterator(null);
        double[] c = new double[6];
        double px = Double.NaN;
        double py = Double.NaN;
        int points = 0;
        boolean closed = false;
        while (!it.isDone()) {
            int type = it.currentSegment(c);
            if (closed || type == PathIterator.SEG_QUADTO || type == PathIterator.SEG_CUBICTO
                    || type == PathIterator.SEG_MOVETO && points > 0) {
                return null;
            }
            if (type == PathIterator.SEG_CLOSE) {
                closed = true;
            } else {
                // every vertex on a corner of the bounds: with at most 5 vertices that is the rectangle itself
                boolean cornerX = c[0] == b.getMinX() || c[0] == b.getMaxX();
                boolean cornerY = c[1] == b.getMinY() || c[1] == b.getMaxY();
                // and every side along an axis (no crossed "bow tie" through the same corners)
                boolean alongAxis = points == 0 || c[0] == px || c[1] == py;
                if (!cornerX || !cornerY || !alongAxis || ++points > 5) {
                    return null;
                }
                px = c[0];
                py = c[1];
            }
            it.next();
        }
        return points >= 4 ? b : null;
    }

    // everything below: the page's graphics as is

    @Override
    public Graphics create() {
        Graphics c = g.create();
        return c instanceof PDFGraphics2D p ? wrap(p) : c;
    }

    @Override
    public void drawString(String str, int x, int y) {
        g.drawString(str, x, y);
    }

    @Override
    public void drawString(String str, float x, float y) {
        g.drawString(str, x, y);
    }

    @Override
    public void drawString(AttributedCharacterIterator iterator, int x, int y) {
        g.drawString(iterator, x, y);
    }

    @Override
    public void drawString(AttributedCharacterIterator iterator, float x, float y) {
        g.drawString(iterator, x, y);
    }

    @Override
    public void drawGlyphVector(GlyphVector gv, float x, float y) {
        g.drawGlyphVector(gv, x, y);
    }

    @Override
    public boolean drawImage(Image img, AffineTransform xform, ImageObserver obs) {
        return g.drawImage(img, xform, obs);
    }

    @Override
    public void drawImage(BufferedImage img, BufferedImageOp op, int x, int y) {
        g.drawImage(img, op, x, y);
    }

    @Override
    public void drawRenderedImage(RenderedImage img, AffineTransform xform) {
        g.drawRenderedImage(img, xform);
    }

    @Override
    public void drawRenderableImage(RenderableImage img, AffineTransform xform) {
        g.drawRenderableImage(img, xform);
    }

    @Override
    public boolean hit(Rectangle rect, Shape s, boolean onStroke) {
        return g.hit(rect, s, onStroke);
    }

    @Override
    public GraphicsConfiguration getDeviceConfiguration() {
        return g.getDeviceConfiguration();
    }

    @Override
    public void setComposite(Composite comp) {
        g.setComposite(comp);
    }

    @Override
    public void setPaint(Paint paint) {
        g.setPaint(paint);
    }

    @Override
    public void setStroke(Stroke s) {
        g.setStroke(s);
    }

    @Override
    public void setRenderingHint(RenderingHints.Key hintKey, Object hintValue) {
        g.setRenderingHint(hintKey, hintValue);
    }

    @Override
    public Object getRenderingHint(RenderingHints.Key hintKey) {
        return g.getRenderingHint(hintKey);
    }

    @Override
    public void setRenderingHints(Map<?, ?> hints) {
        g.setRenderingHints(hints);
    }

    @Override
    public void addRenderingHints(Map<?, ?> hints) {
        g.addRenderingHints(hints);
    }

    @Override
    public RenderingHints getRenderingHints() {
        return g.getRenderingHints();
    }

    @Override
    public void translate(int x, int y) {
        g.translate(x, y);
    }

    @Override
    public void translate(double tx, double ty) {
        g.translate(tx, ty);
    }

    @Override
    public void rotate(double theta) {
        g.rotate(theta);
    }

    @Override
    public void rotate(double theta, double x, double y) {
        g.rotate(theta, x, y);
    }

    @Override
    public void scale(double sx, double sy) {
        g.scale(sx, sy);
    }

    @Override
    public void shear(double shx, double shy) {
        g.shear(shx, shy);
    }

    @Override
    public void transform(AffineTransform tx) {
        g.transform(tx);
    }

    @Override
    public void setTransform(AffineTransform tx) {
        g.setTransform(tx);
    }

    @Override
    public AffineTransform getTransform() {
        return g.getTransform();
    }

    @Override
    public Paint getPaint() {
        return g.getPaint();
    }

    @Override
    public Composite getComposite() {
        return g.getComposite();
    }

    @Override
    public void setBackground(Color color) {
        g.setBackground(color);
    }

    @Override
    public Color getBackground() {
        return g.getBackground();
    }

    @Override
    public Stroke getStroke() {
        return g.getStroke();
    }

    @Override
    public void clip(Shape s) {
        g.clip(s);
    }

    @Override
    public FontRenderContext getFontRenderContext() {
        return g.getFontRenderContext();
    }

    @Override
    public Color getColor() {
        return g.getColor();
    }

    @Override
    public void setColor(Color c) {
        g.setColor(c);
    }

    @Override
    public void setPaintMode() {
        g.setPaintMode();
    }

    @Override
    public void setXORMode(Color c1) {
        g.setXORMode(c1);
    }

    @Override
    public Font getFont() {
        return g.getFont();
    }

    @Override
    public void setFont(Font font) {
        g.setFont(font);
    }

    @Override
    public FontMetrics getFontMetrics(Font f) {
        return g.getFontMetrics(f);
    }

    @Override
    public Rectangle getClipBounds() {
        return g.getClipBounds();
    }

    @Override
    public void clipRect(int x, int y, int width, int height) {
        g.clipRect(x, y, width, height);
    }

    @Override
    public void setClip(int x, int y, int width, int height) {
        g.setClip(x, y, width, height);
    }

    @Override
    public Shape getClip() {
        return g.getClip();
    }

    @Override
    public void setClip(Shape clip) {
        g.setClip(clip);
    }

    @Override
    public void copyArea(int x, int y, int width, int height, int dx, int dy) {
        g.copyArea(x, y, width, height, dx, dy);
    }

    @Override
    public void drawLine(int x1, int y1, int x2, int y2) {
        g.drawLine(x1, y1, x2, y2);
    }

    @Override
    public void fillRect(int x, int y, int width, int height) {
        g.fillRect(x, y, width, height);
    }

    @Override
    public void clearRect(int x, int y, int width, int height) {
        g.clearRect(x, y, width, height);
    }

    @Override
    public void drawRoundRect(int x, int y, int width, int height, int arcWidth, int arcHeight) {
        g.drawRoundRect(x, y, width, height, arcWidth, arcHeight);
    }

    @Override
    public void fillRoundRect(int x, int y, int width, int height, int arcWidth, int arcHeight) {
        g.fillRoundRect(x, y, width, height, arcWidth, arcHeight);
    }

    @Override
    public void drawOval(int x, int y, int width, int height) {
        g.drawOval(x, y, width, height);
    }

    @Override
    public void fillOval(int x, int y, int width, int height) {
        g.fillOval(x, y, width, height);
    }

    @Override
    public void drawArc(int x, int y, int width, int height, int startAngle, int arcAngle) {
        g.drawArc(x, y, width, height, startAngle, arcAngle);
    }

    @Override
    public void fillArc(int x, int y, int width, int height, int startAngle, int arcAngle) {
        g.fillArc(x, y, width, height, startAngle, arcAngle);
    }

    @Override
    public void drawPolyline(int[] xPoints, int[] yPoints, int nPoints) {
        g.drawPolyline(xPoints, yPoints, nPoints);
    }

    @Override
    public void drawPolygon(int[] xPoints, int[] yPoints, int nPoints) {
        g.drawPolygon(xPoints, yPoints, nPoints);
    }

    @Override
    public void fillPolygon(int[] xPoints, int[] yPoints, int nPoints) {
        g.fillPolygon(xPoints, yPoints, nPoints);
    }

    @Override
    public boolean drawImage(Image img, int x, int y, ImageObserver observer) {
        return g.drawImage(img, x, y, observer);
    }

    @Override
    public boolean drawImage(Image img, int x, int y, int width, int height, ImageObserver observer) {
        return g.drawImage(img, x, y, width, height, observer);
    }

    @Override
    public boolean drawImage(Image img, int x, int y, Color bgcolor, ImageObserver observer) {
        return g.drawImage(img, x, y, bgcolor, observer);
    }

    @Override
    public boolean drawImage(Image img, int x, int y, int width, int height, Color bgcolor, ImageObserver observer) {
        return g.drawImage(img, x, y, width, height, bgcolor, observer);
    }

    @Override
    public boolean drawImage(Image img, int dx1, int dy1, int dx2, int dy2, int sx1, int sy1, int sx2, int sy2,
            ImageObserver observer) {
        return g.drawImage(img, dx1, dy1, dx2, dy2, sx1, sy1, sx2, sy2, observer);
    }

    @Override
    public boolean drawImage(Image img, int dx1, int dy1, int dx2, int dy2, int sx1, int sy1, int sx2, int sy2,
            Color bgcolor, ImageObserver observer) {
        return g.drawImage(img, dx1, dy1, dx2, dy2, sx1, sy1, sx2, sy2, bgcolor, observer);
    }

    @Override
    public void dispose() {
        g.dispose();
    }
}
