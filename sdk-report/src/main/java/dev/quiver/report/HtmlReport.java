package dev.quiver.report;

import dev.quiver.api.io.AtomicFiles;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * A self-contained HTML report that links a run's files: headings, paragraphs, tables of figures, plots (the PNG
 * shown, linked to its SVG) and links to data files. Paths are written relative to
 * the report's directory, so the directory can be moved or served as is. The file is written atomically.
 *
 * <pre>{@code
 * HtmlReport.builder("sma_cross(10,50) on SPX")
 *     .keyValues("Metrics", List.of(new String[] {"Sharpe", "1.23"}))
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
    private String footer = "";

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

    /**
     * Adds a two-column table of names and values (a run's metrics, a portfolio's figures).
     *
     * @param rows pairs of {@code {name, value}}, shown as given
     */
    public HtmlReport keyValues(String caption, List<String[]> rows) {
        List<String[]> copy = List.copyOf(rows);
        parts.add((html, dir) -> {
            html.append("<table class=\"kv\"><caption>").append(escape(caption)).append("</caption>\n");
            for (String[] r : copy) {
                html.append("<tr><th>").append(escape(r[0])).append("</th><td>").append(escape(r[1]))
                        .append("</td></tr>\n");
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

    /**
     * Adds a table with a header row; cells are text, shown as given (numbers formatted by the caller, for example
     * with {@link #number}).
     */
    public HtmlReport table(String caption, List<String> header, List<List<String>> rows) {
        List<String> head = List.copyOf(header);
        List<List<String>> body = rows.stream().map(List::copyOf).toList();
        parts.add((html, dir) -> {
            html.append("<table class=\"grid\"><caption>").append(escape(caption)).append("</caption>\n<tr>");
            for (String h : head) {
                html.append("<th>").append(escape(h)).append("</th>");
            }
            html.append("</tr>\n");
            for (List<String> row : body) {
                html.append("<tr>");
                for (String cell : row) {
                    html.append("<td>").append(escape(cell)).append("</td>");
                }
                html.append("</tr>\n");
            }
            html.append("</table>\n");
        });
        return this;
    }

    /** Sets the small print at the end of the report (conventions, units); none by default. */
    public HtmlReport footer(String text) {
        this.footer = Objects.requireNonNull(text, "text");
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
        if (!footer.isEmpty()) {
            html.append("<p><small>").append(escape(footer)).append("</small></p>\n");
        }
        html.append("</body></html>\n");
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

    /** {@code v} as a percentage with two decimals ({@code 0.1234} → {@code 12.34 %}); {@code –} for NaN. */
    public static String percent(double v) {
        return Double.isNaN(v) ? "–" : String.format(Locale.ROOT, "%.2f %%", 100 * v);
    }

    /** {@code v} as a whole number when it is one, else with four decimals; {@code –} for NaN, ∞ for infinities. */
    public static String number(double v) {
        if (Double.isNaN(v)) {
            return "–";
        }
        if (Double.isInfinite(v)) {
            return v > 0 ? "∞" : "−∞";
        }
        return v == Math.rint(v) && Math.abs(v) < 1e12 ? Long.toString((long) v)
                : String.format(Locale.ROOT, "%.4f", v);
    }

    /** {@code s} with HTML's special characters escaped. */
    public static String escape(String s) {
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
