package dev.quiver.portfolio.report;

import dev.quiver.api.table.Float64Column;
import dev.quiver.api.table.Int64Column;
import dev.quiver.api.table.LogicalType;
import dev.quiver.api.table.Table;
import dev.quiver.io.TableFiles;
import dev.quiver.io.json.JsonFiles;
import dev.quiver.portfolio.PnlMatrix;
import dev.quiver.portfolio.objective.PnlStatistics;
import dev.quiver.portfolio.search.PortfolioProblem;
import dev.quiver.portfolio.search.SearchResult;
import dev.quiver.report.HtmlReport;
import dev.quiver.report.OutputDirectory;
import dev.quiver.report.Plot;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Writes a portfolio search's outputs into a directory, whole (a failed or interrupted write leaves the previous
 * outputs as they were; see {@link OutputDirectory}):
 * <ul>
 *   <li>{@code portfolio.json}: {@code algorithm, seed, size, objective, fitness, strategies} (names in the input's
 *       spelling), {@code inverted} (the chosen strategies that entered negated), {@code roi, max_drawdown,
 *       mean_correlation, evaluations, seconds}; with several algorithms, {@code summary.json} holds one such object
 *       per algorithm (best fitness first) and {@code <algorithm>/} each one's files;
 *   <li>{@code equity.csv}: {@code date, pnl, equity, drawdown} (equity the running sum from 0, drawdown the fall
 *       from the running peak, ≤ 0);
 *   <li>{@code equity.png/.svg} (equity over drawdown), {@code correlation.png/.svg} (the chosen strategies'
 *       correlations), {@code convergence.png/.svg} (best fitness against evaluations, every algorithm on one chart);
 *   <li>{@code report.html} tying them together, with the chosen strategies' own figures.
 * </ul>
 * Figures are recomputed from scratch by {@link PortfolioProblem#evaluate}.
 *
 * <p>Thread-safety: stateless; safe from any thread.
 */
public final class PortfolioReport {
    private PortfolioReport() {
    }

    /**
     * What was written.
     *
     * <p>Thread-safety: immutable.
     *
     * @param report the HTML report
     * @param json {@code portfolio.json} or {@code summary.json}
     * @param best the best result (the only one, or the fittest of several)
     * @param plotNanos the time spent drawing plots, part of the write
     */
    public record Written(Path report, Path json, SearchResult best, long plotNanos) {
    }

    /**
     * Writes the outputs of one or several searches of {@code problem}.
     *
     * @param title what the report is about (the input file)
     * @param inverted the strategies of the problem's matrix that entered negated (by {@code --invert}), by index
     * @throws IOException if a file cannot be written
     * @throws IllegalArgumentException if there are no results or the directory holds other files
     */
    public static Written write(Path dir, String title, PortfolioProblem problem, List<SearchResult> results,
                                Set<Integer> inverted) throws IOException {
        Objects.requireNonNull(problem, "problem");
        if (results.isEmpty()) {
            throw new IllegalArgumentException("no search result to write");
        }
        List<SearchResult> ordered = new ArrayList<>(results);
        ordered.sort(Comparator.comparingDouble(SearchResult::fitness).reversed()
                .thenComparing(SearchResult::algorithm));
        SearchResult best = ordered.getFirst();
        boolean several = results.size() > 1;
        long[] plotNanos = new long[1];
        OutputDirectory.write(dir, "portfolio report", tmp -> {
            if (several) {
                List<Map<String, Object>> summary = new ArrayList<>();
                for (SearchResult r : ordered) {
                    Path sub = tmp.resolve(r.algorithm());
                    Files.createDirectories(sub);
                    one(sub, title, problem, r, inverted, List.of(r), plotNanos);
                    summary.add(json(problem, r, inverted));
                }
                JsonFiles.write(tmp.resolve("summary.json"), summary);
                summaryReport(tmp, title, problem, ordered, plotNanos);
            } else {
                one(tmp, title, problem, best, inverted, results, plotNanos);
            }
        });
        return new Written(dir.resolve("report.html"), dir.resolve(several ? "summary.json" : "portfolio.json"),
                best, plotNanos[0]);
    }

    private static void one(Path dir, String title, PortfolioProblem problem, SearchResult r, Set<Integer> inverted,
                            List<SearchResult> curves, long[] plotNanos) throws IOException {
        int[] members = r.members();
        PortfolioProblem.Evaluation e = problem.evaluate(members);
        JsonFiles.write(dir.resolve("portfolio.json"), json(problem, r, inverted));
        Path equityCsv = dir.resolve("equity.csv");
        writeEquity(problem.matrix(), e.pnl(), equityCsv);
        long p0 = System.nanoTime();
        Plot equity = PortfolioPlots.equity(problem.matrix().dates(), e.pnl(), r.algorithm() + ": " + members.length
                + " strategies of " + title, dir);
        Plot correlation = PortfolioPlots.correlation(problem, members, dir);
        Plot convergence = PortfolioPlots.convergence(curves, dir);
        plotNanos[0] += System.nanoTime() - p0;

        PnlMatrix m = problem.matrix();
        List<List<String>> rows = new ArrayList<>();
        for (int i = 0; i < members.length; i++) {
            double[] own = m.row(members[i]);
            rows.add(List.of(Integer.toString(i + 1), m.name(members[i]),
                    inverted.contains(members[i]) ? "yes" : "", HtmlReport.number(round(PnlStatistics.roi(own))),
                    HtmlReport.number(round(PnlStatistics.maxDrawdown(own))),
                    HtmlReport.number(PnlStatistics.ratio(own))));
        }
        HtmlReport.builder("Portfolio: " + r.algorithm() + " on " + title)
                .paragraph(members.length + " of " + problem.strategies() + " strategies over " + problem.days()
                        + " days (" + LocalDate.ofEpochDay(m.date(0)) + " to "
                        + LocalDate.ofEpochDay(m.date(m.days() - 1)) + "), objective " + problem.objective().name()
                        + ", correlation penalty " + problem.correlationPenalty() + ", seed " + r.seed() + ".")
                .keyValues("Figures", List.of(
                        new String[] {"fitness", HtmlReport.number(e.fitness())},
                        new String[] {problem.objective().name() + " (before the penalty)",
                                HtmlReport.number(e.score())},
                        new String[] {"ROI (total P&L)", HtmlReport.number(round(e.roi()))},
                        new String[] {"max drawdown", HtmlReport.number(round(e.maxDrawdown()))},
                        new String[] {"mean pairwise correlation", HtmlReport.number(e.meanCorrelation())},
                        new String[] {"evaluations", HtmlReport.number(r.evaluations())},
                        new String[] {"seconds", String.format(java.util.Locale.ROOT, "%.3f", r.seconds())}))
                .plot("Equity (running sum of the portfolio's daily P&L) over its drawdown", equity)
                .table("The chosen strategies", List.of("#", "strategy", "inverted", "ROI", "max drawdown",
                        "ROI / drawdown"), rows)
                .plot("Correlation of the chosen strategies", correlation)
                .plot("Best fitness against evaluations", convergence)
                .link("Portfolio (JSON)", dir.resolve("portfolio.json"))
                .link("Daily P&L, equity and drawdown (CSV)", equityCsv)
                .footer(FOOTER)
                .write(dir.resolve("report.html"));
    }

    private static final String FOOTER = "Quiver portfolio report. P&L in the input's units; equity starts at 0; "
            + "max drawdown is the largest fall of equity from its running peak (the peak starts at 0); fitness = "
            + "objective × (1 − w × mean pairwise Pearson correlation); see docs/portfolio.md.";

    private static void summaryReport(Path dir, String title, PortfolioProblem problem, List<SearchResult> ordered,
                                      long[] plotNanos) throws IOException {
        SearchResult best = ordered.getFirst();
        PortfolioProblem.Evaluation e = problem.evaluate(best.members());
        long p0 = System.nanoTime();
        Plot convergence = PortfolioPlots.convergence(ordered, dir);
        Plot equity = PortfolioPlots.equity(problem.matrix().dates(), e.pnl(), "best: " + best.algorithm() + " on "
                + title, dir);
        plotNanos[0] += System.nanoTime() - p0;
        List<List<String>> rows = new ArrayList<>();
        for (SearchResult r : ordered) {
            PortfolioProblem.Evaluation re = problem.evaluate(r.members());
            rows.add(List.of(r.algorithm(), HtmlReport.number(re.fitness()), HtmlReport.number(round(re.roi())),
                    HtmlReport.number(round(re.maxDrawdown())), HtmlReport.number(re.meanCorrelation()),
                    HtmlReport.number(r.evaluations()), String.format(java.util.Locale.ROOT, "%.3f", r.seconds())));
        }
        HtmlReport html = HtmlReport.builder("Portfolio search: " + ordered.size() + " algorithms on " + title)
                .paragraph(problem.size() + " of " + problem.strategies() + " strategies over " + problem.days()
                        + " days, objective " + problem.objective().name() + ", correlation penalty "
                        + problem.correlationPenalty() + ".")
                .table("Algorithms, best first", List.of("algorithm", "fitness", "ROI", "max drawdown",
                        "mean correlation", "evaluations", "seconds"), rows)
                .plot("Best fitness against evaluations, every algorithm", convergence)
                .plot("Equity of the best portfolio (" + best.algorithm() + ")", equity);
        for (SearchResult r : ordered) {
            html.link(r.algorithm() + ": its report", dir.resolve(r.algorithm()).resolve("report.html"));
        }
        html.link("Summary (JSON)", dir.resolve("summary.json")).footer(FOOTER).write(dir.resolve("report.html"));
    }

    /** The object of portfolio.json and of each entry of summary.json. */
    static Map<String, Object> json(PortfolioProblem problem, SearchResult r, Set<Integer> inverted) {
        PortfolioProblem.Evaluation e = problem.evaluate(r.members());
        Map<String, Object> o = new LinkedHashMap<>();
        o.put("algorithm", r.algorithm());
        o.put("seed", r.seed());
        o.put("size", r.members().length);
        o.put("objective", problem.objective().name());
        o.put("fitness", finite(e.fitness()));
        List<String> names = new ArrayList<>();
        List<String> negated = new ArrayList<>();
        for (int s : r.members()) {
            names.add(problem.matrix().name(s));
            if (inverted.contains(s)) {
                negated.add(problem.matrix().name(s));
            }
        }
        o.put("strategies", names);
        o.put("inverted", negated);
        o.put("roi", finite(e.roi()));
        o.put("max_drawdown", finite(e.maxDrawdown()));
        o.put("mean_correlation", finite(e.meanCorrelation()));
        o.put("correlation_penalty", problem.correlationPenalty());
        o.put("evaluations", r.evaluations());
        o.put("seconds", r.seconds());
        return o;
    }

    private static Double finite(double v) {
        return Double.isFinite(v) ? v : null;
    }

    /** P&amp;L sums shown to the cent (summing may leave 1e-12 residues). */
    private static double round(double v) {
        return Math.round(v * 100) / 100.0;
    }

    /** {@code date, pnl, equity, drawdown}. */
    static void writeEquity(PnlMatrix m, double[] pnl, Path file) {
        int n = pnl.length;
        long[] dates = new long[n];
        double[] equity = new double[n];
        double[] drawdown = new double[n];
        double e = 0;
        double peak = 0;
        for (int d = 0; d < n; d++) {
            dates[d] = m.date(d) * 86_400_000L;
            e += pnl[d];
            peak = Math.max(peak, e);
            equity[d] = e;
            drawdown[d] = e - peak;
        }
        try (Table t = Table.of(Int64Column.wrap("date", dates).withLogicalType(LogicalType.DATE),
                Float64Column.wrap("pnl", pnl.clone()), Float64Column.wrap("equity", equity),
                Float64Column.wrap("drawdown", drawdown))) {
            TableFiles.write(t, file);
        }
    }
}
