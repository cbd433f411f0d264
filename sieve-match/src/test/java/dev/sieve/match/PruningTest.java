package dev.sieve.match;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sieve.lists.ListFiles;
import dev.sieve.model.Entity;
import dev.sieve.model.Match;
import dev.sieve.model.ScreeningQuery;
import dev.sieve.testing.SharedData;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Skipping candidates by their coverage bound never changes what screening alerts on. */
class PruningTest {
    private static MatchEngine pruned;
    private static MatchEngine full;

    @BeforeAll
    static void engines() throws Exception {
        List<Entity> entities = ListFiles.read(List.of(SharedData.list("un_sc/consolidated.xml"),
                SharedData.list("ofac_sdn/2021-07_complete_set")));
        pruned = MatchEngine.build(entities);
        System.setProperty("sieve.match.noPruning", "true");
        try {
            full = MatchEngine.build(entities);
        } finally {
            System.clearProperty("sieve.match.noPruning");
        }
    }

    private static int sameAlerts(List<ScreeningQuery> queries) {
        int alerts = 0;
        for (ScreeningQuery q : queries) {
            List<Match> a = pruned.screen(q);
            assertThat(a).as(q.name()).isEqualTo(full.screen(q));
            alerts += a.size();
        }
        return alerts;
    }

    @Test
    void boundedScreeningGivesTheSameAlertsAsScoringEveryCandidate() throws Exception {
        // every 4th case: positives of each variation and negatives, with birth dates and nationalities
        List<ScreeningQuery> queries = ScreeningCases.every(4, true);
        assertThat(queries).hasSizeGreaterThan(5000);
        assertThat(sameAlerts(queries)).isGreaterThan(2000);
    }

    @Test
    void soItDoesForNamesAlone() throws Exception {
        // as a names-only customer file gives them: no schema, no birth date, no nationality (nothing else
        // lowers a candidate's score, so the bound on the name decides alone)
        List<ScreeningQuery> queries = ScreeningCases.every(5, false).stream()
                .map(q -> new ScreeningQuery(q.name(), null, null, null, List.of(), null, 10)).toList();
        assertThat(queries).hasSizeGreaterThan(4000);
        assertThat(sameAlerts(queries)).isGreaterThan(2000);
    }
}
