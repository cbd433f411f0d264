package dev.sieve.match;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sieve.lists.ListFiles;
import dev.sieve.model.Entity;
import dev.sieve.model.Match;
import dev.sieve.model.ScreeningQuery;
import dev.sieve.testing.SharedData;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Skipping candidates by their coverage bound never changes what screening alerts on. */
class PruningTest {
    @Test
    void boundedScreeningGivesTheSameAlertsAsScoringEveryCandidate() throws Exception {
        List<Entity> entities = ListFiles.read(List.of(SharedData.list("un_sc/consolidated.xml"),
                SharedData.list("ofac_sdn/2021-07_complete_set")));
        MatchEngine pruned = MatchEngine.build(entities);
        MatchEngine full;
        System.setProperty("sieve.match.noPruning", "true");
        try {
            full = MatchEngine.build(entities);
        } finally {
            System.clearProperty("sieve.match.noPruning");
        }
        // every 4th case: positives of each variation and negatives, with birth dates and nationalities
        List<ScreeningQuery> queries = ScreeningCases.every(4, true);
        int alerts = 0;
        for (ScreeningQuery q : queries) {
            List<Match> a = pruned.screen(q);
            assertThat(a).as(q.name()).isEqualTo(full.screen(q));
            alerts += a.size();
        }
        assertThat(queries).hasSizeGreaterThan(5000);
        assertThat(alerts).isGreaterThan(2000);
    }
}
