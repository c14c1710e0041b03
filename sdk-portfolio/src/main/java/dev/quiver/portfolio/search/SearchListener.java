package dev.quiver.portfolio.search;

/**
 * Hears how a search advances: a console progress bar, a log, a chart of fitness against evaluations.
 *
 * <p>Thread-safety: implementations must be thread-safe; a parallel search calls them from several threads.
 */
public interface SearchListener {
    /** A listener that hears nothing. */
    SearchListener NONE = new SearchListener() {
    };

    /** The search of {@code algorithm} starts and expects about {@code expectedEvaluations} evaluations. */
    default void onStart(String algorithm, long expectedEvaluations) {
    }

    /**
     * The search has made {@code evaluations} evaluations and its best fitness is {@code best}; called at least at
     * every step of the algorithm, not at every evaluation.
     */
    default void onProgress(String algorithm, long evaluations, double best) {
    }

    /** The search has ended. */
    default void onFinish(String algorithm, SearchResult result) {
    }
}
