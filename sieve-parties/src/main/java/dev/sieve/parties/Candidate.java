package dev.sieve.parties;

/**
 * A link a rule proposes between two listings, before the guard has checked it.
 *
 * @param evidence what the rule saw ("uk:7612 cites UN Ref QDi.011")
 */
public record Candidate(String from, String to, String rule, String evidence) {
}
