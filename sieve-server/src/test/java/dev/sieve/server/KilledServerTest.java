package dev.sieve.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sieve.store.AuditEvent;
import dev.sieve.store.AuditLog;
import dev.sieve.store.SieveStore;
import dev.sieve.store.StoreConfig;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A server process killed (SIGKILL) while contributors write: afterwards every entry has its history and
 * its audit event, every change event its entry, and the audit chain is unbroken. Nothing half-written.
 */
class KilledServerTest {
    /** The child process: a server on an H2 databank that prints its port and an admin key. */
    public static final class Child {
        public static void main(String[] args) throws Exception {
            SieveStore store = SieveStore.open(StoreConfig.h2(Path.of(args[0])));
            String key = SieveServer.bootstrap(store).orElseThrow();
            SieveServer server = new SieveServer(store, new SieveServer.Options("127.0.0.1", 0, Duration.ZERO)).start();
            System.out.println("READY " + server.port() + " " + key);
            System.out.flush();
            Thread.sleep(Long.MAX_VALUE);
        }
    }

    @Test
    void aKillDuringWritesLeavesNoPartialEntryAndNoGapInTheAuditChain(@TempDir Path data) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process child = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), Child.class.getName(),
                data.toString()).redirectErrorStream(true).start();
        BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
        String line;
        while ((line = out.readLine()) != null && !line.startsWith("READY ")) {
            // the child's start-up chatter
        }
        assertThat(line).as("the child server started").isNotNull();
        String[] ready = line.split(" ");
        String base = "http://127.0.0.1:" + ready[1];
        String admin = ready[2];
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        post(http, base + "/v1/agencies", admin, "{\"name\": \"Crash agency\", \"id\": \"crash\"}");
        JsonNode key = ServerFixture.JSON.readTree(post(http, base + "/v1/agencies/crash/keys", admin, "{\"role\": \"contributor\"}").body());
        String contributor = key.get("key").asText();

        AtomicBoolean running = new AtomicBoolean(true);
        AtomicInteger acknowledged = new AtomicInteger();
        List<Thread> writers = new ArrayList<>();
        for (int w = 0; w < 8; w++) {
            int writer = w;
            writers.add(Thread.ofVirtual().start(() -> {
                for (int n = 0; running.get(); n++) {
                    try {
                        var r = post(http, base + "/v1/databank/entries", contributor, "{\"schema\": \"Person\", \"name\": \"Writer "
                                + writer + " Person " + n + "\", \"sharing\": \"private\", \"reason\": \"load\"}");
                        if (r.statusCode() == 201) acknowledged.incrementAndGet();
                    } catch (Exception e) {
                        return; // the server died
                    }
                }
            }));
        }
        while (acknowledged.get() < 40) Thread.sleep(5);
        child.destroyForcibly(); // SIGKILL, mid-write: no shutdown hooks, no rollback by the process
        assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
        running.set(false);
        for (Thread t : writers) t.join();

        try (SieveStore store = SieveStore.open(StoreConfig.h2(data))) {
            AuditLog.Verification v = store.audit().verify();
            assertThat(v.intact()).as(v.problem()).isTrue();
            Set<String> created = new HashSet<>();
            List<AuditEvent> events = new ArrayList<>();
            store.audit().forEach(events::add);
            for (AuditEvent e : events) if (e.action().equals("databank.create")) created.add(e.target());
            Set<String> entries = new HashSet<>();
            store.databank().entries().forEach(e -> entries.add(e.id()));
            assertThat(entries).isEqualTo(created);
            assertThat(entries.size()).isGreaterThanOrEqualTo(acknowledged.get());
            for (String id : entries) assertThat(store.databank().history(id)).hasSize(1);
        }
    }

    private static HttpResponse<String> post(HttpClient http, String url, String key, String body) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + key)
                .header("Content-Type", "application/json").timeout(Duration.ofSeconds(30))
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
