package dev.sieve.regimes;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/** A measure of a regime and its history, oldest change first. */
public record Measure(MeasureType type, List<Change> timeline) {
    public Measure {
        timeline = List.copyOf(timeline);
        if (timeline.isEmpty()) throw new IllegalArgumentException(type.label() + ": a measure needs at least one change");
        for (int i = 1; i < timeline.size(); i++) {
            LocalDate before = timeline.get(i - 1).date();
            LocalDate after = timeline.get(i).date();
            if (after == null || before != null && !after.isAfter(before)) {
                throw new IllegalArgumentException(type.label() + ": changes must be dated and in date order (" + before + ", "
                        + after + ")");
            }
        }
    }

    /** The change in effect on {@code day}: the latest on or before it; empty before the first. */
    public Optional<Change> on(LocalDate day) {
        Change current = null;
        for (Change c : timeline) {
            if (c.date() == null || !c.date().isAfter(day)) current = c;
        }
        return Optional.ofNullable(current);
    }

    /** Whether the measure binds on {@code day}. */
    public boolean bindsOn(LocalDate day) {
        return on(day).map(c -> c.status().binds()).orElse(false);
    }
}
