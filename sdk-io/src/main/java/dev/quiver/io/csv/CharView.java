package dev.quiver.io.csv;

/**
 * A reusable {@link CharSequence} over a range of a character buffer, so JDK parsers that take a
 * {@code CharSequence} read a field without a {@code String} being made for it.
 *
 * <p>Thread-safety: not thread-safe; each sink owns one.
 */
final class CharView implements CharSequence {
    private char[] buf;
    private int off;
    private int len;

    CharView of(char[] buf, int off, int len) {
        this.buf = buf;
        this.off = off;
        this.len = len;
        return this;
    }

    @Override
    public int length() {
        return len;
    }

    @Override
    public char charAt(int index) {
        return buf[off + index];
    }

    @Override
    public CharSequence subSequence(int start, int end) {
        return new String(buf, off + start, end - start);
    }

    @Override
    public String toString() {
        return new String(buf, off, len);
    }
}
