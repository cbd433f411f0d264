package dev.sieve.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import dev.sieve.databank.ListLoader;
import dev.sieve.databank.ListUpdateScheduler;
import dev.sieve.databank.LoadListener;
import dev.sieve.databank.LoadOptions;
import dev.sieve.databank.OfficialSources;
import dev.sieve.store.SieveStore;
import dev.sieve.store.StoreConfig;
import dev.sieve.testing.Fixtures;
import dev.sieve.testing.SharedData;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a deployment expects of the service: a request id in every answer and audit event, a rate limit per key that
 * spares the other keys, /metrics behind a key with latency histograms, and list updates scheduled inside the server,
 * with failures visible in /healthz and /metrics.
 */
class OperationsTest {
    @TempDir
    Path dir;

    private final HttpClient http = HttpClient.newHttpClient();

    private HttpResponse<String> get(String base, String path, String auth) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).GET();
        if (auth != null) b.header("Authorization", auth);
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void requestIdsRateLimitsAndTheMetricsKey() throws Exception {
        try (ServerFixture f = new ServerFixture()) {
            List<String> a = f.agency("alpha", "analyst", "auditor");
            String b = f.agency("beta", "analyst").getFirst();
            // a request id is made when none is given, kept when a proxy gives one, and written in the audit event
            var screened = f.send(HttpRequest.newBuilder(URI.create(f.base + "/v1/screen")).header("X-Request-Id", "proxy-7f3a.42")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"name\": \"Kim Jong Un\"}")), a.get(0));
            assertThat(screened.headers().firstValue("X-Request-Id")).contains("proxy-7f3a.42");
            long seq = screened.body().get("audit_event").asLong();
            var events = f.get("/v1/audit?action=screen", a.get(1)).body().get("events");
            var event = java.util.stream.StreamSupport.stream(events.spliterator(), false).filter(e -> e.get("seq").asLong() == seq).findFirst().orElseThrow();
            assertThat(event.get("request_id").asText()).isEqualTo("proxy-7f3a.42");
            var made = f.get("/healthz", null).headers().firstValue("X-Request-Id").orElseThrow();
            assertThat(made).matches("[a-z0-9]{20}");
            var refused = f.send(HttpRequest.newBuilder(URI.create(f.base + "/healthz")).header("X-Request-Id", "bad id with spaces").GET(), null);
            assertThat(refused.headers().firstValue("X-Request-Id").orElseThrow()).matches("[a-z0-9]{20}");
            assertThat(f.store.audit().verify().intact()).isTrue();
        }
        // a server with a rate limit and a metrics key
        Path data = dir.resolve("limited");
        try (SieveStore store = SieveStore.open(StoreConfig.h2(data))) {
            new ListLoader(store).load(List.of(SharedData.list("un_sc/consolidated.xml")), LoadOptions.strict(), LoadListener.NONE);
            String admin = SieveServer.bootstrap(store).orElseThrow();
            try (SieveServer server = new SieveServer(store, new SieveServer.Options("127.0.0.1", 0, Duration.ZERO)
                    .withRateLimit(RateLimiter.Limit.parse("1/min:3")).withMetricsKey("metrics-secret")).start()) {
                String base = "http://127.0.0.1:" + server.port();
                String other = store.agencies().issueKey(dev.sieve.store.Actor.cli(), dev.sieve.store.Actor.OPERATOR_AGENCY,
                        dev.sieve.store.Role.ADMIN).secret();
                int[] codes = new int[4];
                for (int i = 0; i < 4; i++) codes[i] = get(base, "/v1/lists", "Bearer " + admin).statusCode();
                assertThat(codes).containsExactly(200, 200, 200, 429);
                var limited = get(base, "/v1/lists", "Bearer " + admin);
                assertThat(limited.statusCode()).isEqualTo(429);
                assertThat(Long.parseLong(limited.headers().firstValue("Retry-After").orElseThrow())).isBetween(1L, 60L);
                assertThat(limited.body()).contains("rate limit");
                assertThat(get(base, "/v1/lists", "Bearer " + other).statusCode()).as("another key is not starved").isEqualTo(200);
                assertThat(get(base, "/metrics", null).statusCode()).isEqualTo(401);
                assertThat(get(base, "/metrics", "Bearer wrong").statusCode()).isEqualTo(401);
                var metrics = get(base, "/metrics", "Bearer metrics-secret");
                assertThat(metrics.statusCode()).isEqualTo(200);
                assertThat(metrics.body()).contains("http_server_requests_seconds_bucket{", "sieve_alerts_by_state{state=\"open\"}",
                        "sieve_list_age_seconds{source=\"un\"}");
            }
        }
    }

    @Test
    void screeningsAreCountedByOutcomeWithTheirLatencyHistogram() throws Exception {
        try (ServerFixture f = new ServerFixture()) {
            String analyst = f.agency("alpha", "analyst").getFirst();
            assertThat(f.post("/v1/screen", analyst, Map.of("name", "Hwang Sok Hwa", "birth_date", "1943-09-26")).body().get("matches")).isNotEmpty();
            f.post("/v1/screen", analyst, Map.of("name", "Maria Schneider Holzapfel"));
            String m = f.get("/metrics", null).text();
            assertThat(m).contains("sieve_screening_duration_seconds_bucket{", "sieve_screening_duration_seconds_count 2");
            assertThat(m).as("an open /metrics counts no agency's alerts").doesNotContain("sieve_alerts_by_state{");
            assertThat(m).contains("sieve_screenings_by_outcome_total{outcome=\"clear\"} 1.0", "sieve_screenings_by_outcome_total{outcome=\"alert\"} 1.0");
        }
    }

    @Test
    void listUpdatesScheduledInsideTheServerLoadAndTheirFailuresShow() throws Exception {
        HttpServer lists = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        byte[] uk = Files.readAllBytes(Fixtures.ukSanctionsList());
        lists.createContext("/", exchange -> {
            try (exchange) {
                if (exchange.getRequestURI().getPath().equals("/uk.xml")) {
                    exchange.sendResponseHeaders(200, uk.length);
                    exchange.getResponseBody().write(uk);
                } else {
                    exchange.sendResponseHeaders(503, -1);
                }
            }
        });
        lists.start();
        try {
            Properties p = new Properties();
            String host = "http://127.0.0.1:" + lists.getAddress().getPort();
            p.setProperty("uk.UK-Sanctions-List.xml", host + "/uk.xml");
            p.setProperty("un.consolidated.xml", host + "/un.xml");
            try (SieveStore store = SieveStore.open(StoreConfig.h2(dir.resolve("scheduled")))) {
                String admin = SieveServer.bootstrap(store).orElseThrow();
                try (SieveServer server = new SieveServer(store, new SieveServer.Options("127.0.0.1", 0, Duration.ZERO)
                        .withUpdates(new ListUpdateScheduler.Plan(ListUpdateScheduler.Schedule.parse("6h"), OfficialSources.only(p)))).start()) {
                    String base = "http://127.0.0.1:" + server.port();
                    String health = "";
                    for (int i = 0; i < 200; i++) {
                        health = get(base, "/healthz", null).body();
                        if (health.contains("\"failing\":true") && health.contains("\"entities\":4")) break;
                        Thread.sleep(100);
                    }
                    var h = ServerFixture.JSON.readTree(health);
                    assertThat(h.get("entities").asInt()).as("the UK list was loaded and indexed with nobody asking").isEqualTo(4);
                    assertThat(h.get("status").asText()).isEqualTo("degraded");
                    assertThat(h.get("updates").get("schedule").asText()).contains("PT6H");
                    assertThat(h.get("problems").toString()).contains("the update of list source un failed").contains("503");
                    var un = java.util.stream.StreamSupport.stream(h.get("updates").get("sources").spliterator(), false)
                            .filter(s -> s.get("source").asText().equals("un")).findFirst().orElseThrow();
                    assertThat(un.get("next_retry").asText()).isNotEmpty();
                    assertThat(get(base, "/metrics", null).body()).contains("sieve_list_update_failures{source=\"un\"} 1.0",
                            "sieve_list_update_last_success_timestamp_seconds{source=\"uk\"}");
                    assertThat(get(base, "/v1/lists", "Bearer " + admin).body()).contains("\"source\":\"uk\"");
                }
            }
        } finally {
            lists.stop(0);
        }
    }
}
