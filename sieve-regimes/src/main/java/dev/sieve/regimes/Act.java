package dev.sieve.regimes;

import java.time.LocalDate;
import java.util.Objects;

/** A legal act of a regime: a resolution, an executive order, regulations. {@code date} null: not recorded. */
public record Act(String id, LocalDate date, String title) {
    public Act {
        Objects.requireNonNull(id, "id");
    }
}
