package dev.sieve.model;

import java.util.Objects;

/**
 * An identifying number of a listed entity.
 *
 * @param type the normalised kind
 * @param label the identifier's kind as the list wrote it ("Cedula No.", "Passport"), for explanations
 * @param number the number as published
 * @param country issuing country, ISO 3166-1 alpha-2 upper case, or null when not given or unknown
 */
public record Identifier(IdentifierType type, String label, String number, String country) {
    public Identifier {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(number, "number");
        number = number.strip();
        if (number.isEmpty()) {
            throw new IllegalArgumentException("an identifier number cannot be blank");
        }
        label = label == null || label.isBlank() ? type.name() : label.strip();
    }
}
