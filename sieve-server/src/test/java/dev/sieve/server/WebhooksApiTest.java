package dev.sieve.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import dev.sieve.alerts.WebhookDeliverer;
import dev.sieve.testing.SharedData;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Webhooks deliver to a real receiver on 127.0.0.1: alert.created, alert.decided and monitoring.completed, each
 * signed with the webhook's secret; a receiver that fails is retried with back-off and each attempt recorded;
 * one that never answers well ends failed; bad input names the field; another agency's webhooks do not exist.
 */
@Tag("database")
class WebhooksApiTest {
    record Received(String path, String event, String delivery, String signature, String body) {
    }

    static ServerFixture f;
    static HttpServer receiver;
    static final List<Received> received = new CopyOnWriteArrayList<>();
    /** Calls of /flaky per delivery: each fails twice, then succeeds. */
    static final Map<String, AtomicInteger> flakyCalls = new java.util.concurrent.ConcurrentHashMap<>();
    static String base;
    static String admin;
    static String analyst1;
    static String analyst2;
    static String auditor;
    static String otherAdmin;
    static String otherAnalyst;

    @BeforeAll
    static void start() throws Exception {
        f = new ServerFixture(List.of(SharedData.list("un_sc/consolidated.xml")), SieveServer.Options.DEFAULT_BODY_BUDGET,
                new WebhookDeliverer.Retry(Duration.ofMillis(100), 3));
        receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        receiver.createContext("/", exchange -> {
            String path = exchange.getRequestURI().getPath();
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            var h = exchange.getRequestHeaders();
            received.add(new Received(path, h.getFirst("Sieve-Event"), h.getFirst("Sieve-Delivery"), h.getFirst("Sieve-Signature"), body));
            int status = switch (path) {
                case "/flaky" -> flakyCalls.computeIfAbsent(h.getFirst("Sieve-Delivery"), k -> new AtomicInteger())
                        .incrementAndGet() <= 2 ? 500 : 200;
                case "/down" -> 503;
                default -> 204;
            };
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
        });
        receiver.start();
        base = "http://127.0.0.1:" + receiver.getAddress().getPort();
        List<String> keys = f.agency("hooked-bank", "admin", "analyst", "analyst", "auditor");
        admin = keys.get(0);
        analyst1 = keys.get(1);
        analyst2 = keys.get(2);
        auditor = keys.get(3);
        List<String> other = f.agency("unhooked-bank", "admin", "analyst");
        otherAdmin = other.get(0);
        otherAnalyst = other.get(1);
    }

    @AfterAll
    static void stop() throws Exception {
        f.close();
        receiver.stop(0);
    }

    static JsonNode create(String url, List<String> events) {
        var r = f.post("/v1/webhooks", admin, Map.of("url", url, "events", events));
        assertThat(r.status()).as(r.text()).isEqualTo(201);
        return r.body();
    }

    static boolean allIn(JsonNode deliveries, String status) {
        for (JsonNode d : deliveries) if (!d.get("status").asText().equals(status)) return false;
        return true;
    }

    static List<Received> at(String path, String event) {
        return received.stream().filter(r -> r.path().equals(path) && event.equals(r.event())).toList();
    }

    @Test
    void alertEventsAndMonitoringAreDeliveredSignedAndOnlyTheAgencysOwn() throws Exception {
        JsonNode hook = create(base + "/ok", List.of("alert.created", "alert.decided", "monitoring.completed"));
        String secret = hook.get("secret").asText();
        assertThat(f.get("/v1/webhooks", admin).body().get("webhooks").get(0).has("secret")).isFalse();

        var put = f.put("/v1/subjects/hooked-1", analyst1, Map.of("name", "Hwang Sok Hwa", "schema", "Person", "birth_date",
                "1943-09-26"), null);
        assertThat(put.status()).as(put.text()).isIn(200, 201);
        String alertId = put.body().get("screening").get("alerts_raised").get(0).asText();
        List<Received> created = ServerFixture.await(() -> at("/ok", "alert.created"), l -> l.stream().anyMatch(x -> x.body().contains(alertId)));
        Received r = created.stream().filter(x -> x.body().contains(alertId)).findFirst().orElseThrow();
        assertThat(r.signature()).isEqualTo("sha256=" + WebhookDeliverer.sign(secret, r.body().getBytes(StandardCharsets.UTF_8)));
        JsonNode payload = ServerFixture.JSON.readTree(r.body());
        assertThat(payload.get("id").asText()).isEqualTo(r.delivery());
        assertThat(payload.get("agency").asText()).isEqualTo("hooked-bank");
        assertThat(payload.get("data").get("id").asText()).isEqualTo(alertId);
        assertThat(payload.get("data").get("entity_id").asText()).isEqualTo("un:KPi.003");
        assertThat(payload.get("data").get("subject").asText()).isEqualTo("hooked-1");

        // another agency's alert is not told to this agency's webhook
        f.put("/v1/subjects/unhooked-1", otherAnalyst, Map.of("name", "Hwang Sok Hwa", "schema", "Person"), null);

        String etag = f.get("/v1/alerts/" + alertId, analyst2).headers().firstValue("ETag").orElseThrow();
        var decided = f.send(HttpRequest.newBuilder(URI.create(f.base + "/v1/alerts/" + alertId + "/decision"))
                .header("Content-Type", "application/json").header("If-Match", etag)
                .POST(HttpRequest.BodyPublishers.ofString(ServerFixture.json(Map.of("decision", "true_match", "reason",
                        "same birth date and name")))), analyst2);
        assertThat(decided.status()).isEqualTo(200);
        List<Received> decidedEvents = ServerFixture.await(() -> at("/ok", "alert.decided"), l -> !l.isEmpty());
        JsonNode told = ServerFixture.JSON.readTree(decidedEvents.getFirst().body()).get("data");
        assertThat(told.get("state").asText()).isEqualTo("true_match");
        assertThat(told.get("by").asText()).isEqualTo(AlertsApiTest.keyId(analyst2));

        // a list upload runs monitoring, and its completion is told
        byte[] sdn = Files.readAllBytes(SharedData.list("ofac_sdn/2021-07_complete_set").resolve("sdn.csv"));
        var upload = f.postRaw("/v1/lists/us-ofac-sdn/publications?published_at=2021-07-01&filename=sdn.csv", f.adminKey, sdn,
                "text/csv");
        assertThat(upload.status()).isEqualTo(201);
        List<Received> completed = ServerFixture.await(() -> at("/ok", "monitoring.completed"), l -> !l.isEmpty());
        assertThat(completed).isNotEmpty();
        JsonNode run = ServerFixture.JSON.readTree(completed.getFirst().body()).get("data");
        assertThat(run.get("entities_screened").asInt()).isPositive();
        assertThat(run.get("publications").has("us-ofac-sdn")).isTrue();

        for (Received each : at("/ok", "alert.created")) {
            assertThat(ServerFixture.JSON.readTree(each.body()).get("agency").asText()).isEqualTo("hooked-bank");
        }
        JsonNode deliveries = f.get("/v1/webhooks/" + hook.get("id").asText(), auditor).body().get("deliveries");
        assertThat(deliveries).allSatisfy(d -> assertThat(d.get("status").asText()).isIn("delivered", "pending"));
        assertThat(deliveries).extracting(d -> d.get("event").asText()).contains("alert.created", "alert.decided",
                "monitoring.completed");

        // removed: nothing more is written for it; the trail has both
        var removed = f.delete("/v1/webhooks/" + hook.get("id").asText(), admin, null);
        assertThat(removed.status()).isEqualTo(200);
        assertThat(removed.body().get("active").asBoolean()).isFalse();
        int before = at("/ok", "alert.created").size();
        f.put("/v1/subjects/hooked-2", analyst1, Map.of("name", "Kim Jong Un", "schema", "Person"), null);
        Thread.sleep(600); // several polls: a delivery written now would have gone out
        assertThat(at("/ok", "alert.created")).hasSize(before);
        List<String> actions = new java.util.ArrayList<>();
        f.get("/v1/audit?limit=1000", auditor).body().get("events").forEach(e -> {
            if (hook.get("id").asText().equals(e.path("target").asText())) actions.add(e.get("action").asText());
        });
        assertThat(actions).containsExactly("webhook.create", "webhook.remove");
    }

    @Test
    void aFailingReceiverIsRetriedWithBackOffAndEachAttemptRecorded() throws Exception {
        JsonNode flaky = create(base + "/flaky", List.of("alert.created"));
        JsonNode down = create(base + "/down", List.of("alert.created"));
        f.put("/v1/subjects/hooked-retry", analyst1, Map.of("name", "Ri Je Son", "schema", "Person"), null);

        JsonNode flakyDeliveries = ServerFixture.await(() -> f.get("/v1/webhooks/" + flaky.get("id").asText(), admin).body()
                .get("deliveries"), ds -> !ds.isEmpty() && allIn(ds, "delivered"));
        assertThat(flakyDeliveries).isNotEmpty().allSatisfy(d -> {
            assertThat(d.get("status").asText()).isEqualTo("delivered");
            assertThat(d.get("attempts").asInt()).isEqualTo(3);
            assertThat(d.get("last_http_status").asInt()).isEqualTo(200);
            // the same delivery each time: the receiver can tell a repeat
            assertThat(received.stream().filter(x -> d.get("id").asText().equals(x.delivery()))).hasSize(3);
        });

        JsonNode downDeliveries = ServerFixture.await(() -> f.get("/v1/webhooks/" + down.get("id").asText(), admin).body()
                .get("deliveries"), ds -> !ds.isEmpty() && allIn(ds, "failed"));
        assertThat(downDeliveries).isNotEmpty().allSatisfy(d -> {
            assertThat(d.get("status").asText()).isEqualTo("failed");
            assertThat(d.get("attempts").asInt()).isEqualTo(3);
            assertThat(d.get("last_http_status").asInt()).isEqualTo(503);
            assertThat(d.get("last_error").asText()).contains("503");
        });
        f.delete("/v1/webhooks/" + flaky.get("id").asText(), admin, null);
        f.delete("/v1/webhooks/" + down.get("id").asText(), admin, null);
    }

    @Test
    void badInputNamesTheFieldAndStoresNothing() {
        int before = f.get("/v1/webhooks", admin).body().get("webhooks").size();
        record Case(Object body, String field) {
        }
        for (Case c : List.of(
                new Case(Map.of("url", "ftp://127.0.0.1/x", "events", List.of("alert.created")), "url"),
                new Case(Map.of("url", "not a url", "events", List.of("alert.created")), "url"),
                new Case(Map.of("url", "http://user:pw@127.0.0.1/x", "events", List.of("alert.created")), "url"),
                new Case(Map.of("events", List.of("alert.created")), "url"),
                new Case(Map.of("url", base + "/ok", "events", List.of()), "events"),
                new Case(Map.of("url", base + "/ok", "events", List.of("alert.deleted")), "events"),
                new Case(Map.of("url", base + "/ok", "events", List.of("alert.created"), "secret", "short"), "secret"))) {
            var r = f.post("/v1/webhooks", admin, c.body());
            assertThat(r.status()).as(c.toString()).isEqualTo(400);
            assertThat(r.body().get("field").asText()).as(c.toString()).isEqualTo(c.field());
        }
        assertThat(f.get("/v1/webhooks", admin).body().get("webhooks")).hasSize(before);
        assertThat(f.post("/v1/webhooks", analyst1, Map.of("url", base + "/ok", "events", List.of("alert.created"))).status())
                .isEqualTo(403);
    }

    @Test
    void byDefaultAWebhookCannotCallAnAddressInsideThisNetwork() throws Exception {
        try (ServerFixture guarded = new ServerFixture(List.of(SharedData.list("un_sc/consolidated.xml")),
                SieveServer.Options.DEFAULT_BODY_BUDGET, WebhookDeliverer.Retry.DEFAULT, false)) {
            String guardedAdmin = guarded.agency("guarded-bank", "admin").getFirst();
            for (String url : List.of(base + "/ok", "http://localhost:9/x", "http://169.254.169.254/latest/meta-data",
                    "http://10.1.2.3/hook", "http://[::1]/hook")) {
                var r = guarded.post("/v1/webhooks", guardedAdmin, Map.of("url", url, "events", List.of("alert.created")));
                assertThat(r.status()).as(url).isEqualTo(400);
                assertThat(r.body().get("field").asText()).isEqualTo("url");
                assertThat(r.body().get("detail").asText()).as(url).contains("inside this network");
            }
            assertThat(guarded.get("/v1/webhooks", guardedAdmin).body().get("webhooks")).isEmpty();
        }
    }

    @Test
    void anotherAgencysWebhooksDoNotExist() {
        JsonNode hook = create(base + "/ok", List.of("alert.decided"));
        String id = hook.get("id").asText();
        assertThat(f.get("/v1/webhooks/" + id, otherAdmin).status()).isEqualTo(404);
        assertThat(f.delete("/v1/webhooks/" + id, otherAdmin, null).status()).isEqualTo(404);
        assertThat(f.get("/v1/webhooks", otherAdmin).body().get("webhooks")).extracting(w -> w.get("id").asText())
                .doesNotContain(id);
        assertThat(f.get("/v1/webhooks/" + id, admin).body().get("active").asBoolean()).isTrue();
        f.delete("/v1/webhooks/" + id, admin, null);
    }
}
