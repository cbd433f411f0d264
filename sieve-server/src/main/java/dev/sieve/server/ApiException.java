package dev.sieve.server;

import java.util.List;

/**
 * A request the API refuses, with the HTTP status and what to tell the caller: becomes an RFC 9457
 * problem document. {@code field} names the offending request field (a JSON pointer-like path such as
 * {@code queries[3].birth_date}) when there is one.
 */
public class ApiException extends RuntimeException {
    private final int status;
    private final String title;
    private final String field;
    private final List<?> errors;

    public ApiException(int status, String title, String detail, String field, List<?> errors) {
        super(detail);
        this.status = status;
        this.title = title;
        this.field = field;
        this.errors = errors == null ? List.of() : errors;
    }

    public static ApiException badRequest(String field, String detail) {
        return new ApiException(400, "Invalid request", detail, field, null);
    }

    public static ApiException notFound(String detail) {
        return new ApiException(404, "Not found", detail, null, null);
    }

    public int status() {
        return status;
    }

    public String title() {
        return title;
    }

    public String field() {
        return field;
    }

    public List<?> errors() {
        return errors;
    }
}
