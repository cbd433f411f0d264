package dev.sieve.model;

public enum Gender {
    MALE,
    FEMALE;

    /** Maps the spellings the lists use ("Male", "M", "female"...); null when unknown or blank. */
    public static Gender parse(String text) {
        if (text == null) {
            return null;
        }
        return switch (text.trim().toLowerCase(java.util.Locale.ROOT)) {
            case "male", "m" -> MALE;
            case "female", "f" -> FEMALE;
            default -> null;
        };
    }
}
