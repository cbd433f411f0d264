package dev.sieve.alerts;

import java.time.Instant;

/**
 * One step in an alert's history: created, assigned, reviewed, escalated, proposed, confirmed, decided,
 * commented, delisted.
 *
 * @param keyId the API key that acted ({@code monitor} for the monitoring itself)
 */
public record AlertEvent(int n, String action, String keyId, AlertState fromState, AlertState toState, String note,
                         Instant at) {
}
