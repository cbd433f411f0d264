package dev.sieve.match;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sieve.lists.ListFiles;
import dev.sieve.model.Entity;
import dev.sieve.model.Match;
import dev.sieve.model.ScreeningQuery;
import dev.sieve.testing.SharedData;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * An analyst who checks an alert or a miss with {@code sieve compare} gets the name score screening gave the
 * same pair: every alert of every third benchmark case, compared again as screened.
 */
class CompareAgreesWithScreeningTest {
    @Test
    void compareAsScreenedGivesTheScreeningsNameScore() throws Exception {
        List<Entity> entities = ListFiles.read(List.of(SharedData.list("un_sc/consolidated.xml"),
                SharedData.list("ofac_sdn/2021-07_complete_set")));
        MatchEngine engine = MatchEngine.build(entities);
        int checked = 0;
        for (ScreeningQuery q : ScreeningCases.every(3, false)) {
            for (Match m : engine.screen(q)) {
                if (q.schema() != null && q.schema() != m.schema()) continue;
                Match again = engine.compareAsScreened(q.name(), m.explanation().listedName(), m.schema());
                assertThat(again.explanation().nameScore()).as(q.name() + " ~ " + m.explanation().listedName())
                        .isEqualTo(m.explanation().nameScore());
                checked++;
            }
        }
        assertThat(checked).isGreaterThan(3000);
    }
}
