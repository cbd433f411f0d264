package dev.sieve.console.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sieve.databank.ListLoader;
import dev.sieve.databank.LoadListener;
import dev.sieve.databank.LoadOptions;
import dev.sieve.server.SieveServer;
import dev.sieve.store.SieveStore;
import dev.sieve.store.StoreConfig;
import dev.sieve.testing.SharedData;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * A real server on 127.0.0.1 over an embedded H2 databank holding the UN list and two publications of OFAC's SDN list,
 * with the bootstrap administrator key, and a small client of its API for setting up what the browser then sees.
 */
final class ConsoleServer implements AutoCloseable {
    static final ObjectMapper JSON = new ObjectMapper();

    final SieveStore store;
    final SieveServer server;
    final String adminKey;
    final String base;
    private final HttpClient http = HttpClient.newHttpClient();

    record Response(int status, JsonNode body, String etag) {
    }

    ConsoleServer() throws IOException {
        Path dir = Files.createTempDirectory("sieve-console-e2e");
        store = SieveStore.open(StoreConfig.jdbc("jdbc:h2:file:" + dir.resolve("sieve") + ";WRITE_DELAY=0"));
        new ListLoader(store).load(List.of(SharedData.list("un_sc/consolidated.xml"), SharedData.list("ofac_sdn/2021-07_complete_set"),
                SharedData.list("ofac_sdn/2024-05-03")), LoadOptions.strict().withDatedPaths(SharedData.undatedPublishedPaths()), LoadListener.NONE);
        adminKey = SieveServer.bootstrap(store).orElseThrow();
        server = new SieveServer(store, new SieveServer.Options("127.0.0.1", 0, Duration.ZERO)).start();
        base = "http://127.0.0.1:" + server.port();
        server.monitor().catchUp();
    }

    /** A new agency with one key per role given, in order. */
    List<String> agency(String id, String... roles) {
        Response r = call("POST", "/v1/agencies", adminKey, Map.of("id", id, "name", "Agency " + id), null);
        if (r.status() != 201) throw new IllegalStateException("agency " + id + ": " + r.body());
        return java.util.Arrays.stream(roles).map(role -> {
            Response k = call("POST", "/v1/agencies/" + id + "/keys", adminKey, Map.of("role", role), null);
            if (k.status() != 201) throw new IllegalStateException("key " + role + ": " + k.body());
            return k.body().get("key").asText();
        }).toList();
    }

    Response call(String method, String path, String key, Object body, String ifMatch) {
        try {
            HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(60))
                    .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)))
                    .header("Content-Type", "application/json");
            if (key != null) b.header("Authorization", "Bearer " + key);
            if (ifMatch != null) b.header("If-Match", ifMatch);
            HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
            JsonNode json = r.body().isEmpty() ? null : JSON.readTree(r.body());
            return new Response(r.statusCode(), json, r.headers().firstValue("ETag").orElse(null));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        server.close();
        store.close();
    }
}
