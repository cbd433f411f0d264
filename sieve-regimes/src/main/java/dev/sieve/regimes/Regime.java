package dev.sieve.regimes;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/** A sanctions regime: who imposes it, under which acts, with which measures over time. */
public record Regime(String id, String authority, String title, List<Act> acts, List<Measure> measures) {
    public Regime {
        acts = List.copyOf(acts);
        measures = List.copyOf(measures);
    }

    public Optional<Measure> measure(MeasureType type) {
        return measures.stream().filter(m -> m.type() == type).findFirst();
    }

    /** The measures that bind on {@code day}. */
    public List<MeasureType> bindingOn(LocalDate day) {
        return measures.stream().filter(m -> m.bindsOn(day)).map(Measure::type).toList();
    }
}
