package dev.sieve.match.index;

import dev.sieve.match.analysis.NameForm;

/** One analysed form of one listed name of one entity. */
public record IndexedName(int entity, int name, NameForm form, boolean weak) {
}
