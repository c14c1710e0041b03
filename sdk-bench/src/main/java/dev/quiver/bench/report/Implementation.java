package dev.quiver.bench.report;

import java.awt.Color;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * What a benchmark method measures: one of Quiver's paths, a peer library, or a ceiling (the memory copy, a bare
 * loop), with the name and the colour it gets in every table and chart, so a colour means one implementation
 * throughout a report. Classified by method name ({@link #of}): the benchmark classes name their peers
 * consistently ({@code taLib}, {@code ta4j*}, {@code duckDb*}, {@code *PlainLoop}, {@code copy}, ...).
 *
 * <p>Immutable; safe from any thread.
 *
 * @param label the name shown
 * @param role  Quiver, peer or ceiling
 * @param color the bar colour, or null where the chart chooses one
 */
record Implementation(String label, Role role, Color color) {
    /** What an implementation is to the comparison. */
    enum Role {
        /** One of Quiver's paths (public API or kernel). */
        QUIVER,
        /** Another library, or the plain code a user would write instead. */
        PEER,
        /** An upper bound no implementation can beat (a memory copy, a loop doing only the arithmetic). */
        CEILING
    }

    private record Rule(Pattern method, String label, Role role, Color color) {
    }

    // first match wins; a null label shows the method's own name (a family of methods: duckDbRead, duckDbWrite);
    // the colours are the Tableau 10 palette
    private static final List<Rule> RULES = List.of(
            rule("scalar", "Quiver scalar", Role.QUIVER, 0x4e79a7),
            rule("vector", "Quiver vector", Role.QUIVER, 0x59a14f),
            rule("taLib", "TA-Lib", Role.PEER, 0xf28e2b),
            rule("ta4j", "ta4j", Role.PEER, 0xe15759),
            rule("ta4jDouble", "ta4j (double)", Role.PEER, 0xff9da7),
            rule("(?i)duckDb.*", null, Role.PEER, 0xb07aa1),
            rule("(?i)arrowDataset.*", null, Role.PEER, 0x9c755f),
            rule("(?i)(fastCsv|commonsCsv|univocity).*", null, Role.PEER, 0xedc948),
            rule(".*(PlainLoop|Plain)", null, Role.PEER, 0x76b7b2),
            rule("(?i)(old.*|.*Old)", null, Role.PEER, 0xbab0ac),
            rule("copy", "copy (ceiling)", Role.CEILING, 0x7f7f7f),
            rule("bareLoop", "bare loop (ceiling)", Role.CEILING, 0x4d4d4d));

    private static Rule rule(String method, String label, Role role, int rgb) {
        return new Rule(Pattern.compile(method), label, role, new Color(rgb));
    }

    /**
     * The implementation a benchmark method measures. A method no rule names is one of Quiver's, labelled by its own
     * name, with no colour of its own ({@code null}: the chart gives each such series one of its free colours).
     */
    static Implementation of(String method) {
        for (Rule r : RULES) {
            if (r.method().matcher(method).matches()) {
                return new Implementation(r.label() == null ? method : r.label(), r.role(), r.color());
            }
        }
        return new Implementation(method, Role.QUIVER, null);
    }

    /** Whether this is one of Quiver's paths. */
    boolean quiver() {
        return role == Role.QUIVER;
    }

    @Override
    public String toString() {
        return label + " (" + role.name().toLowerCase(Locale.ROOT) + ")";
    }
}
