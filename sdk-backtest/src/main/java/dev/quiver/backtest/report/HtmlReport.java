package dev.quiver.backtest.report;

import dev.quiver.api.backtest.Metrics;
import dev.quiver.api.io.AtomicFiles;
import dev.quiver.backtest.sweep.SweepTable;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * A self-contained HTML report that links a backtest's files: headings, paragraphs, metric tables, plots (the PNG
 * shown, linked to its SVG), the top rows of a sweep table and links to data files. Paths are written relative to
 * the report's directory, so the directory can be moved or served as is. The file is written atomically.
 *
 * <pre>{@code
 * HtmlReport.builder("sma_cross(10,50) on SPX")
 *     .metrics("Metrics", result.metrics())
 *     .plot("Equity and drawdown", plot)
 *     .link("Trades (CSV)", dir.resolve("trades.csv"))
 *     .write(dir.resolve("report.html"));
 * }</pre>
 *
 * <p>Thread-safety: not thread-safe; build on one thread.
 */
public final class HtmlReport {
    private final String title;
    private final List<Part> parts = new ArrayList<>();

    private interface Part {
        void render(StringBuilder html, Path dir);
    }

    private HtmlReport(String title) {
        this.title = Objects.requireNonNull(title, "title");
    }

    /** A report with this title. */
    public static HtmlReport builder(String title) {
        return new HtmlReport(title);
    }

    /** Adds a section heading. */
    public HtmlReport heading(String text) {
        parts.add((html, dir) -> html.append("<h2>").append(escape(text)).append("</h2>\n"));
        return this;
    }

    /** Adds a paragraph of text. */
    public HtmlReport paragraph(String text) {
        parts.add((html, dir) -> html.append("<p>").append(escape(text)).append("</p>\n"));
        return this;
    }

    /** Adds a table of a run's metrics. */
    public HtmlReport metrics(String caption, Metrics m) {
        Objects.requireNonNull(m, "metrics");
        String[][] rows = {
                {"total return", pct(m.totalReturn())}, {"annual return (CAGR)", pct(m.annualReturn())},
                {"volatility (annualised)", pct(m.volatility())}, {"Sharpe", num(m.sharpe())},
                {"Sortino", num(m.sortino())}, {"Calmar", num(m.calmar())},
                {"max drawdown", pct(m.maxDrawdown())}, {"max drawdown duration (bars)", num(m.maxDrawdownBars())},
                {"trades", num(m.trades())}, {"win rate", pct(m.winRate())}, {"profit factor", num(m.profitFactor())},
                {"expectancy (per trade)", num(m.expectancy())}, {"exposure", pct(m.exposure())},
                {"turnover (per year)", num(m.turnover())}};
        parts.add((html, dir) -> {
            html.append("<table class=\"kv\"><caption>").append(escape(caption)).append("</caption>\n");
            for (String[] r : rows) {
                html.append("<tr><th>").append(r[0]).append("</th><td>").append(r[1]).append("</td></tr>\n");
            }
            html.append("</table>\n");
        });
        return this;
    }

    /** Adds a plot: its PNG, linked to its SVG. */
    public HtmlReport plot(String caption, Plot plot) {
        Objects.requireNonNull(plot, "plot");
        parts.add((html, dir) -> {
            String png = relative(dir, plot.png());
            String svg = relative(dir, plot.svg());
            html.append("<figure><a href=\"").append(escape(svg)).append("\"><img src=\"").append(escape(png))
                    .append("\" alt=\"").append(escape(caption)).append("\"></a><figcaption>")
                    .append(escape(caption)).append(" (<a href=\"").append(escape(svg)).append("\">SVG</a>)")
                    .append("</figcaption></figure>\n");
        });
        return this;
    }

    /** Adds the first {@code maxRows} rows of a sweep table with the given metric columns. */
    public HtmlReport table(String caption, SweepTable table, int maxRows, List<String> metrics) {
        Objects.requireNonNull(table, "table");
        List<String> columns = List.copyOf(metrics);
        parts.add((html, dir) -> {
            html.append("<table class=\"grid\"><caption>").append(escape(caption)).append("</caption>\n<tr><th>#</th>")
                    .append("<th>run</th><th>status</th>");
            for (String c : columns) {
                html.append("<th>").append(escape(c)).append("</th>");
            }
            html.append("</tr>\n");
            for (int i = 0; i < Math.min(maxRows, table.size()); i++) {
                html.append("<tr><td>").append(i + 1).append("</td><td>").append(escape(table.run(i)))
                        .append("</td><td>").append(table.completed(i) ? "ok"
                                : "<span class=\"err\" title=\"" + escape(table.error(i)) + "\">failed</span>")
                        .append("</td>");
                for (String c : columns) {
                    html.append("<td>").append(table.completed(i) ? num(table.metric(i, c)) : "").append("</td>");
                }
                html.append("</tr>\n");
            }
            html.append("</table>\n");
        });
        return this;
    }

    /** Adds a link to a file. */
    public HtmlReport link(String text, Path file) {
        parts.add((html, dir) -> html.append("<p><a href=\"").append(escape(relative(dir, file))).append("\">")
                .append(escape(text)).append("</a></p>\n"));
        return this;
    }

    /** The HTML text, with paths relative to {@code dir}. */
    public String render(Path dir) {
        StringBuilder html = new StringBuilder(4096);
        html.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>").append(escape(title))
                .append("</title>\n<style>body{font-family:sans-serif;margin:2em;max-width:1200px}"
                        + "table{border-collapse:collapse;margin:1em 0}th,td{border:1px solid #ccc;padding:3px 8px;"
                        + "text-align:right}th{background:#f3f3f3}td:nth-child(2){text-align:left}"
                        + "caption{font-weight:bold;text-align:left}img{max-width:100%}.err{color:#b00}"
                        + "table.kv th{text-align:left}</style>\n</head><body>\n<h1>")
                .append(escape(title)).append("</h1>\n");
        for (Part p : parts) {
            p.render(html, dir);
        }
        html.append("<p><small>Quiver backtest report. Returns are fractions of equity shown in percent; ratios are "
                + "annualised with a risk-free rate of 0 (see docs/backtest.md).</small></p>\n</body></html>\n");
        return html.toString();
    }

    /**
     * Writes the report.
     *
     * @throws IOException if the file cannot be written
     */
    public void write(Path file) throws IOException {
        String html = render(file.toAbsolutePath().getParent());
        AtomicFiles.writeText(file, w -> w.write(html));
    }

    private static String relative(Path dir, Path file) {
        Path abs = file.toAbsolutePath().normalize();
        Path base = dir.toAbsolutePath().normalize();
        return (abs.startsWith(base) ? base.relativize(abs) : abs).toString().replace('\\', '/');
    }

    private static String pct(double v) {
        return Double.isNaN(v) ? "–" : String.format(Locale.ROOT, "%.2f %%", 100 * v);
    }

    private static String num(double v) {
        if (Double.isNaN(v)) {
            return "–";
        }
        if (Double.isInfinite(v)) {
            return v > 0 ? "∞" : "−∞";
        }
        return v == Math.rint(v) && Math.abs(v) < 1e12 ? Long.toString((long) v)
                : String.format(Locale.ROOT, "%.4f", v);
    }

    static String escape(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '&' -> b.append("&amp;");
                case '"' -> b.append("&quot;");
                default -> b.append(c);
            }
        }
        return b.toString();
    }
}
