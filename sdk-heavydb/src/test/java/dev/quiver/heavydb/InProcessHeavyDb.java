package dev.quiver.heavydb;

import dev.quiver.api.store.LoadMode;
import dev.quiver.api.store.LoadRequest;
import dev.quiver.api.store.StoreException;
import dev.quiver.api.store.StoreField;
import dev.quiver.api.table.Table;
import dev.quiver.api.table.TableStream;
import dev.quiver.duckdb.DuckDbStore;
import dev.quiver.heavydb.thrift.Heavy;
import dev.quiver.heavydb.thrift.TArrowTransport;
import dev.quiver.heavydb.thrift.TColumnType;
import dev.quiver.heavydb.thrift.TDBException;
import dev.quiver.heavydb.thrift.TDataFrame;
import dev.quiver.heavydb.thrift.TDatumType;
import dev.quiver.heavydb.thrift.TDeviceType;
import dev.quiver.heavydb.thrift.TEncodingType;
import dev.quiver.heavydb.thrift.TPartitionDetail;
import dev.quiver.heavydb.thrift.TQueryResult;
import dev.quiver.heavydb.thrift.TTableDetails;
import dev.quiver.heavydb.thrift.TTypeInfo;
import dev.quiver.io.arrow.ArrowTables;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.ipc.ArrowStreamReader;
import org.apache.arrow.vector.ipc.ArrowStreamWriter;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.thrift.TException;
import org.apache.thrift.server.TServer;
import org.apache.thrift.server.TThreadPoolServer;
import org.apache.thrift.transport.TServerSocket;
import org.apache.thrift.transport.TTransportException;

/**
 * A HeavyDB stand-in for tests: a real Thrift server (binary protocol, over a local socket) built from the same IDL
 * as the client, answering the calls HeavyDbStore makes by running them on DuckDB. HeavyDB's DDL is translated
 * (encodings and table options are recorded, then dropped; {@code TEXT} is {@code VARCHAR}; {@code TIMESTAMP(p)} is
 * DuckDB's timestamp of that unit); Arrow IPC payloads are decoded with Arrow Java and loaded; results go back as
 * Arrow IPC streams in {@code df_buffer}, as HeavyDB's WIRE transport sends them. Every request is logged.
 *
 * <p>Published in sdk-heavydb's test jar for sdk-bench, which measures the protocol path against it.
 *
 * <p>Thread-safety: the server serves its threads; the log is concurrent.
 */
public final class InProcessHeavyDb implements AutoCloseable {
    /** The password the server accepts (HeavyDB's default). */
    public static final String PASSWORD = "HyperInteractive";
    private static final Pattern CREATE = Pattern.compile("CREATE TABLE \"([^\"]+)\" \\((.*?)\\)(?: WITH \\((.*)\\))?$");
    private static final Pattern COLUMN = Pattern.compile("\"([^\"]+)\" (.+)");

    /** What a client sent, one line per call. */
    final List<String> log = new CopyOnWriteArrayList<>();
    /** Applied to every {@code df_buffer} before it is sent: a test damages answers with it. */
    volatile UnaryOperator<byte[]> answer = UnaryOperator.identity();

    private final DuckDbStore duck = DuckDbStore.inMemory();
    private final BufferAllocator allocator = new RootAllocator();
    private final Map<String, List<String>> declared = new ConcurrentHashMap<>();
    private final Map<String, Map<String, String>> options = new ConcurrentHashMap<>();
    private final TServerSocket socket;
    private final TServer server;
    private final Thread thread;

    /** Whether calls are logged (tests read the log; a benchmark turns it off). */
    private volatile boolean recording = true;

    /**
     * Starts a server on a free local port.
     *
     * @throws TTransportException if no socket can be opened
     */
    public InProcessHeavyDb() throws TTransportException {
        socket = new TServerSocket(0);
        server = new TThreadPoolServer(new TThreadPoolServer.Args(socket)
                .processor(new Heavy.Processor<>(new Service())).minWorkerThreads(2).maxWorkerThreads(8));
        thread = new Thread(server::serve, "in-process-heavydb");
        thread.setDaemon(true);
        thread.start();
        while (!server.isServing()) {
            Thread.onSpinWait();
        }
    }

    private void record(String line) {
        if (recording) {
            log.add(line);
        }
    }

    /** Stops logging calls (a benchmark makes millions). */
    public void stopRecording() {
        recording = false;
    }

    /** The location of this server, without a password. */
    public String location() {
        return "heavydb://admin@localhost:" + socket.getServerSocket().getLocalPort() + "/heavyai";
    }

    /** The log lines of one call name. */
    List<String> calls(String name) {
        return log.stream().filter(l -> l.startsWith(name + " ")).toList();
    }

    @Override
    public void close() {
        server.stop();
        socket.close();
        duck.close();
        allocator.close();
    }

    /** HeavyDB SQL as DuckDB runs it. */
    private String translate(String sql) {
        Matcher m = CREATE.matcher(sql);
        if (m.matches()) {
            String table = m.group(1).toLowerCase(Locale.ROOT);
            List<String> columns = new ArrayList<>();
            List<String> duckColumns = new ArrayList<>();
            for (String def : m.group(2).split(", ")) {
                if (def.startsWith("SHARD KEY")) {
                    continue;
                }
                Matcher c = COLUMN.matcher(def);
                if (!c.matches()) {
                    throw new IllegalArgumentException("not a column definition: " + def);
                }
                columns.add(def);
                String type = c.group(2).replaceAll(" ENCODING (DICT|FIXED|DAYS)\\(\\d+\\)", "")
                        .replace(" ENCODING NONE", "").replace("TEXT", "VARCHAR")
                        .replace("TIMESTAMP(0)", "TIMESTAMP_S").replace("TIMESTAMP(3)", "TIMESTAMP_MS")
                        .replace("TIMESTAMP(6)", "TIMESTAMP").replace("TIMESTAMP(9)", "TIMESTAMP_NS");
                duckColumns.add("\"" + c.group(1) + "\" " + type);
            }
            declared.put(table, columns);
            Map<String, String> with = new ConcurrentHashMap<>();
            if (m.group(3) != null) {
                for (String kv : m.group(3).split(", ")) {
                    String[] p = kv.split(" = ", 2);
                    with.put(p[0], p[1].replace("'", ""));
                }
            }
            options.put(table, with);
            return "CREATE TABLE \"" + m.group(1) + "\" (" + String.join(", ", duckColumns) + ")";
        }
        return sql.replace("TIMESTAMP(3) '", "TIMESTAMP '");
    }

    private void rename(String sql) {
        // RENAME TABLE "a" TO "b", "c" TO "d"
        for (String pair : sql.substring("RENAME TABLE ".length()).split(", ")) {
            String[] p = pair.split(" TO ");
            run("ALTER TABLE " + p[0] + " RENAME TO " + p[1]);
            String from = p[0].replace("\"", "").toLowerCase(Locale.ROOT);
            String to = p[1].replace("\"", "").toLowerCase(Locale.ROOT);
            declared.put(to, declared.remove(from));
            options.put(to, options.remove(from));
        }
    }

    private void run(String sql) {
        duck.query(sql).close();
    }

    private static TDBException error(Exception e) {
        return new TDBException(e.getMessage());
    }

    /** The column type HeavyDB reports for a declared column. */
    private static TColumnType describe(String def) {
        Matcher c = COLUMN.matcher(def);
        c.matches();
        String type = c.group(2);
        TTypeInfo t = new TTypeInfo();
        t.setNullable(!type.endsWith(" NOT NULL"));
        t.setEncoding(TEncodingType.NONE);
        Matcher bits = Pattern.compile("\\((\\d+)\\)").matcher(type.replaceFirst("^TIMESTAMP\\(\\d\\)", "TIMESTAMP"));
        int n = bits.find() ? Integer.parseInt(bits.group(1)) : 0;
        String word = type.split("[ (]")[0];
        switch (word) {
            case "TEXT" -> {
                t.setType(TDatumType.STR);
                if (!type.contains("ENCODING NONE")) {
                    t.setEncoding(TEncodingType.DICT);
                    t.setComp_param(n);
                    t.setSize(n / 8);
                }
            }
            case "DATE" -> {
                t.setType(TDatumType.DATE);
                t.setEncoding(TEncodingType.DATE_IN_DAYS);
                t.setComp_param(n == 16 ? 16 : 0);
            }
            case "TIMESTAMP" -> {
                t.setType(TDatumType.TIMESTAMP);
                Matcher p = Pattern.compile("TIMESTAMP\\((\\d)\\)").matcher(type);
                t.setPrecision(p.find() ? Integer.parseInt(p.group(1)) : 0);
                if (type.contains("FIXED")) {
                    t.setEncoding(TEncodingType.FIXED);
                    t.setComp_param(32);
                }
            }
            default -> {
                t.setType(switch (word) {
                    case "BOOLEAN" -> TDatumType.BOOL;
                    case "TINYINT" -> TDatumType.TINYINT;
                    case "SMALLINT" -> TDatumType.SMALLINT;
                    case "INTEGER" -> TDatumType.INT;
                    case "BIGINT" -> TDatumType.BIGINT;
                    case "FLOAT" -> TDatumType.FLOAT;
                    case "DOUBLE" -> TDatumType.DOUBLE;
                    default -> throw new IllegalArgumentException("no HeavyDB type " + word);
                });
                if (type.contains("FIXED")) {
                    t.setEncoding(TEncodingType.FIXED);
                    t.setComp_param(n);
                    t.setSize(n / 8);
                }
            }
        }
        TColumnType col = new TColumnType();
        col.setCol_name(c.group(1));
        col.setCol_type(t);
        return col;
    }

    /** The service: each call logged, then answered by DuckDB. */
    private final class Service implements Heavy.Iface {
        @Override
        public String connect(String user, String passwd, String dbname) throws TDBException {
            record("connect " + user + " " + dbname);
            if (!PASSWORD.equals(passwd)) {
                throw new TDBException("Invalid credentials.");
            }
            return "session-" + user;
        }

        @Override
        public void disconnect(String session) {
            record("disconnect " + session);
        }

        @Override
        public List<String> get_tables(String session) throws TDBException {
            record("get_tables " + session);
            try {
                return duck.list();
            } catch (StoreException e) {
                throw error(e);
            }
        }

        @Override
        public TTableDetails get_table_details(String session, String table) throws TDBException {
            record("get_table_details " + table);
            String key = table.toLowerCase(Locale.ROOT);
            List<String> columns = declared.get(key);
            if (columns == null) {
                throw new TDBException("Table/View " + table + " for catalog heavyai does not exist");
            }
            TTableDetails d = new TTableDetails();
            d.setRow_desc(columns.stream().map(InProcessHeavyDb::describe).toList());
            Map<String, String> with = options.getOrDefault(key, Map.of());
            d.setFragment_size(Long.parseLong(with.getOrDefault("fragment_size", "32000000")));
            d.setPage_size(Long.parseLong(with.getOrDefault("page_size", "2097152")));
            d.setMax_rows(Long.parseLong(with.getOrDefault("max_rows", "4611686018427387904")));
            d.setShard_count(Long.parseLong(with.getOrDefault("shard_count", "0")));
            d.setPartition_detail(TPartitionDetail.DEFAULT);
            return d;
        }

        @Override
        public TQueryResult sql_execute(String session, String query, boolean columnar, String nonce, int firstN,
                                        int atMostN) throws TDBException {
            record("sql_execute " + query);
            try {
                if (query.startsWith("RENAME TABLE ")) {
                    rename(query);
                } else {
                    run(translate(query));
                    if (query.startsWith("DROP TABLE")) {
                        String t = query.replaceAll(".*\"([^\"]+)\"$", "$1").toLowerCase(Locale.ROOT);
                        declared.remove(t);
                        options.remove(t);
                    }
                }
                return new TQueryResult();
            } catch (RuntimeException e) {
                throw error(e);
            }
        }

        @Override
        public TDataFrame sql_execute_df(String session, String query, TDeviceType device, int deviceId, int firstN,
                                         TArrowTransport transport) throws TDBException {
            record("sql_execute_df " + transport + " " + query);
            if (transport != TArrowTransport.WIRE) {
                throw new TDBException("only WIRE here");
            }
            try (TableStream rows = duck.query(translate(query)); Table all = rows.readAll();
                 BufferAllocator child = allocator.newChildAllocator("df", 0, Long.MAX_VALUE);
                 VectorSchemaRoot root = ArrowTables.toArrow(all, child);
                 ByteArrayOutputStream bytes = new ByteArrayOutputStream()) {
                try (ArrowStreamWriter w = new ArrowStreamWriter(root, null, Channels.newChannel(bytes))) {
                    w.start();
                    w.writeBatch();
                    w.end();
                }
                TDataFrame df = new TDataFrame();
                df.setDf_buffer(answer.apply(bytes.toByteArray()));
                df.setDf_size(bytes.size());
                return df;
            } catch (RuntimeException | IOException e) {
                throw error(e);
            }
        }

        @Override
        public void load_table_binary_arrow(String session, String table, ByteBuffer stream, boolean names)
                throws TDBException {
            byte[] bytes = new byte[stream.remaining()];
            stream.get(bytes);
            try (ArrowStreamReader reader = new ArrowStreamReader(new ByteArrayInputStream(bytes), allocator)) {
                List<String> types = new ArrayList<>();
                for (Field f : reader.getVectorSchemaRoot().getSchema().getFields()) {
                    types.add(f.getName() + ":" + f.getType());
                }
                int batches = 0;
                long rows = 0;
                List<Table> tables = new ArrayList<>();
                while (reader.loadNextBatch()) {
                    batches++;
                    rows += reader.getVectorSchemaRoot().getRowCount();
                    tables.add(ArrowTables.toTable(reader.getVectorSchemaRoot(), reader));
                }
                record("load_table_binary_arrow " + table + " names=" + names + " batches=" + batches + " rows="
                        + rows + " " + types);
                // the table's declared timestamps are plain (no time zone); Arrow's are UTC instants: same values
                try (TableStream s = TableStream.of(tables.get(0).schema(), tables)) {
                    duck.load(LoadRequest.of(table, LoadMode.APPEND), s);
                }
            } catch (IOException | RuntimeException e) {
                throw error(e);
            }
        }
    }

    /** The stored field a declared column becomes, for tests that check the round trip of encodings. */
    static StoreField field(String def) {
        return HeavyDbTypes.field("t", describe(def));
    }
}
