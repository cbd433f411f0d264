package dev.sieve.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sieve.databank.ListLoader;
import dev.sieve.databank.LoadListener;
import dev.sieve.databank.LoadOptions;
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
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A real server on 127.0.0.1 over a real database: an embedded H2 file by default, or a fresh schema of
 * the PostgreSQL server named by the system property {@code sieve.test.db} (set by {@code .ci/run}).
 * The UN list (or the lists given) is loaded; the bootstrap administrator key is at hand.
 */
final class ServerFixture implements AutoCloseable {
    static final ObjectMapper JSON = new ObjectMapper();

    final SieveStore store;
    final SieveServer server;
    final String adminKey;
    final String base;
    final String jdbcUrl;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final Path dir;

    record Response(int status, JsonNode body, java.net.http.HttpHeaders headers, String text) {
    }

    ServerFixture() throws IOException {
        this(List.of(SharedData.list("un_sc/consolidated.xml")));
    }

    /** A server over these lists (which must carry their own dates). */
    ServerFixture(List<Path> lists) throws IOException {
        this(lists, SieveServer.Options.DEFAULT_BODY_BUDGET);
    }

    /** A server over these lists that holds at most {@code bodyBudget} bytes of request bodies at once. */
    ServerFixture(List<Path> lists, long bodyBudget) throws IOException {
        this(lists, bodyBudget, dev.sieve.alerts.WebhookDeliverer.Retry.DEFAULT);
    }

    /** A server whose webhook deliveries are retried so. */
    ServerFixture(List<Path> lists, long bodyBudget, dev.sieve.alerts.WebhookDeliverer.Retry retry) throws IOException {
        this(lists, bodyBudget, retry, true);
    }

    /** A server whose webhooks may (or may not) call addresses inside this network: the tests' receivers are on 127.0.0.1. */
    ServerFixture(List<Path> lists, long bodyBudget, dev.sieve.alerts.WebhookDeliverer.Retry retry, boolean webhooksToPrivate)
            throws IOException {
        dir = Files.createTempDirectory("sieve-server-test");
        jdbcUrl = databaseUrl(dir);
        store = SieveStore.open(StoreConfig.jdbc(jdbcUrl));
        new ListLoader(store).load(lists, LoadOptions.strict(), new LoadListener() { });
        adminKey = SieveServer.bootstrap(store).orElseThrow();
        server = new SieveServer(store, new SieveServer.Options("127.0.0.1", 0, Duration.ZERO, bodyBudget, retry, webhooksToPrivate)).start();
        base = "http://127.0.0.1:" + server.port();
        // the start-up monitoring catch-up appends its events in the background: done before any test counts them
        server.monitor().catchUp();
    }

    /** What {@code probe} gives once {@code done} holds for it, or after 30 s its last answer (background work: monitoring, webhooks). */
    static <T> T await(java.util.function.Supplier<T> probe, java.util.function.Predicate<T> done) throws InterruptedException {
        T last = probe.get();
        for (int i = 0; i < 600 && !done.test(last); i++) {
            Thread.sleep(50);
            last = probe.get();
        }
        return last;
    }

    /** Whether the tests run on PostgreSQL (else on the embedded H2). */
    static boolean onPostgres() {
        String url = System.getProperty("sieve.test.db");
        return url != null && !url.isBlank();
    }

    private static String databaseUrl(Path dir) {
        if (!onPostgres()) return "jdbc:h2:file:" + dir.resolve("sieve") + ";AUTO_SERVER=TRUE;WRITE_DELAY=0";
        String url = System.getProperty("sieve.test.db");
        String schema = "t_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
            s.execute("CREATE SCHEMA " + schema);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot prepare a schema on " + url + ": " + e.getMessage(), e);
        }
        return url + (url.contains("?") ? "&" : "?") + "currentSchema=" + schema;
    }

    /** A new agency with one key per role given; returns the keys in order. */
    List<String> agency(String id, String... roles) {
        Response r = post("/v1/agencies", adminKey, Map.of("name", "Agency " + id, "id", id));
        if (r.status() != 201) throw new IllegalStateException("agency " + id + ": " + r.text());
        return java.util.Arrays.stream(roles).map(role -> {
            Response k = post("/v1/agencies/" + id + "/keys", adminKey, Map.of("role", role));
            if (k.status() != 201) throw new IllegalStateException("key " + role + ": " + k.text());
            return k.body().get("key").asText();
        }).toList();
    }

    Response get(String path, String key) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).GET(), key);
    }

    Response post(String path, String key, Object body) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json(body))), key);
    }

    Response postRaw(String path, String key, byte[] body, String contentType) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)), key);
    }

    Response put(String path, String key, Object body, String ifMatch) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(json(body)));
        if (ifMatch != null) b.header("If-Match", ifMatch);
        return send(b, key);
    }

    Response delete(String path, String key, String ifMatch) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).DELETE();
        if (ifMatch != null) b.header("If-Match", ifMatch);
        return send(b, key);
    }

    Response send(HttpRequest.Builder b, String key) {
        if (key != null) b.header("Authorization", "Bearer " + key);
        try {
            HttpResponse<String> r = http.send(b.timeout(Duration.ofSeconds(60)).build(), HttpResponse.BodyHandlers.ofString());
            JsonNode body = null;
            String type = r.headers().firstValue("Content-Type").orElse("");
            if (type.contains("json")) body = JSON.readTree(r.body());
            return new Response(r.statusCode(), body, r.headers(), r.body());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static String json(Object body) {
        if (body instanceof String s) return s;
        try {
            return JSON.writeValueAsString(body);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** Counts rows of a table straight from the database (to prove nothing was stored). */
    /**
     * The audit events of requests: those monitoring appends by itself (its runs, after every databank or list change,
     * in the background) are left out, so a test can count what its own requests wrote.
     */
    long requestEvents() {
        return count("audit_event WHERE key_id IS NULL OR key_id <> 'monitor'");
    }

    long count(String table) {
        try (Connection c = DriverManager.getConnection(jdbcUrl);
             Statement s = c.createStatement(); var rs = s.executeQuery("SELECT COUNT(*) FROM " + table)) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Runs one SQL statement straight on the database (to tamper with the audit trail in tests). */
    void execute(String sql) {
        try (Connection c = DriverManager.getConnection(jdbcUrl);
             Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() throws IOException {
        server.close();
        store.close();
        if (!onPostgres()) {
            try (var files = Files.walk(dir)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }
}
