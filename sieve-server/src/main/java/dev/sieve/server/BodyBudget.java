package dev.sieve.server;

import io.javalin.http.Context;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * How many bytes of request bodies the server holds in memory at once, across all requests. A body is
 * reserved as its bytes arrive (never by what Content-Length promises) and released when its request ends,
 * so many slow or large uploads wait for each other, or are refused with 503, instead of exhausting the heap.
 */
final class BodyBudget {
    static final String ATTRIBUTE = "sieve.body-budget";
    private static final String RESERVED = "sieve.body-reserved";
    /** How long a body waits for room before it is refused. */
    private static final long WAIT_MILLIS = 2_000;

    private final Semaphore bytes;
    private final long total;

    BodyBudget(long totalBytes) {
        this.total = totalBytes;
        this.bytes = new Semaphore((int) Math.min(Integer.MAX_VALUE, totalBytes));
    }

    /** Reserves {@code n} more bytes for this request's body, or refuses it (503) when there is no room soon. */
    void reserve(Context ctx, int n) {
        try {
            if (!bytes.tryAcquire(n, WAIT_MILLIS, TimeUnit.MILLISECONDS)) {
                ctx.header("Retry-After", "5");
                throw new ApiException(503, "Server busy", "the server is receiving too many request bodies at once ("
                        + total / (1024 * 1024) + " MB in all); retry in a few seconds", null, null);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ApiException(503, "Server busy", "interrupted while waiting for room for the request body", null, null);
        }
        Integer held = ctx.attribute(RESERVED);
        ctx.attribute(RESERVED, (held == null ? 0 : held) + n);
    }

    /** Gives back what the request reserved; called when it ends, however it ends. */
    void release(Context ctx) {
        Integer held = ctx.attribute(RESERVED);
        if (held != null && held > 0) {
            ctx.attribute(RESERVED, 0);
            bytes.release(held);
        }
    }

    int available() {
        return bytes.availablePermits();
    }
}
