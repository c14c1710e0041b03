package dev.quiver.cache;

import dev.quiver.api.cache.CacheKey;
import dev.quiver.api.cache.Compression;
import dev.quiver.api.table.Column;
import dev.quiver.api.table.ColumnType;
import dev.quiver.api.table.LogicalType;
import dev.quiver.api.table.StringColumn;
import dev.quiver.api.table.Table;
import dev.quiver.api.table.TableBuilder;
import dev.quiver.io.arrow.ArrowStorage;
import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.channels.WritableByteChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.zip.CRC32C;
import org.apache.arrow.compression.CommonsCompressionFactory;
import org.apache.arrow.flatbuf.Footer;
import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.Float8Vector;
import org.apache.arrow.vector.IntVector;
import org.apache.arrow.vector.VarCharVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.compression.CompressionCodec;
import org.apache.arrow.vector.compression.CompressionUtil;
import org.apache.arrow.vector.compression.NoCompressionCodec;
import org.apache.arrow.vector.ipc.ArrowFileReader;
import org.apache.arrow.vector.ipc.ArrowFileWriter;
import org.apache.arrow.vector.ipc.message.ArrowBlock;
import org.apache.arrow.vector.ipc.message.ArrowFooter;
import org.apache.arrow.vector.ipc.message.IpcOption;
import org.apache.arrow.vector.ipc.message.MessageSerializer;
import org.apache.arrow.vector.types.FloatingPointPrecision;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Schema;

/**
 * Writes a Quiver {@link Table} as one Arrow IPC file (one record batch) and reads it back, verifying it.
 *
 * <p>The columns are stored in {@link ArrowStorage}'s lossless layout (sdk-io's Table/Arrow bridge): each column as
 * its physical type with missing markers as plain values, strings as dictionary-encoded codes, physical and logical
 * types in the field metadata. Other Arrow readers open the files (a missing string is an Arrow null).
 *
 * <p>Verification happens twice. Before Arrow's reader sees the file, its envelope is checked: the magic at both
 * ends, and a CRC-32C, recorded in the footer's custom metadata, over every byte before the footer and over the
 * footer's table of batch positions. Arrow 18.3's reader leaks the buffer of a message whose header is damaged, so
 * it must only ever parse files whose messages are intact. After decoding, the schema's custom metadata (the key, its
 * fingerprint, the row count, and a CRC-32C over everything a read returns: column names, types, data, dictionary
 * entries) is compared with what was read, which covers the footer's copy of the schema that Arrow decodes from. A
 * file filed under the wrong key, cut short, or altered in any byte that would change the returned table is
 * rejected.
 *
 * <p>Reads of uncompressed files copy nothing: {@link MappedArrowTable} maps the file and wraps slices of the
 * mapping; the envelope check (magic, footer, file checksum, head schema equal to the footer's) and the key check come
 * first, and the file checksum already covers every byte the columns are made of. Reads of compressed files go through
 * Arrow's reader, decompress into an off-heap table built by {@link TableBuilder#offHeap()} (accounted in
 * {@link dev.quiver.api.table.NativeMemory}) and also compare the data checksum of the schema's metadata; string
 * codes pass through a heap array on the way (their dictionary is checked against them first).
 *
 * <p>Each field's metadata records its physical and its logical type ({@link LogicalType}), so a DATE column comes
 * back a DATE; files without the logical type read as the physical type's default.
 *
 * <p>Thread-safety: safe for concurrent use; each call uses its own Arrow buffers from the shared allocator.
 */
final class ArrowTableCodec {
    static final String FORMAT_KEY = "quiver.format";
    static final String FORMAT_VERSION = "1";
    static final String NAME_KEY = "quiver.key";
    static final String FINGERPRINT_KEY = "quiver.fingerprint";
    static final String ROWS_KEY = "quiver.rows";
    static final String CHECKSUM_KEY = "quiver.crc32c";
    static final String TYPE_KEY = "quiver.type";
    /** The column's logical type ({@link LogicalType}); absent in files of earlier versions: the default. */
    static final String LOGICAL_KEY = "quiver.logical";
    static final String FILE_BYTES_KEY = "quiver.file.covered";
    static final String FILE_CHECKSUM_KEY = "quiver.file.crc32c";
    /** A random value per written file: with the file's length and footer it identifies a file already verified. */
    static final String FILE_NONCE_KEY = "quiver.file.nonce";
    private static final int MAX_VERIFIED = 1 << 16;
    private static final ValueLayout.OfInt INT_LE = ValueLayout.JAVA_INT_UNALIGNED.withOrder(ByteOrder.LITTLE_ENDIAN);

    private static final byte[] MAGIC = "ARROW1".getBytes(StandardCharsets.US_ASCII);
    /** The file magic is padded to 8 bytes; the schema message follows. */
    private static final int MAGIC_AND_PADDING = 8;
    /** The footer of a one-batch file is a few KiB; a larger length is damage, not a reason to allocate. */
    private static final int MAX_FOOTER_BYTES = 64 << 20;

    /** ByteBuffers address at most 2 GiB; columns are copied through windows of this many bytes. */
    private static final int WINDOW = 1 << 30;
    private static final ArrowType.Int INT32_TYPE = new ArrowType.Int(32, true);
    private static final ArrowType.Int INT64_TYPE = new ArrowType.Int(64, true);
    private static final ArrowType.FloatingPoint FLOAT64_TYPE =
            new ArrowType.FloatingPoint(FloatingPointPrecision.DOUBLE);

    private final BufferAllocator allocator;
    private final CompressionUtil.CodecType codecType;
    private final ConcurrentHashMap<String, Boolean> verified = new ConcurrentHashMap<>();

    /**
     * A codec writing with this compression.
     *
     * @throws UnsupportedOperationException if the compression's codec cannot work here (its native library does not
     *     load)
     */
    ArrowTableCodec(BufferAllocator allocator, Compression compression) {
        this.allocator = allocator;
        this.codecType = switch (compression) {
            case NONE -> CompressionUtil.CodecType.NO_COMPRESSION;
            case LZ4 -> CompressionUtil.CodecType.LZ4_FRAME;
            case ZSTD -> CompressionUtil.CodecType.ZSTD;
        };
        probe(compression);
    }

    /**
     * Writes {@code table} to {@code out} and forces it to the device. The caller closes the channel (closing it
     * twice is harmless).
     */
    void write(Table table, CacheKey key, FileChannel out) throws IOException {
        Map<String, String> metadata = new HashMap<>();
        metadata.put(FORMAT_KEY, FORMAT_VERSION);
        metadata.put(NAME_KEY, key.name());
        metadata.put(FINGERPRINT_KEY, key.fingerprint().hex());
        metadata.put(ROWS_KEY, Integer.toString(table.rowCount()));
        metadata.put(CHECKSUM_KEY, Long.toHexString(checksum(table)));
        ChecksummedChannel checked = new ChecksummedChannel(out);
        // ArrowFileWriter keeps this map and writes it into the footer at end(), so it is filled just before
        Map<String, String> footerMetadata = new HashMap<>();
        try (ArrowStorage.Batch batch = ArrowStorage.toArrow(table, allocator, metadata);
             ArrowFileWriter writer = new ArrowFileWriter(batch.root(), batch.dictionaries(), checked,
                     footerMetadata, IpcOption.DEFAULT, Codecs.INSTANCE, codecType, Optional.empty())) {
            writer.start();
            writer.writeBatch();
            checksumBlocks(checked.crc, writer.getDictionaryBlocks(), writer.getRecordBlocks());
            footerMetadata.put(FILE_BYTES_KEY, Long.toString(checked.bytes));
            footerMetadata.put(FILE_CHECKSUM_KEY, Long.toHexString(checked.crc.getValue()));
            footerMetadata.put(FILE_NONCE_KEY, UUID.randomUUID().toString());
            writer.end();
            // before the writer closes the channel: the rename that publishes the file must follow durable bytes
            out.force(true);
        }
    }

    /**
     * Reads and verifies the file stored under {@code key}. An uncompressed file is memory-mapped and its columns
     * wrap slices of the mapping (no copy); a compressed one is decompressed by Arrow's reader into off-heap memory.
     *
     * @return a table the caller owns; closing it unmaps the file or frees the decompressed memory
     * @throws CorruptEntryException naming what is wrong if the file is not a whole Arrow IPC file, describes another
     *     key, or fails its checksum
     * @throws IOException if the file cannot be read
     */
    Table read(Path file, CacheKey key) throws IOException, CorruptEntryException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            long size = channel.size();
            // read after opening: a file replaced in between has another nonce, so the pair is never a stale match
            FileTime modified = Files.getLastModifiedTime(file);
            if (size < MAGIC_AND_PADDING + Integer.BYTES + MAGIC.length) {
                throw new CorruptEntryException("it is " + size + " bytes long, too short for an Arrow IPC file");
            }
            Arena arena = Arena.ofShared();
            boolean handedOver = false;
            try {
                MemorySegment mapped = channel.map(FileChannel.MapMode.READ_ONLY, 0, size, arena);
                Envelope envelope = verifyEnvelope(file, modified, mapped);
                Schema schema = envelope.footer().getSchema();
                int rows = checkKey(schema, key);
                if (!MappedArrowTable.isCompressed(mapped, envelope.footer(), envelope.bodyEnd())) {
                    handedOver = true; // wrap closes the arena itself if it fails
                    return MappedArrowTable.wrap(mapped, envelope.footer(), schema, rows, envelope.bodyEnd(), arena);
                }
            } catch (RuntimeException e) {
                // flatbuffers and Arrow report damaged structures as assorted runtime exceptions
                throw new CorruptEntryException("not a readable Arrow IPC file (" + e + ")", e);
            } finally {
                if (!handedOver) {
                    arena.close();
                }
            }
            try (ArrowFileReader reader = new ArrowFileReader(channel, allocator, Codecs.INSTANCE)) {
                return decode(reader, key);
            } catch (RuntimeException e) {
                throw new CorruptEntryException("not a readable Arrow IPC file (" + e + ")", e);
            }
        }
    }

    /** The verified footer and where the batches end. */
    private record Envelope(ArrowFooter footer, long bodyEnd) {
    }

    /**
     * Checks the magic at both ends, the footer's checksum of everything before it, and that the schema in the footer
     * is the one at the head; without Arrow's reader and without allocating Arrow memory.
     *
     * <p>The checksum pass reads every byte, which for a large file costs far more than mapping it. A file is
     * immutable once renamed into place (writers never modify one; they replace it), so a file whose footer carries
     * a nonce is checksummed once per codec and then recognised by its path, nonce, length, last-modified time and the
     * CRC-32C of its footer: a different or rewritten file has another nonce, a copy has another path, a file cut
     * short or with a damaged footer no longer matches, and a file another program wrote into in place has a new
     * modification time (the cache keeps its recency in the access time, so it never moves that one itself). What
     * this does not catch is a byte changed on the device itself, or by a program that also restores the
     * modification time, after this process verified the file; a new process (or a new cache) checksums it again.
     */
    private Envelope verifyEnvelope(Path path, FileTime modified, MemorySegment file) throws CorruptEntryException {
        long size = file.byteSize();
        int tailBytes = Integer.BYTES + MAGIC.length;
        MemorySegment magic = MemorySegment.ofArray(MAGIC);
        if (file.asSlice(0, MAGIC.length).mismatch(magic) != -1) {
            throw new CorruptEntryException("it does not start with the Arrow file magic");
        }
        if (file.asSlice(size - MAGIC.length, MAGIC.length).mismatch(magic) != -1) {
            throw new CorruptEntryException("it does not end with the Arrow file magic (cut short?)");
        }
        int footerLength = file.get(INT_LE, size - tailBytes);
        long footerStart = size - tailBytes - footerLength;
        if (footerLength <= 0 || footerLength > MAX_FOOTER_BYTES || footerStart < MAGIC_AND_PADDING) {
            throw new CorruptEntryException("its footer length " + footerLength + " does not fit a file of " + size
                    + " bytes");
        }
        ByteBuffer footerBytes = file.asSlice(footerStart, footerLength).asByteBuffer()
                .order(ByteOrder.LITTLE_ENDIAN);
        ArrowFooter footer = new ArrowFooter(Footer.getRootAsFooter(footerBytes.duplicate()
                .order(ByteOrder.LITTLE_ENDIAN)));
        Map<String, String> metadata = footer.getMetaData() == null ? Map.of() : footer.getMetaData();
        long covered = parseLong(metadata.get(FILE_BYTES_KEY), FILE_BYTES_KEY);
        long expected = parseChecksum(metadata.get(FILE_CHECKSUM_KEY), FILE_CHECKSUM_KEY);
        if (covered <= 0 || covered > footerStart) {
            throw new CorruptEntryException("its footer covers " + covered + " bytes of a body of " + footerStart);
        }
        String identity = identity(path, modified, metadata.get(FILE_NONCE_KEY), size, footerBytes);
        if (identity == null || !verified.containsKey(identity)) {
            CRC32C crc = new CRC32C();
            for (long offset = 0; offset < covered; offset += WINDOW) {
                crc.update(file.asSlice(offset, Math.min(WINDOW, covered - offset)).asByteBuffer());
            }
            checksumBlocks(crc, footer.getDictionaries(), footer.getRecordBatches());
            if (crc.getValue() != expected) {
                throw new CorruptEntryException("its bytes have CRC-32C " + Long.toHexString(crc.getValue())
                        + ", the footer records " + Long.toHexString(expected));
            }
            remember(identity);
        }
        // the footer's copy of the schema is what the columns are decoded by, and the checksum does not cover it;
        // the copy after the magic is covered
        Schema head = MessageSerializer.deserializeSchema(
                MappedArrowTable.message(file, MAGIC_AND_PADDING, 0, covered));
        if (!head.equals(footer.getSchema())) {
            throw new CorruptEntryException("the schema in its footer differs from the one at its head");
        }
        return new Envelope(footer, covered);
    }

    private static String identity(Path path, FileTime modified, String nonce, long size, ByteBuffer footerBytes) {
        if (nonce == null) {
            return null; // not written by a writer that promises never to modify a published file
        }
        CRC32C crc = new CRC32C();
        crc.update(footerBytes.duplicate());
        return path.toAbsolutePath() + "|" + nonce + "|" + size + "|" + modified.to(TimeUnit.NANOSECONDS)
                + "|" + Long.toHexString(crc.getValue());
    }

    private void remember(String identity) {
        if (identity == null) {
            return;
        }
        if (verified.size() >= MAX_VERIFIED) {
            verified.clear(); // forgetting only costs a checksum pass on the next read
        }
        verified.put(identity, Boolean.TRUE);
    }

    /** Files checksummed whole by this codec, by nonce, length and footer checksum. */
    int verifiedFiles() {
        return verified.size();
    }

    /** Checks that the schema describes this key; returns its row count. */
    private static int checkKey(Schema schema, CacheKey key) throws CorruptEntryException {
        Map<String, String> metadata = schema.getCustomMetadata() == null ? Map.of() : schema.getCustomMetadata();
        expect(metadata, FORMAT_KEY, FORMAT_VERSION);
        expect(metadata, NAME_KEY, key.name());
        expect(metadata, FINGERPRINT_KEY, key.fingerprint().hex());
        long rowsDeclared = parseLong(metadata.get(ROWS_KEY), ROWS_KEY);
        if (rowsDeclared > Integer.MAX_VALUE) {
            throw new CorruptEntryException("metadata " + ROWS_KEY + " is " + rowsDeclared + ", over the row limit");
        }
        return (int) rowsDeclared;
    }

    /** The positions of the batches, so a damaged footer cannot send the reader into the wrong bytes. */
    private static void checksumBlocks(CRC32C crc, List<ArrowBlock> dictionaries, List<ArrowBlock> records) {
        ByteBuffer entry = ByteBuffer.allocate(2 * Long.BYTES + Integer.BYTES);
        for (List<ArrowBlock> blocks : List.of(dictionaries, records)) {
            entry.clear().putLong(blocks.size()).flip();
            crc.update(entry);
            for (ArrowBlock b : blocks) {
                entry.clear().putLong(b.getOffset()).putInt(b.getMetadataLength()).putLong(b.getBodyLength()).flip();
                crc.update(entry);
            }
        }
    }

    private static Table decode(ArrowFileReader reader, CacheKey key) throws IOException, CorruptEntryException {
        VectorSchemaRoot root = reader.getVectorSchemaRoot();
        Schema schema = root.getSchema();
        Map<String, String> metadata = schema.getCustomMetadata() == null ? Map.of() : schema.getCustomMetadata();
        int rows = checkKey(schema, key);
        long expectedChecksum = parseChecksum(metadata.get(CHECKSUM_KEY), CHECKSUM_KEY);
        List<ArrowBlock> blocks = reader.getRecordBlocks();
        if (blocks.size() != 1) {
            throw new CorruptEntryException("holds " + blocks.size() + " record batches, expected 1");
        }
        if (!reader.loadRecordBatch(blocks.get(0))) {
            throw new CorruptEntryException("its record batch could not be loaded");
        }
        if (root.getRowCount() != rows) {
            throw new CorruptEntryException("its record batch has " + root.getRowCount() + " rows, the metadata says "
                    + rows);
        }
        Table table;
        try {
            table = ArrowStorage.toTable(root, reader);
        } catch (IllegalArgumentException e) {
            throw new CorruptEntryException(e.getMessage(), e);
        }
        long found = checksum(table);
        if (found != expectedChecksum) {
            table.close();
            throw new CorruptEntryException("its data has CRC-32C " + Long.toHexString(found)
                    + ", the metadata records " + Long.toHexString(expectedChecksum));
        }
        return table;
    }

    /**
     * The CRC-32C over everything a read returns: each column's name and physical type, its bytes (a string
     * column's codes) and a string column's dictionary entries.
     */
    static long checksum(Table table) {
        CRC32C crc = new CRC32C();
        for (Column column : table.columns()) {
            checksumField(crc, column.name(), column.type());
            MemorySegment data = column.data();
            long length = data.byteSize();
            if (data.isNative()) {
                for (long offset = 0; offset < length; offset += WINDOW) {
                    crc.update(data.asSlice(offset, Math.min(WINDOW, length - offset)).asByteBuffer());
                }
            } else {
                // a heap column's read-only view has no array a checksum can read: copy it through a chunk
                byte[] chunk = new byte[1 << 16];
                for (long offset = 0; offset < length; offset += chunk.length) {
                    int n = (int) Math.min(chunk.length, length - offset);
                    MemorySegment.copy(data, ValueLayout.JAVA_BYTE, offset, chunk, 0, n);
                    crc.update(chunk, 0, n);
                }
            }
            if (column instanceof StringColumn s) {
                for (String entry : s.dictionary()) {
                    checksumBytes(crc, entry.getBytes(StandardCharsets.UTF_8));
                }
            }
        }
        return crc.getValue();
    }

    private static void expect(Map<String, String> metadata, String key, String expected)
            throws CorruptEntryException {
        String found = metadata.get(key);
        if (!expected.equals(found)) {
            throw new CorruptEntryException("metadata " + key + " is " + found + ", expected " + expected);
        }
    }

    private static long parseLong(String text, String key) throws CorruptEntryException {
        try {
            long value = Long.parseLong(text);
            if (value >= 0) {
                return value;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new CorruptEntryException("metadata " + key + " is " + text + ", expected a count");
    }

    private static long parseChecksum(String text, String key) throws CorruptEntryException {
        try {
            return Long.parseUnsignedLong(text, 16);
        } catch (NumberFormatException e) {
            throw new CorruptEntryException("metadata " + key + " is " + text + ", expected hex digits");
        }
    }

    private static void checksumField(CRC32C crc, String name, ColumnType type) {
        checksumBytes(crc, name.getBytes(StandardCharsets.UTF_8));
        crc.update(type.ordinal());
    }

    /** Length-prefixed, so moving bytes between neighbouring entries changes the checksum. */
    private static void checksumBytes(CRC32C crc, byte[] bytes) {
        int n = bytes.length;
        crc.update(n >>> 24);
        crc.update(n >>> 16);
        crc.update(n >>> 8);
        crc.update(n);
        crc.update(bytes);
    }

    /** Compresses a small buffer so a codec whose native library cannot load fails now, not on the first write. */
    private void probe(Compression compression) {
        if (codecType == CompressionUtil.CodecType.NO_COMPRESSION) {
            return;
        }
        try (BufferAllocator probe = allocator.newChildAllocator("compression-probe", 0, Long.MAX_VALUE)) {
            ArrowBuf input = probe.buffer(256);
            input.setZero(0, 256);
            input.writerIndex(256);
            try {
                Codecs.INSTANCE.createCodec(codecType).compress(probe, input).close();
            } finally {
                if (input.refCnt() > 0) {
                    input.close();
                }
            }
        } catch (RuntimeException | LinkageError e) {
            throw new UnsupportedOperationException(compression + " compression does not work here (" + e
                    + "); use Compression.NONE" + (compression == Compression.ZSTD ? " or LZ4" : ""), e);
        }
    }

    /** Passes writes through to a channel, keeping a CRC-32C and a count of the bytes written. */
    private static final class ChecksummedChannel implements WritableByteChannel {
        private final WritableByteChannel out;
        final CRC32C crc = new CRC32C();
        long bytes;

        ChecksummedChannel(WritableByteChannel out) {
            this.out = out;
        }

        @Override
        public int write(ByteBuffer src) throws IOException {
            ByteBuffer written = src.duplicate();
            int n = out.write(src);
            written.limit(written.position() + n);
            crc.update(written);
            bytes += n;
            return n;
        }

        @Override
        public boolean isOpen() {
            return out.isOpen();
        }

        @Override
        public void close() throws IOException {
            out.close();
        }
    }

    /**
     * Arrow's commons-compress codecs for LZ4 and ZSTD; no compression is answered here because that factory only
     * knows the two.
     */
    private static final class Codecs implements CompressionCodec.Factory {
        static final Codecs INSTANCE = new Codecs();

        @Override
        public CompressionCodec createCodec(CompressionUtil.CodecType codecType) {
            return codecType == CompressionUtil.CodecType.NO_COMPRESSION
                    ? NoCompressionCodec.INSTANCE
                    : CommonsCompressionFactory.INSTANCE.createCodec(codecType);
        }

        @Override
        public CompressionCodec createCodec(CompressionUtil.CodecType codecType, int compressionLevel) {
            return codecType == CompressionUtil.CodecType.NO_COMPRESSION
                    ? NoCompressionCodec.INSTANCE
                    : CommonsCompressionFactory.INSTANCE.createCodec(codecType, compressionLevel);
        }
    }
}
