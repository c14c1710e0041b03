package dev.quiver.report;

import java.awt.Color;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.style.Styler;

/**
 * The look every Quiver line chart shares: white background, light grid, legend inside the top left, monthly date
 * labels, thousands separators.
 *
 * <p>Thread-safety: stateless; safe from any thread (a chart itself is not).
 */
public final class ChartStyle {
    private ChartStyle() {
    }

    /** Applies the style to {@code chart} and returns it. */
    public static XYChart plain(XYChart chart) {
        var s = chart.getStyler();
        s.setLegendPosition(Styler.LegendPosition.InsideNW);
        s.setDatePattern("yyyy-MM");
        s.setChartBackgroundColor(Color.WHITE);
        s.setPlotBackgroundColor(Color.WHITE);
        s.setPlotGridLinesColor(new Color(225, 225, 225));
        s.setChartTitleBoxVisible(false);
        s.setYAxisDecimalPattern("#,##0.##");
        s.setMarkerSize(7);
        s.setXAxisMaxLabelCount(16);
        return chart;
    }
}
