package dev.sieve.server;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.type.LogicalType;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import dev.sieve.store.EntityJson;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * The API's JSON: the model's one JSON form ({@link EntityJson}) with snake_case names. Reading is
 * strict (unknown fields, wrong types, trailing content and oversized bodies are refused) and every
 * refusal names the field.
 */
final class ApiJson {
    /** The largest JSON body accepted: a full batch of 1,000 queries fits several times over. */
    static final int MAX_BODY = 2 * 1024 * 1024;

    static final ObjectMapper MAPPER = EntityJson.shown().copy()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
            .disable(com.fasterxml.jackson.databind.MapperFeature.ALLOW_COERCION_OF_SCALARS);

    /** Text that the databases cannot store, or that no client means: refused where it is read, naming the field. */
    static final class UnsafeTextException extends JsonMappingException {
        UnsafeTextException(JsonParser p, String problem) {
            super(p, problem);
        }
    }

    /** What is wrong with a string for storing and recording, or null: NUL characters and unpaired surrogates. */
    static String textProblem(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == 0) return "contains a NUL character (U+0000) at position " + (i + 1);
            if (Character.isHighSurrogate(c)) {
                if (i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                    i++;
                    continue;
                }
                return "contains an unpaired surrogate at position " + (i + 1);
            }
            if (Character.isLowSurrogate(c)) return "contains an unpaired surrogate at position " + (i + 1);
        }
        return null;
    }

    static {
        com.fasterxml.jackson.databind.module.SimpleModule text = new com.fasterxml.jackson.databind.module.SimpleModule("safe-text");
        text.addDeserializer(String.class, new com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer<String>(String.class) {
            @Override
            public String deserialize(JsonParser p, com.fasterxml.jackson.databind.DeserializationContext ctxt) throws IOException {
                String value = com.fasterxml.jackson.databind.deser.std.StringDeserializer.instance.deserialize(p, ctxt);
                String problem = value == null ? null : textProblem(value);
                if (problem != null) throw new UnsafeTextException(p, problem);
                return value;
            }
        });
        MAPPER.registerModule(text);
        // Jackson's default buffer recycling is per thread, and every request runs on a new virtual thread
        MAPPER.getFactory().setRecyclerPool(com.fasterxml.jackson.core.util.JsonRecyclerPools.sharedConcurrentDequePool());
        // a number or boolean where text is expected is a client error, not something to guess at
        var textual = MAPPER.coercionConfigFor(LogicalType.Textual);
        textual.setCoercion(CoercionInputShape.Integer, CoercionAction.Fail);
        textual.setCoercion(CoercionInputShape.Float, CoercionAction.Fail);
        textual.setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
        MAPPER.coercionConfigFor(LogicalType.Collection).setCoercion(CoercionInputShape.String, CoercionAction.Fail);
    }

    private ApiJson() {
    }

    /** Bodies up to this size are read to their end before a refusal, so that the client gets to read the answer. */
    private static final long DRAIN_LIMIT = 32L * 1024 * 1024;

    static byte[] body(Context ctx, int limit) {
        long declared = -1;
        String length = ctx.header("Content-Length");
        if (length != null) {
            try {
                declared = Long.parseLong(length.trim());
            } catch (NumberFormatException e) {
                throw ApiException.badRequest(null, "the Content-Length header is not a number");
            }
        }
        // a refusal is answered through the error handler, which reads the rest of the body first (drainUnread)
        if (declared > limit) throw tooLarge(limit);
        BodyBudget budget = ctx.attribute(BodyBudget.ATTRIBUTE);
        // read as the bytes arrive, reserving room for them then: a Content-Length is only a promise, and a
        // buffer allocated for it up front lets slow clients hold memory they never fill
        try {
            InputStream in = ctx.bodyInputStream();
            if (declared >= 0 && declared <= CHUNK) {
                // the usual small body with its length: one buffer of that size, which is also the answer
                // (a 64 KB chunk per request was most of what a screening allocated)
                int size = (int) declared;
                if (budget != null) budget.reserve(ctx, size);
                byte[] bytes = new byte[size];
                int n = in.readNBytes(bytes, 0, size);
                if (n < size) throw ApiException.badRequest(null, "the body ended after " + n + " of " + size + " bytes");
                return bytes;
            }
            java.util.List<byte[]> chunks = new java.util.ArrayList<>();
            int total = 0;
            while (true) {
                byte[] chunk = new byte[CHUNK];
                if (budget != null) budget.reserve(ctx, CHUNK);
                int n = in.readNBytes(chunk, 0, CHUNK);
                if (n > 0) {
                    total += n;
                    if (total > limit) throw tooLarge(limit);
                    chunks.add(n == CHUNK ? chunk : java.util.Arrays.copyOf(chunk, n));
                }
                if (n < CHUNK) break;
            }
            if (declared >= 0 && total < declared) {
                throw ApiException.badRequest(null, "the body ended after " + total + " of " + declared + " bytes");
            }
            if (budget != null) budget.reserve(ctx, total); // the whole body, assembled, beside its chunks for a moment
            byte[] bytes = new byte[total];
            int at = 0;
            for (byte[] c : chunks) {
                System.arraycopy(c, 0, bytes, at, c.length);
                at += c.length;
            }
            return bytes;
        } catch (IOException e) {
            // the client stopped sending (closed, reset, idle too long): its error, not the server's
            throw ApiException.badRequest(null, "the request body could not be read to its end: " + e.getMessage());
        }
    }

    /** Bodies are read and reserved in pieces of this size. */
    private static final int CHUNK = 64 * 1024;

    /**
     * Reads what is left of the request body (up to {@link #DRAIN_LIMIT}) and drops it. A refusal sent
     * before the body is read (a wrong key on a list upload) would otherwise close the connection under
     * a client still writing, which then sees a broken pipe instead of the answer.
     */
    static void drainUnread(Context ctx) {
        if (ctx.contentLength() > DRAIN_LIMIT) return; // too much to read for a refusal: the connection closes
        try (InputStream in = ctx.bodyInputStream()) {
            long left = DRAIN_LIMIT;
            while (left > 0) {
                long n = in.skip(left);
                if (n <= 0) {
                    if (in.read() < 0) return;
                    n = 1;
                }
                left -= n;
            }
        } catch (IOException | RuntimeException ignored) {
            // the connection is gone or the body was read already; the answer is sent as far as it can be
        }
    }

    private static ApiException tooLarge(int limit) {
        return new ApiException(413, "Request body too large", "the body exceeds the limit of " + limit + " bytes", null, null);
    }

    /** Reads the request body as {@code type}; refuses with a 400 problem naming the field. */
    static <T> T read(Context ctx, Class<T> type) {
        // the body must be JSON whatever Content-Type says: curl -d sends form-urlencoded by default
        byte[] bytes = body(ctx, MAX_BODY);
        if (bytes.length == 0) throw ApiException.badRequest(null, "the request body is empty; a JSON object is expected");
        try {
            T value = MAPPER.readValue(strictUtf8(bytes), type);
            if (value == null) throw ApiException.badRequest(null, "the request body is null; a JSON object is expected");
            return value;
        } catch (UnsafeTextException e) {
            String p = path(e);
            throw ApiException.badRequest(p.isEmpty() ? null : p, (p.isEmpty() ? "the body " : "field '" + p + "' ") + e.getOriginalMessage());
        } catch (UnrecognizedPropertyException e) {
            throw ApiException.badRequest(path(e), "unknown field '" + e.getPropertyName() + "'"
                    + (e.getPath().size() > 1 ? " in " + path(e).substring(0, path(e).lastIndexOf('.')) : ""));
        } catch (InvalidFormatException e) {
            throw ApiException.badRequest(path(e), "field '" + path(e) + "': " + describe(e.getValue()) + " is not a valid "
                    + simpleType(e.getTargetType()));
        } catch (MismatchedInputException e) {
            String p = path(e);
            if (p.isEmpty()) throw ApiException.badRequest(null, "the body must be a JSON object");
            throw ApiException.badRequest(p, "field '" + p + "' must be " + article(simpleType(e.getTargetType())));
        } catch (JsonMappingException e) {
            String p = path(e);
            Throwable cause = e.getCause() != null ? e.getCause() : e;
            throw ApiException.badRequest(p.isEmpty() ? null : p, (p.isEmpty() ? "" : "field '" + p + "': ") + cause.getMessage());
        } catch (JsonProcessingException e) {
            throw ApiException.badRequest(null, "malformed JSON at line " + e.getLocation().getLineNr() + ", column "
                    + e.getLocation().getColumnNr() + ": " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The body as text, refused unless it is well-formed UTF-8 (RFC 8259). Jackson's own decoder accepts overlong
     * forms such as {@code C0 AF} for '/', which let text slip past any check made on the bytes elsewhere.
     */
    static String strictUtf8(byte[] bytes) {
        int start = bytes.length >= 3 && (bytes[0] & 0xFF) == 0xEF && (bytes[1] & 0xFF) == 0xBB && (bytes[2] & 0xFF) == 0xBF ? 3 : 0;
        java.nio.ByteBuffer in = java.nio.ByteBuffer.wrap(bytes, start, bytes.length - start);
        try {
            return java.nio.charset.StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(java.nio.charset.CodingErrorAction.REPORT)
                    .onUnmappableCharacter(java.nio.charset.CodingErrorAction.REPORT)
                    .decode(in).toString();
        } catch (java.nio.charset.CharacterCodingException e) {
            throw ApiException.badRequest(null, "the body is not valid UTF-8 at byte " + in.position()
                    + " (overlong or broken sequence); JSON must be sent as UTF-8");
        }
    }

    static String path(JsonMappingException e) {
        StringBuilder sb = new StringBuilder();
        for (JsonMappingException.Reference r : e.getPath()) {
            if (r.getFieldName() != null) {
                if (!sb.isEmpty()) sb.append('.');
                sb.append(r.getFieldName());
            } else if (r.getIndex() >= 0) {
                sb.append('[').append(r.getIndex()).append(']');
            }
        }
        return sb.toString();
    }

    private static String simpleType(Class<?> t) {
        if (t == null) return "value";
        if (t == String.class) return "string";
        if (t == Integer.class || t == int.class || t == Long.class || t == long.class) return "integer";
        if (t == Double.class || t == double.class) return "number";
        if (t == Boolean.class || t == boolean.class) return "boolean";
        if (java.util.Collection.class.isAssignableFrom(t) || t.isArray()) return "array";
        return "object";
    }

    private static String article(String type) {
        return type.startsWith("a") || type.startsWith("i") || type.startsWith("o") ? "an " + type : "a " + type;
    }

    private static String describe(Object value) {
        return value instanceof String s ? "'" + s + "'" : String.valueOf(value);
    }

    /**
     * Sends {@code value} as the JSON response body, written straight to the connection: handing Javalin a
     * result stream to copy costs a fresh 8 KB buffer per response.
     */
    static void send(Context ctx, Object value) {
        byte[] bytes;
        try {
            bytes = MAPPER.writeValueAsBytes(value);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException("cannot write the response", e);
        }
        ctx.contentType("application/json");
        ctx.res().setContentLength(bytes.length);
        try {
            ctx.res().getOutputStream().write(bytes);
        } catch (IOException e) {
            // the client went away (closed, timed out): there is nobody left to answer, and nothing is wrong here
            LOG.debug("client gone before the response to {} {} was sent: {}", ctx.method(), ctx.path(), e.toString());
        }
    }

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(ApiJson.class);

    static String write(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
