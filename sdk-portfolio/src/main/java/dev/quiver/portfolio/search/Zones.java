package dev.quiver.portfolio.search;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Groups of strategies with a minimum and a maximum count each in a portfolio: every strategy belongs to exactly one
 * zone, and a valid portfolio holds between {@link #min(int)} and {@link #max(int)} strategies of zone {@code z}.
 * Zones come from a mapping (a file of {@code strategy,zone} rows) or from the time window in the strategies' names
 * ({@code SENSEX 1426-1456 SL73%TP32%} is in zone {@code 1426-1456}); see {@link #byTimeWindow}.
 *
 * <p>Thread-safety: immutable.
 */
public final class Zones {
    /** The first {@code HHMM-HHMM} (or {@code HMM-HMM}) in a name: an intraday strategy's trading window. */
    public static final Pattern TIME_WINDOW = Pattern.compile("(?<![0-9])([0-9]{3,4}-[0-9]{3,4})(?![0-9])");

    private final List<String> names;
    private final int[] zoneOf;
    private final int[] min;
    private final int[] max;
    private final int[] population;

    private Zones(List<String> names, int[] zoneOf, int[] min, int[] max) {
        this.names = List.copyOf(names);
        this.zoneOf = zoneOf;
        this.min = min;
        this.max = max;
        this.population = new int[names.size()];
        for (int z : zoneOf) {
            population[z]++;
        }
        for (int z = 0; z < names.size(); z++) {
            if (min[z] < 0 || max[z] < min[z]) {
                throw new IllegalArgumentException("zone '" + names.get(z) + "': minimum " + min[z]
                        + " and maximum " + max[z] + " do not make a range");
            }
        }
    }

    /**
     * Zones from a label per strategy, each with the same bounds.
     *
     * @param labels each strategy's zone name, in the matrix's order
     * @param min the minimum count of every zone
     * @param max the maximum count of every zone
     */
    public static Zones of(List<String> labels, int min, int max) {
        Map<String, Integer> index = new LinkedHashMap<>();
        int[] zoneOf = new int[labels.size()];
        for (int s = 0; s < zoneOf.length; s++) {
            String label = Objects.requireNonNull(labels.get(s), "zone label");
            zoneOf[s] = index.computeIfAbsent(label, k -> index.size());
        }
        int[] mins = new int[index.size()];
        int[] maxs = new int[index.size()];
        Arrays.fill(mins, min);
        Arrays.fill(maxs, max);
        return new Zones(new ArrayList<>(index.keySet()), zoneOf, mins, maxs);
    }

    /**
     * Zones by the trading window in each name ({@link #TIME_WINDOW}); names without one form the zone
     * {@code other}.
     */
    public static Zones byTimeWindow(List<String> strategyNames, int min, int max) {
        return of(strategyNames.stream().map(timeWindow()).toList(), min, max);
    }

    private static Function<String, String> timeWindow() {
        return name -> {
            Matcher m = TIME_WINDOW.matcher(name);
            return m.find() ? m.group(1) : "other";
        };
    }

    /** These zones with zone {@code name}'s bounds changed. */
    public Zones withBounds(String name, int zoneMin, int zoneMax) {
        int z = names.indexOf(name);
        if (z < 0) {
            throw new IllegalArgumentException("no zone '" + name + "'; zones: " + names);
        }
        int[] mins = min.clone();
        int[] maxs = max.clone();
        mins[z] = zoneMin;
        maxs[z] = zoneMax;
        return new Zones(names, zoneOf, mins, maxs);
    }

    /** The number of zones. */
    public int count() {
        return names.size();
    }

    /** The zone names, in order of first appearance. */
    public List<String> names() {
        return names;
    }

    /** Strategy {@code s}'s zone. */
    public int zoneOf(int s) {
        return zoneOf[s];
    }

    /** The number of strategies mapped. */
    public int strategies() {
        return zoneOf.length;
    }

    /** Zone {@code z}'s minimum count in a portfolio. */
    public int min(int z) {
        return min[z];
    }

    /** Zone {@code z}'s maximum count in a portfolio (at most its population is ever reached). */
    public int max(int z) {
        return max[z];
    }

    /** How many strategies zone {@code z} holds. */
    public int population(int z) {
        return population[z];
    }

    /**
     * Checks that a portfolio of {@code size} can satisfy every zone.
     *
     * @throws IllegalArgumentException naming the zone or the sizes that make it impossible
     */
    void checkSatisfiable(int size) {
        int needed = 0;
        int room = 0;
        for (int z = 0; z < names.size(); z++) {
            if (min[z] > population[z]) {
                throw new IllegalArgumentException("zones cannot be satisfied: zone '" + names.get(z) + "' holds "
                        + population[z] + " strategies but needs at least " + min[z]);
            }
            needed += min[z];
            room += Math.min(max[z], population[z]);
        }
        if (needed > size) {
            throw new IllegalArgumentException("zones cannot be satisfied: their minimums add up to " + needed
                    + " strategies, more than the portfolio size " + size);
        }
        if (room < size) {
            throw new IllegalArgumentException("zones cannot be satisfied: their maximums allow only " + room
                    + " strategies, fewer than the portfolio size " + size);
        }
    }

    @Override
    public String toString() {
        return "Zones" + names;
    }
}
