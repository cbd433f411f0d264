package dev.sieve.alerts;

import java.time.Instant;

/**
 * Which of an agency's alerts to list, newest first: every criterion given (non-null) must hold.
 *
 * @param before only alerts older than the one with this sequence number (the page cursor), or null
 */
public record AlertFilter(AlertState state, String subject, String entity, String origin, String assignee,
                          Instant since, Long before, int limit) {
    public static final int MAX_LIMIT = 500;

    public static AlertFilter all(int limit) {
        return new AlertFilter(null, null, null, null, null, null, null, limit);
    }
}
