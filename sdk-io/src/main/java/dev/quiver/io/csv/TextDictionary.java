package dev.quiver.io.csv;

import java.util.Arrays;
import java.util.List;

/**
 * Dictionary codes for text read straight from a character buffer: an open-addressing hash table over the
 * characters, so a field that repeats (a symbol, a sector) is looked up without making a {@code String}; only a
 * value seen for the first time becomes one. Codes are numbered in order of first appearance.
 *
 * <p>Thread-safety: not thread-safe.
 */
final class TextDictionary {
    private String[] entries = new String[16];
    private int[] hashes = new int[16];
    private int[] slots = new int[64]; // code + 1, 0 for an empty slot
    private int size;

    /** The code of the text, adding it if new. */
    int code(char[] buf, int off, int len) {
        int h = hash(buf, off, len);
        int mask = slots.length - 1;
        for (int i = h & mask; ; i = (i + 1) & mask) {
            int slot = slots[i];
            if (slot == 0) {
                return add(new String(buf, off, len), h, i);
            }
            int code = slot - 1;
            if (hashes[code] == h && equals(entries[code], buf, off, len)) {
                return code;
            }
        }
    }

    /** The code of a string, adding it if new. */
    int code(String s) {
        char[] c = s.toCharArray();
        return code(c, 0, c.length);
    }

    private int add(String s, int h, int slot) {
        if (size == entries.length) {
            entries = Arrays.copyOf(entries, size * 2);
            hashes = Arrays.copyOf(hashes, size * 2);
        }
        entries[size] = s;
        hashes[size] = h;
        slots[slot] = size + 1;
        size++;
        if (size * 2 > slots.length) {
            rehash();
        }
        return size - 1;
    }

    private void rehash() {
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

    private static int hash(char[] buf, int off, int len) {
        int h = 0;
        for (int i = 0; i < len; i++) {
            h = 31 * h + buf[off + i];
        }
        return h ^ (h >>> 16);
    }

    private static boolean equals(String s, char[] buf, int off, int len) {
        if (s.length() != len) {
            return false;
        }
        for (int i = 0; i < len; i++) {
            if (s.charAt(i) != buf[off + i]) {
                return false;
            }
        }
        return true;
    }

    int size() {
        return size;
    }

    /** The entries, indexed by code. */
    List<String> entries() {
        return Arrays.asList(Arrays.copyOf(entries, size));
    }
}
