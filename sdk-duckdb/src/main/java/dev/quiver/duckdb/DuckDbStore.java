package dev.quiver.duckdb;

import dev.quiver.api.store.Identifiers;
import dev.quiver.api.store.LoadMode;
import dev.quiver.api.store.LoadRequest;
import dev.quiver.api.store.ScanRequest;
import dev.quiver.api.store.SchemaAdvisor;
import dev.quiver.api.store.Store;
import dev.quiver.api.store.StoreCapabilities;
import dev.quiver.api.store.StoreException;
import dev.quiver.api.store.StoreField;
import dev.quiver.api.store.StoreSchema;
import dev.quiver.api.store.StoreSettings;
import dev.quiver.api.store.TableDescription;
import dev.quiver.api.table.Int64Column;
import dev.quiver.api.table.LogicalType;
import dev.quiver.api.table.Schema;
import dev.quiver.api.table.Table;
import dev.quiver.api.table.TableStream;
import dev.quiver.io.arrow.ArrowStreams;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.arrow.c.ArrowArrayStream;
import org.apache.arrow.c.Data;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.ipc.ArrowReader;
import org.duckdb.DuckDBConnection;
import org.duckdb.DuckDBResultSet;

/**
 * A {@link Store} in DuckDB, embedded: a database file ({@code duckdb:PATH}) or memory ({@code duckdb::memory:}).
 *
 * <p>Bulk paths move Arrow record batches, never rows: a load exports the caller's {@link TableStream} as an Arrow C
 * stream that DuckDB scans inside one {@code INSERT ... SELECT}; a scan or query exports DuckDB's result as an Arrow
 * C stream that is read back batch by batch ({@link ArrowStreams}). Types follow {@link DuckDbTypes}.
 *
 * <p>Loads are atomic: each runs in one transaction (the {@code CREATE}, {@code DROP} of a replaced table and the
 * {@code INSERT}), rolled back if any batch fails. A sort key ({@link dev.quiver.api.store.StorageOptions#sortKey()})
 * orders the inserted rows, so DuckDB's per-row-group min/max (zone maps) skip row groups in filtered scans; it is
 * recorded in the table's comment and reported by {@link #describe} as the option {@code sort_key}. Shard keys and
 * other properties have no DuckDB meaning: a load that asks for them is refused rather than silently ignored.
 *
 * <p>Thread-safety: safe for concurrent use. Each call and each open stream uses its own duplicate of the
 * database's connection (DuckDB connections are not thread-safe; duplicates share the database). Two loads into
 * one table at once conflict: the second fails with DuckDB's transaction conflict and leaves the table as the first
 * made it.
 */
public final class DuckDbStore implements Store {
    private static final String SORT_KEY_COMMENT = "quiver:sort_key=";

    private final String location;
    private final DuckDBConnection database;
    private final BufferAllocator allocator;
    private final Set<AutoCloseable> open = ConcurrentHashMap.newKeySet();
    private volatile boolean closed;

    private DuckDbStore(String location, DuckDBConnection database) {
        this.location = location;
        this.database = database;
        this.allocator = new RootAllocator();
    }

    /**
     * Opens the store at {@code duckdb:PATH} (created if missing) or {@code duckdb::memory:}.
     *
     * @throws StoreException if the location is not a DuckDB one or the database cannot be opened
     */
    public static DuckDbStore open(StoreSettings settings) {
        String loc = settings.location();
        if (!loc.regionMatches(true, 0, "duckdb:", 0, 7)) {
            throw new StoreException("not a DuckDB location: " + settings.redacted()
                    + " (use duckdb:FILE or duckdb::memory:)");
        }
        String target = loc.substring(7);
        if (target.isEmpty()) {
            throw new StoreException("the DuckDB location " + loc + " names no file (use duckdb:FILE or "
                    + "duckdb::memory:)");
        }
        String url = target.equals(":memory:") ? "jdbc:duckdb:" : "jdbc:duckdb:" + Path.of(target).toAbsolutePath();
        try {
            return new DuckDbStore(loc, (DuckDBConnection) DriverManager.getConnection(url));
        } catch (SQLException e) {
            throw new StoreException("cannot open the DuckDB database " + loc + ": " + e.getMessage(), e);
        }
    }

    /** A store in memory, gone when closed. */
    public static DuckDbStore inMemory() {
        return open(StoreSettings.of("duckdb::memory:"));
    }

    /** DuckDB's advisor: ENUM for closed sets of text, the sort key for zone maps, and what DuckDB does itself. */
    @Override
    public SchemaAdvisor advisor() {
        return DuckDbAdvisor.INSTANCE;
    }

    @Override
    public StoreCapabilities capabilities() {
        return DuckDbStoreProvider.CAPABILITIES;
    }

    @Override
    public List<String> list() {
        try (Connection c = connection();
             Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT table_name FROM information_schema.tables "
                     + "WHERE table_schema = 'main' AND table_type = 'BASE TABLE' ORDER BY lower(table_name)")) {
            List<String> out = new ArrayList<>();
            while (rs.next()) {
                out.add(rs.getString(1));
            }
            return out;
        } catch (SQLException e) {
            throw failure("listing the tables", e);
        }
    }

    @Override
    public boolean exists(String table) {
        Identifiers.require(table, "table");
        try (Connection c = connection()) {
            return exists(c, table);
        } catch (SQLException e) {
            throw failure("looking for table '" + table + "'", e);
        }
    }

    @Override
    public TableDescription describe(String table) {
        Identifiers.require(table, "table");
        try (Connection c = connection()) {
            return describe(c, table);
        } catch (SQLException e) {
            throw failure("describing table '" + table + "'", e);
        }
    }

    private TableDescription describe(Connection c, String table) throws SQLException {
        String name = null;
        List<StoreField> fields = new ArrayList<>();
        try (PreparedStatement st = c.prepareStatement("SELECT table_name, column_name, data_type, is_nullable "
                + "FROM information_schema.columns WHERE table_schema = 'main' AND lower(table_name) = lower(?) "
                + "ORDER BY ordinal_position")) {
            st.setString(1, table);
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    name = rs.getString(1);
                    fields.add(DuckDbTypes.field(table, rs.getString(2), rs.getString(3),
                            "YES".equals(rs.getString(4))));
                }
            }
        }
        if (name == null) {
            throw new StoreException("there is no table '" + table + "' in " + location + " (it has: "
                    + String.join(", ", list()) + ")");
        }
        long rows;
        try (Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT count(*) FROM " + DuckDbSql.quote(name))) {
            rs.next();
            rows = rs.getLong(1);
        }
        Map<String, String> options = new LinkedHashMap<>();
        try (PreparedStatement st = c.prepareStatement("SELECT comment FROM duckdb_tables() "
                + "WHERE schema_name = 'main' AND table_name = ?")) {
            st.setString(1, name);
            try (ResultSet rs = st.executeQuery()) {
                if (rs.next() && rs.getString(1) != null && rs.getString(1).startsWith(SORT_KEY_COMMENT)) {
                    options.put("sort_key", rs.getString(1).substring(SORT_KEY_COMMENT.length()));
                }
            }
        }
        return new TableDescription(name, new StoreSchema(fields), rows, options);
    }

    @Override
    public boolean drop(String table) {
        Identifiers.require(table, "table");
        try (Connection c = connection()) {
            if (!exists(c, table)) {
                return false;
            }
            try (Statement st = c.createStatement()) {
                st.execute("DROP TABLE " + DuckDbSql.quote(table));
            }
            return true;
        } catch (SQLException e) {
            throw failure("dropping table '" + table + "'", e);
        }
    }

    @Override
    public long load(LoadRequest request, TableStream data) {
        String table = request.table();
        StoreSchema target = request.schema().orElseGet(() -> StoreSchema.of(data.schema()));
        target.requireLoadable(table, data.schema());
        List<String> sortKey = request.options().sortKey();
        for (String k : sortKey) {
            if (target.field(k).isEmpty()) {
                throw new StoreException("table '" + table + "': the sort key column '" + k + "' is not among "
                        + target.names());
            }
        }
        if (!request.options().shardKey().isEmpty() || !request.options().properties().isEmpty()) {
            throw new StoreException("table '" + table + "': DuckDB has no shard keys or table properties "
                    + "(asked for " + (request.options().shardKey().isEmpty() ? "" : "shard key "
                    + request.options().shardKey() + " ") + request.options().properties().keySet()
                    + "); a sort key is what it uses");
        }
        String view = "quiver_load_" + UUID.randomUUID().toString().replace("-", "");
        try (DuckDBConnection c = connection()) {
            c.setAutoCommit(false);
            try {
                boolean exists = exists(c, table);
                switch (request.mode()) {
                    case CREATE -> {
                        if (exists) {
                            throw new StoreException("table '" + table + "' exists already; load it with mode append "
                                    + "or replace");
                        }
                    }
                    case APPEND -> {
                        if (!exists) {
                            throw new StoreException("there is no table '" + table + "' to append to; load it with "
                                    + "mode create");
                        }
                        describe(c, table).schema().requireAppendable(table, target);
                    }
                    case REPLACE -> {
                        if (exists) {
                            try (Statement st = c.createStatement()) {
                                st.execute("DROP TABLE " + DuckDbSql.quote(table));
                            }
                        }
                    }
                }
                try (Statement st = c.createStatement()) {
                    if (request.mode() != LoadMode.APPEND) {
                        st.execute(createTable(table, target));
                        if (!sortKey.isEmpty()) {
                            st.execute("COMMENT ON TABLE " + DuckDbSql.quote(table) + " IS '" + SORT_KEY_COMMENT
                                    + String.join(",", sortKey) + "'"); // identifiers: checked, no quote possible
                        }
                    }
                }
                long rows;
                try (BufferAllocator child = allocator.newChildAllocator("load " + table, 0, Long.MAX_VALUE);
                     ArrowReader reader = ArrowStreams.toArrowReader(notClosing(data), child);
                     ArrowArrayStream stream = ArrowArrayStream.allocateNew(child)) {
                    Data.exportArrayStream(child, reader, stream);
                    c.registerArrowStream(view, stream);
                    try (Statement st = c.createStatement()) {
                        rows = st.executeLargeUpdate("INSERT INTO " + DuckDbSql.quote(table) + " SELECT "
                                + insertColumns(target) + " FROM " + view + orderBy(sortKey));
                        st.execute("DROP VIEW IF EXISTS " + view);
                    }
                }
                c.commit();
                return rows;
            } catch (SQLException | IOException | RuntimeException e) {
                try {
                    c.rollback();
                } catch (SQLException again) {
                    e.addSuppressed(again);
                }
                throw e;
            }
        } catch (SQLException | IOException e) {
            throw new StoreException("loading table '" + table + "' (" + request.mode().name().toLowerCase(
                    Locale.ROOT) + ") into " + location + " failed, and the table is as it was: " + e.getMessage(), e);
        } catch (StoreException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new StoreException("loading table '" + table + "' failed, and the table is as it was: "
                    + e.getMessage(), e);
        }
    }

    private static String createTable(String table, StoreSchema schema) {
        StringBuilder sql = new StringBuilder("CREATE TABLE ").append(DuckDbSql.quote(table)).append(" (");
        for (int i = 0; i < schema.fields().size(); i++) {
            StoreField f = schema.fields().get(i);
            sql.append(i == 0 ? "" : ", ").append(DuckDbSql.quote(f.name())).append(' ')
                    .append(DuckDbTypes.sqlType(f)).append(f.nullable() ? "" : " NOT NULL");
        }
        return sql.append(')').toString();
    }

    /**
     * The SELECT list of a load: columns by position; timestamps arrive as Arrow timestamps in UTC (DuckDB's
     * TIMESTAMP WITH TIME ZONE) and are turned into plain timestamps without consulting a time zone.
     */
    private static String insertColumns(StoreSchema schema) {
        StringBuilder sql = new StringBuilder();
        for (int i = 0; i < schema.fields().size(); i++) {
            StoreField f = schema.fields().get(i);
            String column = DuckDbSql.quote(f.name());
            sql.append(i == 0 ? "" : ", ").append(f.type() == LogicalType.TIMESTAMP
                    ? "make_timestamp(epoch_us(" + column + "))" : column);
        }
        return sql.toString();
    }

    private static String orderBy(List<String> sortKey) {
        if (sortKey.isEmpty()) {
            return "";
        }
        StringBuilder sb = new StringBuilder(" ORDER BY ");
        for (int i = 0; i < sortKey.size(); i++) {
            sb.append(i == 0 ? "" : ", ").append(DuckDbSql.quote(sortKey.get(i)));
        }
        return sb.toString();
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
        StringBuilder sql = new StringBuilder("SELECT ");
        List<String> columns = request.columns().isEmpty() ? table.schema().names() : request.columns();
        for (int i = 0; i < columns.size(); i++) {
            sql.append(i == 0 ? "" : ", ").append(DuckDbSql.quote(columns.get(i)));
        }
        sql.append(" FROM ").append(DuckDbSql.quote(table.name()));
        List<Object> params = new ArrayList<>();
        if (request.where().isPresent()) {
            sql.append(" WHERE ");
            DuckDbSql.where(request.where().get(), sql, params);
        }
        sql.append(DuckDbSql.orderBy(request.orderBy()));
        if (request.limit() >= 0) {
            sql.append(" LIMIT ").append(request.limit());
        }
        return stream(sql.toString(), params, request.batchRows(), "scanning table '" + table.name() + "'");
    }

    @Override
    public TableStream query(String sql, Object... params) {
        return stream(sql, Arrays.asList(params), ScanRequest.DEFAULT_BATCH_ROWS, "running " + sql);
    }

    /** Runs a statement on its own connection and hands its result over as a stream that owns them both. */
    private TableStream stream(String sql, List<?> params, int batchRows, String what) {
        DuckDBConnection c = connection();
        PreparedStatement st = null;
        try {
            st = c.prepareStatement(sql);
            DuckDbSql.bind(st, params);
            if (!st.execute()) {
                long count = st.getLargeUpdateCount();
                st.close();
                c.close();
                // a statement without rows (DDL, an update): one row, how many rows it changed
                return TableStream.of(Table.of(Int64Column.wrap("changed", new long[] {count})));
            }
            ResultSet rs = st.getResultSet();
            BufferAllocator child = allocator.newChildAllocator(what, 0, Long.MAX_VALUE);
            ArrowReader reader = (ArrowReader) ((DuckDBResultSet) rs).arrowExportStream(child, batchRows);
            PreparedStatement statement = st;
            AutoCloseable[] self = new AutoCloseable[1];
            AutoCloseable release = () -> {
                open.remove(self[0]);
                try {
                    rs.close();
                    statement.close();
                } finally {
                    try {
                        c.close();
                    } finally {
                        child.close(); // after the reader, which ArrowStreams closes first
                    }
                }
            };
            TableStream out = ArrowStreams.toTableStream(reader, release);
            self[0] = out;
            open.add(out);
            return out;
        } catch (SQLException | RuntimeException e) {
            try {
                if (st != null) {
                    st.close();
                }
                c.close();
            } catch (SQLException again) {
                e.addSuppressed(again);
            }
            if (e instanceof StoreException s) {
                throw s;
            }
            throw new StoreException(what + " failed: " + e.getMessage(), e);
        }
    }

    private DuckDBConnection connection() {
        if (closed) {
            throw new StoreException("the store " + location + " is closed");
        }
        try {
            return (DuckDBConnection) database.duplicate();
        } catch (SQLException e) {
            throw failure("connecting", e);
        }
    }

    private static boolean exists(Connection c, String table) throws SQLException {
        try (PreparedStatement st = c.prepareStatement("SELECT 1 FROM information_schema.tables "
                + "WHERE table_schema = 'main' AND table_type = 'BASE TABLE' AND lower(table_name) = lower(?)")) {
            st.setString(1, table);
            try (ResultSet rs = st.executeQuery()) {
                return rs.next();
            }
        }
    }

    private StoreException failure(String what, SQLException e) {
        return new StoreException(what + " in " + location + " failed: " + e.getMessage(), e);
    }

    /** The caller's stream, which the load must not close. */
    private static TableStream notClosing(TableStream data) {
        return new TableStream() {
            @Override
            public Schema schema() {
                return data.schema();
            }

            @Override
            public Table next() {
                return data.next();
            }

            @Override
            public void close() {
                // the caller's
            }
        };
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        for (AutoCloseable s : List.copyOf(open)) {
            try {
                s.close();
            } catch (Exception e) {
                // closing what is left; the first failure is not worth more than the rest
            }
        }
        try {
            database.close();
        } catch (SQLException e) {
            throw failure("closing", e);
        } finally {
            allocator.close();
        }
    }

    @Override
    public String toString() {
        return "DuckDbStore[" + location + "]";
    }
}
