package dev.sieve.server;

import dev.sieve.screening.ScreeningService;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.util.concurrent.TimeUnit;

/** What {@code GET /metrics} shows: requests by route and status, screenings, alerts, index sizes, reloads, the JVM. */
final class ServerMetrics {
    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final Counter screenings;
    private final Counter alerts;
    private final Timer reloads;
    private final Counter reloadFailures;
    /** Requests are timed on every call: the timers are looked up here, not rebuilt. */
    private final java.util.concurrent.ConcurrentHashMap<String, Timer> timers = new java.util.concurrent.ConcurrentHashMap<>();

    /** Per list source, the age of its newest publication in the live index, and whether it is stale. */
    private final io.micrometer.core.instrument.MultiGauge listAges;
    private final io.micrometer.core.instrument.MultiGauge listStale;
    private volatile java.util.function.Supplier<java.util.List<dev.sieve.databank.SourceFreshness.Fresh>> freshness = java.util.List::of;

    private final Timer screeningTime;
    private final Counter screeningsAlerted;
    private final Counter screeningsClear;
    private final io.micrometer.core.instrument.MultiGauge alertsByState;
    private final io.micrometer.core.instrument.MultiGauge updateFailures;
    private final io.micrometer.core.instrument.MultiGauge updateLastSuccess;
    private volatile java.util.function.Supplier<java.util.Map<String, Integer>> alertCounts = java.util.Map::of;
    private volatile java.util.function.Supplier<java.util.Map<String, dev.sieve.databank.ListUpdateScheduler.SourceStatus>> updateStatus = java.util.Map::of;
    private volatile java.util.Map<String, Integer> lastAlertCounts = java.util.Map.of();
    private volatile long alertCountsAt = Long.MIN_VALUE / 2;

    ServerMetrics(ScreeningService screening) {
        screeningTime = Timer.builder("sieve_screening_duration").description("one name screened (API, batch, jobs, payments, manifests)")
                .publishPercentileHistogram().minimumExpectedValue(java.time.Duration.ofNanos(50_000))
                .maximumExpectedValue(java.time.Duration.ofSeconds(1)).register(registry);
        screeningsAlerted = Counter.builder("sieve_screenings_by_outcome").tag("outcome", "alert").register(registry);
        screeningsClear = Counter.builder("sieve_screenings_by_outcome").tag("outcome", "clear").register(registry);
        alertsByState = io.micrometer.core.instrument.MultiGauge.builder("sieve_alerts_by_state")
                .description("alerts of every agency by state (counted at most every 30 s)").register(registry);
        updateFailures = io.micrometer.core.instrument.MultiGauge.builder("sieve_list_update_failures")
                .description("failed attempts of the server's own list updates, per source, since it started").register(registry);
        updateLastSuccess = io.micrometer.core.instrument.MultiGauge.builder("sieve_list_update_last_success_timestamp_seconds")
                .description("when the server last updated a list source").register(registry);
        listAges = io.micrometer.core.instrument.MultiGauge.builder("sieve_list_age_seconds")
                .description("age of each list source's newest publication (its own date, else when it was loaded)").register(registry);
        listStale = io.micrometer.core.instrument.MultiGauge.builder("sieve_list_stale")
                .description("1 when a list source's newest publication is older than the server's --stale-after").register(registry);
        screenings = Counter.builder("sieve_screenings").description("names screened").register(registry);
        alerts = Counter.builder("sieve_alerts").description("alerts returned").register(registry);
        reloads = Timer.builder("sieve_index_reload").description("index rebuilds").register(registry);
        reloadFailures = Counter.builder("sieve_index_reload_failures").register(registry);
        Gauge.builder("sieve_index_entities", screening, s -> s.snapshot().engine().entityCount())
                .description("official list entities in the live index").register(registry);
        // no databank entry count: /metrics answers without a key, and the count includes private entries
        new JvmMemoryMetrics().bindTo(registry);
        new JvmGcMetrics().bindTo(registry);
        new JvmThreadMetrics().bindTo(registry);
        new ProcessorMetrics().bindTo(registry);
    }

    void request(String method, String route, int status, long nanos) {
        // histogram buckets, so that Prometheus can compute p99 across servers (histogram_quantile)
        timers.computeIfAbsent(method + ' ' + route + ' ' + status, k -> Timer.builder("http_server_requests")
                .tag("method", method).tag("route", route).tag("status", Integer.toString(status)).publishPercentileHistogram()
                .minimumExpectedValue(java.time.Duration.ofMillis(1)).maximumExpectedValue(java.time.Duration.ofSeconds(30))
                .register(registry)).record(nanos, TimeUnit.NANOSECONDS);
    }

    void screened(int names, int alertCount) {
        screenings.increment(names);
        alerts.increment(alertCount);
    }

    /** One screening of one name: how long it took, and whether it alerted. */
    void screening(long nanos, boolean alerted) {
        screeningTime.record(nanos, TimeUnit.NANOSECONDS);
        (alerted ? screeningsAlerted : screeningsClear).increment();
    }

    /** Where the alert counts come from, read at most every 30 s (a count over the alerts table). */
    void alertCounts(java.util.function.Supplier<java.util.Map<String, Integer>> counts) {
        this.alertCounts = counts;
    }

    /** Where the server's own list updates report. */
    void listUpdates(java.util.function.Supplier<java.util.Map<String, dev.sieve.databank.ListUpdateScheduler.SourceStatus>> status) {
        this.updateStatus = status;
    }

    void reloaded(long nanos) {
        reloads.record(nanos, TimeUnit.NANOSECONDS);
    }

    void reloadFailed() {
        reloadFailures.increment();
    }

    /** Where the list ages come from (the server's live index), read at every scrape. */
    void listFreshness(java.util.function.Supplier<java.util.List<dev.sieve.databank.SourceFreshness.Fresh>> source) {
        this.freshness = source;
    }

    String scrape() {
        long now = System.nanoTime();
        if (now - alertCountsAt > 30_000_000_000L) {
            lastAlertCounts = alertCounts.get();
            alertCountsAt = now;
        }
        alertsByState.register(lastAlertCounts.entrySet().stream().map(e -> io.micrometer.core.instrument.MultiGauge.Row.of(
                io.micrometer.core.instrument.Tags.of("state", e.getKey()), e.getValue())).toList(), true);
        var updates = updateStatus.get().values();
        updateFailures.register(updates.stream().map(u -> io.micrometer.core.instrument.MultiGauge.Row.of(
                io.micrometer.core.instrument.Tags.of("source", u.source()), u.failuresTotal())).toList(), true);
        updateLastSuccess.register(updates.stream().filter(u -> u.lastSuccess() != null).map(u -> io.micrometer.core.instrument.MultiGauge.Row.of(
                io.micrometer.core.instrument.Tags.of("source", u.source()), u.lastSuccess().getEpochSecond())).toList(), true);
        var fresh = freshness.get();
        listAges.register(fresh.stream().map(f -> io.micrometer.core.instrument.MultiGauge.Row.of(
                io.micrometer.core.instrument.Tags.of("source", f.source()), f.age().toSeconds())).toList(), true);
        listStale.register(fresh.stream().map(f -> io.micrometer.core.instrument.MultiGauge.Row.of(
                io.micrometer.core.instrument.Tags.of("source", f.source()), f.stale() ? 1 : 0)).toList(), true);
        return registry.scrape();
    }
}
