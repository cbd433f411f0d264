package dev.sieve.match.index;

import dev.sieve.match.analysis.NameForm;

/**
 * One analysed form of one listed name of one entity.
 *
 * @param tokenIds the vocabulary ids of its parts (-1 when not indexed, e.g. in {@code compare})
 * @param weights the rarity weight of each part
 */
public record IndexedName(int entity, int name, NameForm form, boolean weak, int[] tokenIds, double[] weights) {
}
