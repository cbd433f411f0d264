package dev.sieve.store;

/**
 * Who does something, as the audit trail records it: an agency and the id (never the secret) of the API
 * key used, or {@code cli} for the operator's command line.
 */
public record Actor(String agency, String keyId, String requestId) {
    public static final String OPERATOR_AGENCY = "operator";

    /** An actor outside any request (the command line, the monitor, a background job). */
    public Actor(String agency, String keyId) {
        this(agency, keyId, null);
    }

    public static Actor cli() {
        return new Actor(OPERATOR_AGENCY, "cli");
    }
}
