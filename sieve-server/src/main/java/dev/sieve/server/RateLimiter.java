package dev.sieve.server;

import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * Requests per second allowed to each API key (a token bucket per key: a steady rate and a burst), so that one agency's
 * client cannot starve the others. A refused request is told when to retry.
 */
public final class RateLimiter {
    /** A steady rate and the burst a key may spend at once. */
    public record Limit(double perSecond, int burst) {
        public Limit {
            if (!(perSecond > 0) || burst < 1) throw new IllegalArgumentException("a rate limit needs a positive rate and a burst of at least 1");
        }

        /**
         * {@code 50/s}, {@code 3000/min} or {@code 50/s:200} (a burst of 200; by default two seconds' worth); {@code off} or
         * {@code 0}: no limit (null).
         */
        public static Limit parse(String text) {
            String t = text.strip().toLowerCase(java.util.Locale.ROOT);
            if (t.equals("off") || t.equals("0") || t.isEmpty()) return null;
            var m = java.util.regex.Pattern.compile("(\\d+(?:\\.\\d+)?)/(s|sec|second|m|min|minute)(?::(\\d+))?").matcher(t);
            if (!m.matches()) throw new IllegalArgumentException("'" + text + "' is not a rate: write 50/s, 3000/min or 50/s:200 (burst), or off");
            double n = Double.parseDouble(m.group(1));
            double perSecond = m.group(2).startsWith("s") ? n : n / 60.0;
            int burst = m.group(3) != null ? Integer.parseInt(m.group(3)) : (int) Math.max(1, Math.ceil(perSecond * 2));
            return new Limit(perSecond, burst);
        }
    }

    private static final class Bucket {
        double tokens;
        long at;

        Bucket(double tokens, long at) {
            this.tokens = tokens;
            this.at = at;
        }
    }

    private final Limit limit;
    private final LongSupplier nanos;
    private final ConcurrentHashMap<String, Bucket> buckets = new ConcurrentHashMap<>();

    public RateLimiter(Limit limit, LongSupplier nanos) {
        this.limit = limit;
        this.nanos = nanos;
    }

    /** Takes one request for this key: null when allowed, else how long until the next would be. */
    public Duration take(String key) {
        long now = nanos.getAsLong();
        Bucket b = buckets.computeIfAbsent(key, k -> new Bucket(limit.burst(), now));
        synchronized (b) {
            b.tokens = Math.min(limit.burst(), b.tokens + (now - b.at) / 1e9 * limit.perSecond());
            b.at = now;
            if (b.tokens >= 1) {
                b.tokens -= 1;
                return null;
            }
            return Duration.ofNanos((long) Math.ceil((1 - b.tokens) / limit.perSecond() * 1e9));
        }
    }
}
