package dev.sieve.server;

import io.javalin.http.Context;

/** The {@code If-Match} header of a change: the version (ETag) of the resource the client read. */
final class IfMatch {
    /** {@code If-Match: *}: whatever version the resource has now. */
    static final int ANY_VERSION = -1;

    private IfMatch() {
    }

    /**
     * The version named by {@code If-Match: "3"} ({@link #ANY_VERSION} for {@code *}); null when absent and not
     * {@code required}.
     *
     * @param what the resource, as messages name it ("the entry", "the alert")
     */
    static Integer version(Context ctx, boolean required, String what) {
        String h = ctx.header("If-Match");
        if (h == null || h.isBlank()) {
            if (!required) return null;
            throw new ApiException(428, "Precondition required", "send " + what + "'s current ETag in If-Match (read it with"
                    + " GET first), so that you do not overwrite a change you have not seen", "If-Match", null);
        }
        String t = h.strip();
        if (t.equals("*")) return ANY_VERSION;
        if (t.startsWith("W/")) {
            // If-Match compares strongly (RFC 9110 13.1.1): a weak tag matches nothing
            throw new ApiException(412, "Precondition failed", "a weak ETag (W/...) never matches If-Match; send " + what
                    + "'s ETag as GET gives it, e.g. \"3\"", "If-Match", null);
        }
        if (!t.matches("\"\\d{1,9}\"")) {
            throw ApiException.badRequest("If-Match", "header 'If-Match' must be an ETag such as \"3\" (quoted), or *, not " + h);
        }
        return Integer.parseInt(t.substring(1, t.length() - 1));
    }

    static String etag(int version) {
        return "\"" + version + "\"";
    }
}
