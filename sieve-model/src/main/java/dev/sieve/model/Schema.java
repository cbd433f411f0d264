package dev.sieve.model;

/** What kind of thing a listed entity is. Screening weighs names differently per schema. */
public enum Schema {
    PERSON("Person"),
    ORGANIZATION("Organization"),
    VESSEL("Vessel"),
    AIRPLANE("Airplane");

    private final String label;

    Schema(String label) {
        this.label = label;
    }

    /** The FollowTheMoney-style label used in files, JSON and the CLI ("Person", "Vessel"...). */
    public String label() {
        return label;
    }

    /** Parses a label case-insensitively; also accepts common synonyms used by the lists. */
    public static Schema parse(String text) {
        if (text == null) {
            throw new IllegalArgumentException("schema is missing");
        }
        return switch (text.trim().toLowerCase(java.util.Locale.ROOT)) {
            case "person", "individual" -> PERSON;
            case "organization", "organisation", "entity", "company", "legalentity", "enterprise" -> ORGANIZATION;
            case "vessel", "ship" -> VESSEL;
            case "airplane", "aircraft" -> AIRPLANE;
            default -> throw new IllegalArgumentException(
                    "unknown schema '" + text + "' (expected Person, Organization, Vessel or Airplane)");
        };
    }

    @Override
    public String toString() {
        return label;
    }
}
