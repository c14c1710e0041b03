package dev.quiver.io.arrow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.quiver.api.table.Column;
import dev.quiver.api.table.Float64Column;
import dev.quiver.api.table.Int32Column;
import dev.quiver.api.table.Int64Column;
import dev.quiver.api.table.LogicalType;
import dev.quiver.api.table.NativeMemory;
import dev.quiver.api.table.StringColumn;
import dev.quiver.api.table.Table;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.channels.Channels;
import java.util.List;
import java.util.Map;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.ipc.ArrowStreamReader;
import org.apache.arrow.vector.ipc.ArrowStreamWriter;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.FieldType;
import org.apache.arrow.vector.util.ByteArrayReadableSeekableByteChannel;
import org.junit.jupiter.api.Test;

class ArrowStorageTest {
    /** A NaN with a payload: the lossless layout keeps it, the interop layout would make it a null. */
    private static final double PAYLOAD_NAN = Double.longBitsToDouble(0x7ff8_0000_0000_0abcL);

    private static Table table() {
        List<Column> columns = List.of(
                Float64Column.wrap("x", new double[] {0.1, Double.NaN, -0.0, PAYLOAD_NAN}),
                Int64Column.wrap("date", new long[] {86_400_000L, Int64Column.MISSING, 0, -86_400_000L})
                        .withLogicalType(LogicalType.DATE),
                Int32Column.wrap("n", new int[] {1, Int32Column.MISSING, -3, Integer.MAX_VALUE}),
                StringColumn.encode("symbol", new String[] {"AAPL", null, "MSFT", "AAPL"}));
        return Table.of(columns);
    }

    @Test
    void aTableRoundTripsBitForBitThroughAnIpcStream() throws IOException {
        long before = NativeMemory.bytesInUse();
        try (BufferAllocator allocator = new RootAllocator(); Table original = table()) {
            byte[] bytes;
            try (ArrowStorage.Batch batch = ArrowStorage.toArrow(original, allocator, Map.of("k", "v"));
                 ByteArrayOutputStream out = new ByteArrayOutputStream();
                 ArrowStreamWriter writer = new ArrowStreamWriter(batch.root(), batch.dictionaries(),
                         Channels.newChannel(out))) {
                assertThat(batch.root().getSchema().getCustomMetadata()).containsEntry("k", "v");
                writer.start();
                writer.writeBatch();
                writer.end();
                bytes = out.toByteArray();
            }
            try (ArrowStreamReader reader = new ArrowStreamReader(
                    new ByteArrayReadableSeekableByteChannel(bytes), allocator)) {
                assertThat(reader.loadNextBatch()).isTrue();
                try (Table read = ArrowStorage.toTable(reader.getVectorSchemaRoot(), reader)) {
                    assertThat(read.schema()).isEqualTo(original.schema());
                    assertThat(read.column("date").logicalType()).isEqualTo(LogicalType.DATE);
                    Float64Column x = (Float64Column) read.column("x");
                    for (int r = 0; r < 4; r++) {
                        assertThat(Double.doubleToRawLongBits(x.get(r)))
                                .isEqualTo(Double.doubleToRawLongBits(((Float64Column) original.column("x")).get(r)));
                    }
                    assertThat(((Int64Column) read.column("date")).get(1)).isEqualTo(Int64Column.MISSING);
                    assertThat(((Int32Column) read.column("n")).get(1)).isEqualTo(Int32Column.MISSING);
                    StringColumn symbol = (StringColumn) read.column("symbol");
                    assertThat(symbol.code(1)).isEqualTo(StringColumn.MISSING_CODE);
                    assertThat(symbol.get(3)).isEqualTo("AAPL");
                }
            }
            // other Arrow readers: the same stream through the interop layout, where a missing string is a null
            try (ArrowStreamReader reader = new ArrowStreamReader(
                    new ByteArrayReadableSeekableByteChannel(bytes), allocator)) {
                assertThat(reader.loadNextBatch()).isTrue();
                assertThat(reader.getVectorSchemaRoot().getVector("symbol").isNull(1)).isTrue();
                try (Table interop = ArrowTables.toTable(reader.getVectorSchemaRoot(), reader)) {
                    assertThat(((StringColumn) interop.column("symbol")).get(2)).isEqualTo("MSFT");
                }
            }
        }
        assertThat(NativeMemory.bytesInUse()).isEqualTo(before);
    }

    @Test
    void aFieldWhoseTypeContradictsItsDeclarationIsRefusedNamingTheColumn() {
        Field field = new Field("close", new FieldType(true, new ArrowType.Int(32, true), null,
                Map.of(ArrowStorage.TYPE_KEY, "FLOAT64")), null);
        assertThatThrownBy(() -> ArrowStorage.quiverField(field))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'close'").hasMessageContaining("declared FLOAT64");
        Field undeclared = new Field("close", FieldType.nullable(new ArrowType.Int(32, true)), null);
        assertThatThrownBy(() -> ArrowStorage.quiverField(undeclared))
                .hasMessageContaining("no valid " + ArrowStorage.TYPE_KEY);
        Field badLogical = new Field("d", new FieldType(true, new ArrowType.Int(32, true), null,
                Map.of(ArrowStorage.TYPE_KEY, "INT32", ArrowStorage.LOGICAL_KEY, "DATE")), null);
        assertThatThrownBy(() -> ArrowStorage.quiverField(badLogical))
                .hasMessageContaining("not stored as INT32");
    }
}
