package dev.quiver.io.csv;

import java.io.IOException;
import java.io.Reader;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Decodes a range of a segment as strict UTF-8 for the CSV tokeniser: bytes are copied in blocks into a heap buffer
 * (where the JDK's decoder takes its vectorised ASCII path) and malformed input is reported, never replaced, with
 * the offset of the first bad byte.
 *
 * <p>Thread-safety: not thread-safe; one reader per part.
 */
final class Utf8Reader extends Reader {
    private static final int BLOCK = 1 << 16;

    private final MemorySegment bytes;
    private final long end;
    private final CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
    private final byte[] block = new byte[BLOCK];
    private final ByteBuffer in = ByteBuffer.wrap(block).limit(0);
    private long next;
    private boolean flushed;

    /** A UTF-8 decoding error, with the file offset of the first byte that is not valid UTF-8. */
    static final class MalformedUtf8 extends CharacterCodingException {
        private static final long serialVersionUID = 1L;
        final long offset;

        MalformedUtf8(long offset) {
            this.offset = offset;
        }

        @Override
        public String getMessage() {
            return "invalid UTF-8 at byte offset " + offset;
        }
    }

    Utf8Reader(MemorySegment bytes, long from, long to) {
        this.bytes = bytes;
        this.next = from;
        this.end = to;
    }

    @Override
    public int read(char[] cbuf, int off, int len) throws IOException {
        if (len == 0) {
            return 0;
        }
        if (flushed) {
            return -1;
        }
        CharBuffer out = CharBuffer.wrap(cbuf, off, len);
        while (out.position() == off) {
            if (!in.hasRemaining() || in.remaining() < 4 && next < end) {
                refill();
            }
            boolean last = next >= end;
            long blockStart = next - in.limit();
            CoderResult r = decoder.decode(in, out, last);
            if (r.isError()) {
                throw new MalformedUtf8(blockStart + in.position());
            }
            if (last && !in.hasRemaining()) {
                if (!flushed) {
                    decoder.flush(out);
                    flushed = true;
                }
                break;
            }
        }
        int n = out.position() - off;
        return n == 0 ? -1 : n;
    }

    /** Moves undecoded bytes (a character cut by the block) to the front and appends the next block. */
    private void refill() {
        in.compact();
        int room = in.remaining();
        int n = (int) Math.min(room, end - next);
        MemorySegment.copy(bytes, ValueLayout.JAVA_BYTE, next, block, in.position(), n);
        in.position(in.position() + n);
        next += n;
        in.flip();
    }

    @Override
    public void close() {
        // nothing to release: the segment belongs to the source
    }
}
