package dev.quiver.heavydb;

import dev.quiver.api.store.Identifiers;
import dev.quiver.api.store.LoadMode;
import dev.quiver.api.store.LoadRequest;
import dev.quiver.api.store.ScanRequest;
import dev.quiver.api.store.SchemaAdvisor;
import dev.quiver.api.store.StorageOptions;
import dev.quiver.api.store.Store;
import dev.quiver.api.store.StoreCapabilities;
import dev.quiver.api.store.StoreException;
import dev.quiver.api.store.StoreField;
import dev.quiver.api.store.StoreSchema;
import dev.quiver.api.store.StoreSettings;
import dev.quiver.api.store.TableDescription;
import dev.quiver.api.table.Column;
import dev.quiver.api.table.Int64Column;
import dev.quiver.api.table.Schema;
import dev.quiver.api.table.Table;
import dev.quiver.api.table.TableStream;
import dev.quiver.heavydb.thrift.Heavy;
import dev.quiver.heavydb.thrift.TArrowTransport;
import dev.quiver.heavydb.thrift.TColumnType;
import dev.quiver.heavydb.thrift.TDBException;
import dev.quiver.heavydb.thrift.TDataFrame;
import dev.quiver.heavydb.thrift.TDeviceType;
import dev.quiver.heavydb.thrift.TPartitionDetail;
import dev.quiver.heavydb.thrift.TTableDetails;
import dev.quiver.io.arrow.ArrowStreams;
import dev.quiver.io.arrow.ArrowTables;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.Channels;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.locks.ReentrantLock;
import org.apache.arrow.flatbuf.Message;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.ipc.ArrowStreamReader;
import org.apache.arrow.vector.ipc.ArrowStreamWriter;
import org.apache.thrift.TConfiguration;
import org.apache.thrift.TException;
import org.apache.thrift.protocol.TBinaryProtocol;
import org.apache.thrift.transport.TSocket;
import org.apache.thrift.transport.TTransportException;

/**
 * A {@link Store} in HeavyDB, over its Thrift API (binary protocol on the server's port, 6274 by default): location
 * {@code heavydb://USER@HOST:PORT/DATABASE} (user {@code admin}, port 6274 and database {@code heavyai} by default),
 * the password from {@link StoreSettings#password()}.
 *
 * <ul>
 *   <li>Loads send Arrow IPC streams, one record batch per {@code load_table_binary_arrow} call, so a large load goes
 *       in batches. HeavyDB has no transactions, so atomicity is built from whole tables: a create loads the new
 *       table and drops it if a batch fails; an append loads a staging table and moves its rows with one
 *       {@code INSERT INTO ... SELECT} (one statement, all or nothing); a replace loads a staging table and swaps it in
 *       with one {@code RENAME TABLE t TO old, staging TO t}.</li>
 *   <li>Scans and queries run through {@code sql_execute_df} with the WIRE transport: the result comes back as an
 *       Arrow IPC stream in the response. The whole result crosses the wire at once (HeavyDB's API has no cursor);
 *       the stream then hands it out batch by batch.</li>
 *   <li>HeavyDB's API binds no parameters: values of predicates and queries are rendered as typed literals
 *       ({@link HeavyDbSql}), never spliced as given. Names are checked and quoted ({@link HeavyDbDialect}).</li>
 * </ul>
 *
 * <p>Thread-safety: safe for concurrent use; calls share one session and are serialized on it (a Thrift client
 * serves one call at a time). Open streams hold no lock.
 */
public final class HeavyDbStore implements Store {
    /** What a HeavyDB store can do. */
    private static final System.Logger LOG = System.getLogger(HeavyDbStore.class.getName());
    static final StoreCapabilities CAPABILITIES = new StoreCapabilities(true, true, true, true, "heavydb");
    private static final int DEFAULT_PORT = 6274;
    private static final int DEFAULT_TIMEOUT_MS = 600_000;

    private final String shown;
    private final TSocket socket;
    private final Heavy.Client client;
    private final String session;
    private final BufferAllocator allocator = new RootAllocator();
    private final ReentrantLock lock = new ReentrantLock();
    private volatile boolean closed;
    private volatile int damagedAnswers;

    private HeavyDbStore(String shown, TSocket socket, Heavy.Client client, String session) {
        this.shown = shown;
        this.socket = socket;
        this.client = client;
        this.session = session;
    }

    /**
     * Connects to {@code heavydb://USER@HOST:PORT/DATABASE}. Property {@code timeoutMs} bounds each call (default
     * 600,000: ten minutes, for large loads).
     *
     * @throws StoreException naming the location (without credentials) if it is malformed, the server cannot be
     *     reached, or it refuses the login
     */
    public static HeavyDbStore open(StoreSettings settings) {
        URI uri = settings.uri();
        String shown = settings.redacted();
        if (!"heavydb".equalsIgnoreCase(uri.getScheme()) || uri.getHost() == null) {
            throw new StoreException("not a HeavyDB location: " + shown + " (use heavydb://USER@HOST:PORT/DATABASE)");
        }
        String user = uri.getUserInfo() == null ? "admin" : uri.getUserInfo();
        int port = uri.getPort() < 0 ? DEFAULT_PORT : uri.getPort();
        String path = uri.getPath() == null ? "" : uri.getPath().replaceFirst("^/", "");
        String database = path.isEmpty() ? "heavyai" : path;
        int timeout;
        try {
            timeout = Integer.parseInt(settings.property("timeoutMs").orElse(Integer.toString(DEFAULT_TIMEOUT_MS)));
        } catch (NumberFormatException e) {
            throw new StoreException("the option timeoutMs is not a number of milliseconds: "
                    + settings.property("timeoutMs").orElse(""));
        }
        String password = settings.password().orElse("");
        TSocket socket = null;
        try {
            TConfiguration config = new TConfiguration(Integer.MAX_VALUE, Integer.MAX_VALUE,
                    TConfiguration.DEFAULT_RECURSION_DEPTH);
            socket = new TSocket(config, uri.getHost(), port, timeout);
            socket.open();
            Heavy.Client client = new Heavy.Client(new TBinaryProtocol(socket));
            String session = client.connect(user, password, database);
            return new HeavyDbStore(shown, socket, client, session);
        } catch (TDBException e) {
            close(socket);
            throw new StoreException("HeavyDB at " + shown + " refused the login: " + e.getError_msg(), e);
        } catch (TException e) {
            close(socket);
            throw new StoreException("cannot reach HeavyDB at " + shown + ": " + e.getMessage(), e);
        }
    }

    private static void close(TSocket socket) {
        if (socket != null) {
            socket.close();
        }
    }

    /** One call to the server. */
    private interface Call<T> {
        T run() throws TException;
    }

    private <T> T call(String what, Call<T> call) {
        if (closed) {
            throw new StoreException("the store " + shown + " is closed");
        }
        lock.lock();
        try {
            return call.run();
        } catch (TDBException e) {
            throw new StoreException(what + " in " + shown + " failed: " + e.getError_msg(), e);
        } catch (TTransportException e) {
            throw new StoreException(what + " in " + shown + " failed: the connection broke (" + e.getMessage()
                    + ")", e);
        } catch (TException e) {
            throw new StoreException(what + " in " + shown + " failed: the server's answer is not HeavyDB's protocol ("
                    + e.getMessage() + ")", e);
        } catch (RuntimeException e) {
            if (e instanceof StoreException s) {
                throw s;
            }
            throw new StoreException(what + " in " + shown + " failed: " + e, e);
        } finally {
            lock.unlock();
        }
    }

    private void execute(String sql) {
        call("running " + sql, () -> client.sql_execute(session, sql, true, "", -1, -1));
    }

    /** HeavyDB's advisor: dictionary widths, DAYS and FIXED encodings, fragment_size, sort_column, sharding. */
    @Override
    public SchemaAdvisor advisor() {
        return HeavyDbAdvisor.INSTANCE;
    }

    @Override
    public StoreCapabilities capabilities() {
        return CAPABILITIES;
    }

    @Override
    public List<String> list() {
        List<String> tables = new ArrayList<>(call("listing the tables", () -> client.get_tables(session)));
        tables.sort(String.CASE_INSENSITIVE_ORDER);
        return tables;
    }

    @Override
    public TableDescription describe(String table) {
        Identifiers.require(table, "table");
        String name = list().stream().filter(table::equalsIgnoreCase).findFirst().orElseThrow(() ->
                new StoreException("there is no table '" + table + "' in " + shown + " (it has: "
                        + String.join(", ", list()) + ")"));
        TTableDetails details = call("describing table '" + name + "'", () -> client.get_table_details(session,
                name));
        List<StoreField> fields = new ArrayList<>();
        for (TColumnType c : details.getRow_desc() == null ? List.<TColumnType>of() : details.getRow_desc()) {
            if (!c.isIs_system()) {
                fields.add(HeavyDbTypes.field(name, c));
            }
        }
        if (fields.isEmpty()) {
            throw new StoreException("table '" + name + "' in " + shown + ": the server described no columns");
        }
        long rows;
        try (TableStream s = rows("counting table '" + name + "'", "SELECT COUNT(*) AS n FROM "
                + HeavyDbSql.quote(name)); Table t = s.readAll()) {
            rows = t.rowCount() == 1 ? count(t.column(0)) : 0;
        }
        Map<String, String> options = new LinkedHashMap<>();
        options.put("fragment_size", Long.toString(details.getFragment_size()));
        options.put("page_size", Long.toString(details.getPage_size()));
        options.put("max_rows", Long.toString(details.getMax_rows()));
        if (details.getShard_count() > 0) {
            options.put("shard_count", Long.toString(details.getShard_count()));
        }
        if (details.getSharded_column_name() != null && !details.getSharded_column_name().isEmpty()) {
            options.put("shard_key", details.getSharded_column_name());
        }
        if (details.getPartition_detail() != null && details.getPartition_detail() != TPartitionDetail.DEFAULT) {
            options.put("partitions", details.getPartition_detail().name());
        }
        return new TableDescription(name, new StoreSchema(fields), rows, options);
    }

    private static long count(Column c) {
        if (c instanceof Int64Column l) {
            return l.get(0);
        }
        return Long.parseLong(c.format(0));
    }

    @Override
    public boolean drop(String table) {
        Identifiers.require(table, "table");
        if (!exists(table)) {
            return false;
        }
        execute(HeavyDbDialect.dropTable(table));
        return true;
    }

    @Override
    public long load(LoadRequest request, TableStream data) {
        String table = request.table();
        StoreSchema target = request.schema().orElseGet(() -> StoreSchema.of(data.schema()));
        target.requireLoadable(table, data.schema());
        boolean exists = exists(table);
        String staging = "quiver_stage_" + UUID.randomUUID().toString().replace("-", "");
        switch (request.mode()) {
            case CREATE -> {
                if (exists) {
                    throw new StoreException("table '" + table + "' exists already; load it with mode append or "
                            + "replace");
                }
                execute(HeavyDbDialect.createTable(table, target, request.options()));
                try {
                    return send(table, target, data);
                } catch (RuntimeException e) {
                    dropQuietly(table, e);
                    throw failed(request, e);
                }
            }
            case APPEND -> {
                if (!exists) {
                    throw new StoreException("there is no table '" + table + "' to append to; load it with mode "
                            + "create");
                }
                StoreSchema existing = describe(table).schema();
                existing.requireAppendable(table, target);
                execute(HeavyDbDialect.createTable(staging, existing, StorageOptions.defaults()));
                try {
                    long rows = send(staging, existing, data);
                    execute("INSERT INTO " + HeavyDbSql.quote(table) + " SELECT * FROM " + HeavyDbSql.quote(staging));
                    return rows;
                } catch (RuntimeException e) {
                    throw failed(request, e);
                } finally {
                    dropQuietly(staging, null);
                }
            }
            case REPLACE -> {
                if (!exists) {
                    return load(new LoadRequest(table, LoadMode.CREATE, request.schema(), request.options()), data);
                }
                String old = "quiver_old_" + UUID.randomUUID().toString().replace("-", "");
                execute(HeavyDbDialect.createTable(staging, target, request.options()));
                long rows;
                try {
                    rows = send(staging, target, data);
                    execute("RENAME TABLE " + HeavyDbSql.quote(table) + " TO " + HeavyDbSql.quote(old) + ", "
                            + HeavyDbSql.quote(staging) + " TO " + HeavyDbSql.quote(table));
                } catch (RuntimeException e) {
                    dropQuietly(staging, e);
                    throw failed(request, e);
                }
                dropQuietly(old, null);
                return rows;
            }
            default -> throw new IllegalStateException(request.mode().name());
        }
    }

    private StoreException failed(LoadRequest request, RuntimeException e) {
        return new StoreException("loading table '" + request.table() + "' (" + request.mode().name()
                .toLowerCase(Locale.ROOT) + ") into " + shown + " failed, and the table is as it was: "
                + e.getMessage(), e);
    }

    private void dropQuietly(String table, RuntimeException failure) {
        try {
            execute(HeavyDbDialect.dropTable(table));
        } catch (RuntimeException e) {
            if (failure != null) {
                failure.addSuppressed(e);
            }
        }
    }

    /** Sends every batch of {@code data} to {@code table}, one Arrow IPC stream per call. */
    private long send(String table, StoreSchema schema, TableStream data) {
        long rows = 0;
        for (Table next; (next = nextBatch(data)) != null; ) {
            try (Table batch = next) {
                for (int c = 0; c < schema.fields().size(); c++) {
                    StoreField f = schema.fields().get(c);
                    if (!f.nullable()) {
                        Column col = batch.column(c);
                        for (int r = 0; r < col.size(); r++) {
                            if (col.isMissing(r)) {
                                throw new StoreException("column '" + f.name() + "' is NOT NULL but row "
                                        + (rows + r + 1) + " of the data is missing");
                            }
                        }
                    }
                }
                ByteBuffer payload = ByteBuffer.wrap(ipc(batch));
                call("loading a batch into '" + table + "'", () -> {
                    client.load_table_binary_arrow(session, table, payload, true);
                    return null;
                });
                rows += batch.rowCount();
            }
        }
        return rows;
    }

    private static Table nextBatch(TableStream data) {
        try {
            return data.next();
        } catch (RuntimeException e) {
            throw new StoreException("the data failed: " + e.getMessage(), e);
        }
    }

    /** One batch as an Arrow IPC stream (schema and one record batch). */
    private byte[] ipc(Table batch) {
        try (BufferAllocator child = allocator.newChildAllocator("load", 0, Long.MAX_VALUE);
             VectorSchemaRoot root = ArrowTables.toArrow(batch, child);
             ByteArrayOutputStream bytes = new ByteArrayOutputStream()) {
            try (ArrowStreamWriter writer = new ArrowStreamWriter(root, null, Channels.newChannel(bytes))) {
                writer.start();
                writer.writeBatch();
                writer.end();
            }
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public TableStream scan(ScanRequest request) {
        TableDescription table = describe(request.table());
        for (String c : request.columns()) {
            if (table.schema().field(c).isEmpty()) {
                throw new StoreException("table '" + table.name() + "' has no column '" + c + "' (it has "
                        + table.schema().names() + ")");
            }
        }
        List<String> columns = request.columns().isEmpty() ? table.schema().names() : request.columns();
        StringBuilder sql = new StringBuilder("SELECT ");
        for (int i = 0; i < columns.size(); i++) {
            sql.append(i == 0 ? "" : ", ").append(HeavyDbSql.quote(columns.get(i)));
        }
        sql.append(" FROM ").append(HeavyDbSql.quote(table.name()));
        if (request.where().isPresent()) {
            sql.append(" WHERE ");
            HeavyDbSql.where(request.where().get(), sql);
        }
        sql.append(HeavyDbSql.orderBy(request.orderBy()));
        if (request.limit() >= 0) {
            // HeavyDB reads LIMIT 0 as no limit: one row is asked for and dropped
            sql.append(" LIMIT ").append(Math.max(1, request.limit()));
        }
        TableStream rows = rows("scanning table '" + table.name() + "'", sql.toString());
        return request.limit() == 0 ? empty(rows) : rebatched(rows, request.batchRows());
    }

    /**
     * Batches of at most {@code maxRows} rows: HeavyDB answers with batches of its own size, so a larger one is
     * handed out in copies of its slices (and closed after the last).
     */
    private static TableStream rebatched(TableStream rows, int maxRows) {
        return new TableStream() {
            private Table current;
            private int at;

            @Override
            public Schema schema() {
                return rows.schema();
            }

            @Override
            public Table next() {
                while (current == null || at >= current.rowCount()) {
                    if (current != null) {
                        current.close();
                    }
                    current = rows.next();
                    at = 0;
                    if (current == null) {
                        return null;
                    }
                    if (current.rowCount() <= maxRows) {
                        Table whole = current;
                        current = null;
                        return whole;
                    }
                }
                int to = (int) Math.min(current.rowCount(), (long) at + maxRows);
                Table slice = Table.concat(current.schema(), List.of(current.slice(at, to)));
                at = to;
                return slice;
            }

            @Override
            public void close() {
                if (current != null) {
                    current.close();
                    current = null;
                }
                rows.close();
            }
        };
    }

    private static TableStream empty(TableStream rows) {
        Schema schema = rows.schema();
        rows.close();
        return TableStream.of(schema, new ArrayList<>());
    }

    @Override
    public TableStream query(String sql, Object... params) {
        String bound = HeavyDbSql.bind(sql, Arrays.asList(params));
        if (!HeavyDbSql.returnsRows(bound)) {
            execute(bound);
            return TableStream.of(Schema.of(), new ArrayList<>());
        }
        return rows("running " + sql, bound);
    }

    /** Runs a statement through {@code sql_execute_df} (WIRE) and streams the Arrow IPC stream it answers with. */
    private TableStream rows(String what, String sql) {
        TDataFrame df = call(what, () -> client.sql_execute_df(session, sql, TDeviceType.CPU, 0, -1,
                TArrowTransport.WIRE));
        byte[] bytes = df.getDf_buffer();
        if (bytes == null || bytes.length == 0) {
            throw new StoreException(what + " in " + shown + " failed: the server sent no Arrow data");
        }
        checkFraming(what, bytes);
        BufferAllocator child = allocator.newChildAllocator(what, 0, Long.MAX_VALUE);
        boolean[] damaged = new boolean[1];
        AutoCloseable release = () -> closeAllocator(child, damaged[0]);
        try {
            ArrowStreamReader reader = new ArrowStreamReader(new ByteArrayInputStream(bytes), child);
            return guarded(what, ArrowStreams.toTableStream(reader, release), damaged);
        } catch (RuntimeException e) {
            closeAllocator(child, true);
            throw new StoreException(what + " in " + shown + " failed: the server's Arrow data is not readable ("
                    + e.getMessage() + ")", e);
        }
    }

    /**
     * Checks that an answer is a sequence of whole Arrow IPC messages (each length and body inside the bytes)
     * before Arrow's reader allocates anything for it: a cut or garbage answer is refused here.
     */
    private void checkFraming(String what, byte[] bytes) {
        ByteBuffer b = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        int messages = 0;
        try {
            while (b.remaining() >= 4) {
                int length = b.getInt();
                if (length == -1) {
                    if (b.remaining() < 4) {
                        throw new IllegalArgumentException("a message length is cut off");
                    }
                    length = b.getInt();
                }
                if (length == 0) {
                    return; // end of stream
                }
                if (length < 0 || length > b.remaining()) {
                    throw new IllegalArgumentException("a message of " + length + " bytes does not fit the "
                            + b.remaining() + " left");
                }
                ByteBuffer meta = b.slice(b.position(), length).order(ByteOrder.LITTLE_ENDIAN);
                long body = Message.getRootAsMessage(meta).bodyLength();
                if (body < 0 || body > b.remaining() - length) {
                    throw new IllegalArgumentException("a message body of " + body + " bytes does not fit");
                }
                b.position(b.position() + length + (int) body);
                messages++;
            }
            if (messages == 0 || b.hasRemaining()) {
                throw new IllegalArgumentException(messages == 0 ? "no message" : "trailing bytes");
            }
        } catch (RuntimeException e) {
            throw new StoreException(what + " in " + shown + " failed: the server's answer is not an Arrow IPC "
                    + "stream (" + e.getMessage() + ")", e);
        }
    }

    /**
     * Closes a result's allocator. Arrow 18.3's reader leaks the buffer of a message it fails to decode (a damaged
     * answer that passed {@link #checkFraming}); that memory cannot be returned, so after a failed read the leak is
     * logged rather than thrown over the error the caller already has.
     */
    private void closeAllocator(BufferAllocator child, boolean damaged) {
        try {
            child.close();
        } catch (IllegalStateException e) {
            if (!damaged) {
                throw e;
            }
            damagedAnswers++;
            LOG.log(System.Logger.Level.WARNING, "a damaged answer from {0} left {1} bytes of Arrow memory that "
                    + "Arrow''s reader does not release", shown, child.getAllocatedMemory());
        }
    }

    /** A stream whose read failures (damaged Arrow data) are StoreExceptions naming the statement. */
    private TableStream guarded(String what, TableStream stream, boolean[] damaged) {
        return new TableStream() {
            @Override
            public Schema schema() {
                return stream.schema();
            }

            @Override
            public Table next() {
                try {
                    return stream.next();
                } catch (RuntimeException e) {
                    damaged[0] = true;
                    throw new StoreException(what + " in " + shown + " failed: the server's Arrow data is not "
                            + "readable (" + e.getMessage() + ")", e);
                }
            }

            @Override
            public void close() {
                stream.close();
            }
        };
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        lock.lock();
        try {
            closed = true;
            try {
                client.disconnect(session);
            } catch (TException e) {
                // the session ends with the connection anyway
            }
            socket.close();
        } finally {
            lock.unlock();
            try {
                allocator.close();
            } catch (IllegalStateException e) {
                if (damagedAnswers == 0) {
                    throw e;
                }
                // reported when each damaged answer was closed
            }
        }
    }

    @Override
    public String toString() {
        return "HeavyDbStore[" + shown + "]";
    }
}
