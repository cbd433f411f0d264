package dev.sieve.alerts;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends the pending webhook deliveries: a POST of the payload, signed ({@value #SIGNATURE_HEADER}: {@code
 * sha256=} and the hex HMAC-SHA256 of the body with the webhook's secret), a 2xx counting as delivered;
 * otherwise retried after {@code first}, then twice as long each time, until {@code attempts} attempts have
 * failed. Each attempt is recorded. Delivery is at least once: a receiver tells repeats by {@value
 * #DELIVERY_HEADER}. Redirects are not followed.
 */
public final class WebhookDeliverer implements AutoCloseable {
    public static final String SIGNATURE_HEADER = "Sieve-Signature";
    public static final String DELIVERY_HEADER = "Sieve-Delivery";
    public static final String EVENT_HEADER = "Sieve-Event";
    private static final Logger LOG = LoggerFactory.getLogger(WebhookDeliverer.class);
    private static final Duration TIMEOUT = Duration.ofSeconds(10);
    /** How long an attempt holds its delivery: longer than any attempt can take. */
    private static final Duration LEASE = TIMEOUT.multipliedBy(6);
    private static final Duration LONGEST_WAIT = Duration.ofHours(1);

    /** How often to retry: the first wait, doubled each time up to an hour, and the attempts in all. */
    public record Retry(Duration first, int attempts) {
        /** About 17 hours of retries: 30 s, 1 min, 2 min... then hourly. */
        public static final Retry DEFAULT = new Retry(Duration.ofSeconds(30), 24);

        public Retry {
            if (attempts < 1) throw new IllegalArgumentException("attempts must be at least 1");
        }

        /** The wait after the n-th failed attempt (1-based). */
        Duration after(int failed) {
            Duration d = first.multipliedBy(1L << Math.min(failed - 1, 20));
            return d.compareTo(LONGEST_WAIT) > 0 ? LONGEST_WAIT : d;
        }
    }

    private final WebhookStore store;
    private final Retry retry;
    private final boolean privateAllowed;
    private final Duration poll;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(TIMEOUT)
            .followRedirects(HttpClient.Redirect.NEVER).build();
    private final ExecutorService senders = Executors.newVirtualThreadPerTaskExecutor();
    private final Thread poller;
    private volatile boolean closed;

    /**
     * @param privateAllowed whether deliveries may go to addresses inside this network ({@link WebhookStore#checkAddress})
     */
    public WebhookDeliverer(WebhookStore store, Retry retry, boolean privateAllowed, Duration poll) {
        this.store = store;
        this.retry = retry;
        this.privateAllowed = privateAllowed;
        this.poll = poll;
        this.poller = Thread.ofPlatform().daemon().name("sieve-webhooks").unstarted(this::run);
    }

    public WebhookDeliverer start() {
        poller.start();
        return this;
    }

    /** Wakes the poller now, rather than at its next poll (closing). */
    private void wake() {
        java.util.concurrent.locks.LockSupport.unpark(poller);
    }

    private void run() {
        while (!closed) {
            try {
                for (WebhookStore.Due due : store.due(100)) {
                    if (store.claim(due.delivery(), Instant.now().plus(LEASE))) senders.submit(() -> attempt(due));
                }
            } catch (RuntimeException e) {
                // the database briefly unavailable: try again at the next poll
                LOG.warn("webhook deliveries not read: {}", e.getMessage());
            }
            java.util.concurrent.locks.LockSupport.parkNanos(poll.toNanos());
        }
    }

    private void attempt(WebhookStore.Due due) {
        WebhookStore.Delivery d = due.delivery();
        byte[] body = d.payload().getBytes(StandardCharsets.UTF_8);
        Integer status = null;
        String error = null;
        try {
            WebhookStore.checkAddress(due.url(), privateAllowed); // its name may resolve elsewhere since it was made
            HttpRequest request = HttpRequest.newBuilder(due.url()).timeout(TIMEOUT)
                    .header("Content-Type", "application/json")
                    .header("User-Agent", "Sieve-Webhooks/1")
                    .header(EVENT_HEADER, d.event())
                    .header(DELIVERY_HEADER, d.id())
                    .header(SIGNATURE_HEADER, "sha256=" + sign(due.secret(), body))
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
            HttpResponse<Void> response = http.send(request, HttpResponse.BodyHandlers.discarding());
            status = response.statusCode();
            if (status / 100 != 2) error = "the receiver answered " + status;
        } catch (java.io.IOException e) {
            error = e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return; // closing: the lease runs out and the attempt is made again
        } catch (IllegalArgumentException e) {
            error = "not sent: " + e.getMessage();
        } catch (RuntimeException e) {
            error = e.toString();
        }
        try {
            if (error == null) {
                store.attempted(d, true, status, null, null);
            } else {
                int failed = d.attempts() + 1;
                Instant next = failed >= retry.attempts() ? null : Instant.now().plus(retry.after(failed));
                store.attempted(d, false, status, error, next);
                if (next == null) LOG.warn("webhook delivery {} to {} failed after {} attempts: {}", d.id(), due.url(), failed, error);
            }
        } catch (RuntimeException e) {
            LOG.warn("webhook delivery {} not recorded (it will be sent again): {}", d.id(), e.getMessage());
        }
    }

    /** The hex HMAC-SHA256 of a body with a secret, as {@value #SIGNATURE_HEADER} carries it after {@code sha256=}. */
    public static String sign(String secret, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(body));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HMAC-SHA256 is not available", e);
        }
    }

    @Override
    public void close() {
        closed = true;
        wake();
        try {
            poller.join(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        senders.shutdownNow();
        try {
            senders.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
