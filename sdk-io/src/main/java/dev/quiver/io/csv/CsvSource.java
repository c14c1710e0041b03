package dev.quiver.io.csv;

import dev.quiver.io.DataFileException;
import dev.quiver.io.format.InputFiles;
import java.io.IOException;
import java.io.InputStream;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * The bytes of a CSV file, memory-mapped (or, for a pipe or device, read into memory), with the scans the parallel
 * parser needs: counting quote characters and line feeds in bulk (eight bytes at a time), finding where records
 * end, and turning a byte offset into a line number for error messages.
 *
 * <p>Record boundaries follow from RFC 4180 alone: a line feed ends a record unless it lies inside a quoted field,
 * and it lies inside one exactly when an odd number of quote characters precede it in the record (a doubled quote
 * inside a field counts twice). Counting the quotes of each part of the file, in parallel, therefore tells every
 * part whether it starts inside a quoted field, without tokenising anything.
 *
 * <p>Thread-safety: the scans may run from many threads at once; {@link #close()} must not race with them.
 */
final class CsvSource implements AutoCloseable {
    private static final ValueLayout.OfLong WORD = ValueLayout.JAVA_LONG_UNALIGNED;
    private static final long LOW7 = 0x7F7F7F7F7F7F7F7FL;
    private static final long ONES = 0x0101010101010101L;
    private static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

    private final Path file;
    private final Arena arena;
    private final MemorySegment bytes;
    private final long start;

    private CsvSource(Path file, Arena arena, MemorySegment bytes) {
        this.file = file;
        this.arena = arena;
        this.bytes = bytes;
        this.start = hasBom(bytes) ? BOM.length : 0;
    }

    /**
     * Opens a file: a regular file is mapped, anything else (a pipe, {@code /dev/stdin}) is read whole.
     *
     * @throws DataFileException if it cannot be read or is empty
     */
    static CsvSource open(Path file) {
        Arena arena = Arena.ofShared();
        try {
            MemorySegment bytes;
            if (Files.isRegularFile(file)) {
                try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
                    long size = ch.size();
                    bytes = size == 0 ? MemorySegment.NULL : ch.map(FileChannel.MapMode.READ_ONLY, 0, size, arena);
                }
            } else {
                try (InputStream in = Files.newInputStream(file)) {
                    byte[] all = in.readAllBytes();
                    bytes = MemorySegment.ofArray(all).asReadOnly();
                }
            }
            if (bytes.byteSize() == 0) {
                throw DataFileException.of(file, "is empty; a CSV file starts with a header line");
            }
            return new CsvSource(file, arena, bytes);
        } catch (IOException e) {
            arena.close();
            throw InputFiles.readFailure(file, e);
        } catch (RuntimeException e) {
            arena.close();
            throw e;
        }
    }

    private static boolean hasBom(MemorySegment bytes) {
        if (bytes.byteSize() < BOM.length) {
            return false;
        }
        for (int i = 0; i < BOM.length; i++) {
            if (bytes.get(ValueLayout.JAVA_BYTE, i) != BOM[i]) {
                return false;
            }
        }
        return true;
    }

    Path file() {
        return file;
    }

    /** The file's bytes. */
    MemorySegment bytes() {
        return bytes;
    }

    /** Where the content starts: after a UTF-8 byte-order mark, if there is one. */
    long start() {
        return start;
    }

    /** The file's length. */
    long end() {
        return bytes.byteSize();
    }

    byte byteAt(long offset) {
        return bytes.get(ValueLayout.JAVA_BYTE, offset);
    }

    /** How many bytes of {@code [from, to)} equal {@code b}, eight at a time. */
    long count(long from, long to, byte b) {
        long n = 0;
        long pattern = (b & 0xFFL) * ONES;
        long i = from;
        for (; i + Long.BYTES <= to; i += Long.BYTES) {
            long x = bytes.get(WORD, i) ^ pattern; // a zero byte wherever the byte equals b
            // exact zero-byte test (no false positives from borrows): the high bit of each zero byte
            long t = ~(((x & LOW7) + LOW7) | x | LOW7);
            n += Long.bitCount(t);
        }
        for (; i < to; i++) {
            if (bytes.get(ValueLayout.JAVA_BYTE, i) == b) {
                n++;
            }
        }
        return n;
    }

    /**
     * The offset just after the first line feed at or after {@code from} that ends a record, given whether
     * {@code from} lies inside a quoted field; {@code limit} if none is found before it.
     */
    long nextRecordStart(long from, long limit, boolean insideQuotes, byte quote) {
        boolean inside = insideQuotes;
        for (long i = from; i < limit; i++) {
            byte c = bytes.get(ValueLayout.JAVA_BYTE, i);
            if (c == quote) {
                inside = !inside;
            } else if (c == '\n' && !inside) {
                return i + 1;
            }
        }
        return limit;
    }

    /** The 1-based line of a byte offset: one more than the line feeds before it. */
    long lineAt(long offset) {
        return 1 + count(0, Math.min(offset, end()), (byte) '\n');
    }

    /**
     * The offset where the record holding {@code offset} began, for errors that know only an offset: scans from the
     * start, so only the error path calls it.
     */
    long recordStartBefore(long offset, byte quote) {
        long recordStart = start;
        boolean inside = false;
        for (long i = start; i < offset; i++) {
            byte c = bytes.get(ValueLayout.JAVA_BYTE, i);
            if (c == quote) {
                inside = !inside;
            } else if (c == '\n' && !inside) {
                recordStart = i + 1;
            }
        }
        return recordStart;
    }

    @Override
    public void close() {
        arena.close();
    }
}
