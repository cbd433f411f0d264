package dev.sieve.model;

import java.util.List;

/**
 * Why a match scored what it did: which query part aligned with which listed name part and how, what
 * was left unmatched, and what the date of birth, nationality and identifiers did to the score.
 *
 * @param listedName the listed name (primary or alias) the query matched best
 * @param nameScore the score of the names alone, before secondary evidence
 * @param parts the aligned parts
 * @param unmatchedQueryParts query parts with no counterpart in the listed name
 * @param unmatchedListedParts listed name parts with no counterpart in the query
 * @param evidence secondary evidence, each with its effect on the score
 */
public record Explanation(String listedName, double nameScore, List<PartMatch> parts,
                          List<String> unmatchedQueryParts, List<String> unmatchedListedParts,
                          List<Evidence> evidence) {

    /** How two name parts were found to match. */
    public enum How { EXACT, VARIANT, TRANSLITERATION, PHONETIC, EDIT_DISTANCE, INITIAL, JOINED, ACRONYM }

    /** One query part aligned with one listed part. */
    public record PartMatch(String queryPart, String listedPart, How how, double similarity) {
    }

    /**
     * A piece of secondary evidence.
     *
     * @param kind "birth_date", "nationality", "identifier", "weak_alias", "number", "schema", "other_names" (query parts
     *             the matched name lacks, found in the listed person's other names), or a name penalty of the scorer
     * @param effect what it added to (positive) or took from (negative) the score
     */
    public record Evidence(String kind, String detail, double effect) {
    }
}
