package dev.sieve.server;

import dev.sieve.console.ConsoleSessions;
import dev.sieve.store.Actor;
import dev.sieve.store.Agencies;
import dev.sieve.store.Role;
import io.javalin.http.Context;
import java.util.Arrays;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * Bearer API keys: who is calling and whether their role may do this. Known keys are cached for a
 * short while so that screening does not cost a database read per request; unknown secrets are not
 * cached (a flood of wrong keys cannot fill memory).
 */
final class Auth {
    private static final long CACHE_NANOS = 60_000_000_000L;

    /** The caller of a request. */
    record Caller(String agency, String keyId, Role role, String requestId) {
        Caller(String agency, String keyId, Role role) {
            this(agency, keyId, role, null);
        }

        /** Who acted, with the request's id, which the audit event records. */
        Actor actor() {
            return new Actor(agency, keyId, requestId);
        }

        Caller in(String request) {
            return new Caller(agency, keyId, role, request);
        }
    }

    private record Cached(Caller caller, long until) {
    }

    private final Agencies agencies;
    private final ConsoleSessions sessions;
    private final ConcurrentHashMap<String, Cached> cache = new ConcurrentHashMap<>();
    /** Counts revocations (keys and agencies), so a look-up that raced one is not cached. */
    private final java.util.concurrent.atomic.AtomicLong revocations = new java.util.concurrent.atomic.AtomicLong();

    private final RateLimiter limiter;
    /** The request's caller, for the access log. */
    static final String CALLER_ATTRIBUTE = "sieve.caller";

    /** @param limiter each key's rate, or null for none */
    Auth(Agencies agencies, ConsoleSessions sessions, RateLimiter limiter) {
        this.agencies = agencies;
        this.sessions = sessions;
        this.limiter = limiter;
    }

    /** The caller if their key is valid and their role is one of {@code roles}; else 401 or 403. */
    Caller require(Context ctx, Role... roles) {
        Caller caller = authenticate(ctx);
        for (Role r : roles) if (r == caller.role()) return caller;
        throw new ApiException(403, "Forbidden", "this needs the role " + Arrays.stream(roles).map(Role::label)
                .collect(Collectors.joining(" or ")) + "; your key has the role " + caller.role().label(), null, null);
    }

    /**
     * An administrator of the operator agency: the databank's own administration (agencies, official lists).
     * An agency's administrator manages only its own keys.
     */
    Caller requireOperator(Context ctx, String what) {
        Caller caller = require(ctx, Role.ADMIN);
        if (!Actor.OPERATOR_AGENCY.equals(caller.agency())) {
            throw new ApiException(403, "Forbidden", what + " is the operator's task (an administrator key of agency '"
                    + Actor.OPERATOR_AGENCY + "'); your key administers agency '" + caller.agency() + "' only", null, null);
        }
        return caller;
    }

    /** An administrator of {@code agency}, or of the operator agency, which administers every agency. */
    Caller requireAdminOf(Context ctx, String agency) {
        Caller caller = require(ctx, Role.ADMIN);
        if (!caller.agency().equals(agency) && !Actor.OPERATOR_AGENCY.equals(caller.agency())) {
            throw new ApiException(403, "Forbidden", "your key administers agency '" + caller.agency() + "' only, not '"
                    + agency + "'", null, null);
        }
        return caller;
    }

    /**
     * The caller of a request: by its API key, or (for the console) by its sign-in session cookie, in which case a
     * state-changing request must also carry the session's CSRF token.
     */
    Caller authenticate(Context ctx) {
        Caller caller = identify(ctx).in(ctx.attribute(RequestIds.ATTRIBUTE));
        ctx.attribute(CALLER_ATTRIBUTE, caller);
        if (limiter != null) {
            java.time.Duration wait = limiter.take(caller.keyId());
            if (wait != null) {
                long seconds = Math.max(1, (wait.toMillis() + 999) / 1000);
                ctx.header("Retry-After", Long.toString(seconds));
                throw new ApiException(429, "Too many requests", "this key's rate limit is reached; try again in " + seconds + " s", null, null);
            }
        }
        return caller;
    }

    private Caller identify(Context ctx) {
        String header = ctx.header("Authorization");
        if (header == null || header.isBlank()) {
            String sessionId = ctx.cookie(ConsoleSessions.COOKIE);
            if (sessionId != null) return bySession(ctx, sessionId);
            throw unauthorized("send an API key as 'Authorization: Bearer <key>'");
        }
        // "ApiKey <key>" is how yente's clients send it
        if (header.regionMatches(true, 0, "ApiKey ", 0, 7)) return byKey(header.substring(7).trim());
        if (!header.regionMatches(true, 0, "Bearer ", 0, 7)) throw unauthorized("the Authorization header must be 'Bearer <key>' (or 'ApiKey <key>')");
        return byKey(header.substring(7).trim());
    }

    private Caller bySession(Context ctx, String sessionId) {
        var session = sessions.find(sessionId).orElseThrow(() -> unauthorized("your console session has ended; sign in again"));
        String method = ctx.method().name();
        if (!method.equals("GET") && !method.equals("HEAD")
                && !ConsoleSessions.csrfMatches(session, ctx.header(ConsoleSessions.CSRF_HEADER))) {
            throw new ApiException(403, "Forbidden", "a change made with a console session must carry the session's token in "
                    + ConsoleSessions.CSRF_HEADER, ConsoleSessions.CSRF_HEADER, null);
        }
        try {
            return byKey(session.apiKey());
        } catch (ApiException e) {
            sessions.close(sessionId); // the key was revoked or its agency disabled: the session ends with it
            throw unauthorized("the API key of your console session is no longer valid; sign in again");
        }
    }

    /** The caller an API key stands for; 401 when it is not a valid key. */
    Caller byKey(String secret) {
        long now = System.nanoTime();
        Cached c = cache.get(secret);
        if (c != null && c.until() - now > 0) return c.caller();
        long generation = revocations.get();
        Optional<Agencies.ApiKey> key = agencies.authenticate(secret);
        if (key.isEmpty()) throw unauthorized("the API key is not valid");
        Caller caller = new Caller(key.get().agency(), key.get().id(), key.get().role());
        if (cache.size() > 10_000) cache.clear();
        // a revocation while this look-up ran may have come after the database answered: then the answer is
        // used once, for this request, and not kept
        if (revocations.get() == generation) {
            cache.put(secret, new Cached(caller, now + CACHE_NANOS));
            if (revocations.get() != generation) cache.remove(secret);
        }
        return caller;
    }

    /** Forgets the keys of a disabled agency at once (this server; others within the cache's minute). */
    void forgetAgency(String agency) {
        revocations.incrementAndGet();
        cache.values().removeIf(c -> c.caller().agency().equals(agency));
    }

    /** Forgets a revoked key at once (this server; others within the cache's minute). */
    void forget(String keyId) {
        revocations.incrementAndGet();
        cache.values().removeIf(c -> c.caller().keyId().equals(keyId));
    }

    private static ApiException unauthorized(String detail) {
        return new ApiException(401, "Unauthorized", detail, null, null);
    }
}
