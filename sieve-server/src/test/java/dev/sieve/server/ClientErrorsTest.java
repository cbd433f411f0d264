package dev.sieve.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Mistakes a client makes get a 4xx naming them, never a 500 or 503; what needs no key reveals nothing private. */
class ClientErrorsTest {
    ServerFixture f;
    String analyst;
    String contributor;

    @BeforeEach
    void start() throws Exception {
        f = new ServerFixture();
        List<String> keys = f.agency("aa", "analyst", "contributor");
        analyst = keys.get(0);
        contributor = keys.get(1);
    }

    @AfterEach
    void stop() throws Exception {
        f.close();
    }

    @Test
    void ifMatchComparesStronglyAndAcceptsAStar() {
        var created = f.post("/v1/databank/entries", contributor, Map.of("schema", "Person", "name", "Ida Match", "sharing", "private",
                "reason", "r"));
        String id = created.body().get("entity").get("id").asText();
        Map<String, Object> body = Map.of("schema", "Person", "name", "Ida Matching", "sharing", "private", "reason", "spelling");
        var weak = f.put("/v1/databank/entries/" + id, contributor, body, "W/\"1\"");
        assertThat(weak.status()).isEqualTo(412);
        assertThat(weak.body().get("detail").asText()).contains("weak ETag");
        assertThat(f.put("/v1/databank/entries/" + id, contributor, body, "1").status()).isEqualTo(400);
        var star = f.put("/v1/databank/entries/" + id, contributor, body, "*");
        assertThat(star.status()).as(star.text()).isEqualTo(200);
        assertThat(star.headers().firstValue("ETag")).contains("\"2\"");
        assertThat(f.put("/v1/databank/entries/db:aa:999", contributor, body, "*").status()).isEqualTo(404);
    }

    @Test
    void uploadNamesAndBrokenFilesAreClientErrors() {
        byte[] csv = "id,name\n1,Jane Roe\n".getBytes(StandardCharsets.UTF_8);
        for (String name : List.of("..", ".", "x".repeat(300))) {
            var r = f.postRaw("/v1/jobs?filename=" + name, analyst, csv, "text/csv");
            assertThat(r.status()).as(name).isEqualTo(400);
            assertThat(r.body().get("field").asText()).isEqualTo("filename");
        }
        var quote = f.postRaw("/v1/jobs?filename=quote.csv", analyst, "id,name\n1,\"Jane Roe\n2,John Doe\n".getBytes(StandardCharsets.UTF_8),
                "text/csv");
        assertThat(quote.status()).as(quote.text()).isEqualTo(400);
        assertThat(quote.body().get("detail").asText()).contains("quote.csv");
        assertThat(f.postRaw("/v1/lists/un/publications?filename=..", f.adminKey, new byte[10], "application/xml").status()).isEqualTo(400);
    }

    @Test
    void deepPagesAreRefusedAndHealthSaysNothingOfPrivateEntries() {
        var nul = f.get("/v1/entities?q=a%00b", analyst);
        assertThat(nul.status()).isEqualTo(400);
        assertThat(nul.body().get("field").asText()).isEqualTo("q");
        assertThat(nul.body().get("detail").asText()).contains("NUL");
        var deep = f.get("/v1/entities?q=a&offset=6000", analyst);
        assertThat(deep.status()).isEqualTo(400);
        assertThat(deep.body().get("field").asText()).isEqualTo("offset");
        f.post("/v1/databank/entries", contributor, Map.of("schema", "Person", "name", "Private Person", "sharing", "private", "reason", "r"));
        var health = f.get("/healthz", null);
        assertThat(health.status()).isEqualTo(200);
        assertThat(health.text()).doesNotContain("databank");
        assertThat(f.get("/metrics", null).text()).doesNotContain("sieve_databank_entries");
    }

    @Test
    void overlongUtf8IsRefusedAndInvisibleCharactersAreKeptButNotMatched() {
        // C0 AF is an overlong '/': Jackson alone would read it
        byte[] overlong = "{\"name\": \"a\u00C0\u00AFb\"}".getBytes(StandardCharsets.ISO_8859_1);
        var refused = f.postRaw("/v1/screen", analyst, overlong, "application/json");
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.body().get("detail").asText()).contains("not valid UTF-8 at byte 11");
        var bom = f.postRaw("/v1/screen", analyst, ("\uFEFF{\"name\": \"Ida\"}").getBytes(StandardCharsets.UTF_8), "application/json");
        assertThat(bom.status()).as(bom.text()).isEqualTo(200);

        // an override and a zero-width space are stored as given (evidence of what was written) and matching ignores them
        String written = "Wendeline \u202EGrau\u202C\u200Bhorn";
        var entry = f.post("/v1/databank/entries", contributor, Map.of("schema", "Person", "name", written, "sharing", "private", "reason", "r"));
        assertThat(entry.status()).as(entry.text()).isEqualTo(201);
        String id = entry.body().get("entity").get("id").asText();
        assertThat(f.get("/v1/entities/" + id, contributor).body().get("entity").get("names").get(0).get("value").asText()).isEqualTo(written);
        var screened = f.post("/v1/screen", contributor, Map.of("name", "Wendeline Grauhorn"));
        assertThat(screened.body().get("matches").findValuesAsText("id")).contains(id);
    }

    /** A raw request, as a client that does not check its URI sends it; the whole answer. */
    private String raw(String requestLine, String extraHeader) throws Exception {
        try (java.net.Socket s = new java.net.Socket("127.0.0.1", f.server.port())) {
            s.getOutputStream().write((requestLine + "\r\nHost: 127.0.0.1\r\n" + extraHeader + "Connection: close\r\n\r\n")
                    .getBytes(StandardCharsets.ISO_8859_1));
            s.getOutputStream().flush();
            return new String(s.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void whatJettyRefusesItselfIsAProblemDocumentToo() throws Exception {
        for (String path : List.of("/v1/entities/%ZZ", "/v1/entities/a%00b")) {
            String answer = raw("GET " + path + " HTTP/1.1", "");
            assertThat(answer).startsWith("HTTP/1.1 400").contains("application/problem+json").contains("\"status\":400")
                    .doesNotContain("<html");
        }
        assertThat(raw("GET /healthz?" + "a".repeat(70_000) + " HTTP/1.1", "")).startsWith("HTTP/1.1 414")
                .contains("application/problem+json").contains("URI is too long");
        assertThat(raw("GET /healthz HTTP/1.1", "X-Big: " + "a".repeat(70_000) + "\r\n")).startsWith("HTTP/1.1 431")
                .contains("application/problem+json");
    }
}
