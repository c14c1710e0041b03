package dev.quiver.heavydb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.quiver.api.store.ColumnEncoding;
import dev.quiver.api.store.StorageOptions;
import dev.quiver.api.store.StoreException;
import dev.quiver.api.store.StoreField;
import dev.quiver.api.store.StoreSchema;
import dev.quiver.api.store.TimeUnit;
import dev.quiver.api.table.ColumnType;
import dev.quiver.api.table.Field;
import dev.quiver.api.table.LogicalType;
import dev.quiver.api.table.Schema;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class HeavyDbDialectTest {
    /** The bar table of the Backtester contract, with the symbol and time columns a panel stores. */
    private static final Schema OHLCV = Schema.of(Field.string("symbol"), Field.int64("time"),
            Field.float64("open"), Field.float64("high"), Field.float64("low"), Field.float64("close"),
            Field.float64("volume"), Field.int32("trades"));

    private static final String OHLCV_COLUMNS = "\"symbol\" TEXT ENCODING DICT(32), \"time\" BIGINT, "
            + "\"open\" DOUBLE, \"high\" DOUBLE, \"low\" DOUBLE, \"close\" DOUBLE, \"volume\" DOUBLE, "
            + "\"trades\" INTEGER";

    @Test
    void ohlcvTableWithoutOptions() {
        assertThat(HeavyDbDialect.createTable("bars", OHLCV, StorageOptions.defaults()))
                .isEqualTo("CREATE TABLE \"bars\" (" + OHLCV_COLUMNS + ")");
    }

    @Test
    void ohlcvTableWithSortKeyShardKeyAndProperties() {
        StorageOptions options = new StorageOptions(List.of("time", "symbol"), "symbol",
                ordered("SHARD_COUNT", "4", "fragment_size", "32000000", "Vacuum", "delayed"));
        assertThat(HeavyDbDialect.createTable("daily_bars", OHLCV, options)).isEqualTo(
                "CREATE TABLE \"daily_bars\" (" + OHLCV_COLUMNS + ", SHARD KEY (\"symbol\")) WITH ("
                        + "fragment_size = 32000000, vacuum = 'DELAYED', sort_column = 'time', shard_count = 4)");
    }

    @Test
    void sortKeyAloneUsesItsFirstColumn() {
        assertThat(HeavyDbDialect.createTable("bars", OHLCV, StorageOptions.defaults().withSortKey("symbol", "time")))
                .isEqualTo("CREATE TABLE \"bars\" (" + OHLCV_COLUMNS + ") WITH (sort_column = 'symbol')");
    }

    @Test
    void everyPassThroughOption() {
        StorageOptions options = new StorageOptions(List.of(), "", ordered("partitions", "replicated",
                "max_rollback_epochs", "0", "max_rows", "1000000", "page_size", "2097152", "max_chunk_size",
                "1073741824", "sort_column", "time", "fragment_size", "1000"));
        assertThat(HeavyDbDialect.createTable("t", Schema.of(Field.int64("time")), options)).isEqualTo(
                "CREATE TABLE \"t\" (\"time\" BIGINT) WITH (fragment_size = 1000, max_chunk_size = 1073741824, "
                        + "page_size = 2097152, max_rows = 1000000, max_rollback_epochs = 0, "
                        + "partitions = 'REPLICATED', sort_column = 'time')");
    }

    @Test
    void sortColumnPropertyMustAgreeWithTheSortKey() {
        StorageOptions same = StorageOptions.defaults().withSortKey("time").withProperty("sort_column", "time");
        assertThat(HeavyDbDialect.createTable("bars", OHLCV, same)).endsWith("WITH (sort_column = 'time')");
        StorageOptions other = StorageOptions.defaults().withSortKey("time").withProperty("sort_column", "symbol");
        assertThatThrownBy(() -> HeavyDbDialect.createTable("bars", OHLCV, other))
                .isInstanceOf(StoreException.class).hasMessageContaining("\"bars\"")
                .hasMessageContaining("'time'").hasMessageContaining("'symbol'");
    }

    @Test
    void dropTable() {
        assertThat(HeavyDbDialect.dropTable("bars")).isEqualTo("DROP TABLE IF EXISTS \"bars\"");
        assertThatThrownBy(() -> HeavyDbDialect.dropTable("bars; DROP TABLE x"))
                .isInstanceOf(StoreException.class).hasMessageContaining("[A-Za-z_][A-Za-z0-9_]*");
    }

    @Test
    void typeMapping() {
        assertThat(HeavyDbDialect.sqlType(ColumnType.FLOAT64)).isEqualTo("DOUBLE");
        assertThat(HeavyDbDialect.sqlType(ColumnType.INT64)).isEqualTo("BIGINT");
        assertThat(HeavyDbDialect.sqlType(ColumnType.INT32)).isEqualTo("INTEGER");
        assertThat(HeavyDbDialect.sqlType(ColumnType.STRING)).isEqualTo("TEXT ENCODING DICT(32)");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "1bars", "bars-1", "bar s", "bärs", "\"bars\"", "bars;"})
    void invalidTableNames(String name) {
        assertThatThrownBy(() -> HeavyDbDialect.createTable(name, OHLCV, StorageOptions.defaults()))
                .isInstanceOf(StoreException.class)
                .hasMessageContaining("invalid HeavyDB table name '" + name + "'")
                .hasMessageContaining("[A-Za-z_][A-Za-z0-9_]*");
    }

    @ParameterizedTest
    @ValueSource(strings = {"select", "FROM", "Table", "group", "order", "null", "rowid", "integer", "text"})
    void reservedNamesAreRejectedCaseInsensitively(String name) {
        assertThatThrownBy(() -> HeavyDbDialect.createTable(name, OHLCV, StorageOptions.defaults()))
                .isInstanceOf(StoreException.class).hasMessageContaining("'" + name + "'")
                .hasMessageContaining("reserved");
        assertThatThrownBy(() -> HeavyDbDialect.createTable("t", Schema.of(Field.float64(name)),
                StorageOptions.defaults()))
                .isInstanceOf(StoreException.class).hasMessageContaining("column of table \"t\"")
                .hasMessageContaining("reserved");
    }

    @ParameterizedTest
    @ValueSource(strings = {"open", "close", "time", "date", "timestamp", "value", "min", "max", "count", "_x1"})
    void marketDataNamesAreAllowedBecauseTheyAreQuoted(String name) {
        assertThat(HeavyDbDialect.createTable("t", Schema.of(Field.float64(name)), StorageOptions.defaults()))
                .isEqualTo("CREATE TABLE \"t\" (\"" + name + "\" DOUBLE)");
    }

    @Test
    void columnsDifferingOnlyInCaseAreRejected() {
        Schema schema = Schema.of(Field.float64("Close"), Field.float64("close"));
        assertThatThrownBy(() -> HeavyDbDialect.createTable("t", schema, StorageOptions.defaults()))
                .isInstanceOf(StoreException.class).hasMessageContaining("'Close' and 'close'");
    }

    @Test
    void anEmptySchemaIsRejected() {
        assertThatThrownBy(() -> HeavyDbDialect.createTable("t", Schema.of(), StorageOptions.defaults()))
                .isInstanceOf(StoreException.class).hasMessageContaining("no columns");
    }

    @Test
    void unknownOptionsAreRejectedWithTheListOfKnownOnes() {
        StorageOptions options = StorageOptions.defaults().withProperty("fragmentsize", "1000");
        assertThatThrownBy(() -> HeavyDbDialect.createTable("bars", OHLCV, options))
                .isInstanceOf(StoreException.class)
                .hasMessageContaining("\"bars\"")
                .hasMessageContaining("unknown storage option 'fragmentsize'")
                .hasMessageContaining("fragment_size");
        StorageOptions internal = StorageOptions.defaults().withProperty("storage_type", "CSV");
        assertThatThrownBy(() -> HeavyDbDialect.createTable("bars", OHLCV, internal))
                .isInstanceOf(StoreException.class).hasMessageContaining("'storage_type'");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "fragment_size|lots|must be an integer, not 'lots'",
        "fragment_size|0|must be >= 1, not 0",
        "page_size|-5|must be >= 1, not -5",
        "max_rows|1e6|must be an integer",
        "max_rollback_epochs|-1|must be >= 0, not -1",
        "partitions|SPREAD|must be one of [REPLICATED, SHARDED], not 'SPREAD'",
        "vacuum|later|must be one of [DELAYED, IMMEDIATE], not 'later'"})
    void malformedOptionValues(String key, String value, String message) {
        StorageOptions options = StorageOptions.defaults().withProperty(key, value);
        assertThatThrownBy(() -> HeavyDbDialect.createTable("bars", OHLCV, options))
                .isInstanceOf(StoreException.class).hasMessageContaining(key).hasMessageContaining(message);
    }

    @Test
    void optionKeysGivenTwiceInDifferentCase() {
        StorageOptions options = new StorageOptions(List.of(), "", ordered("fragment_size", "1", "FRAGMENT_SIZE", "2"));
        assertThatThrownBy(() -> HeavyDbDialect.createTable("bars", OHLCV, options))
                .isInstanceOf(StoreException.class).hasMessageContaining("given twice");
    }

    @Test
    void shardingRules() {
        StorageOptions noCount = new StorageOptions(List.of(), "symbol", Map.of());
        assertThatThrownBy(() -> HeavyDbDialect.createTable("bars", OHLCV, noCount))
                .isInstanceOf(StoreException.class).hasMessageContaining("shard key 'symbol'")
                .hasMessageContaining("shard_count");
        StorageOptions noKey = StorageOptions.defaults().withProperty("shard_count", "4");
        assertThatThrownBy(() -> HeavyDbDialect.createTable("bars", OHLCV, noKey))
                .isInstanceOf(StoreException.class).hasMessageContaining("shard_count needs a shard key");
        StorageOptions floatKey = new StorageOptions(List.of(), "close", Map.of("shard_count", "2"));
        assertThatThrownBy(() -> HeavyDbDialect.createTable("bars", OHLCV, floatKey))
                .isInstanceOf(StoreException.class).hasMessageContaining("'close' is FLOAT64");
        StorageOptions missing = new StorageOptions(List.of(), "ticker", Map.of("shard_count", "2"));
        assertThatThrownBy(() -> HeavyDbDialect.createTable("bars", OHLCV, missing))
                .isInstanceOf(StoreException.class).hasMessageContaining("shard key 'ticker' is not a column")
                .hasMessageContaining("[symbol, time, open");
        StorageOptions replicated = new StorageOptions(List.of(), "symbol",
                Map.of("shard_count", "2", "partitions", "REPLICATED"));
        assertThatThrownBy(() -> HeavyDbDialect.createTable("bars", OHLCV, replicated))
                .isInstanceOf(StoreException.class).hasMessageContaining("REPLICATED");
        StorageOptions intKey = new StorageOptions(List.of(), "trades", Map.of("shard_count", "2"));
        assertThat(HeavyDbDialect.createTable("bars", OHLCV, intKey))
                .endsWith(", SHARD KEY (\"trades\")) WITH (shard_count = 2)");
    }

    @Test
    void aSortKeyColumnMustExistAndIsSpelledAsTheColumnIs() {
        assertThatThrownBy(() -> HeavyDbDialect.createTable("bars", OHLCV,
                StorageOptions.defaults().withSortKey("when")))
                .isInstanceOf(StoreException.class).hasMessageContaining("sort column 'when' is not a column");
        assertThat(HeavyDbDialect.createTable("bars", OHLCV, StorageOptions.defaults().withSortKey("Time")))
                .endsWith("WITH (sort_column = 'time')");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "DOUBLE|FLOAT64", "double|FLOAT64", "DOUBLE PRECISION|FLOAT64", "FLOAT|FLOAT64", "REAL|FLOAT64",
        "BIGINT|INT64", "BIGINT NOT NULL|INT64", "TIMESTAMP|INT64", "TIMESTAMP(3)|INT64",
        "TIMESTAMP(0) ENCODING FIXED(32)|INT64",
        "INTEGER|INT32", "INT|INT32", "SMALLINT|INT32", "TINYINT|INT32", "INTEGER ENCODING FIXED(16)|INT32",
        "TEXT|STRING", "TEXT ENCODING DICT(32)|STRING", "TEXT ENCODING NONE|STRING", "VARCHAR|STRING",
        "VARCHAR(255)|STRING", "STR|STRING", " text |STRING"})
    void parsesHeavyDbTypes(String heavyDbType, ColumnType expected) {
        assertThat(HeavyDbDialect.columnType("c", heavyDbType)).isEqualTo(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"BOOLEAN", "DECIMAL(10,2)", "DATE", "TIME", "POINT", "INTEGER[]", "TEXT[] ENCODING DICT(32)",
            "", "   "})
    void unsupportedTypesNameTheColumnAndTheType(String heavyDbType) {
        assertThatThrownBy(() -> HeavyDbDialect.columnType("price", heavyDbType))
                .isInstanceOf(StoreException.class)
                .hasMessageContaining("column 'price'")
                .hasMessageContaining("'" + heavyDbType + "'")
                .hasMessageContaining("supported are DOUBLE");
    }

    @Test
    void theDdlTypesParseBackToTheirQuiverTypes() {
        for (ColumnType type : ColumnType.values()) {
            assertThat(HeavyDbDialect.columnType("c", HeavyDbDialect.sqlType(type))).isEqualTo(type);
        }
    }

    private static Map<String, String> ordered(String... keyValues) {
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            map.put(keyValues[i], keyValues[i + 1]);
        }
        return map;
    }

    @Test
    void storedSchemasCarryLogicalTypesNullabilityAndEncodings() {
        StoreSchema schema = StoreSchema.of(
                StoreField.of("day", LogicalType.DATE).withEncoding(ColumnEncoding.days(16)).withNullable(false),
                StoreField.of("strategy", LogicalType.STRING).withEncoding(ColumnEncoding.dictionary(16)),
                StoreField.of("note", LogicalType.STRING).withEncoding(ColumnEncoding.NONE),
                StoreField.of("at", LogicalType.TIMESTAMP),
                StoreField.of("at_s", LogicalType.TIMESTAMP).withUnit(TimeUnit.SECOND)
                        .withEncoding(ColumnEncoding.fixed(32)),
                StoreField.of("at_ns", LogicalType.TIMESTAMP).withUnit(TimeUnit.NANOSECOND),
                StoreField.of("n", LogicalType.INT64).withEncoding(ColumnEncoding.fixed(16)),
                StoreField.of("k", LogicalType.INT8),
                StoreField.of("flag", LogicalType.BOOLEAN),
                StoreField.of("pnl", LogicalType.FLOAT32));
        assertThat(HeavyDbDialect.createTable("pnl", schema, StorageOptions.defaults().withSortKey("day")
                .withProperty("fragment_size", "4000000"))).isEqualTo("CREATE TABLE \"pnl\" ("
                + "\"day\" DATE ENCODING DAYS(16) NOT NULL, \"strategy\" TEXT ENCODING DICT(16), "
                + "\"note\" TEXT ENCODING NONE, \"at\" TIMESTAMP(3), \"at_s\" TIMESTAMP(0) ENCODING FIXED(32), "
                + "\"at_ns\" TIMESTAMP(9), \"n\" BIGINT ENCODING FIXED(16), \"k\" TINYINT, \"flag\" BOOLEAN, "
                + "\"pnl\" FLOAT) WITH (fragment_size = 4000000, sort_column = 'day')");
    }

    @Test
    void fixedTimestampsAreSecondsOnlyAndPlainTextIsNoShardKey() {
        StoreSchema ms = StoreSchema.of(StoreField.of("at", LogicalType.TIMESTAMP)
                .withEncoding(ColumnEncoding.fixed(32)));
        assertThatThrownBy(() -> HeavyDbDialect.createTable("t", ms, StorageOptions.defaults()))
                .isInstanceOf(StoreException.class).hasMessageContaining("only in seconds");
        StoreSchema plain = StoreSchema.of(StoreField.of("s", LogicalType.STRING).withEncoding(ColumnEncoding.NONE));
        StorageOptions sharded = new StorageOptions(List.of(), "s", Map.of("shard_count", "2"));
        assertThatThrownBy(() -> HeavyDbDialect.createTable("t", plain, sharded))
                .isInstanceOf(StoreException.class).hasMessageContaining("dictionary-encoded text");
    }
}
