package dev.sieve.store;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** What an API key may do. */
public enum Role {
    /** Agencies and keys; list uploads. */
    ADMIN,
    /** Its agency's databank entries, plus everything an analyst does. */
    CONTRIBUTOR,
    /** Screening and reading entities and lists. */
    ANALYST,
    /** Reading its agency's audit trail. */
    AUDITOR;

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Role parse(String text) {
        for (Role r : values()) if (r.label().equals(text)) return r;
        throw new IllegalArgumentException("unknown role '" + text + "'; one of: "
                + Arrays.stream(values()).map(Role::label).collect(Collectors.joining(", ")));
    }
}
