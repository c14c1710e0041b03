package dev.quiver.cli;

import dev.quiver.api.table.Float64Column;
import dev.quiver.api.table.Int32Column;
import dev.quiver.api.table.StringColumn;
import dev.quiver.api.table.Table;
import dev.quiver.cli.io.OutputPaths;
import dev.quiver.gpu.cuda.correlation.CudaCorrelation;
import dev.quiver.gpu.cuda.correlation.Neighbours;
import dev.quiver.io.TableFiles;
import dev.quiver.portfolio.PnlMatrix;
import dev.quiver.portfolio.correlation.CorrelationMatrix;
import dev.quiver.portfolio.correlation.CorrelationPair;
import dev.quiver.portfolio.correlation.Correlations;
import dev.quiver.portfolio.correlation.StrategyRanking;
import dev.quiver.portfolio.objective.Objective;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code quiver correlate}: Pearson correlations of strategies from a wide daily P&amp;L file, as a blocked matrix
 * product: the N × N matrix of the top N strategies by a metric, or the K most correlated pairs of the whole
 * universe (streamed, never the full matrix).
 *
 * <pre>
 * quiver correlate --input strategies.csv --top 1000 --output correlation.csv
 * quiver correlate --input strategies.csv --pairs 1000 --output pairs.csv
 * </pre>
 *
 * <p>Thread-safety: a command object serves one invocation.
 */
@Command(name = "correlate", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Correlations of strategies from a wide daily P&L file: the N × N matrix of the top N "
                + "(names as header", "and first column), or the K most correlated pairs of all (a,b,correlation). "
                + "A strategy with zero", "variance has correlation 0 with every other (docs/portfolio.md)."})
final class CorrelateCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Option(names = "--input", paramLabel = "FILE", required = true,
            description = "The P&L matrix: CSV, Parquet or Arrow, wide (Date plus one column per strategy).")
    private Path input;

    @Option(names = "--top", paramLabel = "N", description = "The matrix of the N best strategies by --by.")
    private Integer top;

    @Option(names = "--by", paramLabel = "METRIC", defaultValue = "roi",
            description = "roi (total P&L), sharpe, ratio, sortino, calmar, win_rate, profit_factor.")
    private String by;

    @Option(names = "--pairs", paramLabel = "K", description = "The K most correlated pairs of the whole universe.")
    private Integer pairs;

    @Option(names = "--neighbours", paramLabel = "K",
            description = "Each strategy's K most correlated others (strategy,rank,other,correlation); on the GPU "
                    + "with --device gpu or auto.")
    private Integer neighbours;

    @Option(names = "--device", paramLabel = "DEVICE", defaultValue = "auto",
            description = "auto, cpu or gpu: where --neighbours runs (--top and --pairs run on the CPU).")
    private String device;

    @Option(names = "--order", paramLabel = "ORDER", defaultValue = "highest",
            description = "Which pairs: highest, lowest (most negative) or absolute.")
    private String order;

    @Option(names = "--output", paramLabel = "FILE", required = true,
            description = "Output file; its extension picks the format (.csv, .parquet, .arrow, .arrows).")
    private Path output;

    @Option(names = "--threads", paramLabel = "N", description = "Threads (default: every core).")
    private Integer threads;

    @Mixin
    private TableFileOptions files;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        if ((top == null ? 0 : 1) + (pairs == null ? 0 : 1) + (neighbours == null ? 0 : 1) != 1) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "give one of --top N, --pairs K or --neighbours K");
        }
        if ((top != null && top < 1) || (pairs != null && pairs < 1) || (neighbours != null && neighbours < 1)) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "--top, --pairs and --neighbours must be positive");
        }
        String where = device.strip().toLowerCase(Locale.ROOT);
        if (!List.of("auto", "cpu", "gpu").contains(where)) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--device '" + device
                    + "' is not auto, cpu or gpu");
        }
        int threadCount = threads == null ? Runtime.getRuntime().availableProcessors() : threads;
        if (threadCount < 1) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--threads must be at least 1");
        }
        Correlations.Order pairOrder = switch (order.strip().toLowerCase(Locale.ROOT)) {
            case "highest" -> Correlations.Order.HIGHEST;
            case "lowest" -> Correlations.Order.LOWEST;
            case "absolute" -> Correlations.Order.ABSOLUTE;
            default -> throw new CommandLine.ParameterException(spec.commandLine(), "--order '" + order
                    + "' is not highest, lowest or absolute");
        };
        Objective metric = Objective.byName(by);
        OutputPaths.checkFile(output, List.of(input), "--output");
        files.write().build().formatOf(output);

        long t0 = System.nanoTime();
        PnlMatrix m = PnlMatrix.read(input, files.read().build());
        long t1 = System.nanoTime();
        long t2;
        String what;
        String ran = "on the CPU, " + Correlations.kernel() + " kernel";
        if (neighbours != null) {
            Neighbours nb = CudaCorrelation.topK(m.values(), m.strategies(), m.days(), neighbours,
                    CudaCorrelation.Order.valueOf(pairOrder.name()), where, threadCount);
            t2 = System.nanoTime();
            int rows = 0;
            for (int r = 0; r < m.strategies(); r++) {
                rows += nb.count(r);
            }
            String[] a = new String[rows];
            int[] rank = new int[rows];
            String[] b = new String[rows];
            double[] r = new double[rows];
            for (int s = 0, i = 0; s < m.strategies(); s++) {
                for (int e = 0; e < nb.count(s); e++, i++) {
                    a[i] = m.name(s);
                    rank[i] = e + 1;
                    b[i] = m.name(nb.other(s, e));
                    r[i] = nb.correlation(s, e);
                }
            }
            try (Table t = Table.of(StringColumn.encode("strategy", a), Int32Column.wrap("rank", rank),
                    StringColumn.encode("other", b), Float64Column.wrap("correlation", r))) {
                TableFiles.write(t, output, files.write().build());
            }
            what = String.format(Locale.ROOT, "the %d %s correlations of each strategy", neighbours,
                    pairOrder.name().toLowerCase(Locale.ROOT));
            ran = nb.reason().isEmpty() ? "on the " + nb.device().toUpperCase(Locale.ROOT) : nb.reason();
        } else if (top != null) {
            int[] chosen = StrategyRanking.top(m, top, metric);
            CorrelationMatrix c = Correlations.matrix(m, chosen, threadCount);
            t2 = System.nanoTime();
            try (Table t = c.toTable()) {
                TableFiles.write(t, output, files.write().build());
            }
            what = String.format(Locale.ROOT, "the %d × %d matrix of the top %d by %s", c.size(), c.size(),
                    c.size(), metric.name());
        } else {
            List<CorrelationPair> found = Correlations.topPairs(m, pairs, pairOrder, threadCount);
            t2 = System.nanoTime();
            String[] a = new String[found.size()];
            String[] b = new String[found.size()];
            double[] r = new double[found.size()];
            for (int i = 0; i < r.length; i++) {
                a[i] = m.name(found.get(i).a());
                b[i] = m.name(found.get(i).b());
                r[i] = found.get(i).correlation();
            }
            try (Table t = Table.of(StringColumn.encode("a", a), StringColumn.encode("b", b),
                    Float64Column.wrap("correlation", r))) {
                TableFiles.write(t, output, files.write().build());
            }
            long all = (long) m.strategies() * (m.strategies() - 1) / 2;
            what = String.format(Locale.ROOT, "the %d %s pairs of %,d", found.size(),
                    pairOrder.name().toLowerCase(Locale.ROOT), all);
        }
        long t3 = System.nanoTime();
        out.printf(Locale.ROOT, "%d strategies × %d days: %s -> %s%n", m.strategies(), m.days(), what, output);
        out.printf(Locale.ROOT, "  read %.1f ms, correlate %.1f ms (%s, %d threads), write %.1f ms%n",
                (t1 - t0) / 1e6, (t2 - t1) / 1e6, ran, threadCount, (t3 - t2) / 1e6);
        if (neighbours == null && where.equals("gpu")) {
            out.println("  device gpu: --top and --pairs are computed on the CPU; the GPU computes --neighbours");
        }
        return 0;
    }
}
