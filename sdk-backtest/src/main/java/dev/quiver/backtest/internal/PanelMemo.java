package dev.quiver.backtest.internal;

import dev.quiver.api.table.Panel;
import java.util.HashMap;
import java.util.Map;
import java.util.WeakHashMap;
import java.util.function.Function;

/**
 * What the backtesters derive from a panel (its bar columns as arrays, the event engine's visit order), kept while
 * the panel is reachable, so that run after run over one panel reads and indexes it once. A panel is immutable (its
 * columns are read-only views, and a column wrapping an array requires that the array not change), so a value
 * derived from it stays valid for as long as the panel lives.
 *
 * <p>Values must not refer to their panel (the key is held weakly: a value that held it would keep it alive). At
 * most {@value #MAX_PANELS} panels are remembered; past that the memo starts afresh, so a program that makes many
 * panels keeps copies of a few at a time.
 *
 * <p>Thread-safety: thread-safe. Two threads that miss at once may both derive a value; one of them is kept.
 */
public final class PanelMemo {
    static final int MAX_PANELS = 16;
    private static final Map<Panel, Map<Class<?>, Object>> MEMO = new WeakHashMap<>();

    private PanelMemo() {
    }

    /** The value of this kind derived from {@code panel}, derived now by {@code derive} if not yet known. */
    public static <T> T get(Panel panel, Class<T> kind, Function<Panel, T> derive) {
        synchronized (MEMO) {
            Map<Class<?>, Object> known = MEMO.get(panel);
            if (known != null && known.get(kind) != null) {
                return kind.cast(known.get(kind));
            }
        }
        // derived outside the lock: indexing a large panel must not hold up the other threads' look-ups
        T value = derive.apply(panel);
        synchronized (MEMO) {
            if (MEMO.size() >= MAX_PANELS && !MEMO.containsKey(panel)) {
                MEMO.clear();
            }
            Object kept = MEMO.computeIfAbsent(panel, p -> new HashMap<>()).putIfAbsent(kind, value);
            return kept == null ? value : kind.cast(kept);
        }
    }
}
