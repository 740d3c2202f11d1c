// SPDX-License-Identifier: EPL-2.0 OR GPL-2.0-or-later
// Copyright (c) 2026 the calphot contributors
package org.calphot.plot;

import java.awt.Color;
import java.awt.Dimension;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import java.util.ArrayList;
import java.util.List;

import org.jfree.chart.ChartRenderingInfo;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.AxisSpace;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.ui.Drawable;
import org.jfree.chart.ui.RectangleInsets;

/**
 * A page of panels in a grid whose plot areas line up exactly: only the left column carries y tick labels and only
 * the bottom row x tick labels, in fixed margins, as in a corner plot. Each cell is an untitled {@link JFreeChart}
 * with an {@link XYPlot}; a cell may be empty (null). An optional caption is drawn above each cell's plot area.
 */
public final class FigurePage implements Drawable {

    /** Height (or, rotated, width) kept for an axis label of up to two lines, drawing units. */
    static final double LABEL_BAND = 48;
    /** Room for y tick labels in the left column. */
    static final double Y_TICK_SPACE = 66;
    /** Room for x tick labels in the bottom row. */
    static final double X_TICK_SPACE = 28;

    private final String title;
    private final int rows;
    private final int cols;
    private final JFreeChart[] cells;
    private final String[] captions;
    private final String[] xLabels;
    private final String[] yLabels;
    private final double gap;
    private final Dimension preferred;
    /** Plot areas of the cells as last drawn, drawing units (for pointer read-outs in a view). */
    private final Rectangle2D[] drawnAreas;

    /**
     * @param cells    row-major, {@code rows × cols}, null for an empty cell
     * @param captions row-major, null or per-cell null for none
     * @param xLabels  per column, drawn under the lowest cell of the column (null for none)
     * @param yLabels  per row, drawn left of the first column (null for none)
     * @param gap      space between cells, drawing units
     */
    public FigurePage(String title, int rows, int cols, JFreeChart[] cells, String[] captions, String[] xLabels,
            String[] yLabels, double gap, Dimension preferred) {
        if (rows < 1 || cols < 1 || cells.length != rows * cols
                || (captions != null && captions.length != cells.length)
                || (xLabels != null && xLabels.length != cols) || (yLabels != null && yLabels.length != rows)) {
            throw new IllegalArgumentException("grid shape does not match the cells or labels");
        }
        this.title = title;
        this.rows = rows;
        this.cols = cols;
        this.cells = cells.clone();
        this.captions = captions == null ? new String[cells.length] : captions.clone();
        this.xLabels = xLabels == null ? new String[cols] : xLabels.clone();
        this.yLabels = yLabels == null ? new String[rows] : yLabels.clone();
        this.gap = gap;
        this.preferred = preferred;
        this.drawnAreas = new Rectangle2D[cells.length];
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                JFreeChart ch = cells[r * cols + c];
                if (ch == null) {
                    continue;
                }
                ch.setPadding(RectangleInsets.ZERO_INSETS);
                ch.setBorderVisible(false);
                XYPlot p = ch.getXYPlot();
                p.setInsets(RectangleInsets.ZERO_INSETS);
                // the page draws the axis labels itself (wrapped when long); cells keep only tick labels
                p.getRangeAxis().setLabel(null);
                p.getDomainAxis().setLabel(null);
                boolean leftCol = c == 0;
                boolean bottomRow = isBottom(r, c);
                AxisSpace ys = new AxisSpace();
                ys.setLeft(leftCol ? Y_TICK_SPACE : 0);
                AxisSpace xs = new AxisSpace();
                xs.setBottom(bottomRow ? X_TICK_SPACE : 0);
                p.setFixedRangeAxisSpace(ys);
                p.setFixedDomainAxisSpace(xs);
                if (!leftCol) {
                    p.getRangeAxis().setTickLabelsVisible(false);
                }
                if (!bottomRow) {
                    p.getDomainAxis().setTickLabelsVisible(false);
                }
            }
        }
    }

    private boolean isBottom(int r, int c) {
        return r == rows - 1 || cells[(r + 1) * cols + c] == null;
    }

    public String title() {
        return title;
    }

    public int rows() {
        return rows;
    }

    public int cols() {
        return cols;
    }

    /** The cell at (row, col), or null. */
    public JFreeChart cell(int row, int col) {
        return cells[row * cols + col];
    }

    public List<JFreeChart> charts() {
        List<JFreeChart> l = new ArrayList<>();
        for (JFreeChart c : cells) {
            if (c != null) {
                l.add(c);
            }
        }
        return l;
    }

    public String caption(int row, int col) {
        return captions[row * cols + col];
    }

    /** The x axis label of a column, or null. */
    public String xLabel(int col) {
        return xLabels[col];
    }

    /** The y axis label of a row, or null. */
    public String yLabel(int row) {
        return yLabels[row];
    }

    /**
     * The plot (data) area of a cell when the page was last drawn, in drawing units of that draw; null before the
     * first draw or for an empty cell. A view maps the pointer to data values with the cell's axes and this area.
     */
    public synchronized Rectangle2D drawnDataArea(int row, int col) {
        Rectangle2D a = drawnAreas[row * cols + col];
        return a == null ? null : (Rectangle2D) a.clone();
    }

    public Dimension preferredSize() {
        return preferred;
    }

    @Override
    public synchronized void draw(Graphics2D g, Rectangle2D area) {
        g.setColor(Color.WHITE);
        g.fill(area);
        double top = area.getY() + 8;
        if (title != null && !title.isBlank()) {
            g.setFont(FigureStyle.TITLE_FONT);
            g.setColor(Color.BLACK);
            FontMetrics fm = g.getFontMetrics();
            // two lines when one would not fit (a narrow view): broken after ": " or ", " or a space
            List<String> lines = new ArrayList<>();
            if (fm.getStringBounds(title, g).getWidth() > area.getWidth() - 16) {
                int k = title.indexOf(": ");
                k = k > 0 ? k + 1 : title.lastIndexOf(", ") > 0 ? title.lastIndexOf(", ") + 1
                        : title.lastIndexOf(' ', title.length() / 2 + 8);
                if (k > 0) {
                    lines.add(title.substring(0, k).strip());
                    lines.add(title.substring(k).strip());
                }
            }
            if (lines.isEmpty()) {
                lines.add(title);
            }
            for (String line : lines) {
                float w = (float) fm.getStringBounds(line, g).getWidth();
                g.drawString(line, (float) (area.getCenterX() - w / 2), (float) (top + fm.getAscent()));
                top += fm.getHeight();
            }
            top += 6;
        }
        // room for the captions above the first row: two lines in case one must wrap
        Font capFont = FigureStyle.ANNOTATION_FONT;
        FontMetrics cfm = g.getFontMetrics(capFont);
        boolean anyTopCaption = false;
        for (int c = 0; c < cols; c++) {
            anyTopCaption |= captions[c] != null;
        }
        if (anyTopCaption) {
            top += 2 * cfm.getHeight() + 4;
        }
        double left = Y_TICK_SPACE + LABEL_BAND;
        double bottom = X_TICK_SPACE + LABEL_BAND;
        double x0 = area.getX() + left;
        double right = area.getMaxX() - 14;
        double bottomY = area.getMaxY() - bottom;
        double cw = (right - x0 - gap * (cols - 1)) / cols;
        double chh = (bottomY - top - gap * (rows - 1)) / rows;
        Font labelFont = FigureStyle.AXIS_LABEL_FONT;
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                JFreeChart ch = cells[r * cols + c];
                double px = x0 + c * (cw + gap);
                double py = top + r * (chh + gap);
                if (ch != null) {
                    XYPlot p = ch.getXYPlot();
                    double l = p.getFixedRangeAxisSpace().getLeft();
                    double b = p.getFixedDomainAxisSpace().getBottom();
                    ChartRenderingInfo info = new ChartRenderingInfo(null);
                    ch.draw(g, new Rectangle2D.Double(px - l, py, cw + l, chh + b), info);
                    drawnAreas[r * cols + c] = (Rectangle2D) info.getPlotInfo().getDataArea().clone();
                    if (isBottom(r, c) && xLabels[c] != null) {
                        drawLabel(g, xLabels[c], labelFont, px, py + chh + X_TICK_SPACE, cw, false);
                    }
                }
                String cap = captions[r * cols + c];
                if (cap != null) {
                    drawCaption(g, cap, capFont, px, py, cw);
                }
            }
            if (yLabels[r] != null) {
                double py = top + r * (chh + gap);
                drawLabel(g, yLabels[r], labelFont, area.getX() + 2, py, chh, true);
            }
        }
    }

    /**
     * An axis label centred along a cell side: under the cell (x) or rotated left of it (y), wrapped onto a second
     * line before " [" or " − " when one line is longer than the side.
     */
    private static void drawLabel(Graphics2D g, String text, Font font, double x, double y, double length,
            boolean vertical) {
        g.setFont(font);
        g.setColor(Color.BLACK);
        FontMetrics fm = g.getFontMetrics();
        List<String> lines = wrap(text, fm, g, length);
        java.awt.geom.AffineTransform saved = g.getTransform();
        if (vertical) {
            // rotate so the text runs bottom-to-top; (x, y) is the top of the cell's left band
            g.translate(x, y + length);
            g.rotate(-Math.PI / 2);
            x = 0;
            y = 0;
        }
        double base = y + fm.getAscent() + 2 + (lines.size() == 1 ? fm.getHeight() / 2.0 : 0);
        for (String line : lines) {
            double lw = fm.getStringBounds(line, g).getWidth();
            g.drawString(line, (float) (x + (length - lw) / 2), (float) base);
            base += fm.getHeight();
        }
        g.setTransform(saved);
    }

    private static List<String> wrap(String text, FontMetrics fm, Graphics2D g, double length) {
        List<String> lines = new ArrayList<>();
        if (fm.getStringBounds(text, g).getWidth() <= length) {
            lines.add(text);
            return lines;
        }
        int k = text.indexOf(" [");
        if (k < 0) {
            k = text.indexOf(" \u2212 ");
        }
        if (k < 0) {
            k = text.lastIndexOf(' ');
        }
        if (k > 0) {
            lines.add(text.substring(0, k));
            lines.add(text.substring(k + 1));
        } else {
            lines.add(text);
        }
        return lines;
    }

    /** Centred above the plot area; wrapped after " = " onto two lines when one would be wider than the cell. */
    private static void drawCaption(Graphics2D g, String cap, Font font, double x, double y, double w) {
        g.setFont(font);
        g.setColor(Color.BLACK);
        FontMetrics fm = g.getFontMetrics();
        List<String> lines = new ArrayList<>();
        if (fm.getStringBounds(cap, g).getWidth() <= w) {
            lines.add(cap);
        } else {
            int k = cap.indexOf(" = ");
            if (k > 0) {
                lines.add(cap.substring(0, k) + " =");
                lines.add(cap.substring(k + 3));
            } else {
                lines.add(cap);
            }
        }
        double base = y - 4 - (lines.size() - 1) * fm.getHeight() - fm.getDescent();
        for (String line : lines) {
            double lw = fm.getStringBounds(line, g).getWidth();
            g.drawString(line, (float) (x + (w - lw) / 2), (float) base);
            base += fm.getHeight();
        }
    }
}
