package dev.sieve.alerts;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** What an analyst decides about an alert: to review it, escalate it, or close it as a true match or a false positive. */
public enum Decision {
    REVIEW(AlertState.IN_REVIEW), ESCALATE(AlertState.ESCALATED), TRUE_MATCH(AlertState.TRUE_MATCH),
    FALSE_POSITIVE(AlertState.FALSE_POSITIVE);

    private final AlertState target;

    Decision(AlertState target) {
        this.target = target;
    }

    /** The state the decision puts the alert in. */
    public AlertState target() {
        return target;
    }

    /** Whether it closes the alert (under four eyes, only once a second analyst confirms it). */
    public boolean closing() {
        return target.closed();
    }

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Decision parse(String text) {
        for (Decision d : values()) if (d.label().equals(text)) return d;
        throw new IllegalArgumentException("unknown decision '" + text + "'; one of: "
                + Arrays.stream(values()).map(Decision::label).collect(Collectors.joining(", ")));
    }
}
