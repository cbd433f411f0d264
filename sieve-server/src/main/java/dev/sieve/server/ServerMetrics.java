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

    ServerMetrics(ScreeningService screening) {
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
        timers.computeIfAbsent(method + ' ' + route + ' ' + status, k -> Timer.builder("http_server_requests")
                .tag("method", method).tag("route", route).tag("status", Integer.toString(status))
                .register(registry)).record(nanos, TimeUnit.NANOSECONDS);
    }

    void screened(int names, int alertCount) {
        screenings.increment(names);
        alerts.increment(alertCount);
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
        var fresh = freshness.get();
        listAges.register(fresh.stream().map(f -> io.micrometer.core.instrument.MultiGauge.Row.of(
                io.micrometer.core.instrument.Tags.of("source", f.source()), f.age().toSeconds())).toList(), true);
        listStale.register(fresh.stream().map(f -> io.micrometer.core.instrument.MultiGauge.Row.of(
                io.micrometer.core.instrument.Tags.of("source", f.source()), f.stale() ? 1 : 0)).toList(), true);
        return registry.scrape();
    }
}
