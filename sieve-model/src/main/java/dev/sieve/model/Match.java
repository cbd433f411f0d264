package dev.sieve.model;

import java.util.List;

/**
 * One listed entity a query may be, with its score in [0, 1] and why.
 *
 * @param id the entity id ({@code un:KPi.033}, {@code us-ofac:306}...)
 * @param name the entity's primary name
 * @param topics what the entity is listed for ({@link Topics}): a PEP hit is not a sanctions hit
 * @param alert whether the score reaches the alert threshold
 */
public record Match(String id, String name, Schema schema, String source, List<String> topics, double score,
                    boolean alert, Explanation explanation) {
    public Match {
        topics = topics == null ? List.of() : List.copyOf(topics);
    }
}
