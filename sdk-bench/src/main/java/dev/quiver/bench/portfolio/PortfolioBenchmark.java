package dev.quiver.bench.portfolio;

import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import dev.quiver.api.table.Table;
import dev.quiver.io.TableFiles;
import dev.quiver.portfolio.PnlGenerator;
import dev.quiver.portfolio.PnlMatrix;
import dev.quiver.portfolio.search.Candidate;
import dev.quiver.portfolio.search.Optimizers;
import dev.quiver.portfolio.search.PortfolioProblem;
import dev.quiver.portfolio.search.PortfolioSearch;
import dev.quiver.portfolio.search.SearchContext;
import dev.quiver.portfolio.search.SearchSettings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Iterator;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * The portfolio workload on the seed's 25,544 strategies × 82 days, through the public API:
 * <ul>
 *   <li>{@code readMatrix}: {@code PnlMatrix.read} of the wide CSV (values to 2 decimals, about 13 MB; full doubles,
 *       about 29 MB, nearer the seed's 39 MB file) against {@code readMatrixPlain}, FastCSV's records with
 *       {@code Double.parseDouble} into a strategy-major array (the plain reader a user would write);</li>
 *   <li>{@code fitnessFull}: one portfolio of 35 scored from scratch ({@code PortfolioProblem.evaluate}) against
 *       {@code fitnessIncremental}: the fitness after one swap ({@code Candidate.fitnessIfSwapped}), O(days);</li>
 *   <li>{@code search}: each algorithm at its defaults, seed 42, on every core (the problem built once).</li>
 * </ul>
 *
 * <p>Thread-safety: JMH state; one benchmark thread (the searches use their own).
 */
@Fork(value = 1, jvmArgsPrepend = {"--add-modules=jdk.incubator.vector", "--enable-native-access=ALL-UNNAMED",
    "--add-opens=java.base/java.nio=ALL-UNNAMED", "--sun-misc-unsafe-memory-access=allow", "-Xmx4g"})
public class PortfolioBenchmark {
    /**
     * The wide CSV of a generated 25,544 × 82 matrix.
     *
     * <p>Thread-safety: JMH state.
     */
    @State(Scope.Benchmark)
    public static class MatrixFile {
        /** Decimals of the CSV's values: 2 (currency) or -1 (full doubles). */
        @Param({"2", "-1"})
        public int decimals;

        Path csv;

        @Setup(Level.Trial)
        public void setUp() throws IOException {
            PnlMatrix m = PnlGenerator.generate(25_544, 82, 42, LocalDate.of(2024, 1, 1), decimals);
            csv = Files.createTempFile("quiver-strategies", ".csv");
            try (Table wide = m.toWide()) {
                TableFiles.write(wide, csv);
            }
        }

        @TearDown(Level.Trial)
        public void tearDown() throws IOException {
            Files.deleteIfExists(csv);
        }
    }

    /**
     * The problem (size 35, ratio, w = 0.1) over the generated matrix, a portfolio and strategies to swap in.
     *
     * <p>Thread-safety: JMH state.
     */
    @State(Scope.Benchmark)
    public static class Problem {
        PortfolioProblem problem;
        Candidate candidate;
        int[] portfolio;
        int[] incoming;
        int next;

        @Setup(Level.Trial)
        public void setUp() {
            PnlMatrix m = PnlGenerator.generate(25_544, 82, 42, LocalDate.of(2024, 1, 1));
            problem = PortfolioProblem.builder(m).size(35).build();
            SplittableRandom random = new SplittableRandom(1);
            portfolio = problem.random(random);
            incoming = new int[4096];
            for (int i = 0; i < incoming.length; i++) {
                int s;
                do {
                    s = random.nextInt(m.strategies());
                } while (contains(portfolio, s));
                incoming[i] = s;
            }
            candidate = SearchContextAccess.candidate(problem, portfolio);
        }
    }

    /**
     * The algorithm of {@link #search}.
     *
     * <p>Thread-safety: JMH state.
     */
    @State(Scope.Benchmark)
    public static class Algorithm {
        @Param({"genetic", "pso", "annealing", "differential_evolution", "ant_colony", "hill_climbing", "bayesian",
            "random_search"})
        public String name;
    }

    private static boolean contains(int[] a, int v) {
        for (int x : a) {
            if (x == v) {
                return true;
            }
        }
        return false;
    }

    /** Quiver's reader: the public path, allocation included. */
    @Benchmark
    @BenchmarkMode(Mode.SingleShotTime)
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    @Warmup(iterations = 3)
    @Measurement(iterations = 8)
    public PnlMatrix readMatrix(MatrixFile f) {
        return PnlMatrix.read(f.csv);
    }

    /** The plain peer: FastCSV records, {@code Double.parseDouble}, a strategy-major array. */
    @Benchmark
    @BenchmarkMode(Mode.SingleShotTime)
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    @Warmup(iterations = 3)
    @Measurement(iterations = 8)
    public double[] readMatrixPlain(MatrixFile f) throws IOException {
        // FastCSV stops at 16,384 fields per record unless told otherwise
        try (CsvReader<CsvRecord> reader = CsvReader.builder().build(
                de.siegmar.fastcsv.reader.CsvRecordHandler.of(b -> b.maxFields(1 << 20)), f.csv)) {
            Iterator<CsvRecord> it = reader.iterator();
            int columns = it.next().getFieldCount() - 1;
            double[][] rows = new double[128][];
            int days = 0;
            while (it.hasNext()) {
                CsvRecord r = it.next();
                double[] row = new double[columns];
                for (int c = 0; c < columns; c++) {
                    row[c] = Double.parseDouble(r.getField(c + 1));
                }
                if (days == rows.length) {
                    rows = java.util.Arrays.copyOf(rows, days * 2);
                }
                rows[days++] = row;
            }
            double[] out = new double[columns * days];
            for (int d = 0; d < days; d++) {
                for (int c = 0; c < columns; c++) {
                    out[c * days + d] = rows[d][c];
                }
            }
            return out;
        }
    }

    /** One portfolio of 35 scored from scratch. */
    @Benchmark
    @BenchmarkMode(Mode.AverageTime)
    @OutputTimeUnit(TimeUnit.NANOSECONDS)
    @Warmup(iterations = 3, time = 1)
    @Measurement(iterations = 5, time = 1)
    public double fitnessFull(Problem p) {
        return p.problem.evaluate(p.portfolio).fitness();
    }

    /** The fitness after swapping one of 35 strategies, incrementally. */
    @Benchmark
    @BenchmarkMode(Mode.AverageTime)
    @OutputTimeUnit(TimeUnit.NANOSECONDS)
    @Warmup(iterations = 3, time = 1)
    @Measurement(iterations = 5, time = 1)
    public double fitnessIncremental(Problem p) {
        int i = p.next++ & (p.incoming.length - 1);
        return p.candidate.fitnessIfSwapped(i % p.portfolio.length, p.incoming[i]);
    }

    /** One search at its defaults, every core. */
    @Benchmark
    @BenchmarkMode(Mode.SingleShotTime)
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    @Warmup(iterations = 2)
    @Measurement(iterations = 5)
    public void search(Problem p, Algorithm a, Blackhole bh) {
        bh.consume(PortfolioSearch.run(p.problem, Optimizers.get(a.name), SearchSettings.seed(42)));
    }

    /** A candidate outside a search: a context that only counts. */
    private static final class SearchContextAccess {
        static Candidate candidate(PortfolioProblem problem, int[] portfolio) {
            Candidate[] out = new Candidate[1];
            PortfolioSearch.run(problem, new dev.quiver.portfolio.search.PortfolioOptimizer() {
                @Override
                public String name() {
                    return "bench";
                }

                @Override
                public java.util.List<dev.quiver.portfolio.search.OptimizerParameter> parameters() {
                    return java.util.List.of();
                }

                @Override
                public long expectedEvaluations(SearchContext context) {
                    return 1;
                }

                @Override
                public void search(SearchContext context) {
                    out[0] = context.newCandidate().set(portfolio);
                }
            }, SearchSettings.seed(0).withThreads(1));
            return out[0];
        }
    }
}
