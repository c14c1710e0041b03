package dev.quiver.cli;

import dev.quiver.api.table.StringColumn;
import dev.quiver.api.table.Table;
import dev.quiver.cli.io.OutputPaths;
import dev.quiver.io.DataFileException;
import dev.quiver.io.TableFiles;
import dev.quiver.portfolio.PnlMatrix;
import dev.quiver.portfolio.objective.Objective;
import dev.quiver.portfolio.objective.PnlStatistics;
import dev.quiver.portfolio.report.PortfolioReport;
import dev.quiver.portfolio.search.OptimizerParameter;
import dev.quiver.portfolio.search.Optimizers;
import dev.quiver.portfolio.search.PortfolioOptimizer;
import dev.quiver.portfolio.search.PortfolioProblem;
import dev.quiver.portfolio.search.PortfolioSearch;
import dev.quiver.portfolio.search.SearchBudget;
import dev.quiver.portfolio.search.SearchListener;
import dev.quiver.portfolio.search.SearchResult;
import dev.quiver.portfolio.search.SearchSettings;
import dev.quiver.portfolio.search.Zones;
import dev.quiver.spark.PortfolioSearchTask;
import dev.quiver.spark.PortfolioSetup;
import dev.quiver.spark.SparkEngine;
import dev.quiver.spark.ZoneSetup;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code quiver portfolio}: chooses a portfolio of strategies from a wide daily P&amp;L matrix with one search
 * algorithm or all of them, and writes {@code portfolio.json} (or {@code summary.json}), {@code equity.csv}, plots
 * and {@code report.html} into a directory (docs/portfolio.md).
 *
 * <pre>
 * quiver portfolio --input strategies.csv --size 35 --algorithm all --seed 42 --output portfolio
 * quiver portfolio --list-algorithms
 * </pre>
 *
 * <p>Thread-safety: a command object serves one invocation.
 */
@Command(name = "portfolio", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Choose a portfolio of strategies from a wide daily P&L file (Date plus one column per "
                + "strategy)", "that maximises objective × (1 − w × mean pairwise correlation); see "
                + "docs/portfolio.md."})
final class PortfolioCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Option(names = "--input", paramLabel = "FILE", description = "The P&L matrix: CSV, Parquet or Arrow, wide.")
    private Path input;

    @Option(names = "--size", paramLabel = "K", defaultValue = "35", description = "Strategies in the portfolio.")
    private int size;

    @Option(names = "--algorithm", paramLabel = "NAME|all", defaultValue = "genetic",
            description = "genetic, pso, annealing, differential_evolution, ant_colony, hill_climbing, bayesian, "
                    + "random_search, a plugin's, or all.")
    private String algorithm;

    @Option(names = "--seed", paramLabel = "S", defaultValue = "42", description = "The seed: the same seed, the "
            + "same portfolio, whatever the thread count.")
    private long seed;

    @Option(names = "--output", paramLabel = "DIR", description = "The output directory (replaced whole).")
    private Path output;

    @Option(names = "--objective", paramLabel = "NAME", defaultValue = "ratio",
            description = "ratio (ROI / max drawdown), roi, sharpe, sortino, calmar, win_rate, profit_factor.")
    private String objective;

    @Option(names = "--correlation-penalty", paramLabel = "W", defaultValue = "0.1",
            description = "w in objective × (1 − w × mean pairwise correlation).")
    private double penalty;

    @Option(names = "--invert", description = "Let a strategy with a negative total enter negated (listed as "
            + "inverted in the outputs).")
    private boolean invert;

    @Option(names = "--zones", paramLabel = "FILE", description = "A strategy,zone mapping file (any table "
            + "format): every strategy in exactly one zone.")
    private Path zonesFile;

    @Option(names = "--zones-by-window", description = "Zones from the time window in each name "
            + "(SENSEX 1426-1456 SL73%TP32% is in 1426-1456).")
    private boolean zonesByWindow;

    @Option(names = "--zone-min", paramLabel = "N", defaultValue = "0", description = "Every zone's minimum count.")
    private int zoneMin;

    @Option(names = "--zone-max", paramLabel = "N", description = "Every zone's maximum count (default: the size).")
    private Integer zoneMax;

    @Option(names = "--zone", paramLabel = "NAME=MIN:MAX", description = "One zone's bounds; repeatable.")
    private List<String> zoneBounds = new ArrayList<>();

    @Option(names = "--max-correlation", paramLabel = "R", description = "No two chosen strategies may correlate "
            + "above R (default: no cap).")
    private Double maxCorrelation;

    @Option(names = "--param", paramLabel = "[ALGORITHM.]NAME=VALUE", description = "An algorithm parameter "
            + "(population=50, genetic.mutation=0.2); repeatable. --list-algorithms shows them.")
    private List<String> params = new ArrayList<>();

    @Option(names = "--max-evaluations", paramLabel = "N", description = "Stop each search after about N fitness "
            + "evaluations.")
    private Long maxEvaluations;

    @Option(names = "--time-limit", paramLabel = "DURATION", description = "Stop each search after this long "
            + "(30s, 2m, PT1M30S); not reproducible by nature.")
    private String timeLimit;

    @Option(names = "--threads", paramLabel = "N", description = "Threads for a search (default: every core).")
    private Integer threads;

    @Option(names = "--no-progress", description = "Do not draw the progress bars.")
    private boolean noProgress;

    @Mixin
    private TableFileOptions files;

    @Mixin
    private SparkOptions engineOptions;

    @Option(names = "--list-algorithms", description = "List the algorithms with their parameters and defaults.")
    private boolean list;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        if (list) {
            for (PortfolioOptimizer o : Optimizers.all()) {
                out.printf("%s: %s%n", o.name(), o.description());
                for (OptimizerParameter p : o.parameters()) {
                    out.printf(Locale.ROOT, "    %-20s default %-10s %s%n", p.name(), number(p.defaultValue()),
                            p.description());
                }
            }
            return 0;
        }
        if (input == null || output == null) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "--input and --output are required (or --list-algorithms)");
        }
        OutputPaths.checkDirectory(output, List.of(input), "--output");
        List<PortfolioOptimizer> algorithms = algorithm.strip().equalsIgnoreCase("all") ? Optimizers.all()
                : List.of(Optimizers.get(algorithm));
        Map<String, Map<String, Double>> overrides = overrides(algorithms);
        Objective goal = Objective.byName(objective);
        SearchBudget budget = budget();
        int threadCount = threads == null ? Runtime.getRuntime().availableProcessors() : threads;
        if (threadCount < 1) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--threads must be at least 1");
        }

        long t0 = System.nanoTime();
        PnlMatrix matrix = PnlMatrix.read(input, files.read().build());
        long t1 = System.nanoTime();
        if (size < 1 || size > matrix.strategies()) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--size " + size + " must be between 1 and "
                    + "the " + matrix.strategies() + " strategies of " + input);
        }
        Set<Integer> inverted = new LinkedHashSet<>();
        if (invert) {
            boolean[] negate = new boolean[matrix.strategies()];
            for (int s = 0; s < negate.length; s++) {
                negate[s] = PnlStatistics.roi(matrix.row(s)) < 0;
                if (negate[s]) {
                    inverted.add(s);
                }
            }
            matrix = matrix.negate(negate);
        }
        PortfolioProblem problem = PortfolioProblem.builder(matrix).size(size).objective(goal)
                .correlationPenalty(penalty).zones(zones(matrix))
                .maxCorrelation(maxCorrelation == null ? Double.NaN : maxCorrelation).build();
        long t2 = System.nanoTime();

        List<SearchResult> results = new ArrayList<>();
        if (engineOptions.spark()) {
            results.addAll(onSpark(matrix, algorithms, overrides, problem));
        } else {
            SearchListener listener = noProgress ? SearchListener.NONE : new SearchProgressBar(System.err);
            for (PortfolioOptimizer o : algorithms) {
                SearchSettings settings = new SearchSettings(seed, overrides.get(o.name()), budget, listener,
                        threadCount);
                results.add(PortfolioSearch.run(problem, o, settings));
            }
        }
        long t3 = System.nanoTime();
        PortfolioReport.Written written = PortfolioReport.write(output, input.getFileName().toString(), problem,
                results, inverted);
        long t4 = System.nanoTime();

        out.printf(Locale.ROOT, "%d strategies × %d days%s; portfolio of %d by %s, w = %s%n", matrix.strategies(),
                matrix.days(), invert ? " (" + inverted.size() + " losing strategies may enter inverted)" : "",
                size, goal.name(), number(penalty));
        for (SearchResult r : results) {
            PortfolioProblem.Evaluation e = problem.evaluate(r.members());
            out.printf(Locale.ROOT, "  %-22s fitness %10.4f  roi %12.2f  max drawdown %11.2f  mean corr %7.4f  "
                            + "%8d evaluations  %6.2f s%n", r.algorithm(), e.fitness(), e.roi(), e.maxDrawdown(),
                    e.meanCorrelation(), r.evaluations(), r.seconds());
        }
        if (results.size() > 1) {
            out.printf(Locale.ROOT, "  best: %s%n", written.best().algorithm());
        }
        out.printf(Locale.ROOT, "-> %s%n", written.report());
        out.printf(Locale.ROOT, "  read %.1f ms, prepare %.1f ms, search %.1f ms, write %.1f ms, plot %.1f ms%n",
                (t1 - t0) / 1e6, (t2 - t1) / 1e6, (t3 - t2) / 1e6, (t4 - t3 - written.plotNanos()) / 1e6,
                written.plotNanos() / 1e6);
        return 0;
    }

    /**
     * The searches on Spark ({@code --engine spark}): one task per algorithm over the matrix, broadcast once, with the
     * zones and time limit given; each search's portfolio is the one this JVM would choose with the same seed (with
     * a time limit, the one it reached in that time).
     */
    private List<SearchResult> onSpark(PnlMatrix matrix, List<PortfolioOptimizer> algorithms,
                                       Map<String, Map<String, Double>> overrides, PortfolioProblem problem) {
        PortfolioSetup setup = new PortfolioSetup(size, objective, penalty,
                maxCorrelation == null ? Double.NaN : maxCorrelation, overrides,
                maxEvaluations == null ? Long.MAX_VALUE : maxEvaluations,
                problem.zones().map(z -> ZoneSetup.of(z, matrix.names())).orElse(null),
                timeLimit == null ? null : duration(timeLimit));
        List<PortfolioSearchTask> searches = new ArrayList<>();
        for (PortfolioOptimizer o : algorithms) {
            searches.add(PortfolioSearchTask.ofAll(o.name(), seed));
        }
        try (SparkEngine spark = engineOptions.start("portfolio")) {
            return spark.portfolioSearches(matrix, searches, setup,
                    Math.min(searches.size(), engineOptions.partitions(spark)));
        }
    }

    private Zones zones(PnlMatrix matrix) {
        if (zonesFile != null && zonesByWindow) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "--zones and --zones-by-window are alternatives; give one");
        }
        if (zonesFile == null && !zonesByWindow) {
            if (!zoneBounds.isEmpty() || zoneMax != null || zoneMin != 0) {
                throw new CommandLine.ParameterException(spec.commandLine(),
                        "--zone, --zone-min and --zone-max need --zones FILE or --zones-by-window");
            }
            return null;
        }
        int max = zoneMax == null ? size : zoneMax;
        Zones zones = zonesByWindow ? Zones.byTimeWindow(matrix.names(), zoneMin, max)
                : Zones.of(zoneLabels(matrix), zoneMin, max);
        for (String bound : zoneBounds) {
            int eq = bound.lastIndexOf('=');
            int colon = bound.lastIndexOf(':');
            try {
                if (eq < 1 || colon < eq) {
                    throw new NumberFormatException();
                }
                zones = zones.withBounds(bound.substring(0, eq), Integer.parseInt(bound.substring(eq + 1, colon)),
                        Integer.parseInt(bound.substring(colon + 1)));
            } catch (NumberFormatException e) {
                throw new CommandLine.ParameterException(spec.commandLine(), "--zone '" + bound
                        + "' is not NAME=MIN:MAX");
            } catch (IllegalArgumentException e) {
                throw new CommandLine.ParameterException(spec.commandLine(), "--zone '" + bound + "': "
                        + e.getMessage());
            }
        }
        return zones;
    }

    /** Each strategy's zone from the mapping file: its first column the strategy, its second the zone. */
    private List<String> zoneLabels(PnlMatrix matrix) {
        Map<String, String> zoneOf = new HashMap<>();
        try (Table t = TableFiles.read(zonesFile)) {
            if (t.columnCount() < 2 || !(t.column(0) instanceof StringColumn names)
                    || !(t.column(1) instanceof StringColumn labels)) {
                throw DataFileException.of(zonesFile, "needs two text columns: strategy, zone");
            }
            Map<String, Integer> index = matrix.indexByName();
            for (int r = 0; r < t.rowCount(); r++) {
                String name = names.get(r);
                if (!index.containsKey(name)) {
                    throw DataFileException.at(zonesFile).line(r + 2L).column(t.column(0).name())
                            .build("'" + name + "' is not a strategy of " + input);
                }
                if (zoneOf.put(name, labels.get(r)) != null) {
                    throw DataFileException.at(zonesFile).line(r + 2L).column(t.column(0).name())
                            .build("'" + name + "' is mapped twice");
                }
            }
        }
        List<String> out = new ArrayList<>(matrix.strategies());
        for (String name : matrix.names()) {
            String z = zoneOf.get(name);
            if (z == null) {
                throw DataFileException.of(zonesFile, "maps no zone for strategy '" + name + "'");
            }
            out.add(z);
        }
        return out;
    }

    /** The --param values per algorithm; a parameter no chosen algorithm declares is an error. */
    private Map<String, Map<String, Double>> overrides(List<PortfolioOptimizer> algorithms) {
        Map<String, Map<String, Double>> out = new LinkedHashMap<>();
        for (PortfolioOptimizer o : algorithms) {
            out.put(o.name(), new HashMap<>());
        }
        for (String p : params) {
            int eq = p.indexOf('=');
            if (eq < 1) {
                throw new CommandLine.ParameterException(spec.commandLine(), "--param '" + p
                        + "' is not NAME=VALUE");
            }
            String key = p.substring(0, eq).strip();
            double value;
            try {
                value = Double.parseDouble(p.substring(eq + 1).strip());
            } catch (NumberFormatException e) {
                throw new CommandLine.ParameterException(spec.commandLine(), "--param '" + p
                        + "': the value is not a number");
            }
            int dot = key.indexOf('.');
            String only = dot < 0 ? null : key.substring(0, dot);
            String name = dot < 0 ? key : key.substring(dot + 1);
            int applied = 0;
            for (PortfolioOptimizer o : algorithms) {
                if ((only == null || only.equals(o.name()))
                        && o.parameters().stream().anyMatch(d -> d.name().equals(name))) {
                    out.get(o.name()).put(name, value);
                    applied++;
                }
            }
            if (applied == 0) {
                throw new CommandLine.ParameterException(spec.commandLine(), "--param '" + p + "': no chosen "
                        + "algorithm has a parameter '" + name + "' (see --list-algorithms)");
            }
        }
        return out;
    }

    private SearchBudget budget() {
        SearchBudget b = SearchBudget.UNLIMITED;
        if (maxEvaluations != null) {
            if (maxEvaluations < 1) {
                throw new CommandLine.ParameterException(spec.commandLine(), "--max-evaluations must be positive");
            }
            b = b.withMaxEvaluations(maxEvaluations);
        }
        if (timeLimit != null) {
            b = b.withTimeLimit(duration(timeLimit));
        }
        return b;
    }

    private Duration duration(String text) {
        String t = text.strip().toLowerCase(Locale.ROOT);
        try {
            if (t.startsWith("pt") || t.startsWith("p")) {
                return Duration.parse(t.toUpperCase(Locale.ROOT));
            }
            double amount = Double.parseDouble(t.replaceAll("(ms|s|m|h)$", ""));
            double seconds = t.endsWith("ms") ? amount / 1000 : t.endsWith("m") ? amount * 60
                    : t.endsWith("h") ? amount * 3600 : amount;
            if (!(seconds > 0)) {
                throw new NumberFormatException();
            }
            return Duration.ofNanos((long) (seconds * 1e9));
        } catch (NumberFormatException | DateTimeParseException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--time-limit '" + text
                    + "' is not a positive duration (30s, 2m, 1.5h, PT1M30S)");
        }
    }

    private static String number(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
    }
}
