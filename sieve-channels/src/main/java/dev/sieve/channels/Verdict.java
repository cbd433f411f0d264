package dev.sieve.channels;

/** The outcome of screening one payment or one traveller. */
public enum Verdict {
    /** Screened in full; nothing alerted. */
    CLEAR,
    /** At least one alert. */
    HIT,
    /** Could not be read or screened in full: never to be taken as clear. */
    COULD_NOT_SCREEN;

    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
