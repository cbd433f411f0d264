package dev.sieve.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Agency B's private entry, attacked by agency A through every route: guessed ids, search, screening
 * its exact name and identifier, batch, diff, audit, update and delete. Each fails exactly as for an
 * entry that does not exist, so not even its existence leaks.
 */
@Tag("database")
class IsolationTest {
    static final String SECRET_NAME = "Zebulon Quixote Marchbanks";
    static final String SECRET_PASSPORT = "ZQ7731904";

    static ServerFixture f;
    static String bContributor;
    static String bAnalyst;
    static String aAnalyst;
    static String aContributor;
    static String aAuditor;
    static String cAnalyst;
    static String privateId;
    static String sharedWithAId;
    static String sharedWithAllId;

    @BeforeAll
    static void start() throws Exception {
        f = new ServerFixture();
        List<String> b = f.agency("agency-b", "contributor", "analyst");
        bContributor = b.get(0);
        bAnalyst = b.get(1);
        List<String> a = f.agency("agency-a", "analyst", "contributor", "auditor");
        aAnalyst = a.get(0);
        aContributor = a.get(1);
        aAuditor = a.get(2);
        cAnalyst = f.agency("agency-c", "analyst").getFirst();
        var p = f.post("/v1/databank/entries", bContributor, Map.of("schema", "Person", "name", SECRET_NAME,
                "birth_date", "1979-04-02", "nationality", "GB",
                "identifiers", List.of(Map.of("type", "passport", "number", SECRET_PASSPORT, "country", "GB")),
                "sharing", "private", "reason", "domestic investigation"));
        assertThat(p.status()).isEqualTo(201);
        privateId = p.body().get("entity").get("id").asText();
        sharedWithAId = f.post("/v1/databank/entries", bContributor, Map.of("schema", "Person",
                "name", "Ottoline Fairweather Gresham", "sharing", List.of("agency-a"), "reason", "joint case"))
                .body().get("entity").get("id").asText();
        sharedWithAllId = f.post("/v1/databank/entries", bContributor, Map.of("schema", "Person",
                "name", "Bartholomew Cuthbert Ironside", "sharing", "all", "reason", "foreign fighter"))
                .body().get("entity").get("id").asText();
    }

    @AfterAll
    static void stop() throws Exception {
        f.close();
    }

    @Test
    void theOwnerSeesAndScreensItsPrivateEntry() {
        // a random token, not a counter that would tell how many entries agency-b hides
        assertThat(privateId).matches("db:agency-b:[0-9a-hjkmnp-tv-z]{10}");
        assertThat(sharedWithAllId).matches("db:agency-b:[0-9a-hjkmnp-tv-z]{10}").isNotEqualTo(privateId);
        assertThat(f.get("/v1/entities/" + privateId, bAnalyst).status()).isEqualTo(200);
        assertThat(ids(f.post("/v1/screen", bAnalyst, Map.of("name", SECRET_NAME)).body().get("matches"))).contains(privateId);
    }

    @Test
    void readingByIdAnswersLikeANonexistentEntry() {
        var guessed = f.get("/v1/entities/" + privateId, aAnalyst);
        var nonexistent = f.get("/v1/entities/db:agency-b:999", aAnalyst);
        assertThat(guessed.status()).isEqualTo(404);
        assertThat(nonexistent.status()).isEqualTo(404);
        assertThat(guessed.body().get("detail").asText().replace(privateId, "ID"))
                .isEqualTo(nonexistent.body().get("detail").asText().replace("db:agency-b:999", "ID"));
        for (int n = 1; n <= 5; n++) {
            String id = "db:agency-b:" + n;
            var r = f.get("/v1/databank/entries/" + id, aContributor);
            if (id.equals(sharedWithAId) || id.equals(sharedWithAllId)) assertThat(r.status()).isEqualTo(200);
            else assertThat(r.status()).as(id).isEqualTo(404);
        }
        assertThat(f.get("/v1/entities/" + privateId, cAnalyst).status()).isEqualTo(404);
    }

    @Test
    void searchDoesNotListIt() {
        for (String key : List.of(aAnalyst, cAnalyst)) {
            for (String query : List.of("?q=Marchbanks", "?q=zebulon&source=databank", "?source=db:agency-b", "?q=Marchbanks&as_of=2100-01-01")) {
                var r = f.get("/v1/entities" + query, key);
                assertThat(r.status()).isEqualTo(200);
                assertThat(ids(r.body().get("results"))).as(query).doesNotContain(privateId);
            }
        }
        assertThat(ids(f.get("/v1/entities?q=Marchbanks", bAnalyst).body().get("results"))).contains(privateId);
    }

    @Test
    void screeningItsExactNameOrIdentifierDoesNotAlert() {
        var byName = f.post("/v1/screen", aAnalyst, Map.of("name", SECRET_NAME, "birth_date", "1979-04-02", "threshold", 0.0, "limit", 100));
        assertThat(ids(byName.body().get("matches"))).doesNotContain(privateId);
        var byPassport = f.post("/v1/screen", aAnalyst, Map.of("name", "Unknown Person",
                "identifiers", List.of(Map.of("type", "passport", "number", SECRET_PASSPORT, "country", "GB"))));
        assertThat(ids(byPassport.body().get("matches"))).doesNotContain(privateId);
        var batch = f.post("/v1/screen/batch", aAnalyst, Map.of("queries", List.of(Map.of("name", SECRET_NAME),
                Map.of("name", "Marchbanks Zebulon"))));
        for (JsonNode item : batch.body().get("results")) assertThat(ids(item.get("matches"))).doesNotContain(privateId);
        assertThat(batch.text()).doesNotContain(privateId).doesNotContain("Marchbanks");
        // the owner's own screening of the passport is decisive
        var own = f.post("/v1/screen", bAnalyst, Map.of("name", "Unknown Person",
                "identifiers", List.of(Map.of("type", "passport", "number", SECRET_PASSPORT, "country", "GB"))));
        assertThat(ids(own.body().get("matches"))).contains(privateId);
    }

    @Test
    void sharingWithNamedAgenciesAndWithAll() {
        assertThat(ids(f.post("/v1/screen", aAnalyst, Map.of("name", "Ottoline Fairweather Gresham")).body().get("matches")))
                .contains(sharedWithAId);
        assertThat(ids(f.post("/v1/screen", cAnalyst, Map.of("name", "Ottoline Fairweather Gresham")).body().get("matches")))
                .doesNotContain(sharedWithAId);
        assertThat(ids(f.post("/v1/screen", cAnalyst, Map.of("name", "Bartholomew Ironside")).body().get("matches")))
                .contains(sharedWithAllId);
        // a recipient sees the entry but not the owner's sharing list or reason
        var seen = f.get("/v1/entities/" + sharedWithAId, aAnalyst);
        assertThat(seen.status()).isEqualTo(200);
        assertThat(seen.body().get("sharing")).isNull();
        assertThat(seen.body().get("reason")).isNull();
    }

    @Test
    void diffDoesNotShowIt() {
        var d = f.get("/v1/lists/databank/diff?from=2000-01-01", aAnalyst);
        assertThat(d.status()).isEqualTo(200);
        assertThat(ids(d.body().get("added"))).contains(sharedWithAId, sharedWithAllId).doesNotContain(privateId);
        assertThat(d.text()).doesNotContain("Marchbanks");
        var byAgency = f.get("/v1/lists/db:agency-b/diff?from=2000-01-01", cAnalyst);
        assertThat(ids(byAgency.body().get("added"))).containsExactly(sharedWithAllId);
    }

    @Test
    void auditShowsOnlyTheAuditorsOwnAgency() {
        f.post("/v1/screen", aAnalyst, Map.of("name", "Some Name"));
        var events = f.get("/v1/audit?limit=1000", aAuditor);
        assertThat(events.status()).isEqualTo(200);
        // its own agency's events, and the operator's that concern it (the keys issued for it)
        assertThat(events.body().get("events")).isNotEmpty()
                .allSatisfy(e -> assertThat(e.get("agency").asText().equals("agency-a")
                        || e.path("subject_agency").asText().equals("agency-a")).as(e.toString()).isTrue());
        assertThat(events.text()).doesNotContain(privateId).doesNotContain("Marchbanks").doesNotContain(SECRET_PASSPORT);
    }

    @Test
    void changingItAnswersLikeANonexistentEntry() {
        var body = Map.of("schema", "Person", "name", "Hijacked", "sharing", "all", "reason", "x");
        assertThat(f.put("/v1/databank/entries/" + privateId, aContributor, body, "\"1\"").status()).isEqualTo(404);
        assertThat(f.delete("/v1/databank/entries/" + privateId, aContributor, null).status()).isEqualTo(404);
        // a shared entry is visible, so refusing it as someone else's reveals nothing new
        assertThat(f.put("/v1/databank/entries/" + sharedWithAllId, aContributor, body, "\"1\"").status()).isEqualTo(403);
        var still = f.get("/v1/entities/" + privateId, bAnalyst);
        assertThat(still.body().get("entity").get("names").get(0).get("value").asText()).isEqualTo(SECRET_NAME);
        assertThat(still.body().get("version").asInt()).isEqualTo(1);
    }

    static List<String> ids(JsonNode array) {
        List<String> out = new java.util.ArrayList<>();
        for (JsonNode n : array) out.add(n.has("id") ? n.get("id").asText() : n.get("entity").get("id").asText());
        return out;
    }
}
