package dev.sieve.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sieve.testing.SharedData;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Over real HTTP: alerts grouped by party, entity pages naming the other listings, topics shown and filtered. */
@Tag("database")
class PartiesAndTopicsApiTest {
    static ServerFixture f;
    static String analyst;

    @BeforeAll
    static void start() throws Exception {
        f = new ServerFixture(List.of(SharedData.list("un_sc/consolidated.xml"), SharedData.list("uk_ofsi/sanctionsconlist.csv"),
                SharedData.list("opensanctions_ftm/sa_wiki_peps_v2/entities.ftm.json")));
        analyst = f.agency("fiu", "analyst").getFirst();
    }

    @AfterAll
    static void stop() throws Exception {
        f.close();
    }

    private static List<String> ids(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.isTextual() ? n.asText() : n.get("id").asText()));
        return out;
    }

    @Test
    void theListingsOfOnePartyAreOneGroup() {
        var r = f.post("/v1/screen", analyst, Map.of("name", "Jo Yong Chol", "birth_date", "1973-09-30"));
        assertThat(r.status()).isEqualTo(200);
        assertThat(ids(r.body().get("matches"))).contains("un:KPi.034", "uk:13419");
        JsonNode party = r.body().get("parties").get(0);
        assertThat(party.get("party").asText()).isEqualTo("party:un:KPi.034");
        assertThat(ids(party.get("listings"))).containsExactlyInAnyOrder("un:KPi.034", "uk:13419");
        assertThat(r.body().get("summary").asText()).matches("\\d+ part(y|ies) \\(\\d+ listings\\)");
        assertThat(r.body().get("matches").get(0).get("topics").get(0).asText()).isEqualTo("sanction");
    }

    @Test
    void anEntityPageNamesItsOtherListingsAndWhy() {
        var r = f.get("/v1/entities/uk:13419", analyst);
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.body().get("party").asText()).isEqualTo("party:un:KPi.034");
        JsonNode other = r.body().get("other_listings").get(0);
        assertThat(other.get("id").asText()).isEqualTo("un:KPi.034");
        assertThat(other.get("rule").asText()).isEqualTo("un-reference");
        assertThat(other.get("evidence").asText()).contains("KPi.034");
        assertThat(other.get("agreement").asText()).isNotBlank();
        // a UK row citing Al-Qaida's reference for a person is not linked to it
        var wrong = f.get("/v1/entities/uk:13349", analyst);
        assertThat(ids(wrong.body().get("other_listings"))).doesNotContain("un:QDe.004");
        assertThat(wrong.body().get("topics").get(0).asText()).isEqualTo("sanction");
    }

    @Test
    void aPepIsShownAsAPepAndCanBeLeftOut() {
        String pep = "Mohammed bin Salman";
        var all = f.post("/v1/screen", analyst, Map.of("name", pep));
        assertThat(all.status()).isEqualTo(200);
        JsonNode hit = null;
        for (JsonNode m : all.body().get("matches")) if (m.get("source").asText().startsWith("ftm:")) hit = m;
        assertThat(hit).as("a PEP match for " + pep).isNotNull();
        assertThat(hit.get("topics").get(0).asText()).isEqualTo("role.pep");
        var sanctionsOnly = f.post("/v1/screen", analyst, Map.of("name", pep, "topics", List.of("sanction")));
        assertThat(sanctionsOnly.status()).isEqualTo(200);
        for (JsonNode m : sanctionsOnly.body().get("matches")) assertThat(m.get("source").asText()).doesNotStartWith("ftm:");
        var bad = f.post("/v1/screen", analyst, Map.of("name", pep, "topics", List.of("pep", "no such; topic")));
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.text()).contains("topics[1]");
    }
}
