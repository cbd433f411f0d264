package dev.sieve.model;

import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * What to screen: a name and, optionally, what else is known about the party.
 *
 * @param name the name as given (any script, any order)
 * @param schema what kind of party, or null when unknown (then every kind is searched)
 * @param birthDate a known date of birth, or null
 * @param nationality ISO 3166-1 alpha-2, or null
 * @param identifiers known identifiers (passport, IMO, BIC...): an exact match is decisive
 * @param threshold alert threshold in [0, 1], or null for the engine's default
 * @param limit most alerts to return
 * @param topics screen only entities listed for one of these topics or below them ({@link Topics#matches});
 *               empty for all
 */
public record ScreeningQuery(String name, Schema schema, PartialDate birthDate, String nationality,
                             List<Identifier> identifiers, Double threshold, int limit, Set<String> topics) {
    public static final int DEFAULT_LIMIT = 10;
    /** The longest name screened: longer text is a paragraph, not a name, and would only cost time. */
    public static final int MAX_NAME = 500;

    /**
     * What is wrong with {@code name} as the name of a screening, or null when nothing is: the one rule of the
     * CLI and the API. A blank name matches nothing, so it is refused rather than answered "clear".
     */
    public static String nameProblem(String name) {
        if (name == null || name.isBlank()) return "is empty: give a name to screen";
        if (name.length() > MAX_NAME) return "is longer than " + MAX_NAME + " characters";
        return null;
    }

    public ScreeningQuery {
        Objects.requireNonNull(name, "name");
        identifiers = identifiers == null ? List.of() : List.copyOf(identifiers);
        if (threshold != null && (threshold < 0 || threshold > 1)) {
            throw new IllegalArgumentException("threshold must be between 0 and 1, got " + threshold);
        }
        if (limit <= 0) limit = DEFAULT_LIMIT;
        if (nationality != null && nationality.isBlank()) nationality = null;
        topics = topics == null ? Set.of() : Set.copyOf(topics);
    }

    public ScreeningQuery(String name, Schema schema, PartialDate birthDate, String nationality,
                          List<Identifier> identifiers, Double threshold, int limit) {
        this(name, schema, birthDate, nationality, identifiers, threshold, limit, Set.of());
    }

    public static ScreeningQuery of(String name) {
        return new ScreeningQuery(name, null, null, null, List.of(), null, DEFAULT_LIMIT);
    }

    public ScreeningQuery withSchema(Schema s) {
        return new ScreeningQuery(name, s, birthDate, nationality, identifiers, threshold, limit, topics);
    }

    public ScreeningQuery withTopics(Set<String> wanted) {
        return new ScreeningQuery(name, schema, birthDate, nationality, identifiers, threshold, limit, wanted);
    }
}
