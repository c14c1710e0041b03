package dev.quiver.cache;

import dev.quiver.api.table.Column;
import dev.quiver.api.table.ColumnType;
import dev.quiver.api.table.Float64Column;
import dev.quiver.api.table.Int32Column;
import dev.quiver.api.table.Int64Column;
import dev.quiver.api.table.LogicalType;
import dev.quiver.api.table.StringColumn;
import dev.quiver.api.table.Table;
import dev.quiver.io.arrow.ArrowStorage;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.arrow.flatbuf.Buffer;
import org.apache.arrow.flatbuf.DictionaryBatch;
import org.apache.arrow.flatbuf.FieldNode;
import org.apache.arrow.flatbuf.Message;
import org.apache.arrow.flatbuf.MessageHeader;
import org.apache.arrow.flatbuf.RecordBatch;
import org.apache.arrow.vector.ipc.message.ArrowBlock;
import org.apache.arrow.vector.ipc.message.ArrowFooter;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.Schema;

/**
 * Reads an uncompressed Quiver Arrow IPC file without copying: the file is memory-mapped once and every column is a
 * slice of the mapping, wrapped as a Quiver column. Arrow's allocator and vectors are not involved; the IPC layout is
 * walked directly (footer, then the record batch's message, its field nodes and buffer offsets, relative to the
 * batch body), which is what Arrow's own reader does before it copies.
 *
 * <p>Only what the cache's writer produces is accepted: one record batch, flat columns of the four Quiver types,
 * string dictionaries of UTF-8, 8-byte-aligned buffers, no compression. Anything else is reported as damage. The
 * caller verifies the file's envelope and checksum first; this class checks that the structure is consistent with
 * the schema and within the file, so that a wrapped slice can never reach outside the mapping.
 *
 * <p>The returned table owns the mapping's {@link Arena}: closing the table unmaps the file, after which reading a
 * column throws {@link IllegalStateException}. {@link #openMappings()} counts mappings not yet released, so tests can
 * prove that none leaks.
 *
 * <p>Thread-safety: stateless; the tables it returns are safe to read from many threads (the arena is shared).
 */
final class MappedArrowTable {
    private static final ValueLayout.OfInt INT_LE = ValueLayout.JAVA_INT_UNALIGNED.withOrder(ByteOrder.LITTLE_ENDIAN);
    private static final AtomicLong OPEN_MAPPINGS = new AtomicLong();

    private MappedArrowTable() {
    }

    /** Mappings handed to tables and not yet released. */
    static long openMappings() {
        return OPEN_MAPPINGS.get();
    }

    /** Whether any batch of the file is compressed, in which case it must be decompressed rather than mapped. */
    static boolean isCompressed(MemorySegment file, ArrowFooter footer, long bodyEnd) throws CorruptEntryException {
        for (ArrowBlock block : footer.getDictionaries()) {
            Message m = message(file, block.getOffset(), block.getMetadataLength(), bodyEnd);
            if (m.headerType() != MessageHeader.DictionaryBatch) {
                throw new CorruptEntryException("the block at " + block.getOffset() + " is not a dictionary batch");
            }
            RecordBatch data = ((DictionaryBatch) m.header(new DictionaryBatch())).data();
            if (data == null) {
                throw new CorruptEntryException("the dictionary batch at " + block.getOffset() + " has no data");
            }
            if (data.compression() != null) {
                return true;
            }
        }
        for (ArrowBlock block : footer.getRecordBatches()) {
            if (recordBatch(file, block, bodyEnd).compression() != null) {
                return true;
            }
        }
        return false;
    }

    /**
     * Wraps the columns of a verified, uncompressed file. {@code arena} is the mapping's; on success the returned
     * table owns it, on failure it is closed before the exception is thrown.
     *
     * @param bodyEnd the first byte after the last batch (where the footer begins)
     * @throws CorruptEntryException naming what does not fit
     */
    static Table wrap(MemorySegment file, ArrowFooter footer, Schema schema, int rows, long bodyEnd, Arena arena)
            throws CorruptEntryException {
        Release release = new Release(arena);
        try {
            List<ArrowBlock> blocks = footer.getRecordBatches();
            if (blocks.size() != 1) {
                throw new CorruptEntryException("holds " + blocks.size() + " record batches, expected 1");
            }
            Map<Long, List<String>> dictionaries = new HashMap<>();
            for (ArrowBlock block : footer.getDictionaries()) {
                readDictionary(file, block, bodyEnd, dictionaries);
            }
            ArrowBlock block = blocks.get(0);
            RecordBatch batch = recordBatch(file, block, bodyEnd);
            long body = block.getOffset() + block.getMetadataLength();
            if (batch.length() != rows) {
                throw new CorruptEntryException("its record batch has " + batch.length() + " rows, the metadata says "
                        + rows);
            }
            List<Field> fields = schema.getFields();
            if (batch.nodesLength() != fields.size() || batch.buffersLength() != 2 * fields.size()) {
                throw new CorruptEntryException("its record batch has " + batch.nodesLength() + " field nodes and "
                        + batch.buffersLength() + " buffers for " + fields.size() + " columns");
            }
            List<Column> columns = new ArrayList<>(fields.size());
            FieldNode node = new FieldNode();
            Buffer buffer = new Buffer();
            for (int i = 0; i < fields.size(); i++) {
                Field field = fields.get(i);
                dev.quiver.api.table.Field stored = storedField(field);
                ColumnType type = stored.type();
                batch.nodes(node, i);
                if (node.length() != rows || (type != ColumnType.STRING && node.nullCount() != 0)) {
                    throw new CorruptEntryException("column '" + field.getName() + "' has " + node.length()
                            + " values and " + node.nullCount() + " nulls in a batch of " + rows + " rows");
                }
                batch.buffers(buffer, 2 * i + 1);
                MemorySegment data = slice(file, body, block.getBodyLength(), buffer, (long) rows * type.byteWidth(),
                        type.byteWidth(), field.getName());
                String name = field.getName();
                LogicalType logical = stored.logical();
                columns.add(switch (type) {
                    case FLOAT64 -> Float64Column.wrap(name, data).withLogicalType(logical);
                    case INT64 -> Int64Column.wrap(name, data).withLogicalType(logical);
                    case INT32 -> Int32Column.wrap(name, data).withLogicalType(logical);
                    case STRING -> {
                        List<String> dictionary = dictionaries.get(field.getDictionary().getId());
                        if (dictionary == null) {
                            throw new CorruptEntryException("column '" + name + "': its string dictionary "
                                    + field.getDictionary().getId() + " is missing");
                        }
                        try {
                            yield StringColumn.wrap(name, data, dictionary);
                        } catch (IllegalArgumentException e) {
                            throw new CorruptEntryException(e.getMessage(), e);
                        }
                    }
                });
            }
            OPEN_MAPPINGS.incrementAndGet();
            release.counted = true;
            return Table.owning(columns, release);
        } catch (CorruptEntryException | RuntimeException e) {
            release.close();
            throw e;
        }
    }

    /** The column a stored field declares, its Arrow type checked against the declaration. */
    private static dev.quiver.api.table.Field storedField(Field field) throws CorruptEntryException {
        try {
            return ArrowStorage.quiverField(field);
        } catch (IllegalArgumentException e) {
            throw new CorruptEntryException(e.getMessage(), e);
        }
    }

    private static void readDictionary(MemorySegment file, ArrowBlock block, long bodyEnd,
                                       Map<Long, List<String>> into) throws CorruptEntryException {
        Message m = message(file, block.getOffset(), block.getMetadataLength(), bodyEnd);
        if (m.headerType() != MessageHeader.DictionaryBatch) {
            throw new CorruptEntryException("the block at " + block.getOffset() + " is not a dictionary batch");
        }
        DictionaryBatch db = (DictionaryBatch) m.header(new DictionaryBatch());
        RecordBatch data = db.data();
        long body = block.getOffset() + block.getMetadataLength();
        checkBody(block, bodyEnd);
        if (data == null || data.nodesLength() != 1 || data.buffersLength() != 3 || db.isDelta()) {
            throw new CorruptEntryException("dictionary " + db.id() + " is not one flat batch of strings");
        }
        long n = data.nodes(0).length();
        if (n < 0 || n > Integer.MAX_VALUE - 1 || data.nodes(0).nullCount() != 0) {
            throw new CorruptEntryException("dictionary " + db.id() + " has " + n + " entries, "
                    + data.nodes(0).nullCount() + " null");
        }
        int count = (int) n;
        MemorySegment offsets = slice(file, body, block.getBodyLength(), data.buffers(1),
                count == 0 ? 0 : (count + 1L) * Integer.BYTES, 1, "dictionary " + db.id());
        Buffer valuesBuffer = data.buffers(2);
        MemorySegment values = slice(file, body, block.getBodyLength(), valuesBuffer, valuesBuffer.length(), 1,
                "dictionary " + db.id());
        List<String> entries = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            int from = offsets.get(INT_LE, (long) i * Integer.BYTES);
            int to = offsets.get(INT_LE, (long) (i + 1) * Integer.BYTES);
            if (from < 0 || to < from || to > values.byteSize()) {
                throw new CorruptEntryException("dictionary " + db.id() + ", entry " + i + ": offsets " + from
                        + ".." + to + " outside its " + values.byteSize() + " bytes");
            }
            byte[] utf8 = values.asSlice(from, to - from).toArray(ValueLayout.JAVA_BYTE);
            entries.add(new String(utf8, StandardCharsets.UTF_8));
        }
        if (into.put(db.id(), entries) != null) {
            throw new CorruptEntryException("dictionary " + db.id() + " appears twice");
        }
    }

    private static RecordBatch recordBatch(MemorySegment file, ArrowBlock block, long bodyEnd)
            throws CorruptEntryException {
        Message m = message(file, block.getOffset(), block.getMetadataLength(), bodyEnd);
        if (m.headerType() != MessageHeader.RecordBatch) {
            throw new CorruptEntryException("the block at " + block.getOffset() + " is not a record batch");
        }
        checkBody(block, bodyEnd);
        return (RecordBatch) m.header(new RecordBatch());
    }

    private static void checkBody(ArrowBlock block, long bodyEnd) throws CorruptEntryException {
        long body = block.getOffset() + block.getMetadataLength();
        if (block.getBodyLength() < 0 || body + block.getBodyLength() > bodyEnd) {
            throw new CorruptEntryException("the batch body at " + body + " of " + block.getBodyLength()
                    + " bytes runs past the end of the data at " + bodyEnd);
        }
    }

    /**
     * The flatbuffer message at {@code offset}: a continuation marker (or, in old files, none), its length, then the
     * flatbuffer, all within {@code metadataLength} bytes (or up to {@code limit} if that is unknown, 0).
     */
    static Message message(MemorySegment file, long offset, int metadataLength, long limit)
            throws CorruptEntryException {
        long end = metadataLength > 0 ? offset + metadataLength : limit;
        if (offset < 0 || end > limit || offset + Integer.BYTES > end) {
            throw new CorruptEntryException("a message at " + offset + " does not fit the " + limit
                    + " bytes of data");
        }
        int first = file.get(INT_LE, offset);
        long start = offset + Integer.BYTES;
        int length = first;
        if (first == -1) {
            if (start + Integer.BYTES > end) {
                throw new CorruptEntryException("the message at " + offset + " is cut short");
            }
            length = file.get(INT_LE, start);
            start += Integer.BYTES;
        }
        if (length <= 0 || start + length > end) {
            throw new CorruptEntryException("the message at " + offset + " claims " + length + " bytes of "
                    + (end - start));
        }
        ByteBuffer bb = file.asSlice(start, length).asByteBuffer().order(ByteOrder.LITTLE_ENDIAN);
        return Message.getRootAsMessage(bb);
    }

    private static MemorySegment slice(MemorySegment file, long body, long bodyLength, Buffer buffer, long needed,
                                       int alignment, String what) throws CorruptEntryException {
        long offset = buffer.offset();
        long length = buffer.length();
        if (offset < 0 || length < needed || offset + needed > bodyLength) {
            throw new CorruptEntryException(what + ": a buffer of " + length + " bytes at " + offset
                    + " cannot hold " + needed + " bytes within a body of " + bodyLength);
        }
        MemorySegment s = file.asSlice(body + offset, needed);
        // a mapping starts on a page boundary, so this is the buffer's alignment within the file
        if (s.address() % alignment != 0) {
            throw new CorruptEntryException(what + ": its buffer at file offset " + (body + offset)
                    + " is not aligned to " + alignment + " bytes");
        }
        return s;
    }

    /** Unmaps once, and counts the release of a mapping that was handed out. */
    private static final class Release implements AutoCloseable {
        private final Arena arena;
        private final AtomicBoolean done = new AtomicBoolean();
        private volatile boolean counted;

        Release(Arena arena) {
            this.arena = arena;
        }

        @Override
        public void close() {
            if (done.compareAndSet(false, true)) {
                arena.close();
                if (counted) {
                    OPEN_MAPPINGS.decrementAndGet();
                }
            }
        }
    }
}
