package dev.sieve.alerts;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Where an alert stands: open, being reviewed or escalated, covered (an exemption the agency relies on covers it: out
 * of the queue, back in it when the exemption is revoked or expires), or closed (a true match, a false positive, or
 * delisted when the entity has left its list).
 */
public enum AlertState {
    OPEN, IN_REVIEW, ESCALATED, TRUE_MATCH, FALSE_POSITIVE, DELISTED, COVERED;

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    public boolean closed() {
        return this == TRUE_MATCH || this == FALSE_POSITIVE || this == DELISTED;
    }

    public static AlertState parse(String text) {
        for (AlertState s : values()) if (s.label().equals(text)) return s;
        throw new IllegalArgumentException("unknown state '" + text + "'; one of: "
                + Arrays.stream(values()).map(AlertState::label).collect(Collectors.joining(", ")));
    }
}
