package dev.sieve.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** An owner's retraction (shared with all → private) applies to what the others see of the past too. */
@org.junit.jupiter.api.Tag("database")
class RetractionTest {
    @Test
    void aRetractedEntryLeavesTheOthersHistoryAndDiffs() throws Exception {
        try (ServerFixture f = new ServerFixture()) {
            String owner = f.agency("aa", "contributor").getFirst();
            String other = f.agency("bb", "analyst").getFirst();
            Instant before = Instant.now();
            Thread.sleep(5);
            var created = f.post("/v1/databank/entries", owner, Map.of("schema", "Person", "name", "Retracta Verborgen",
                    "sharing", "all", "reason", "tip"));
            String id = created.body().get("entity").get("id").asText();
            Thread.sleep(5);
            Instant shared = Instant.now();
            String pastSearch = "/v1/entities?q=Retracta&source=databank&as_of=" + shared;
            String diff = "/v1/lists/databank/diff?from=" + before + "&to=" + shared;
            assertThat(f.get(pastSearch, other).text()).contains(id);
            assertThat(f.get(diff, other).text()).contains(id);

            var retracted = f.put("/v1/databank/entries/" + id, owner, Map.of("schema", "Person", "name", "Retracta Verborgen",
                    "sharing", "private", "reason", "retracted by the owner"), "\"1\"");
            assertThat(retracted.status()).isEqualTo(200);
            assertThat(f.get(pastSearch, other).text()).doesNotContain(id);
            assertThat(f.get(diff, other).text()).doesNotContain(id);
            // the owner keeps its whole history
            assertThat(f.get("/v1/databank/entries/" + id, owner).status()).isEqualTo(200);
        }
    }
}
