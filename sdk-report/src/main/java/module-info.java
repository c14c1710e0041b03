/**
 * Quiver's reports: charts written as a PNG and an SVG of the same drawing ({@link dev.quiver.report.ChartFiles},
 * headless) and self-contained HTML reports that link them ({@link dev.quiver.report.HtmlReport}); the backtest and
 * portfolio reports are built from them.
 */
module dev.quiver.report {
    requires transitive dev.quiver.api;
    requires transitive java.desktop;
    // automatic modules (no module descriptor in their jars)
    requires transitive xchart;
    requires VectorGraphics2D;

    exports dev.quiver.report;
}
