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

    /** Parses a label, case, accents and spacing aside ({@link TextKeys}); also accepts common synonyms. */
    public static Schema parse(String text) {
        if (text == null) {
            throw new IllegalArgumentException("schema is missing");
        }
        return switch (TextKeys.fold(text, ' ')) {
            // as customer files' systems write them: in English, German, French, Spanish and Italian (not "business"
            // or "firm": a sole trader's account is a person's, and a schema given is screened against that kind only)
            case "person", "individual", "natural person", "private person", "private individual", "privatperson",
                 "privatkunde", "naturliche person", "personne physique", "persona fisica", "persona natural" -> PERSON;
            case "organization", "organisation", "entity", "company", "legalentity", "enterprise", "legal entity",
                 "legal person", "corporate", "corporation", "unternehmen", "juristische person", "personne morale",
                 "persona juridica", "persona giuridica", "societe", "sociedad", "societa" -> ORGANIZATION;
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
