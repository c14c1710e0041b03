package dev.quiver.io.arrow;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.apache.arrow.memory.ArrowBuf;

/**
 * Dictionary codes for UTF-8 values read in place from an Arrow data buffer: an open-addressing table keyed by the
 * bytes, so a repeated value (a symbol) is looked up without a {@code String} or a {@code byte[]} being made; only a
 * value seen for the first time becomes a String. Codes are numbered in order of first appearance.
 *
 * <p>Thread-safety: not thread-safe.
 */
final class ByteDictionary {
    private String[] entries = new String[16];
    private byte[][] bytes = new byte[16][];
    private int[] hashes = new int[16];
    private int[] slots = new int[64]; // code + 1, 0 for an empty slot
    private int size;

    /** The code of the bytes {@code [start, end)} of {@code data}, adding them if new. */
    int code(ArrowBuf data, long start, long end) {
        int len = (int) (end - start);
        int h = 0;
        for (long i = start; i < end; i++) {
            h = 31 * h + data.getByte(i);
        }
        h ^= h >>> 16;
        int mask = slots.length - 1;
        for (int i = h & mask; ; i = (i + 1) & mask) {
            int slot = slots[i];
            if (slot == 0) {
                byte[] b = new byte[len];
                data.getBytes(start, b, 0, len);
                return add(b, h, i);
            }
            int code = slot - 1;
            if (hashes[code] == h && equal(bytes[code], data, start, len)) {
                return code;
            }
        }
    }

    private static boolean equal(byte[] b, ArrowBuf data, long start, int len) {
        if (b.length != len) {
            return false;
        }
        for (int k = 0; k < len; k++) {
            if (b[k] != data.getByte(start + k)) {
                return false;
            }
        }
        return true;
    }

    private int add(byte[] b, int h, int slot) {
        if (size == entries.length) {
            entries = Arrays.copyOf(entries, size * 2);
            bytes = Arrays.copyOf(bytes, size * 2);
            hashes = Arrays.copyOf(hashes, size * 2);
        }
        try {
            entries[size] = StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(b)).toString();
        } catch (java.nio.charset.CharacterCodingException e) {
            throw new IllegalArgumentException("a text value is not valid UTF-8", e);
        }
        bytes[size] = b;
        hashes[size] = h;
        slots[slot] = size + 1;
        size++;
        if (size * 2 > slots.length) {
            int[] bigger = new int[slots.length * 2];
            int mask = bigger.length - 1;
            for (int code = 0; code < size; code++) {
                int i = hashes[code] & mask;
                while (bigger[i] != 0) {
                    i = (i + 1) & mask;
                }
                bigger[i] = code + 1;
            }
            slots = bigger;
        }
        return size - 1;
    }

    /** The entries, indexed by code (distinct: the bytes are distinct and valid UTF-8). */
    List<String> entries() {
        return Arrays.asList(Arrays.copyOf(entries, size));
    }
}
