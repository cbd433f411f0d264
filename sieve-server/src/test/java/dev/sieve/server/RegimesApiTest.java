package dev.sieve.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** {@code GET /v1/regimes}: the catalogue with each measure's status on a day, and one regime's history. */
class RegimesApiTest {
    static ServerFixture f;
    static String analyst;

    @BeforeAll
    static void start() throws Exception {
        f = new ServerFixture();
        analyst = f.agency("regimes-bank", "analyst").getFirst();
    }

    @AfterAll
    static void stop() throws Exception {
        f.close();
    }

    static JsonNode measure(JsonNode regime, String type) {
        for (JsonNode m : regime.get("measures")) if (m.get("measure").asText().equals(type)) return m;
        throw new AssertionError("no " + type + " in " + regime);
    }

    static JsonNode regime(JsonNode list, String id) {
        for (JsonNode r : list.get("regimes")) if (r.get("id").asText().equals(id)) return r;
        throw new AssertionError("no regime " + id);
    }

    @Test
    void theMeasuresStandAsTheirHistorySaysOnTheDayAsked() {
        JsonNode today = f.get("/v1/regimes", analyst).body();
        assertThat(today.get("regimes").size()).isGreaterThan(100);
        assertThat(measure(regime(today, "un-1718"), "asset_freeze").get("binds").asBoolean()).isTrue();
        assertThat(measure(regime(today, "un-1737"), "asset_freeze").get("status").asText()).isEqualTo("reimposed");

        JsonNode in2020 = f.get("/v1/regimes?as_of=2020-01-01", analyst).body();
        assertThat(in2020.get("as_of").asText()).isEqualTo("2020-01-01");
        JsonNode iran2020 = measure(regime(in2020, "un-1737"), "asset_freeze");
        assertThat(iran2020.get("status").asText()).isEqualTo("lifted");
        assertThat(iran2020.get("binds").asBoolean()).isFalse();

        JsonNode iran = f.get("/v1/regimes/un-1737", analyst).body();
        assertThat(measure(iran, "asset_freeze").get("timeline")).extracting(c -> c.get("status").asText())
                .containsExactly("in_force", "lifted", "reimposed");
        assertThat(iran.get("acts")).extracting(a -> a.get("id").asText()).contains("S/RES/1737 (2006)", "S/RES/2231 (2015)");
    }

    @Test
    void whatAppliedToAnEntityOnADayIsTheListsHistoryTimesTheMeasures() {
        String iran = "un:IRi.001";
        // the list in the databank is dated 27 February 2026: on 1 March it listed the entity, under the Iran regime
        // whose measures came back with the snapback of 28 September 2025
        JsonNode march = f.get("/v1/entities/" + iran + "/obligations?on=2026-03-01", analyst).body();
        assertThat(march.get("listed").asBoolean()).isTrue();
        assertThat(march.get("publication").get("source").asText()).isEqualTo("un");
        JsonNode regime = march.get("regimes").get(0);
        assertThat(regime.get("id").asText()).isEqualTo("un-1737");
        JsonNode freeze = measure(regime, "asset_freeze");
        assertThat(freeze.get("status").asText()).isEqualTo("reimposed");
        assertThat(freeze.get("since").asText()).isEqualTo("2025-09-28");
        assertThat(freeze.get("act").asText()).isEqualTo("Snapback");
        assertThat(march.get("measures")).extracting(JsonNode::asText).contains("asset_freeze", "travel_ban");
        // before that publication the databank knows of no listing
        // the entity page shows the same, as of today
        JsonNode page = f.get("/v1/entities/" + iran, analyst).body();
        assertThat(measure(page.get("regimes").get(0), "asset_freeze").get("act").asText()).isEqualTo("Snapback");
        JsonNode january = f.get("/v1/entities/" + iran + "/obligations?on=2026-01-01", analyst).body();
        assertThat(january.get("listed").asBoolean()).isFalse();
        assertThat(january.get("measures")).isEmpty();
        assertThat(f.get("/v1/entities/un:XXi.999/obligations", analyst).status()).isEqualTo(404);
        assertThat(f.get("/v1/entities/" + iran + "/obligations?on=someday", analyst).status()).isEqualTo(400);
    }

    @Test
    void badRequestsNameTheirParameter() {
        ServerFixture.Response unknown = f.get("/v1/regimes/un-9999", analyst);
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.text()).contains("un-9999");
        ServerFixture.Response badDate = f.get("/v1/regimes?as_of=2020-13-01", analyst);
        assertThat(badDate.status()).isEqualTo(400);
        assertThat(badDate.text()).contains("as_of");
        assertThat(f.get("/v1/regimes", null).status()).isEqualTo(401);
        assertThat(List.of(f.get("/v1/regimes/un-1718?as_of=1990-01-01", analyst).body()))
                .allSatisfy(r -> assertThat(measure(r, "asset_freeze").get("status").asText()).isEqualTo("not_yet_in_force"));
    }
}
