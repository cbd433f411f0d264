package dev.sieve.match.analysis;

import java.util.List;
import java.util.Set;

/** Stage: drops the ship prefix of a vessel name (MV, MT, M/V, SS...): "MV SEA PONY" is "SEA PONY". */
public final class VesselPrefixFilter {
    private static final Set<String> PREFIXES = Set.of("mv", "mt", "ms", "ss", "mts", "my", "fv", "rv", "lpg", "lng");

    private VesselPrefixFilter() {
    }

    public static List<String> apply(List<String> tokens) {
        if (tokens.size() > 2 && tokens.get(0).equals("m") && (tokens.get(1).equals("v") || tokens.get(1).equals("t"))) {
            return tokens.subList(2, tokens.size());
        }
        if (tokens.size() > 1 && PREFIXES.contains(tokens.getFirst())) {
            return tokens.subList(1, tokens.size());
        }
        return tokens;
    }
}
