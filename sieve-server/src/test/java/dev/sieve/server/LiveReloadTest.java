package dev.sieve.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sieve.lists.ListFiles;
import dev.sieve.model.Entity;
import dev.sieve.model.Schema;
import dev.sieve.testing.SharedData;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Uploading a publication while screenings run: the index is rebuilt beside the live one and swapped;
 * no screening fails, and the new list is screened as soon as the upload returns.
 */
@Tag("database")
class LiveReloadTest {
    @Test
    void screeningsKeepSucceedingWhileANewPublicationIsLoaded() throws Exception {
        Path uk = SharedData.list("uk_ofsi/sanctionsconlist.csv");
        Entity ukPerson = ListFiles.read(List.of(uk)).stream().filter(e -> e.schema() == Schema.PERSON)
                .filter(e -> e.primaryName().value().split(" ").length >= 3).findFirst().orElseThrow();
        try (ServerFixture f = new ServerFixture()) {
            String analyst = f.agency("hmrc", "analyst").getFirst();
            AtomicBoolean running = new AtomicBoolean(true);
            AtomicInteger ok = new AtomicInteger();
            ConcurrentLinkedQueue<String> failures = new ConcurrentLinkedQueue<>();
            List<Thread> clients = new java.util.ArrayList<>();
            for (int i = 0; i < 8; i++) {
                clients.add(Thread.ofVirtual().start(() -> {
                    while (running.get()) {
                        var r = f.post("/v1/screen", analyst, Map.of("name", "Kim Kwang Il"));
                        if (r.status() == 200 && r.body().get("matches").size() > 0) ok.incrementAndGet();
                        else failures.add(r.status() + " " + r.text());
                    }
                }));
            }
            while (ok.get() < 50) Thread.sleep(10);
            int beforeUpload = ok.get();
            var upload = f.postRaw("/v1/lists/uk-ofsi/publications?filename=sanctionsconlist.csv", f.adminKey,
                    Files.readAllBytes(uk), "application/octet-stream");
            int duringUpload = ok.get() - beforeUpload;
            Thread.sleep(300);
            running.set(false);
            for (Thread t : clients) t.join();

            assertThat(upload.status()).as(upload.text()).isEqualTo(201);
            assertThat(failures).isEmpty();
            assertThat(duringUpload).as("screenings completed while the upload was loading").isPositive();
            assertThat(f.get("/healthz", null).body().get("entities").asInt()).isEqualTo(1003 + upload.body()
                    .get("publications").get(0).get("record_count").asInt());
            var found = f.post("/v1/screen", analyst, Map.of("name", ukPerson.primaryName().value()));
            assertThat(found.body().get("matches").get(0).get("source").asText()).isEqualTo("uk-ofsi");
            // the answer names the new publication among those screened against
            long uploaded = upload.body().get("publications").get(0).get("id").asLong();
            assertThat(found.body().get("publications").findValues("id")).extracting(com.fasterxml.jackson.databind.JsonNode::asLong)
                    .contains(uploaded);
            // the same bytes again change nothing
            var again = f.postRaw("/v1/lists/uk-ofsi/publications?filename=sanctionsconlist.csv", f.adminKey,
                    Files.readAllBytes(uk), "application/octet-stream");
            assertThat(again.status()).isEqualTo(200);
            assertThat(again.body().get("unchanged").asBoolean()).isTrue();
        }
    }

    @Test
    void aBrokenUploadIsRejectedWhole() throws Exception {
        try (ServerFixture f = new ServerFixture()) {
            long publications = f.count("publication");
            byte[] un = Files.readAllBytes(SharedData.list("un_sc/consolidated.xml"));
            byte[] truncated = java.util.Arrays.copyOf(un, un.length / 2);
            var r = f.postRaw("/v1/lists/un/publications?filename=consolidated.xml", f.adminKey, truncated, "application/octet-stream");
            assertThat(r.status()).isEqualTo(400);
            assertThat(r.body().get("detail").asText()).contains("consolidated.xml");
            var html = f.postRaw("/v1/lists/un/publications", f.adminKey, "<html><body>Maintenance</body></html>".getBytes(),
                    "text/html");
            assertThat(html.status()).isEqualTo(400);
            assertThat(f.post("/v1/lists/un/publications", f.adminKey, "{}").status()).isEqualTo(400);
            String analyst = f.agency("x", "analyst").getFirst();
            assertThat(f.postRaw("/v1/lists/un/publications", analyst, un, "application/octet-stream").status()).isEqualTo(403);
            assertThat(f.count("publication")).isEqualTo(publications);
        }
    }
}
