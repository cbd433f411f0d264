package dev.sieve.model;

/**
 * One listed entity a query may be, with its score in [0, 1] and why.
 *
 * @param id the entity id ({@code un:KPi.033}, {@code us-ofac:306}...)
 * @param name the entity's primary name
 * @param alert whether the score reaches the alert threshold
 */
public record Match(String id, String name, Schema schema, String source, double score, boolean alert,
                    Explanation explanation) {
}
