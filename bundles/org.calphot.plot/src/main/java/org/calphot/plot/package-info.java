// SPDX-License-Identifier: EPL-2.0 OR GPL-2.0-or-later
// Copyright (c) 2026 the calphot contributors
/**
 * calphot figures: chart builders that take primitive arrays and small records and return styled
 * {@link org.jfree.chart.JFreeChart}s (or a {@link org.calphot.plot.FigurePage} grid for the corner plot), and
 * {@link org.calphot.plot.FigureExport} for headless PNG and vector PDF export.
 *
 * <ul>
 * <li>{@link org.calphot.plot.LightcurvePage}: flux per band with count-ratio axis, flagged frames marked;</li>
 * <li>{@link org.calphot.plot.ComparisonPage}: pairwise comparison ratios with fitted slopes;</li>
 * <li>{@link org.calphot.plot.CountRatioFigure}, {@link org.calphot.plot.OverplotFigure}: several runs together;</li>
 * <li>{@link org.calphot.plot.ExtinctionFigure}: instrumental magnitude against airmass per aperture;</li>
 * <li>{@link org.calphot.plot.EclipseFitFigure}, {@link org.calphot.plot.OcFigure}: eclipse timing and O−C;</li>
 * <li>{@link org.calphot.plot.CornerPlot}, {@link org.calphot.plot.TraceFigure}: MCMC posterior and traces.</li>
 * </ul>
 * The workbench can show the charts in jfreechart-swt views and call {@link org.calphot.plot.FigureExport#write} for
 * "Save as PNG/PDF" (jfreechart-swt 1.0's own action calls {@code ChartUtilities}, which JFreeChart 1.5 lacks).
 */
@org.osgi.annotation.versioning.Version("1.0.0")
package org.calphot.plot;
