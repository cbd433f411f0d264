package dev.sieve.regimes;

import java.util.Locale;

/** What a regime imposes on those it lists. */
public enum MeasureType {
    ASSET_FREEZE, TRAVEL_BAN, ARMS_EMBARGO, SECTORAL;

    /** The name in data files and answers: {@code asset_freeze}. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static MeasureType of(String label) {
        for (MeasureType t : values()) if (t.label().equals(label)) return t;
        throw new IllegalArgumentException("unknown measure '" + label + "' (asset_freeze, travel_ban, arms_embargo, sectoral)");
    }
}
