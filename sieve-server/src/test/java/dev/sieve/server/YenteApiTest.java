package dev.sieve.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sieve.testing.Fixtures;
import dev.sieve.testing.SharedData;
import java.net.URI;
import java.net.http.HttpRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * yente's API over real HTTP with the UN list and the UK Sanctions List fixture: requests as yente's documentation
 * writes them, answers in yente's shape, and the isolation and filters every client relies on.
 */
class YenteApiTest {
    static ServerFixture f;
    static String analyst;
    static String contributor;
    static String otherAnalyst;

    @BeforeAll
    static void start() throws Exception {
        f = new ServerFixture(List.of(SharedData.list("un_sc/consolidated.xml"), Fixtures.ukSanctionsList()));
        List<String> keys = f.agency("bank", "analyst", "contributor");
        analyst = keys.get(0);
        contributor = keys.get(1);
        otherAnalyst = f.agency("other", "analyst").getFirst();
    }

    @AfterAll
    static void stop() throws Exception {
        f.close();
    }

    private static ServerFixture.Response match(String path, String key, Object body) {
        return f.send(HttpRequest.newBuilder(URI.create(f.base + path)).header("Content-Type", "application/json")
                .header("Authorization", "ApiKey " + key).POST(HttpRequest.BodyPublishers.ofString(ServerFixture.json(body))), null);
    }

    private static Map<String, Object> person(String name, String birthDate) {
        return Map.of("schema", "Person", "properties", Map.of("name", List.of(name), "birthDate", List.of(birthDate)));
    }

    private static List<String> ids(JsonNode response, String key) {
        List<String> out = new ArrayList<>();
        response.get("responses").get(key).get("results").forEach(r -> out.add(r.get("id").asText()));
        return out;
    }

    @Test
    void theMatchExampleOfYentesDocumentationIsAnsweredInYentesShape() {
        // yente's documented example, and a listed person in the same batch
        var r = match("/match/default", analyst, Map.of("queries", Map.of(
                "entity1", Map.of("schema", "Person", "properties", Map.of("name", List.of("John Doe"), "birthDate", List.of("1975-04-21"),
                        "nationality", List.of("us"))),
                "entity2", Map.of("schema", "Company", "properties", Map.of("name", List.of("Brilliant Amazing Limited"),
                        "jurisdiction", List.of("hk"), "registrationNumber", List.of("84BA99810"))),
                "ramzi", person("Ramzi Binalshibh", "1972-05-01"))));
        assertThat(r.status()).as(r.text()).isEqualTo(200);
        assertThat(r.headers().firstValue("x-batch-size")).contains("3");
        JsonNode body = r.body();
        assertThat(body.get("limit").asInt()).isEqualTo(5);
        assertThat(body.get("matcher").has("name_score")).isTrue();
        assertThat(body.get("responses").get("entity1").get("results")).isEmpty();
        assertThat(body.get("responses").get("entity1").get("status").asInt()).isEqualTo(200);
        assertThat(body.get("responses").get("entity1").get("query").get("properties").get("name").get(0).asText()).isEqualTo("John Doe");
        JsonNode ramzi = body.get("responses").get("ramzi");
        assertThat(ids(body, "ramzi")).containsExactlyInAnyOrder("un:QDi.081", "uk:AQD0081");
        assertThat(ramzi.get("total").get("value").asInt()).isEqualTo(2);
        assertThat(ramzi.get("total").get("relation").asText()).isEqualTo("eq");
        JsonNode top = ramzi.get("results").get(0);
        assertThat(top.get("score").asDouble()).isGreaterThanOrEqualTo(0.9);
        assertThat(top.get("match").asBoolean()).isTrue();
        assertThat(top.get("schema").asText()).isEqualTo("Person");
        assertThat(top.get("caption").asText()).containsIgnoringCase("BINALSHIBH");
        assertThat(top.get("properties").get("birthDate").toString()).contains("1972-05-01");
        assertThat(top.get("features").get("name_score").asDouble()).isPositive();
        assertThat(top.get("features").get("birth_date").asDouble()).isPositive();
        assertThat(top.get("explanations").get("sieve").get("parts")).isNotEmpty();
        assertThat(top.get("datasets")).hasSize(1);
        assertThat(top.get("first_seen").asText()).isNotEmpty();
        assertThat(top.get("target").asBoolean()).isTrue();
        // on the audit trail like every screening
        assertThat(f.count("audit_event WHERE action = 'screen.match'")).isPositive();
    }

    @Test
    void datasetsFiltersAndThresholdsNarrowTheResults() {
        Map<String, Object> q = Map.of("queries", Map.of("q", person("Ramzi Mohamed Abdullah Binalshibh", "1972")));
        assertThat(ids(match("/match/uk", analyst, q).body(), "q")).containsExactly("uk:AQD0081");
        assertThat(ids(match("/match/default?include_dataset=un", analyst, q).body(), "q")).containsExactly("un:QDi.081");
        assertThat(ids(match("/match/sanctions?exclude_dataset=un", analyst, q).body(), "q")).containsExactly("uk:AQD0081");
        assertThat(ids(match("/match/default?exclude_entity_ids=uk:AQD0081", analyst, q).body(), "q")).containsExactly("un:QDi.081");
        // the UN list's publication is of 2026-02-27, the UK list's of 2026-11-27
        assertThat(ids(match("/match/default?changed_since=2026-06-01T00:00:00", analyst, q).body(), "q")).containsExactly("uk:AQD0081");
        JsonNode strict = match("/match/default?threshold=0.999&cutoff=0.5", analyst,
                Map.of("queries", Map.of("q", person("Ramzi Binalshib", "1980")))).body().get("responses").get("q").get("results");
        assertThat(strict).isNotEmpty().allSatisfy(r -> assertThat(r.get("match").asBoolean()).isFalse());
        assertThat(ids(match("/match/default?limit=1&algorithm=logic-v1", analyst, q).body(), "q")).hasSize(1);
        var vessel = match("/match/default", analyst, Map.of("queries", Map.of("v", Map.of("schema", "Vessel",
                "properties", Map.of("imoNumber", List.of("9990014"))))));
        assertThat(ids(vessel.body(), "v")).containsExactly("uk:RUS9903");
    }

    @Test
    void badRequestsAreNamedAndBearerAndApiKeyBothWork() {
        assertThat(match("/match/nowhere", analyst, Map.of("queries", Map.of("q", person("X", "1970")))).status()).isEqualTo(404);
        var noQueries = match("/match/default", analyst, Map.of("queries", Map.of()));
        assertThat(noQueries.status()).isEqualTo(400);
        assertThat(noQueries.body().get("field").asText()).isEqualTo("queries");
        var badDate = match("/match/default", analyst, Map.of("queries", Map.of("q1", person("X", "21/04/1975"))));
        assertThat(badDate.status()).isEqualTo(400);
        assertThat(badDate.body().get("detail").asText()).contains("queries.q1").contains("properties.birthDate");
        assertThat(match("/match/default?algorithm=magic", analyst, Map.of("queries", Map.of("q", person("X", "1970")))).body()
                .get("field").asText()).isEqualTo("algorithm");
        assertThat(match("/match/default?threshold=2", analyst, Map.of("queries", Map.of("q", person("X", "1970")))).status()).isEqualTo(400);
        assertThat(match("/match/default", "sk_wrong", Map.of("queries", Map.of("q", person("X", "1970")))).status()).isEqualTo(401);
        assertThat(f.post("/match/default", analyst, Map.of("queries", Map.of("q", person("Ramzi Binalshibh", "1972")))).status()).isEqualTo(200);
        assertThat(f.get("/catalog", null).status()).isEqualTo(401);
    }

    @Test
    void searchEntitiesCatalogAlgorithmsAndReadiness() {
        var search = f.get("/search/default?q=Binalshibh", analyst);
        assertThat(search.status()).isEqualTo(200);
        assertThat(search.body().get("results").get(0).get("id").asText()).isIn("un:QDi.081", "uk:AQD0081");
        assertThat(search.body().get("total").get("value").asInt()).isGreaterThanOrEqualTo(2);
        assertThat(f.get("/search/uk?q=Example%20Star&schema=Vessel", analyst).body().get("results").get(0).get("id").asText()).isEqualTo("uk:RUS9903");
        assertThat(f.get("/search/default", analyst).status()).isEqualTo(400);

        var ship = f.get("/entities/uk:RUS9903", analyst);
        assertThat(ship.status()).isEqualTo(200);
        assertThat(ship.body().get("schema").asText()).isEqualTo("Vessel");
        assertThat(ship.body().get("properties").get("imoNumber").get(0).asText()).isEqualTo("9990014");
        assertThat(ship.body().get("last_seen").asText()).startsWith("2026-11-27");
        assertThat(f.get("/entities/uk:NOPE", analyst).status()).isEqualTo(404);

        var catalog = f.get("/catalog", analyst).body();
        List<String> names = new ArrayList<>();
        catalog.get("datasets").forEach(d -> names.add(d.get("name").asText()));
        assertThat(names).contains("un", "uk", "default", "sanctions");
        assertThat(catalog.get("index_stale").asBoolean()).isFalse();
        var algorithms = f.get("/algorithms", null).body();
        assertThat(algorithms.get("default").asText()).isEqualTo(YenteHandlers.ALGORITHM);
        assertThat(f.get("/readyz", null).body().get("status").asText()).isEqualTo("ok");
    }

    @Test
    void anAgencysPrivateEntryIsMatchedForItAloneAsEverywhere() {
        var entry = f.post("/v1/databank/entries", contributor, Map.of("name", "Quirinus Obadiah Fennimore", "schema", "Person",
                "birth_date", "1981-03-04", "sharing", "private", "reason", "yente isolation test"));
        assertThat(entry.status()).isEqualTo(201);
        String id = entry.body().get("entity").get("id").asText();
        Map<String, Object> q = Map.of("queries", Map.of("q", person("Quirinus Fennimore", "1981-03-04")));
        assertThat(ids(match("/match/default", analyst, q).body(), "q")).containsExactly(id);
        assertThat(ids(match("/match/default", otherAnalyst, q).body(), "q")).isEmpty();
        assertThat(f.get("/entities/" + id, analyst).status()).isEqualTo(200);
        assertThat(f.get("/entities/" + id, otherAnalyst).status()).isEqualTo(404);
        assertThat(f.get("/search/default?q=Quirinus%20Fennimore", otherAnalyst).body().get("results")).isEmpty();
    }
}
