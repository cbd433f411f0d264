package dev.sieve.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sieve.store.AuditEvent;
import dev.sieve.store.SieveStore;
import dev.sieve.store.StoreConfig;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every kind of write the API acknowledges survives a SIGKILL of the server process right after the
 * acknowledgement: a 2xx means the change is in the database files, on H2 as on PostgreSQL. Each kind gets a
 * server of its own, killed 300 ms after its single write, and the databank is then read by a new process.
 */
@Tag("database")
class AcknowledgedWritesSurviveAKillTest {
    @TempDir
    Path dir;

    /** The child process: a server on the databank at a JDBC URL that prints its port and an admin key. */
    public static final class Child {
        public static void main(String[] args) throws Exception {
            SieveStore store = SieveStore.open(config(args[0]));
            String key = SieveServer.bootstrap(store).orElseThrow();
            SieveServer server = new SieveServer(store, new SieveServer.Options("127.0.0.1", 0, Duration.ZERO)).start();
            System.out.println("READY " + server.port() + " " + key);
            System.out.flush();
            Thread.sleep(Long.MAX_VALUE);
        }
    }

    private static final String H2_FOLDER = "h2-folder:";

    /** An embedded databank's folder ({@code h2-folder:PATH}) or a JDBC URL. */
    static StoreConfig config(String where) {
        return where.startsWith(H2_FOLDER) ? StoreConfig.h2(Path.of(where.substring(H2_FOLDER.length()))) : StoreConfig.jdbc(where);
    }

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    /** A write to make, acknowledged, then checked in the databank after the kill. */
    private interface Write {
        String make(Server s) throws Exception;
    }

    private interface Check {
        void verify(SieveStore store, String made) throws Exception;
    }

    private record Server(Process process, String base, String admin) {
    }

    @Test
    void everyAcknowledgedKindOfWriteIsThereAfterAKill() throws Exception {
        List<String> lost = new ArrayList<>();
        kind("agency", lost, s -> {
            post(s, "/v1/agencies", s.admin(), "{\"name\": \"Written agency\", \"id\": \"written\"}", 201);
            return "written";
        }, (store, id) -> assertThat(store.agencies().agency(id)).isPresent());

        kind("key", lost, s -> keyOf(s, "analyst").get("key").asText(),
                (store, secret) -> assertThat(store.agencies().authenticate(secret)).isPresent());

        kind("entry", lost, s -> entry(s, contributor(s), "all").get("entity").get("id").asText(),
                (store, id) -> assertThat(store.databank().entry(id)).isPresent());

        kind("sharing retracted", lost, s -> {
            String key = contributor(s);
            String id = entry(s, key, "all").get("entity").get("id").asText();
            send(s, HttpRequest.newBuilder(URI.create(s.base() + "/v1/databank/entries/" + id)).header("If-Match", "\"1\"")
                    .PUT(HttpRequest.BodyPublishers.ofString("{\"schema\": \"Person\", \"name\": \"Killian Crash\","
                            + " \"sharing\": \"private\", \"reason\": \"retracted\"}")), key, 200);
            return id;
        }, (store, id) -> {
            assertThat(store.databank().entry(id).orElseThrow().version()).isEqualTo(2);
            assertThat(store.databank().entry(id).orElseThrow().sharing().kind()).isEqualTo(dev.sieve.model.Sharing.Kind.PRIVATE);
        });

        kind("delist", lost, s -> {
            String key = contributor(s);
            String id = entry(s, key, "all").get("entity").get("id").asText();
            send(s, HttpRequest.newBuilder(URI.create(s.base() + "/v1/databank/entries/" + id)).DELETE(), key, 200);
            return id;
        }, (store, id) -> assertThat(store.databank().entry(id).orElseThrow().delisted()).isTrue());

        kind("sighting", lost, s -> {
            String id = entry(s, contributor(s), "all").get("entity").get("id").asText();
            String analyst = keyOf(s, "analyst").get("key").asText();
            post(s, "/v1/sightings", analyst, "{\"entity_id\": \"" + id + "\", \"flight\": \"LH720\", \"from\": \"FRA\","
                    + " \"departure\": \"2026-11-28T14:05\", \"to\": \"PEK\"}", 201);
            return id;
        }, (store, id) -> assertThat(store.sightings().of(id)).hasSize(1));

        kind("screening's audit event", lost, s -> {
            String analyst = keyOf(s, "analyst").get("key").asText();
            JsonNode r = post(s, "/v1/screen", analyst, "{\"name\": \"Killian Crash\"}", 200);
            return r.get("audit_event").asText();
        }, (store, seq) -> {
            List<AuditEvent> events = new ArrayList<>();
            store.audit().forEach(events::add);
            assertThat(events).anySatisfy(e -> {
                assertThat(e.seq()).isEqualTo(Long.parseLong(seq));
                assertThat(e.action()).isEqualTo("screen");
            });
            assertThat(store.audit().verify().intact()).isTrue();
        });
        assertThat(lost).as("acknowledged, then lost in the kill").isEmpty();
    }

    @Test
    void aBurstOfConcurrentWritesKilledMidwayKeepsEveryAcknowledgedOne() throws Exception {
        for (int trial = 0; trial < 2; trial++) {
            String url = databaseUrl("burst " + trial);
            Server s = start(url);
            java.util.Set<Long> sightings = java.util.concurrent.ConcurrentHashMap.newKeySet();
            java.util.Set<Long> screenings = java.util.concurrent.ConcurrentHashMap.newKeySet();
            try {
                post(s, "/v1/agencies", s.admin(), "{\"name\": \"Kill agency\", \"id\": \"kill\"}", 201);
                String entity = entry(s, contributor(s), "all").get("entity").get("id").asText();
                String analyst = keyOf(s, "analyst").get("key").asText();
                java.util.concurrent.atomic.AtomicBoolean go = new java.util.concurrent.atomic.AtomicBoolean(true);
                List<Thread> threads = new ArrayList<>();
                for (int t = 0; t < 8; t++) {
                    int writer = t;
                    threads.add(Thread.ofVirtual().start(() -> {
                        for (int n = 0; go.get(); n++) {
                            try {
                                if (writer % 2 == 0) {
                                    JsonNode r = post(s, "/v1/sightings", analyst, "{\"entity_id\": \"" + entity + "\", \"flight\": \"LH"
                                            + writer + n + "\", \"from\": \"FRA\", \"departure\": \"2026-11-28T14:05\", \"to\": \"PEK\"}", null);
                                    if (r != null && r.has("id")) sightings.add(r.get("id").asLong());
                                } else {
                                    JsonNode r = post(s, "/v1/screen", analyst, "{\"name\": \"Killian Crash " + n + "\"}", null);
                                    if (r != null && r.has("audit_event")) screenings.add(r.get("audit_event").asLong());
                                }
                            } catch (Exception e) {
                                return; // the server is gone
                            }
                        }
                    }));
                }
                while (sightings.size() + screenings.size() < 150) Thread.sleep(2);
                s.process().destroyForcibly();
                go.set(false);
                for (Thread t : threads) t.join();
            } finally {
                s.process().destroyForcibly();
                assertThat(s.process().waitFor(30, TimeUnit.SECONDS)).isTrue();
            }
            try (SieveStore store = SieveStore.open(config(url))) {
                java.util.Set<Long> seqs = new java.util.HashSet<>();
                store.audit().forEach(e -> seqs.add(e.seq()));
                assertThat(seqs).as("trial " + trial + ": acknowledged screenings' audit events").containsAll(screenings);
                java.util.Set<Long> stored = new java.util.HashSet<>();
                for (var e : store.databank().entries()) store.sightings().of(e.id()).forEach(x -> stored.add(x.id()));
                assertThat(stored).as("trial " + trial + ": acknowledged sightings").containsAll(sightings);
                assertThat(store.audit().verify().intact()).isTrue();
            }
        }
    }

    private void kind(String kind, List<String> lost, Write write, Check check) throws Exception {
        String url = databaseUrl(kind);
        Server s = start(url);
        String made;
        try {
            post(s, "/v1/agencies", s.admin(), "{\"name\": \"Kill agency\", \"id\": \"kill\"}", null);
            made = write.make(s);
            Thread.sleep(300);
        } finally {
            s.process().destroyForcibly(); // SIGKILL: no shutdown hook, nothing flushed on the way out
            assertThat(s.process().waitFor(30, TimeUnit.SECONDS)).isTrue();
        }
        try (SieveStore store = SieveStore.open(config(url))) {
            check.verify(store, made);
        } catch (AssertionError e) {
            lost.add(kind + ": " + e.getMessage().strip().lines().findFirst().orElse(""));
        }
    }

    private String databaseUrl(String kind) throws Exception {
        // the embedded databank exactly as `sieve` opens one (its folder, password and settings)
        if (!ServerFixture.onPostgres()) return H2_FOLDER + dir.resolve(kind.replaceAll("\\W+", "-"));
        String url = System.getProperty("sieve.test.db");
        String schema = "k_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
        try (Connection c = DriverManager.getConnection(url); Statement st = c.createStatement()) {
            st.execute("CREATE SCHEMA " + schema);
        }
        return url + (url.contains("?") ? "&" : "?") + "currentSchema=" + schema;
    }

    private Server start(String url) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process child = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), Child.class.getName(), url)
                .redirectErrorStream(true).start();
        BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
        String line;
        while ((line = out.readLine()) != null && !line.startsWith("READY ")) {
            // the child's start-up chatter
        }
        assertThat(line).as("the child server started").isNotNull();
        String[] ready = line.split(" ");
        Thread.ofVirtual().start(() -> out.lines().forEach(l -> { })); // keep its output flowing
        return new Server(child, "http://127.0.0.1:" + ready[1], ready[2]);
    }

    private JsonNode keyOf(Server s, String role) throws Exception {
        return post(s, "/v1/agencies/kill/keys", s.admin(), "{\"role\": \"" + role + "\"}", 201);
    }

    private String contributor(Server s) throws Exception {
        return keyOf(s, "contributor").get("key").asText();
    }

    private JsonNode entry(Server s, String key, String sharing) throws Exception {
        return post(s, "/v1/databank/entries", key, "{\"schema\": \"Person\", \"name\": \"Killian Crash\", \"sharing\": \""
                + sharing + "\", \"reason\": \"crash test\"}", 201);
    }

    private JsonNode post(Server s, String path, String key, String body, Integer expected) throws Exception {
        return send(s, HttpRequest.newBuilder(URI.create(s.base() + path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)), key, expected);
    }

    private JsonNode send(Server s, HttpRequest.Builder request, String key, Integer expected) throws Exception {
        HttpResponse<String> r = http.send(request.header("Authorization", "Bearer " + key).timeout(Duration.ofSeconds(30)).build(),
                HttpResponse.BodyHandlers.ofString());
        if (expected != null) assertThat(r.statusCode()).as(r.body()).isEqualTo(expected);
        return r.body().isEmpty() ? null : ServerFixture.JSON.readTree(r.body());
    }
}
