package dev.quiver.api.store;

import java.util.List;

/**
 * Advice on how a store should keep a table, from a {@link TableProfile} of its data: an encoding per column, table
 * options, each with the reason, and plain notes on what the store does not have and what stands in for it. Advice is
 * a heuristic from the profile, not a measurement of queries; every rule an advisor applies is in its reasons.
 *
 * <p>Thread-safety: implementations are stateless and thread-safe.
 */
@FunctionalInterface
public interface SchemaAdvisor {

    /** The advice for a table of this profile. */
    SchemaAdvice advise(TableProfile profile, AdviceOptions options);

    /** An advisor for a store that gives no advice: default encodings, no options, one note saying so. */
    static SchemaAdvisor none(String store) {
        return (profile, options) -> new SchemaAdvice(store, profile.columns().stream()
                .map(c -> new SchemaAdvice.Column(StoreField.of(c.name(), c.type()), c.type().toString(),
                        "the store's default"))
                .toList(), List.of(), List.of(store + " has no schema advisor"), List.of());
    }
}
