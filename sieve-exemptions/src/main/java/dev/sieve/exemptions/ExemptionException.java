package dev.sieve.exemptions;

/** An exemption that cannot be recorded as given: the field at fault and why. */
public final class ExemptionException extends IllegalArgumentException {
    private final String field;

    public ExemptionException(String field, String message) {
        super(message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
