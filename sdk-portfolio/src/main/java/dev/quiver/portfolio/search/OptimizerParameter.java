package dev.quiver.portfolio.search;

import java.util.Objects;

/**
 * One tuning parameter of a {@link PortfolioOptimizer}: its name as written on the command line
 * ({@code --param population=50}), its default and what it does.
 *
 * <p>Thread-safety: immutable.
 *
 * @param name the name, lower case with underscores ({@code population}, {@code mutation_rate})
 * @param defaultValue the value used when none is given
 * @param description one sentence, for {@code quiver portfolio --list-algorithms} and the docs
 */
public record OptimizerParameter(String name, double defaultValue, String description) {
    /** @throws NullPointerException if a text is null */
    public OptimizerParameter {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(description, "description");
    }
}
