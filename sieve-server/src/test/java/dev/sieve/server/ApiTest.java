package dev.sieve.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The API's contract over real HTTP: screening, roles, bad input, and the OpenAPI document. */
@Tag("database")
class ApiTest {
    static ServerFixture f;
    static String analyst;
    static String contributor;
    static String auditor;

    @BeforeAll
    static void start() throws Exception {
        f = new ServerFixture();
        List<String> keys = f.agency("fiu", "analyst", "contributor", "auditor");
        analyst = keys.get(0);
        contributor = keys.get(1);
        auditor = keys.get(2);
    }

    @AfterAll
    static void stop() throws Exception {
        f.close();
    }

    @Test
    void screeningFindsAListedPersonWithExplanationAndPublications() {
        var r = f.post("/v1/screen", analyst, Map.of("name", "Kim Kwang Il", "schema", "Person", "nationality", "KP"));
        assertThat(r.status()).isEqualTo(200);
        JsonNode first = r.body().get("matches").get(0);
        assertThat(first.get("id").asText()).isEqualTo("un:KPi.009");
        assertThat(first.get("score").asDouble()).isBetween(0.78, 1.0);
        assertThat(first.get("explanation").get("parts")).isNotEmpty();
        assertThat(r.body().get("publications").get(0).get("source").asText()).isEqualTo("un");
        assertThat(r.body().get("audit_event").asLong()).isPositive();
        // alerts best first
        double prev = 2;
        for (JsonNode m : r.body().get("matches")) {
            assertThat(m.get("score").asDouble()).isLessThanOrEqualTo(prev);
            prev = m.get("score").asDouble();
        }
    }

    @Test
    void batchScreensEveryQueryInOrder() {
        var r = f.post("/v1/screen/batch", analyst, Map.of("queries", List.of(
                Map.of("id", "c1", "name", "Kim Kwang Il"), Map.of("id", "c2", "name", "Jonathan Appleseed Pemberton"))));
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.body().get("results").get(0).get("id").asText()).isEqualTo("c1");
        assertThat(r.body().get("results").get(0).get("matches").get(0).get("id").asText()).isEqualTo("un:KPi.009");
        assertThat(r.body().get("results").get(1).get("matches")).isEmpty();
    }

    @Test
    void paymentMessagesGetAVerdictPerPayment() throws Exception {
        String mt103 = "{1:F01BICFOOYYAXXX8667486276}{2:O1031610191014BBBBUS3NBXXX63382244921910142210N}{4:\n"
                + ":20:PAY-1\n:23B:CRED\n:32A:191014USD1814,28\n:50K:FOO CAPITAL MARKETS LP\n99 WALL ST\n"
                + ":59:/00123456789012345678\nKOREA MINING DEVELOPMENT TRADING CORPORATION\nPYONGYANG\n:71A:SHA\n-}";
        var hit = f.postRaw("/v1/screen/payment", analyst, mt103.getBytes(java.nio.charset.StandardCharsets.UTF_8), "text/plain");
        assertThat(hit.status()).as(hit.text()).isEqualTo(200);
        JsonNode payment = hit.body().get("payments").get(0);
        assertThat(payment.get("verdict").asText()).isEqualTo("hit");
        assertThat(payment.get("alerts").get(0).get("field").asText()).isEqualTo("59");
        assertThat(payment.get("alerts").get(0).get("match").get("id").asText()).isEqualTo("un:KPe.001");
        assertThat(hit.body().get("audit_event").asLong()).isPositive();
        String clear = mt103.replace("KOREA MINING DEVELOPMENT TRADING CORPORATION", "MERCADOS Y GESTION DE VALORES SA");
        var ok = f.postRaw("/v1/screen/payment", analyst, clear.getBytes(java.nio.charset.StandardCharsets.UTF_8), "text/plain");
        assertThat(ok.body().get("payments").get(0).get("verdict").asText()).isEqualTo("clear");
        var bad = f.postRaw("/v1/screen/payment", analyst, "Dear bank, please pay".getBytes(java.nio.charset.StandardCharsets.UTF_8), "text/plain");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.body().get("detail").asText()).contains("not a payment message");
    }

    @Test
    void manifestsGetAVerdictPerTraveller() throws Exception {
        String paxlst = "UNA:+.? 'UNB+UNOA:4+AIR1+DHS+070218:1545+000006640++DHS'UNH+PAX001+PAXLST:D:05B:UN:IATA'BGM+745'"
                + "TDT+20+AA123+++AA'LOC+125+ATL'DTM+189:0702191540:201'LOC+87+ORD'DTM+232:0702191740:201'"
                + "NAD+FL+++KIM:KWANG IL'ATT+2++M'DTM+329:690901'NAT+2+PRK'"
                + "NAD+FL+++CLARK:MICHAEL'ATT+2++M'DTM+329:720907'NAT+2+USA'"
                + "NAD+FL+++CLARK:CHERYL'ATT+2++F'DTM+329:731399'CNT+42:3'UNT+20+PAX001'UNZ+1+000006640'";
        var r = f.postRaw("/v1/screen/manifest", analyst, paxlst.getBytes(java.nio.charset.StandardCharsets.UTF_8), "text/plain");
        assertThat(r.status()).as(r.text()).isEqualTo(200);
        assertThat(r.body().get("legs").get(0).get("flight").asText()).isEqualTo("AA123");
        JsonNode travellers = r.body().get("travellers");
        assertThat(travellers.get(0).get("verdict").asText()).isEqualTo("hit");
        assertThat(travellers.get(0).get("alerts")).extracting(a -> a.get("id").asText()).contains("un:KPi.009");
        assertThat(travellers.get(1).get("verdict").asText()).isEqualTo("clear");
        assertThat(travellers.get(2).get("verdict").asText()).isEqualTo("could_not_screen");
        assertThat(travellers.get(2).get("problem").asText()).contains("731399");
        var notPaxlst = f.postRaw("/v1/screen/manifest", analyst, "UNH+1+PNRGOV:11:1:IA'".getBytes(java.nio.charset.StandardCharsets.UTF_8), "text/plain");
        assertThat(notPaxlst.status()).isEqualTo(400);
        assertThat(notPaxlst.body().get("detail").asText()).contains("PNRGOV");
    }

    @Test
    void keysAreCheckedAndRolesEnforced() {
        assertThat(f.post("/v1/screen", null, Map.of("name", "x")).status()).isEqualTo(401);
        assertThat(f.post("/v1/screen", "sk_000000000000_wrong", Map.of("name", "x")).status()).isEqualTo(401);
        var wrongRole = f.post("/v1/screen", auditor, Map.of("name", "x"));
        assertThat(wrongRole.status()).isEqualTo(403);
        assertThat(wrongRole.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        assertThat(f.post("/v1/agencies", analyst, Map.of("name", "Rogue")).status()).isEqualTo(403);
        assertThat(f.post("/v1/agencies/fiu/keys", contributor, Map.of("role", "admin")).status()).isEqualTo(403);
        assertThat(f.get("/v1/audit", analyst).status()).isEqualTo(403);
        assertThat(f.post("/v1/databank/entries", analyst, Map.of("schema", "Person", "name", "A B", "sharing", "all",
                "reason", "r")).status()).isEqualTo(403);
        assertThat(f.get("/v1/audit", auditor).status()).isEqualTo(200);
        // the key is stored only as a hash
        assertThat(f.count("api_key WHERE key_hash = '" + analyst + "'")).isZero();
    }

    @Test
    void badInputIsRefusedNamingTheFieldAndStoresNothing() {
        long audit = f.requestEvents();
        long entries = f.count("databank_entry");
        record Case(String path, String key, Object body, String field) {
        }
        List<Case> cases = List.of(
                new Case("/v1/screen", analyst, "{\"name\": \"Kim\", \"nickname\": \"x\"}", "nickname"),
                new Case("/v1/screen", analyst, "{\"name\": 42}", "name"),
                new Case("/v1/screen", analyst, "{\"name\": \"Kim\", \"birth_date\": \"1984-02-30\"}", "birth_date"),
                new Case("/v1/screen", analyst, "{\"name\": \"Kim\", \"nationality\": \"QQ\"}", "nationality"),
                new Case("/v1/screen", analyst, "{\"name\": \"Kim\", \"threshold\": 1.5}", "threshold"),
                new Case("/v1/screen", analyst, "{\"name\": \"Kim\", \"schema\": \"Spaceship\"}", "schema"),
                new Case("/v1/screen", analyst, "{}", "name"),
                new Case("/v1/screen", analyst, "{\"name\": \"Kim\"", null),
                new Case("/v1/screen", analyst, "[1, 2]", null),
                new Case("/v1/screen/batch", analyst, "{\"queries\": [{\"name\": \"a\"}, {\"name\": \"b\", \"birth_date\": \"x\"}]}",
                        "queries[1].birth_date"),
                new Case("/v1/databank/entries", contributor, "{\"schema\": \"Person\", \"name\": \"A B\", \"sharing\": \"all\"}", "reason"),
                new Case("/v1/databank/entries", contributor, "{\"schema\": \"Person\", \"name\": \"A B\", \"sharing\": \"some\", \"reason\": \"r\"}", "sharing"),
                new Case("/v1/databank/entries", contributor, "{\"schema\": \"Person\", \"name\": \"A B\", \"sharing\": [\"nosuch\"], \"reason\": \"r\"}", "sharing[0]"),
                new Case("/v1/databank/entries", contributor, "{\"schema\": \"Person\", \"name\": \"A B\", \"nationality\": \"Atlantis\", \"sharing\": \"all\", \"reason\": \"r\"}", "nationality"),
                new Case("/v1/databank/entries", contributor, "{\"schema\": \"Person\", \"name\": \"A B\", \"aliases\": \"C D\", \"sharing\": \"all\", \"reason\": \"r\"}", "aliases"));
        for (Case c : cases) {
            var r = f.post(c.path(), c.key(), c.body());
            assertThat(r.status()).as(c.body().toString()).isEqualTo(400);
            assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
            assertThat(r.body().get("status").asInt()).isEqualTo(400);
            assertThat(r.body().get("detail").asText()).isNotBlank();
            if (c.field() != null) assertThat(r.body().get("field").asText()).as(c.body().toString()).isEqualTo(c.field());
        }
        List<Map<String, String>> tooMany = new ArrayList<>();
        for (int i = 0; i < 1001; i++) tooMany.add(Map.of("name", "Name " + i));
        var batch = f.post("/v1/screen/batch", analyst, Map.of("queries", tooMany));
        assertThat(batch.status()).isEqualTo(400);
        assertThat(batch.body().get("field").asText()).isEqualTo("queries");
        var huge = f.post("/v1/screen", analyst, "{\"name\": \"" + "x".repeat(3 * 1024 * 1024) + "\"}");
        assertThat(huge.status()).isEqualTo(413);
        assertThat(f.requestEvents()).isEqualTo(audit);
        assertThat(f.count("databank_entry")).isEqualTo(entries);

        // the CLI's words for the same mistakes (ScreenCliTest): one rule for both
        var blank = f.post("/v1/screen", analyst, Map.of("name", "  "));
        assertThat(blank.status()).isEqualTo(400);
        assertThat(blank.body().get("detail").asText()).contains("field 'name' is empty");
        var utopia = f.post("/v1/screen", analyst, Map.of("name", "Kim", "nationality", "Utopia"));
        assertThat(utopia.body().get("detail").asText()).contains("'Utopia' is not a country").contains("North Korea");
        assertThat(f.post("/v1/screen", analyst, Map.of("name", "Kim", "nationality", "North Korea")).status()).isEqualTo(200);
        assertThat(f.post("/v1/screen", analyst, Map.of("name", "Kim", "nationality", "Germany")).status()).isEqualTo(200);
    }

    @Test
    void agencyAndKeyContract() {
        var a = f.post("/v1/agencies", f.adminKey, Map.of("name", "Guardia di Finanza"));
        assertThat(a.status()).isEqualTo(201);
        assertThat(a.body().get("id").asText()).isEqualTo("guardia-di-finanza");
        assertThat(f.post("/v1/agencies", f.adminKey, Map.of("name", "Again", "id", "guardia-di-finanza")).status()).isEqualTo(409);
        var k = f.post("/v1/agencies/guardia-di-finanza/keys", f.adminKey, Map.of("role", "analyst"));
        assertThat(k.status()).isEqualTo(201);
        assertThat(f.post("/v1/screen", k.body().get("key").asText(), Map.of("name", "Kim Kwang Il")).status()).isEqualTo(200);
        var bad = f.post("/v1/agencies/guardia-di-finanza/keys", f.adminKey, Map.of("role", "superuser"));
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.body().get("field").asText()).isEqualTo("role");
        assertThat(f.post("/v1/agencies/nosuch/keys", f.adminKey, Map.of("role", "analyst")).status()).isEqualTo(404);

        String secret = k.body().get("key").asText();
        String keyId = k.body().get("key_id").asText();
        assertThat(f.delete("/v1/agencies/guardia-di-finanza/keys/" + keyId, analyst, null).status()).isEqualTo(403);
        assertThat(f.delete("/v1/agencies/guardia-di-finanza/keys/" + keyId, f.adminKey, null).status()).isEqualTo(200);
        assertThat(f.post("/v1/screen", secret, Map.of("name", "Kim Kwang Il")).status()).isEqualTo(401);
        assertThat(f.delete("/v1/agencies/guardia-di-finanza/keys/" + keyId, f.adminKey, null).status()).isEqualTo(404);
    }

    @Test
    void listsEntitiesSearchAndDiff() {
        var lists = f.get("/v1/lists", analyst);
        assertThat(lists.status()).isEqualTo(200);
        assertThat(lists.body().get("lists").get(0).get("latest").get("record_count").asInt()).isEqualTo(1003);
        var e = f.get("/v1/entities/un:KPi.009", analyst);
        assertThat(e.status()).isEqualTo(200);
        assertThat(e.body().get("entity").get("names").get(0).get("value").asText()).contains("KIM");
        assertThat(f.get("/v1/entities/un:NOPE.1", analyst).status()).isEqualTo(404);
        var s = f.get("/v1/entities?q=kwang-il&source=un", analyst);
        assertThat(s.body().get("results")).extracting(n -> n.get("id").asText()).contains("un:KPi.009");
        var bySchema = f.get("/v1/entities?schema=Organization&limit=5", analyst);
        assertThat(bySchema.body().get("results")).hasSize(5).allSatisfy(n -> assertThat(n.get("schema").asText()).isEqualTo("Organization"));
        assertThat(f.get("/v1/entities?limit=0", analyst).body().get("field").asText()).isEqualTo("limit");
        // a single publication has nothing to diff from
        assertThat(f.get("/v1/lists/un/diff", analyst).status()).isEqualTo(400);
        assertThat(f.get("/v1/lists/nosuch/diff", analyst).status()).isEqualTo(404);
    }

    @Test
    void healthMetricsAndUnknownRoutes() {
        var h = f.get("/healthz", null);
        assertThat(h.status()).isEqualTo(200);
        assertThat(h.body().get("entities").asInt()).isEqualTo(1003);
        // the shared UN list is dated 2026-02-27: older than the default week, so the service says it is degraded
        long age = java.time.Duration.between(java.time.Instant.parse("2026-02-27T00:00:00Z"), java.time.Instant.now()).toHours();
        assertThat(h.body().get("status").asText()).isEqualTo(age > 7 * 24 ? "degraded" : "ok");
        assertThat(h.body().get("lists").get(0).get("source").asText()).isEqualTo("un");
        assertThat(h.body().get("lists").get(0).get("age_hours").asLong()).isBetween(age - 1, age + 1);
        if (age > 7 * 24) assertThat(h.body().get("problems").get(0).asText()).contains("list source un has published nothing for");
        f.post("/v1/screen", analyst, Map.of("name", "Kim Kwang Il"));
        var m = f.get("/metrics", null);
        assertThat(m.text()).contains("sieve_screenings_total").contains("http_server_requests").contains("jvm_memory_used_bytes");
        assertThat(m.text()).contains("sieve_list_age_seconds{source=\"un\"}").contains("sieve_list_stale{source=\"un\"}");
        var nf = f.get("/v1/nothing-here", analyst);
        assertThat(nf.status()).isEqualTo(404);
        assertThat(nf.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
    }

    /** Every route the server registers is in openapi.yaml, and every path there is served. */
    @Test
    void openApiDocumentDescribesExactlyTheRoutes() throws Exception {
        var r = f.get("/openapi.yaml", null);
        assertThat(r.status()).isEqualTo(200);
        JsonNode doc = new ObjectMapper(new YAMLFactory()).readTree(r.text());
        assertThat(doc.get("openapi").asText()).startsWith("3.1");
        Map<String, List<String>> documented = new HashMap<>();
        doc.get("paths").properties().forEach(p -> {
            List<String> methods = new ArrayList<>();
            p.getValue().properties().forEach(m -> {
                if (List.of("get", "post", "put", "delete", "patch").contains(m.getKey())) methods.add(m.getKey());
            });
            documented.put(p.getKey(), methods);
        });
        Map<String, List<String>> served = new HashMap<>();
        for (RouteTable.Route route : f.server.routes()) {
            served.computeIfAbsent(route.path(), k -> new ArrayList<>()).add(route.method());
        }
        assertThat(served.keySet()).containsExactlyInAnyOrderElementsOf(documented.keySet());
        served.forEach((path, methods) -> assertThat(documented.get(path)).as(path).containsExactlyInAnyOrderElementsOf(methods));
        // every $ref resolves
        List<String> refs = new ArrayList<>();
        collectRefs(doc, refs);
        for (String ref : refs) {
            JsonNode target = doc.at(ref.substring(1));
            assertThat(target.isMissingNode()).as(ref).isFalse();
        }
    }

    private static void collectRefs(JsonNode n, List<String> out) {
        if (n.isObject()) {
            n.properties().forEach(e -> {
                if (e.getKey().equals("$ref")) out.add(e.getValue().asText());
                else collectRefs(e.getValue(), out);
            });
        } else if (n.isArray()) {
            n.forEach(c -> collectRefs(c, out));
        }
    }
}
