package org.calphot.ui.internal;

import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.ui.part.ViewPart;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.swt.ChartComposite;
import org.jfree.data.xy.XYSeriesCollection;

/** Lightcurve plot: flux against BMJD(TDB) or phase. Empty until a lightcurve is opened. */
public final class LightcurveView extends ViewPart {

    private ChartComposite chart;
    private final XYSeriesCollection data = new XYSeriesCollection();

    @Override
    public void createPartControl(Composite parent) {
        JFreeChart c = ChartFactory.createScatterPlot("No lightcurve open", "BMJD (TDB)", "Flux (mJy)", data,
                PlotOrientation.VERTICAL, true, true, false);
        chart = new ChartComposite(parent, SWT.NONE, c, true);
    }

    public XYSeriesCollection data() {
        return data;
    }

    @Override
    public void setFocus() {
        chart.setFocus();
    }
}
