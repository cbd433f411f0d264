package dev.sieve.regimes;

import java.time.LocalDate;
import java.util.Objects;

/**
 * One step of a measure's history: from {@code date} (null: as far back as the catalogue records) it stands at
 * {@code status}, by {@code act}.
 */
public record Change(LocalDate date, MeasureStatus status, String act, String note) {
    public Change {
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(act, "act");
    }
}
