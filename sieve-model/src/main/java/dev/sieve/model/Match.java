package dev.sieve.model;

import java.util.List;

/**
 * One listed entity a query may be, with its score in [0, 1] and why.
 *
 * @param id the entity id ({@code un:KPi.033}, {@code us-ofac:306}...)
 * @param name the entity's primary name
 * @param topics what the entity is listed for ({@link Topics}): a PEP hit is not a sanctions hit
 * @param alert whether the score reaches the alert threshold
 * @param regimes the sanctions regimes the entity is listed under ({@code un-1718}, {@code us-ofac-sdgt}...)
 * @param measures the measures of those regimes that bind it on the day screened ({@code asset_freeze}...)
 * @param action what the hit obliges on the channel screened ({@code hold}, {@code deny_boarding_refer}...), or null
 *               where it was not worked out (a comparison of two names)
 * @param exemption the exemption or licence that covers the hit (action {@code covered}), or null
 */
public record Match(String id, String name, Schema schema, String source, List<String> topics, double score,
                    boolean alert, Explanation explanation, List<String> regimes, List<String> measures, String action,
                    String exemption) {
    public Match {
        topics = topics == null ? List.of() : List.copyOf(topics);
        regimes = regimes == null ? List.of() : List.copyOf(regimes);
        measures = measures == null ? List.of() : List.copyOf(measures);
    }

    /** A match whose obligations are not (yet) worked out. */
    public Match(String id, String name, Schema schema, String source, List<String> topics, double score, boolean alert,
                 Explanation explanation) {
        this(id, name, schema, source, topics, score, alert, explanation, List.of(), List.of(), null, null);
    }

    /** This match with what its listing obliges. */
    public Match withObligations(List<String> regimes, List<String> measures, String action) {
        return new Match(id, name, schema, source, topics, score, alert, explanation, regimes, measures, action, exemption);
    }

    /** This match with the action of another channel. */
    public Match withAction(String action) {
        return new Match(id, name, schema, source, topics, score, alert, explanation, regimes, measures, action, exemption);
    }

    /** This match with the exemption that covers it. */
    public Match withExemption(String exemption) {
        return new Match(id, name, schema, source, topics, score, alert, explanation, regimes, measures, action, exemption);
    }
}
