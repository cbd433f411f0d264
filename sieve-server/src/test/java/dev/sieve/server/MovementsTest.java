package dev.sieve.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Sightings: itineraries in time order, under the sharing rules of the entity they concern. */
@Tag("database")
class MovementsTest {
    static ServerFixture f;
    static String a;
    static String bContributor;
    static String c;

    @BeforeAll
    static void start() throws Exception {
        f = new ServerFixture();
        a = f.agency("border-a", "analyst").getFirst();
        bContributor = f.agency("border-b", "contributor").getFirst();
        c = f.agency("border-c", "analyst").getFirst();
    }

    @AfterAll
    static void stop() throws Exception {
        f.close();
    }

    static Map<String, Object> sighting(String id, String flight, String from, String departure, String to) {
        return Map.of("entity_id", id, "flight", flight, "from", from, "departure", departure, "to", to,
                "document", "P 645120196", "traveller_name", "KIM KWANG IL");
    }

    @Test
    void anItineraryOfAListedPersonInTimeOrderSeenByEveryMember() {
        assertThat(f.post("/v1/sightings", a, sighting("un:KPi.009", "SU100", "SVO", "2026-03-02T10:15", "PEK")).status()).isEqualTo(201);
        var first = f.post("/v1/sightings", a, sighting("un:KPi.009", "JS152", "FNJ", "2026-03-01T08:00", "SVO"));
        assertThat(first.status()).as(first.text()).isEqualTo(201);
        assertThat(first.body().get("agency").asText()).isEqualTo("border-a");
        var m = f.get("/v1/entities/un:KPi.009/movements", c);
        assertThat(m.status()).isEqualTo(200);
        assertThat(m.body().get("movements")).extracting(n -> n.get("flight").asText()).containsExactly("JS152", "SU100");
        assertThat(m.body().get("movements").get(0).get("from").asText()).isEqualTo("FNJ");
    }

    @Test
    void aPrivateEntrysMovementsFollowItsSharing() {
        var entry = f.post("/v1/databank/entries", bContributor, Map.of("schema", "Person", "name", "Evander Quillfeather Mabry",
                "sharing", "private", "reason", "watch"));
        String id = entry.body().get("entity").get("id").asText();
        assertThat(f.post("/v1/sightings", bContributor, sighting(id, "LH400", "FRA", "2026-04-01T12:00", "JFK")).status()).isEqualTo(201);
        assertThat(f.get("/v1/entities/" + id + "/movements", a).status()).isEqualTo(404);
        assertThat(f.post("/v1/sightings", a, sighting(id, "LH401", "JFK", "2026-04-03T12:00", "FRA")).status()).isEqualTo(404);
        assertThat(f.get("/v1/entities/" + id + "/movements", bContributor).body().get("movements")).hasSize(1);
        var shared = f.put("/v1/databank/entries/" + id, bContributor, Map.of("schema", "Person", "name", "Evander Quillfeather Mabry",
                "sharing", List.of("border-a"), "reason", "joint watch"), "\"1\"");
        assertThat(shared.status()).isEqualTo(200);
        assertThat(f.get("/v1/entities/" + id + "/movements", a).body().get("movements")).hasSize(1);
        assertThat(f.get("/v1/entities/" + id + "/movements", c).status()).isEqualTo(404);
    }

    @Test
    void badSightingsAreRefusedNamingTheFieldAndStoreNothing() {
        long before = f.count("sighting");
        record Case(Map<String, Object> body, String field) {
        }
        for (Case k : List.of(
                new Case(sighting("un:KPi.009", "SU100", "SVO", "tomorrow", "PEK"), "departure"),
                new Case(sighting("un:KPi.009", "SU100", "S", "2026-03-02T10:15", "PEK"), "from"),
                new Case(sighting("un:KPi.009", "", "SVO", "2026-03-02T10:15", "PEK"), "flight"))) {
            var r = f.post("/v1/sightings", a, k.body());
            assertThat(r.status()).isEqualTo(400);
            assertThat(r.body().get("field").asText()).isEqualTo(k.field());
        }
        assertThat(f.post("/v1/sightings", a, sighting("un:NOPE.1", "SU100", "SVO", "2026-03-02T10:15", "PEK")).status()).isEqualTo(404);
        assertThat(f.count("sighting")).isEqualTo(before);
    }
}
