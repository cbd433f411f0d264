package dev.sieve.console;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Comparator;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The console's sign-in sessions, held in this server's memory: a random session id (the cookie) stands for the API
 * key the user pasted once, which never goes back to the browser. A session ends when signed out, after
 * {@link #idle} without a request, or {@link #lifetime} after sign-in, whichever comes first; each carries its own
 * CSRF token, which the page must send with every state-changing call.
 */
public final class ConsoleSessions {
    /** The cookie that carries the session id. */
    public static final String COOKIE = "sieve_session";
    /** The header that carries the session's CSRF token. */
    public static final String CSRF_HEADER = "X-CSRF-Token";
    static final int MAX_SESSIONS = 10_000;

    /** A signed-in browser; {@code apiKey} is the key it stands for and stays on the server. */
    public record Session(String id, String csrf, String apiKey, Instant createdAt, Instant expiresAt) {
        @Override
        public String toString() {
            return "Session[created " + createdAt + "]"; // never the id, token or key in a log line
        }
    }

    private record Entry(Session session, Instant lastSeen) {
    }

    private final SecureRandom random = new SecureRandom();
    private final Map<String, Entry> sessions = new ConcurrentHashMap<>();
    private final Duration idle;
    private final Duration lifetime;
    private final Clock clock;

    public ConsoleSessions(Duration idle, Duration lifetime, Clock clock) {
        if (idle.isNegative() || idle.isZero() || lifetime.compareTo(idle) < 0) {
            throw new IllegalArgumentException("a session's idle time must be positive and at most its lifetime");
        }
        this.idle = idle;
        this.lifetime = lifetime;
        this.clock = clock;
    }

    /** 30 minutes idle, 12 hours at most: a working day, signed in once. */
    public static ConsoleSessions standard() {
        return new ConsoleSessions(Duration.ofMinutes(30), Duration.ofHours(12), Clock.systemUTC());
    }

    /** A new session for a key that has been checked. */
    public Session open(String apiKey) {
        Instant now = clock.instant();
        if (sessions.size() >= MAX_SESSIONS) evict(now);
        Session s = new Session(token(), token(), apiKey, now, now.plus(lifetime));
        sessions.put(s.id(), new Entry(s, now));
        return s;
    }

    /** The live session with this id, its idle clock restarted; empty when unknown, signed out or expired. */
    public Optional<Session> find(String id) {
        if (id == null || id.isEmpty()) return Optional.empty();
        Instant now = clock.instant();
        Entry e = sessions.get(id);
        if (e == null) return Optional.empty();
        if (expired(e, now)) {
            sessions.remove(id, e);
            return Optional.empty();
        }
        sessions.replace(id, e, new Entry(e.session(), now));
        return Optional.of(e.session());
    }

    /** Whether {@code token} is the session's CSRF token (compared in constant time). */
    public static boolean csrfMatches(Session s, String token) {
        return token != null && MessageDigest.isEqual(s.csrf().getBytes(StandardCharsets.US_ASCII), token.getBytes(StandardCharsets.UTF_8));
    }

    /** Signs a session out. */
    public void close(String id) {
        if (id != null) sessions.remove(id);
    }

    public int size() {
        return sessions.size();
    }

    private boolean expired(Entry e, Instant now) {
        return !now.isBefore(e.session().expiresAt()) || !now.isBefore(e.lastSeen().plus(idle));
    }

    /** Drops expired sessions, and when still full the least recently used tenth. */
    private void evict(Instant now) {
        sessions.entrySet().removeIf(e -> expired(e.getValue(), now));
        if (sessions.size() < MAX_SESSIONS) return;
        sessions.entrySet().stream().sorted(Comparator.comparing(e -> e.getValue().lastSeen())).limit(MAX_SESSIONS / 10)
                .map(Map.Entry::getKey).toList().forEach(sessions::remove);
    }

    private String token() {
        byte[] b = new byte[32];
        random.nextBytes(b);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }
}
