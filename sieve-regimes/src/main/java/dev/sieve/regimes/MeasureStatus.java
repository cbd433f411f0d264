package dev.sieve.regimes;

import java.util.Locale;

/** Where a measure stands after a change: it binds while in force, eased (narrowed, still binding) or re-imposed. */
public enum MeasureStatus {
    IN_FORCE(true), EASED(true), SUSPENDED(false), LIFTED(false), REIMPOSED(true);

    private final boolean binds;

    MeasureStatus(boolean binds) {
        this.binds = binds;
    }

    public boolean binds() {
        return binds;
    }

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static MeasureStatus of(String label) {
        for (MeasureStatus s : values()) if (s.label().equals(label)) return s;
        throw new IllegalArgumentException("unknown status '" + label + "' (in_force, eased, suspended, lifted, reimposed)");
    }
}
