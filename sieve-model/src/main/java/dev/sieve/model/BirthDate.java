package dev.sieve.model;

import java.util.Objects;

/**
 * A published date of birth: one partial date, or a range ({@code until} set), possibly approximate.
 * Lists give "1971", "circa 1960", "between 1962 and 1964" or a full date; all are kept as published.
 */
public record BirthDate(PartialDate date, PartialDate until, boolean circa) {
    public BirthDate {
        Objects.requireNonNull(date, "date");
        if (until != null && until.compareTo(date) < 0) {
            throw new IllegalArgumentException("range ends before it starts: " + date + " to " + until);
        }
        if (until != null && until.equals(date)) {
            until = null;
        }
    }

    public static BirthDate exact(PartialDate date) {
        return new BirthDate(date, null, false);
    }

    public boolean isRange() {
        return until != null;
    }

    @Override
    public String toString() {
        return (circa ? "circa " : "") + date + (until != null ? ".." + until : "");
    }
}
