package dev.sieve.databank;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import dev.sieve.model.Publication;
import dev.sieve.store.SieveStore;
import dev.sieve.store.StoreConfig;
import dev.sieve.testing.SharedData;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** `lists update` against a real HTTP server on 127.0.0.1 serving the shared official files. */
class UpdateTest {
    @TempDir
    Path dir;
    HttpServer server;
    /** path -> behaviour: "file:<path>", "truncate:<path>" (declares full length, sends half), "404". */
    final Map<String, String> routes = new ConcurrentHashMap<>();
    /** path -> the Last-Modified header to send, if any. */
    final Map<String, String> lastModified = new ConcurrentHashMap<>();

    @BeforeEach
    void start() throws Exception {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            String route = routes.getOrDefault(exchange.getRequestURI().getPath(), "404");
            try (exchange) {
                if (route.equals("404")) {
                    exchange.sendResponseHeaders(404, -1);
                    return;
                }
                byte[] body = Files.readAllBytes(Path.of(route.substring(route.indexOf(':') + 1)));
                String lm = lastModified.get(exchange.getRequestURI().getPath());
                if (lm != null) exchange.getResponseHeaders().add("Last-Modified", lm);
                exchange.sendResponseHeaders(200, body.length);
                OutputStream out = exchange.getResponseBody();
                if (route.startsWith("truncate:")) {
                    out.write(body, 0, body.length / 2);
                    out.flush();
                    // closing the exchange now cuts the body short of its declared length
                } else {
                    out.write(body);
                }
            }
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    private OfficialSources sources() {
        Properties p = new Properties();
        p.setProperty("un.consolidated.xml", url("/un.xml"));
        p.setProperty("us-ofac-sdn.sdn.csv", url("/ofac/sdn.csv"));
        p.setProperty("us-ofac-sdn.alt.csv", url("/ofac/alt.csv"));
        p.setProperty("us-ofac-sdn.add.csv", url("/ofac/add.csv"));
        p.setProperty("us-ofac-sdn.sdn_comments.csv", url("/ofac/sdn_comments.csv"));
        return OfficialSources.defaults().with(p);
    }

    @Test
    void downloadsVerifiesAndLoadsEachSource() throws Exception {
        routes.put("/un.xml", "file:" + SharedData.list("un_sc/consolidated.xml"));
        Path ofac = SharedData.list("ofac_sdn/2021-07_complete_set");
        for (String f : List.of("sdn.csv", "alt.csv", "add.csv", "sdn_comments.csv")) {
            routes.put("/ofac/" + f, "file:" + ofac.resolve(f));
            lastModified.put("/ofac/" + f, "Wed, 07 Jul 2021 14:03:00 GMT");
        }
        lastModified.put("/ofac/sdn.csv", "Wed, 07 Jul 2021 15:30:00 GMT");
        try (SieveStore store = SieveStore.open(StoreConfig.h2(dir.resolve("data")))) {
            ListUpdater updater = new ListUpdater(new ListLoader(store));
            List<ListUpdater.Outcome> out = updater.update(sources(), List.of("un", "us-ofac-sdn"), LoadListener.NONE);
            assertThat(out).allSatisfy(o -> assertThat(o.error()).isNull());
            assertThat(store.latestPublication("un").orElseThrow().recordCount()).isEqualTo(1003);
            Publication ofacPub = store.latestPublication("us-ofac-sdn").orElseThrow();
            assertThat(ofacPub.recordCount()).isEqualTo(8976);
            assertThat(ofacPub.origin()).endsWith("sdn.csv");
            // OFAC CSV carries no date: the newest Last-Modified of its files dates it, and says so
            assertThat(ofacPub.publishedAt()).isEqualTo(Instant.parse("2021-07-07T15:30:00Z"));
            assertThat(ofacPub.dateSource()).isEqualTo(Publication.DATE_HTTP_LAST_MODIFIED);
            assertThat(store.latestPublication("un").orElseThrow().dateSource()).isEqualTo(Publication.DATE_IN_FILE);

            // The same bytes again: nothing new.
            List<ListUpdater.Outcome> again = updater.update(sources(), List.of("un"), LoadListener.NONE);
            assertThat(again.getFirst().report().loaded().getFirst().unchanged()).isTrue();
            assertThat(store.publications("un")).hasSize(1);
        }
    }

    @Test
    void theUkSourceIsTheFcdoListAndTheFrozenOfsiListIsRetired() throws Exception {
        OfficialSources defaults = OfficialSources.defaults();
        assertThat(defaults.sources()).containsKey("uk").doesNotContainKey("uk-ofsi");
        assertThat(defaults.files("uk").getFirst().url().toString()).isEqualTo("https://sanctionslist.fcdo.gov.uk/docs/UK-Sanctions-List.xml");
        routes.put("/uk.xml", "file:" + dev.sieve.testing.Fixtures.ukSanctionsList());
        Properties p = new Properties();
        p.setProperty("uk.UK-Sanctions-List.xml", url("/uk.xml"));
        try (SieveStore store = SieveStore.open(StoreConfig.h2(dir.resolve("data")))) {
            ListUpdater updater = new ListUpdater(new ListLoader(store));
            List<ListUpdater.Outcome> out = updater.update(defaults.with(p), List.of("uk", "uk-ofsi"), LoadListener.NONE);
            assertThat(out.get(0).error()).isNull();
            Publication uk = store.latestPublication("uk").orElseThrow();
            assertThat(uk.format()).isEqualTo("uk-sanctions-list-xml");
            assertThat(uk.recordCount()).isEqualTo(4);
            assertThat(uk.publishedAt()).isEqualTo(Instant.parse("2026-11-27T09:14:52Z"));
            assertThat(uk.dateSource()).isEqualTo(Publication.DATE_IN_FILE);
            assertThat(store.entity("uk:RUS9903").orElseThrow().entity().identifiers().getFirst().number()).isEqualTo("9990014");
            // the retired source is said so, with what replaced it
            assertThat(out.get(1).source()).isEqualTo("uk-ofsi");
            assertThat(out.get(1).error()).contains("retired since 2026-01-28").contains("update 'uk' instead");
        }
    }

    @Test
    void freshnessIsTheAgeOfEachSourcesNewestPublicationAndARetiredSourceIsNeverStale() {
        Instant now = Instant.parse("2026-12-06T12:00:00Z");
        Publication un = new Publication(1, "un", "un-xml", Instant.parse("2026-12-05T12:00:00Z"), "a".repeat(64), now, 1, 0, null, "file");
        Publication ofac = new Publication(2, "us-ofac-sdn", "ofac-csv", Instant.parse("2026-11-01T00:00:00Z"), "b".repeat(64), now, 1, 0, null, "given");
        Publication ofsi = new Publication(3, "uk-ofsi", "uk-conlist", Instant.parse("2026-01-27T00:00:00Z"), "c".repeat(64), now, 1, 0, null, "file");
        var fresh = SourceFreshness.of(List.of(un, ofac, ofsi), now, java.time.Duration.ofDays(7));
        assertThat(fresh).extracting(SourceFreshness.Fresh::source).containsExactly("uk-ofsi", "un", "us-ofac-sdn");
        assertThat(fresh).extracting(SourceFreshness.Fresh::stale).containsExactly(false, false, true);
        assertThat(fresh.get(0).retired().replacedBy()).isEqualTo("uk");
        assertThat(fresh.get(1).age()).isEqualTo(java.time.Duration.ofDays(1));
        assertThat(SourceFreshness.of(List.of(ofac), now, java.time.Duration.ZERO).getFirst().stale()).as("check off").isFalse();
        assertThat(SourceFreshness.parseAge("36h")).isEqualTo(java.time.Duration.ofHours(36));
        assertThat(SourceFreshness.parseAge("P7D")).isEqualTo(java.time.Duration.ofDays(7));
        assertThat(SourceFreshness.parseAge("0d")).isEqualTo(java.time.Duration.ZERO);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> SourceFreshness.parseAge("a week"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("7d");
    }

    @Test
    void theServersScheduleLoadsEachSourceAndRetriesAFailingOneWithBackOff() throws Exception {
        routes.put("/uk.xml", "file:" + dev.sieve.testing.Fixtures.ukSanctionsList());
        Properties p = new Properties();
        p.setProperty("uk.UK-Sanctions-List.xml", url("/uk.xml"));
        p.setProperty("un.consolidated.xml", url("/missing.xml"));
        java.time.Instant t0 = Instant.parse("2026-12-06T10:00:00Z");
        java.time.Clock clock = java.time.Clock.fixed(t0, java.time.ZoneOffset.UTC);
        List<List<ListUpdater.Outcome>> runs = new java.util.concurrent.CopyOnWriteArrayList<>();
        try (SieveStore store = SieveStore.open(StoreConfig.h2(dir.resolve("data")));
             ListUpdateScheduler scheduler = new ListUpdateScheduler(new ListUpdater(new ListLoader(store)), OfficialSources.only(p),
                     ListUpdateScheduler.Schedule.parse("1h"), clock, runs::add)) {
            scheduler.start(); // runs at once, then every hour
            for (int i = 0; i < 600 && runs.isEmpty(); i++) Thread.sleep(50);
            assertThat(runs).hasSize(1);
            assertThat(store.latestPublication("uk")).isPresent();
            var status = scheduler.status();
            assertThat(status.get("uk").failing()).isFalse();
            assertThat(status.get("uk").lastSuccess()).isEqualTo(t0);
            assertThat(status.get("un").failing()).isTrue();
            assertThat(status.get("un").lastError()).contains("404");
            assertThat(status.get("un").nextRetry()).as("first retry after a minute").isEqualTo(t0.plusSeconds(60));
            assertThat(scheduler.nextRun()).isEqualTo(t0.plusSeconds(3600));
            // a second failure doubles the wait; a success clears the count
            scheduler.run(List.of("un"));
            assertThat(scheduler.status().get("un").failuresInARow()).isEqualTo(2);
            assertThat(scheduler.status().get("un").nextRetry()).isEqualTo(t0.plusSeconds(120));
            routes.put("/missing.xml", "file:" + SharedData.list("un_sc/consolidated.xml"));
            scheduler.run(List.of("un"));
            assertThat(scheduler.status().get("un").failing()).isFalse();
            assertThat(scheduler.status().get("un").failuresTotal()).isEqualTo(2);
            assertThat(store.latestPublication("un").orElseThrow().recordCount()).isEqualTo(1003);
        }
        assertThat(ListUpdateScheduler.Schedule.parse("17 */4 * * *").next(Instant.parse("2026-12-06T23:41:00Z")))
                .isEqualTo(Instant.parse("2026-12-07T00:17:00Z"));
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> ListUpdateScheduler.Schedule.parse("10s"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void failedOrPartialDownloadsNeverReplaceTheLastGoodPublication() throws Exception {
        Path unFile = SharedData.list("un_sc/consolidated.xml");
        routes.put("/un.xml", "file:" + unFile);
        try (SieveStore store = SieveStore.open(StoreConfig.h2(dir.resolve("data")))) {
            ListUpdater updater = new ListUpdater(new ListLoader(store));
            assertThat(updater.update(sources(), List.of("un"), LoadListener.NONE).getFirst().ok()).isTrue();
            Publication good = store.latestPublication("un").orElseThrow();

            // 1. the connection drops halfway through the body
            routes.put("/un.xml", "truncate:" + unFile);
            ListUpdater.Outcome cut = updater.update(sources(), List.of("un"), LoadListener.NONE).getFirst();
            assertThat(cut.ok()).isFalse();
            assertThat(cut.error()).contains("un.xml");

            // 2. a complete response whose content is a truncated list
            String full = Files.readString(unFile);
            Path half = Files.writeString(dir.resolve("half.xml"), full.substring(0, full.length() / 3));
            routes.put("/un.xml", "file:" + half);
            ListUpdater.Outcome broken = updater.update(sources(), List.of("un"), LoadListener.NONE).getFirst();
            assertThat(broken.ok()).isFalse();
            assertThat(broken.error()).contains("line");

            // 3. the server answers 404
            routes.put("/un.xml", "404");
            ListUpdater.Outcome missing = updater.update(sources(), List.of("un"), LoadListener.NONE).getFirst();
            assertThat(missing.error()).contains("HTTP 404");

            // 4. the server sends something that is not a list at all
            Path html = Files.writeString(dir.resolve("page.html"), "<html><body>Service unavailable</body></html>");
            routes.put("/un.xml", "file:" + html);
            ListUpdater.Outcome notList = updater.update(sources(), List.of("un"), LoadListener.NONE).getFirst();
            assertThat(notList.error()).contains("not a supported list format");

            assertThat(store.publications("un")).containsExactly(good);
            assertThat(store.countOf(good.id())).isEqualTo(1003);
        }
    }

    @Test
    void anUndatedDownloadWithoutLastModifiedIsRefusedNotDatedByTheClock() throws Exception {
        Path ofac = SharedData.list("ofac_sdn/2021-07_complete_set");
        for (String f : List.of("sdn.csv", "alt.csv", "add.csv", "sdn_comments.csv")) {
            routes.put("/ofac/" + f, "file:" + ofac.resolve(f));
        }
        try (SieveStore store = SieveStore.open(StoreConfig.h2(dir.resolve("data")))) {
            ListUpdater.Outcome out = new ListUpdater(new ListLoader(store))
                    .update(sources(), List.of("us-ofac-sdn"), LoadListener.NONE).getFirst();
            assertThat(out.ok()).isFalse();
            assertThat(out.error()).contains("sdn.csv").contains("no publication date");
            assertThat(store.publications("us-ofac-sdn")).isEmpty();
        }
    }

    /** Behind a corporate proxy: HTTP(S)_PROXY is honoured (Java ignores it on its own), NO_PROXY too. */
    @Test
    void downloadsGoThroughTheProxyTheEnvironmentNames() throws Exception {
        routes.put("/un.xml", "file:" + SharedData.list("un_sc/consolidated.xml"));
        // the proxy (this server) receives the absolute URI of a host that does not resolve
        Map<String, String> env = Map.of("HTTP_PROXY", "http://127.0.0.1:" + server.getAddress().getPort(),
                "NO_PROXY", "localhost,.internal.example");
        var selector = ProxySettings.fromEnvironment(env).orElseThrow();
        assertThat(selector.select(java.net.URI.create("http://lists.internal.example/x")))
                .containsExactly(java.net.Proxy.NO_PROXY);
        var client = java.net.http.HttpClient.newBuilder().proxy(selector).build();
        Properties p = new Properties();
        p.setProperty("un.consolidated.xml", "http://lists.sieve-test.invalid/un.xml");
        try (SieveStore store = SieveStore.open(StoreConfig.h2(dir.resolve("db")))) {
            ListUpdater.Outcome out = new ListUpdater(new ListLoader(store), client)
                    .update(OfficialSources.defaults().with(p), List.of("un"), LoadListener.NONE).getFirst();
            assertThat(out.ok()).as(String.valueOf(out)).isTrue();
            assertThat(store.latestPublication("un")).isPresent();
        }
        assertThat(ProxySettings.fromEnvironment(Map.of())).isEmpty();
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> ProxySettings.fromEnvironment(Map.of("HTTPS_PROXY", "http://:8080")))
                .hasMessageContaining("HTTPS_PROXY");
    }
}
