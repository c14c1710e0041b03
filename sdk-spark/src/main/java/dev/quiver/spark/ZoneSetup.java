package dev.quiver.spark;

import dev.quiver.portfolio.search.Zones;
import java.io.Serial;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The zones of {@link QuiverSpark#portfolioSearches}, by strategy name: each strategy's zone and each zone's bounds,
 * as {@code quiver portfolio --zones FILE} (or {@code --zones-by-window}) and {@code --zone NAME=MIN:MAX} give them
 * for the whole matrix. Each search cuts its own {@link Zones} from them ({@link #forUniverse}): the zones of the
 * universe's strategies, in the order they first appear in it, with their bounds. A search over the whole matrix
 * thus gets exactly the zones {@code quiver portfolio} would use, and the same portfolio.
 *
 * <p>Thread-safety: immutable.
 *
 * @param zoneOf each strategy's zone, by strategy name
 * @param bounds each zone's minimum and maximum count in a portfolio, by zone name
 */
public record ZoneSetup(Map<String, String> zoneOf, Map<String, Bounds> bounds) implements Serializable {
    @Serial
    private static final long serialVersionUID = 1L;

    /**
     * A zone's bounds.
     *
     * @param min the fewest strategies of the zone a portfolio may hold
     * @param max the most
     */
    public record Bounds(int min, int max) implements Serializable {
        @Serial
        private static final long serialVersionUID = 1L;

        /** @throws IllegalArgumentException unless {@code 0 <= min <= max} */
        public Bounds {
            if (min < 0 || max < min) {
                throw new IllegalArgumentException("zone bounds " + min + ":" + max + " do not make a range");
            }
        }
    }

    /**
     * @throws IllegalArgumentException if a strategy's zone has no bounds
     */
    public ZoneSetup {
        zoneOf = Map.copyOf(zoneOf);
        bounds = Map.copyOf(bounds);
        for (Map.Entry<String, String> e : zoneOf.entrySet()) {
            if (!bounds.containsKey(e.getValue())) {
                throw new IllegalArgumentException("strategy '" + e.getKey() + "' is in zone '" + e.getValue()
                        + "', which has no bounds");
            }
        }
    }

    /**
     * The zones of a whole matrix as names: {@code zones} maps strategy {@code s} of {@code strategyNames}.
     *
     * @throws IllegalArgumentException if the zones map another number of strategies than the names
     */
    public static ZoneSetup of(Zones zones, List<String> strategyNames) {
        Objects.requireNonNull(zones, "zones");
        if (zones.strategies() != strategyNames.size()) {
            throw new IllegalArgumentException("the zones map " + zones.strategies() + " strategies, not the "
                    + strategyNames.size() + " named");
        }
        Map<String, String> zoneOf = new HashMap<>();
        for (int s = 0; s < strategyNames.size(); s++) {
            zoneOf.put(strategyNames.get(s), zones.names().get(zones.zoneOf(s)));
        }
        Map<String, Bounds> bounds = new HashMap<>();
        for (int z = 0; z < zones.count(); z++) {
            bounds.put(zones.names().get(z), new Bounds(zones.min(z), zones.max(z)));
        }
        return new ZoneSetup(zoneOf, bounds);
    }

    /**
     * The zones of a universe: its strategies' zones, numbered in the order they first appear in it, with their
     * bounds.
     *
     * @param universe the universe's strategy names, in its matrix's order
     * @throws IllegalArgumentException if a strategy has no zone, or a zone that needs strategies in every portfolio
     *     (a minimum above 0) has none in the universe: no portfolio of it can satisfy the zones
     */
    public Zones forUniverse(List<String> universe) {
        List<String> labels = new ArrayList<>(universe.size());
        Set<String> present = new HashSet<>();
        for (String name : universe) {
            String zone = zoneOf.get(name);
            if (zone == null) {
                throw new IllegalArgumentException("strategy '" + name + "' has no zone");
            }
            labels.add(zone);
            present.add(zone);
        }
        bounds.forEach((zone, b) -> {
            if (b.min() > 0 && !present.contains(zone)) {
                throw new IllegalArgumentException("zone '" + zone + "' needs at least " + b.min()
                        + " strategies in a portfolio, and the universe holds none of it");
            }
        });
        Zones zones = Zones.of(labels, 0, 0);
        for (String zone : zones.names()) {
            Bounds b = bounds.get(zone);
            zones = zones.withBounds(zone, b.min(), b.max());
        }
        return zones;
    }
}
