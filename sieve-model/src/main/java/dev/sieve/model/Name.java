package dev.sieve.model;

import java.util.Objects;

/**
 * One published name of an entity.
 *
 * @param value the name exactly as published (trimmed)
 * @param kind primary name, alias or former name
 * @param weak true for aliases the list itself marks as weak / low quality
 * @param originalScript true when the list gives this as the name in its original (non-Latin) script
 */
public record Name(String value, NameKind kind, boolean weak, boolean originalScript) {
    public Name {
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(kind, "kind");
        value = value.strip();
        if (value.isEmpty()) {
            throw new IllegalArgumentException("a name cannot be blank");
        }
    }

    public static Name primary(String value) {
        return new Name(value, NameKind.PRIMARY, false, false);
    }

    public static Name alias(String value, boolean weak) {
        return new Name(value, NameKind.ALIAS, weak, false);
    }

    public static Name originalScript(String value) {
        return new Name(value, NameKind.ALIAS, false, true);
    }
}
