package dev.quiver.spark;

import dev.quiver.api.feature.ExecutionPlan;
import dev.quiver.api.table.Float64Column;
import dev.quiver.api.table.Panel;
import dev.quiver.api.table.Table;
import dev.quiver.api.table.TableBuilder;
import java.io.Serial;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import org.apache.spark.Partitioner;
import org.apache.spark.TaskContext;
import org.apache.spark.api.java.JavaPairRDD;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.api.java.function.PairFlatMapFunction;
import org.apache.spark.rdd.RDD;
import org.apache.spark.rdd.ShuffledRDD;
import org.apache.spark.util.TaskCompletionListener;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.catalyst.InternalRow;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.Metadata;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.unsafe.types.UTF8String;
import scala.Tuple2;
import scala.reflect.ClassTag;
import scala.reflect.ClassTag$;

/**
 * The Spark job of {@link QuiverSpark#features}: the rows move between tasks as {@link ColumnBlock}s (a few large
 * byte arrays per task, primitive columns inside), not as Spark rows, and only the columns a step needs move.
 *
 * <ol>
 *   <li>The input rows (Spark's internal rows of the selected columns) are routed by a hash of the symbol into
 *       blocks: one shuffle of the input columns. A partition of these blocks is a partition's "home": its symbols'
 *       every row, which {@link HomeRows} sorts by (symbol, date).</li>
 *   <li>Each cross-sectional phase is a round trip from home: a home task computes the time-series steps the phase's
 *       inputs need, and routes those inputs by a hash of the date (with each row's home and position); a task per
 *       date partition computes the phase over its whole dates and routes the results back to their homes.</li>
 *   <li>The last home task computes the time-series steps the outputs need, places the results that came back, and
 *       writes the output rows as Spark's {@code UnsafeRow}s.</li>
 * </ol>
 * The input shuffle is written once and read by every home task; a time-series step that feeds a cross-sectional one
 * is computed twice (before the trip and in the last task), the rest once. A plan without cross-sectional steps is
 * one shuffle and one task per partition.
 *
 * <p>Thread-safety: the static method is safe to call from several threads; the functions are Spark's to call.
 */
final class SparkFeatures {
    /** Rows per block of the input shuffle: about 3 MB of five inputs. */
    private static final int BLOCK_ROWS = 1 << 16;
    /** Rows an input task holds before it hands its blocks on, whatever their size. */
    private static final int BUFFERED_ROWS = 1 << 20;

    private SparkFeatures() {
    }

    /**
     * The job over the columns {@code symbol} (string), {@code date} (long) and the plan's inputs (double), in that
     * order, as {@link QuiverSpark#features} selects them.
     */
    static Dataset<Row> features(Dataset<Row> selected, List<String> specs, String symbolColumn, String dateColumn,
            int partitions) {
        PartitionPlanner.Compiled compiled = PartitionPlanner.compiled(specs);
        List<String> inputs = compiled.plan().inputColumns();
        if (!(selected.sparkSession() instanceof org.apache.spark.sql.classic.SparkSession session)
                || !(selected instanceof org.apache.spark.sql.classic.Dataset<Row> classic)) {
            throw new IllegalArgumentException("features on Spark need a classic Spark session (not Spark Connect); "
                    + "this one is a " + selected.sparkSession().getClass().getName());
        }
        // Spark's internal rows of the selection, as Dataset.rdd() would take them before converting them to Rows
        RDD<InternalRow> rows = classic.queryExecution().toRdd();
        BlockPartitioner partitioner = new BlockPartitioner(partitions);
        JavaPairRDD<Integer, byte[]> home = shuffle(rows.toJavaRDD()
                .mapPartitionsToPair(new RouteBySymbol(partitions, inputs.size())), partitioner);
        List<JavaPairRDD<Integer, byte[]>> returned = new ArrayList<>();
        for (int q : compiled.crossSectionalPhases()) {
            JavaPairRDD<Integer, byte[]> byDate = shuffle(gather(home, returned)
                    .mapPartitionsToPair(new RouteByDate(specs, q, partitions)), partitioner);
            returned.add(shuffle(byDate.mapPartitionsToPair(new CrossSection(specs, q)), partitioner));
        }
        JavaRDD<InternalRow> out = gather(home, returned).mapPartitions(new OutputRows(specs));
        StructType schema = new StructType()
                .add(symbolColumn, DataTypes.StringType, false)
                .add(dateColumn, DataTypes.LongType, false);
        for (String input : inputs) {
            schema = schema.add(new StructField(input, DataTypes.DoubleType, true, Metadata.empty()));
        }
        for (String name : compiled.plan().columns()) {
            schema = schema.add(name, DataTypes.DoubleType, false);
        }
        return session.internalCreateDataFrame(out.rdd(), schema, false);
    }

    /** The columns {@link QuiverSpark#features} selects: symbol as string, date as long, each input as double. */
    static Column[] selection(String symbolColumn, String dateColumn, List<String> inputs) {
        List<Column> select = new ArrayList<>();
        select.add(QuiverSpark.column(symbolColumn).cast(DataTypes.StringType).as(symbolColumn));
        select.add(QuiverSpark.column(dateColumn).cast(DataTypes.LongType).as(dateColumn));
        for (String input : inputs) {
            select.add(QuiverSpark.column(input).cast(DataTypes.DoubleType).as(input));
        }
        return select.toArray(Column[]::new);
    }

    /** The blocks moved to the partitions their keys name, through the {@link BlockSerializer}. */
    private static JavaPairRDD<Integer, byte[]> shuffle(JavaPairRDD<Integer, byte[]> blocks,
            BlockPartitioner partitioner) {
        ClassTag<Integer> key = ClassTag$.MODULE$.apply(Integer.class);
        ClassTag<byte[]> value = ClassTag$.MODULE$.apply(byte[].class);
        ShuffledRDD<Integer, byte[], byte[]> shuffled = new ShuffledRDD<>(blocks.rdd(), partitioner, key, value,
                value);
        shuffled.setSerializer(new BlockSerializer());
        return JavaPairRDD.fromRDD(shuffled, key, value);
    }

    /** Each home partition's blocks, with the blocks of each cross-sectional phase's results come back to it. */
    private static JavaRDD<Inbox> gather(JavaPairRDD<Integer, byte[]> home,
            List<JavaPairRDD<Integer, byte[]>> returned) {
        JavaRDD<Inbox> inbox = home.values().mapPartitions(Inbox::of);
        for (JavaPairRDD<Integer, byte[]> back : returned) {
            inbox = inbox.zipPartitions(back.values(), Inbox::with);
        }
        return inbox;
    }

    /** The home partition of a symbol: Spark's hash of its UTF-8 bytes (Murmur3). */
    static int homeOf(UTF8String symbol, int partitions) {
        return Math.floorMod(symbol.hashCode(), partitions);
    }

    /** The date partition of a date: its bits mixed (Murmur3's finalizer), so that dates a day apart spread. */
    static int partitionOf(long date, int partitions) {
        long h = date;
        h ^= h >>> 33;
        h *= 0xff51afd7ed558ccdL;
        h ^= h >>> 33;
        h *= 0xc4ceb9fe1a85ec53L;
        h ^= h >>> 33;
        return Math.floorMod((int) h, partitions);
    }

    /** The blocks a home task reads: its rows, then each cross-sectional phase's results for them so far. */
    private record Inbox(List<byte[]> home, List<List<byte[]>> returned) {
        static Iterator<Inbox> of(Iterator<byte[]> blocks) {
            return once(new Inbox(list(blocks), List.of()));
        }

        static Iterator<Inbox> with(Iterator<Inbox> inbox, Iterator<byte[]> blocks) {
            Inbox before = inbox.next();
            List<List<byte[]>> returned = new ArrayList<>(before.returned);
            returned.add(list(blocks));
            return once(new Inbox(before.home, returned));
        }

        /** An iterator of one inbox that lets go of it once read, so that its blocks can go while the task runs. */
        private static Iterator<Inbox> once(Inbox inbox) {
            return new Iterator<>() {
                private Inbox next = inbox;

                @Override
                public boolean hasNext() {
                    return next != null;
                }

                @Override
                public Inbox next() {
                    if (next == null) {
                        throw new NoSuchElementException();
                    }
                    Inbox result = next;
                    next = null;
                    return result;
                }
            };
        }

        private static List<byte[]> list(Iterator<byte[]> blocks) {
            List<byte[]> list = new ArrayList<>();
            blocks.forEachRemaining(list::add);
            return list;
        }

        /** The home rows with the results of the cross-sectional phases so far placed beside their inputs. */
        HomeRows rows(PartitionPlanner.Compiled compiled) {
            HomeRows rows = HomeRows.of(home, compiled.plan().inputColumns());
            try {
                List<Integer> crossSectional = compiled.crossSectionalPhases();
                for (int k = 0; k < returned.size(); k++) {
                    rows.receive(returned.get(k), compiled.phases().get(crossSectional.get(k)).outputColumns());
                }
                return rows;
            } catch (RuntimeException | Error e) {
                rows.close();
                throw e;
            }
        }
    }

    /** The partitioner of every shuffle here: the key is the partition. */
    static final class BlockPartitioner extends Partitioner {
        @Serial
        private static final long serialVersionUID = 1L;
        private final int partitions;

        BlockPartitioner(int partitions) {
            this.partitions = partitions;
        }

        @Override
        public int numPartitions() {
            return partitions;
        }

        @Override
        public int getPartition(Object key) {
            return (Integer) key;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof BlockPartitioner other && other.partitions == partitions;
        }

        @Override
        public int hashCode() {
            return partitions;
        }
    }

    /** The input task: Spark's rows into blocks by home partition. */
    static final class RouteBySymbol implements PairFlatMapFunction<Iterator<InternalRow>, Integer, byte[]> {
        @Serial
        private static final long serialVersionUID = 1L;
        private final int partitions;
        private final int width;

        RouteBySymbol(int partitions, int width) {
            this.partitions = partitions;
            this.width = width;
        }

        @Override
        public Iterator<Tuple2<Integer, byte[]>> call(Iterator<InternalRow> rows) {
            Pending[] pending = new Pending[partitions];
            ArrayDeque<Tuple2<Integer, byte[]>> ready = new ArrayDeque<>();
            return new Iterator<>() {
                private UTF8String last;
                private int lastHome;
                private int lastCode;
                private int buffered;
                private boolean done;

                @Override
                public boolean hasNext() {
                    while (ready.isEmpty() && !done) {
                        if (!rows.hasNext()) {
                            drainAll();
                            done = true;
                        } else {
                            add(rows.next());
                        }
                    }
                    return !ready.isEmpty();
                }

                @Override
                public Tuple2<Integer, byte[]> next() {
                    if (!hasNext()) {
                        throw new NoSuchElementException();
                    }
                    return ready.poll();
                }

                private void add(InternalRow row) {
                    if (row.isNullAt(0) || row.isNullAt(1)) {
                        throw new IllegalArgumentException("features on Spark: a row has a null symbol or date ("
                                + (row.isNullAt(0) ? "symbol null" : "symbol '" + row.getUTF8String(0) + "'")
                                + ", " + (row.isNullAt(1) ? "date null" : "date " + row.getLong(1)) + ")");
                    }
                    UTF8String symbol = row.getUTF8String(0);
                    if (last == null || !last.equals(symbol)) {
                        // the row's string lives in a buffer Spark reuses: keep a copy
                        last = symbol.copy();
                        lastHome = homeOf(last, partitions);
                        if (pending[lastHome] == null) {
                            pending[lastHome] = new Pending(width);
                        }
                        lastCode = pending[lastHome].code(last);
                    }
                    Pending p = pending[lastHome];
                    p.add(lastCode, row.getLong(1), row);
                    buffered++;
                    if (p.rows == BLOCK_ROWS) {
                        ready.add(new Tuple2<>(lastHome, p.drain()));
                        last = null;
                    } else if (buffered >= BUFFERED_ROWS) {
                        drainAll();
                    }
                }

                private void drainAll() {
                    for (int h = 0; h < partitions; h++) {
                        if (pending[h] != null && pending[h].rows > 0) {
                            ready.add(new Tuple2<>(h, pending[h].drain()));
                        }
                    }
                    buffered = 0;
                    last = null;
                }
            };
        }

        /** The rows bound for one home partition, not yet handed on. */
        private static final class Pending {
            private final int width;
            private final Map<UTF8String, Integer> codes = new HashMap<>();
            private final List<byte[]> names = new ArrayList<>();
            private int[] symbol;
            private long[] date;
            private double[][] values;
            private int rows;

            Pending(int width) {
                this.width = width;
                reset();
            }

            private void reset() {
                int capacity = 1024;
                symbol = new int[capacity];
                date = new long[capacity];
                values = new double[width][capacity];
                rows = 0;
                codes.clear();
                names.clear();
            }

            int code(UTF8String name) {
                Integer code = codes.get(name);
                if (code == null) {
                    code = names.size();
                    codes.put(name, code);
                    names.add(name.getBytes());
                }
                return code;
            }

            void add(int code, long day, InternalRow row) {
                if (rows == symbol.length) {
                    int capacity = Math.min(BLOCK_ROWS, rows * 2);
                    symbol = Arrays.copyOf(symbol, capacity);
                    date = Arrays.copyOf(date, capacity);
                    for (int c = 0; c < width; c++) {
                        values[c] = Arrays.copyOf(values[c], capacity);
                    }
                }
                symbol[rows] = code;
                date[rows] = day;
                for (int c = 0; c < width; c++) {
                    values[c][rows] = row.isNullAt(2 + c) ? Double.NaN : row.getDouble(2 + c);
                }
                rows++;
            }

            byte[] drain() {
                byte[] block = new ColumnBlock(0, rows, names.toArray(byte[][]::new), new int[][] {symbol},
                        new long[][] {date}, values).encode();
                reset();
                return block;
            }
        }
    }

    /**
     * The home task before a cross-sectional phase's trip: the time-series steps its inputs need, then the inputs
     * routed by date, each row with its home and position.
     */
    static final class RouteByDate implements PairFlatMapFunction<Iterator<Inbox>, Integer, byte[]> {
        @Serial
        private static final long serialVersionUID = 1L;
        private final List<String> specs;
        private final int phase;
        private final int partitions;

        RouteByDate(List<String> specs, int phase, int partitions) {
            this.specs = List.copyOf(specs);
            this.phase = phase;
            this.partitions = partitions;
        }

        @Override
        public Iterator<Tuple2<Integer, byte[]>> call(Iterator<Inbox> inbox) {
            PartitionPlanner.Compiled compiled = PartitionPlanner.compiled(specs);
            Inbox box = inbox.next();
            if (box.home().isEmpty()) {
                return Collections.emptyIterator();
            }
            try (HomeRows rows = box.rows(compiled)) {
                for (ExecutionPlan plan : compiled.before(phase)) {
                    PartitionPlanner.compute(plan, rows.panel, rows.columns, rows.memory);
                }
                return route(rows, compiled.phases().get(phase).plan().inputColumns()).iterator();
            }
        }

        private List<Tuple2<Integer, byte[]>> route(HomeRows rows, List<String> inputs) {
            int n = rows.rows();
            int home = TaskContext.getPartitionId();
            int[] target = new int[n];
            int[] slot = new int[n];
            int[] count = new int[partitions];
            for (int r = 0; r < n; r++) {
                int t = partitionOf(rows.dates[r], partitions);
                target[r] = t;
                slot[r] = count[t]++;
            }
            int[][] symbol = new int[partitions][];
            int[][] position = new int[partitions][];
            long[][] date = new long[partitions][];
            double[][][] values = new double[partitions][][];
            List<List<byte[]>> dictionary = new ArrayList<>();
            for (int t = 0; t < partitions; t++) {
                int m = count[t];
                symbol[t] = new int[m];
                position[t] = new int[m];
                date[t] = new long[m];
                values[t] = new double[inputs.size()][m];
                dictionary.add(new ArrayList<>());
            }
            // each block's own dictionary: the symbols it holds, in the home's (ascending) order; the rows come in
            // that order, so a symbol's rows in a block are consecutive
            int[] lastSymbol = new int[partitions];
            Arrays.fill(lastSymbol, -1);
            byte[][] names = new byte[rows.symbols.size()][];
            for (int r = 0; r < n; r++) {
                int t = target[r];
                int s = rows.symbolOfRow[r];
                if (lastSymbol[t] != s) {
                    if (names[s] == null) {
                        names[s] = rows.symbols.get(s).getBytes(StandardCharsets.UTF_8);
                    }
                    dictionary.get(t).add(names[s]);
                    lastSymbol[t] = s;
                }
                int i = slot[r];
                symbol[t][i] = dictionary.get(t).size() - 1;
                position[t][i] = r;
                date[t][i] = rows.dates[r];
            }
            double[] column = new double[n];
            for (int c = 0; c < inputs.size(); c++) {
                MemorySegment.copy(rows.columns.get(inputs.get(c)), ValueLayout.JAVA_DOUBLE, 0, column, 0, n);
                for (int r = 0; r < n; r++) {
                    values[target[r]][c][slot[r]] = column[r];
                }
            }
            List<Tuple2<Integer, byte[]>> blocks = new ArrayList<>();
            for (int t = 0; t < partitions; t++) {
                if (count[t] > 0) {
                    blocks.add(new Tuple2<>(t, new ColumnBlock(home, count[t],
                            dictionary.get(t).toArray(byte[][]::new), new int[][] {symbol[t], position[t]},
                            new long[][] {date[t]}, values[t]).encode()));
                    values[t] = null;
                }
            }
            return blocks;
        }
    }

    /**
     * The task of a cross-sectional phase over one date partition: the rows of its dates from every home, sorted by
     * (symbol, date), the phase's kernels over them, and the results routed back to each row's home.
     */
    static final class CrossSection implements PairFlatMapFunction<Iterator<Tuple2<Integer, byte[]>>, Integer,
            byte[]> {
        @Serial
        private static final long serialVersionUID = 1L;
        private final List<String> specs;
        private final int phase;

        CrossSection(List<String> specs, int phase) {
            this.specs = List.copyOf(specs);
            this.phase = phase;
        }

        @Override
        public Iterator<Tuple2<Integer, byte[]>> call(Iterator<Tuple2<Integer, byte[]>> in) {
            List<byte[]> blocks = new ArrayList<>();
            in.forEachRemaining(record -> blocks.add(record._2()));
            if (blocks.isEmpty()) {
                return Collections.emptyIterator();
            }
            SortedBlocks sorted = SortedBlocks.of(blocks);
            int n = sorted.rows();
            ExecutionPlan plan = PartitionPlanner.compiled(specs).phases().get(phase).plan();
            List<String> outputs = PartitionPlanner.compiled(specs).phases().get(phase).outputColumns();
            double[][] results = new double[outputs.size()][n];
            try (TaskColumns memory = new TaskColumns(n)) {
                TableBuilder builder = TableBuilder.offHeap();
                builder.stringCodes(QuiverSpark.SYMBOL, sorted.symbolOfRow, sorted.symbols)
                        .int64(QuiverSpark.DATE, sorted.dates);
                Map<String, MemorySegment> columns = new HashMap<>();
                double[] scratch = new double[n];
                double[] to = new double[n];
                for (int c = 0; c < plan.inputColumns().size(); c++) {
                    sorted.doubles(c, scratch, to);
                    String name = plan.inputColumns().get(c);
                    MemorySegment column = memory.of(to);
                    columns.put(name, column);
                    builder.add(Float64Column.wrap(name, column));
                }
                Table table = builder.build();
                memory.hold(table);
                PartitionPlanner.compute(plan, Panel.of(table, QuiverSpark.SYMBOL, QuiverSpark.DATE), columns,
                        memory);
                for (int j = 0; j < results.length; j++) {
                    MemorySegment.copy(columns.get(outputs.get(j)), ValueLayout.JAVA_DOUBLE, 0, results[j], 0, n);
                }
            }
            int[] home = sorted.tags();
            int[] position = sorted.ints(1);
            // back home: per home partition, each row's position there and its results
            int partitions = 0;
            for (int h : home) {
                partitions = Math.max(partitions, h + 1);
            }
            int[] count = new int[partitions];
            for (int h : home) {
                count[h]++;
            }
            int[][] rowsBack = new int[partitions][];
            double[][][] valuesBack = new double[partitions][][];
            int[] filled = new int[partitions];
            for (int h = 0; h < partitions; h++) {
                if (count[h] > 0) {
                    rowsBack[h] = new int[count[h]];
                    valuesBack[h] = new double[results.length][count[h]];
                }
            }
            for (int i = 0; i < n; i++) {
                int h = home[i];
                int k = filled[h]++;
                rowsBack[h][k] = position[i];
                for (int j = 0; j < results.length; j++) {
                    valuesBack[h][j][k] = results[j][i];
                }
            }
            List<Tuple2<Integer, byte[]>> back = new ArrayList<>();
            for (int h = 0; h < partitions; h++) {
                if (count[h] > 0) {
                    back.add(new Tuple2<>(h, new ColumnBlock(h, count[h], new byte[0][], new int[][] {rowsBack[h]},
                            new long[0][], valuesBack[h]).encode()));
                }
            }
            return back.iterator();
        }
    }

    /**
     * The last home task: the time-series steps the outputs need, beside the cross-sectional results come back,
     * written as Spark rows: symbol, date, the inputs, the plan's outputs in order.
     */
    static final class OutputRows implements FlatMapFunction<Iterator<Inbox>, InternalRow> {
        @Serial
        private static final long serialVersionUID = 1L;
        private final List<String> specs;

        OutputRows(List<String> specs) {
            this.specs = List.copyOf(specs);
        }

        @Override
        public Iterator<InternalRow> call(Iterator<Inbox> inbox) {
            PartitionPlanner.Compiled compiled = PartitionPlanner.compiled(specs);
            Inbox box = inbox.next();
            if (box.home().isEmpty()) {
                return Collections.emptyIterator();
            }
            HomeRows rows = box.rows(compiled);
            List<String> inputs = compiled.plan().inputColumns();
            List<String> outputs = compiled.plan().columns();
            MemorySegment[] columns = new MemorySegment[inputs.size() + outputs.size()];
            try {
                TaskContext task = TaskContext.get();
                if (task != null) {
                    // the columns go back when the rows are written, or when the task ends without reading them all
                    task.addTaskCompletionListener((TaskCompletionListener) done -> rows.close());
                }
                if (compiled.timeSeriesOnly()) {
                    PartitionPlanner.compute(compiled.plan(), rows.panel, rows.columns, rows.memory);
                } else {
                    for (ExecutionPlan plan : compiled.last()) {
                        PartitionPlanner.compute(plan, rows.panel, rows.columns, rows.memory);
                    }
                }
                for (int c = 0; c < inputs.size(); c++) {
                    columns[c] = rows.columns.get(inputs.get(c));
                }
                for (int j = 0; j < outputs.size(); j++) {
                    columns[inputs.size() + j] = rows.columns.get(outputs.get(j));
                }
            } catch (RuntimeException | Error e) {
                rows.close();
                throw e;
            }
            UTF8String[] symbols = new UTF8String[rows.symbols.size()];
            for (int s = 0; s < symbols.length; s++) {
                symbols[s] = UTF8String.fromString(rows.symbols.get(s));
            }
            return new ColumnRows(symbols, rows.symbolOfRow, rows.dates, columns, rows::close);
        }
    }
}
