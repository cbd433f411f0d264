package dev.sieve.match;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sieve.lists.ListFiles;
import dev.sieve.model.Match;
import dev.sieve.model.Schema;
import dev.sieve.model.ScreeningQuery;
import dev.sieve.testing.SharedData;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A name written as one part that a list writes as two, longer than the short pairs retrieval spells out
 * letter by letter: screening finds what the scorer finds ("Khairullah" / Khair ULLAH on the UK list).
 */
class JoinedPartsRetrievalTest {
    static MatchEngine uk;

    @BeforeAll
    static void build() throws Exception {
        uk = MatchEngine.build(ListFiles.read(List.of(SharedData.list("uk_ofsi/sanctionsconlist.csv"))));
    }

    private static void screeningAgreesWithTheScorer(String name, String entityId) {
        ScreeningQuery query = new ScreeningQuery(name, Schema.PERSON, null, null, List.of(), null, 10);
        Match direct = uk.scoreDirectly(query, entityId, 0);
        assertThat(direct.score()).as("the scorer's score of %s", name).isGreaterThanOrEqualTo(MatchEngine.DEFAULT_THRESHOLD);
        assertThat(uk.screen(query)).as("screening %s", name).filteredOn(m -> m.id().equals(entityId))
                .singleElement().satisfies(m -> assertThat(m.score()).isEqualTo(direct.score()));
    }

    @Test
    void aLongNameWrittenAsOneFindsItsPartsWrittenApart() {
        screeningAgreesWithTheScorer("Khairullah", "uk:12702");
        screeningAgreesWithTheScorer("Haji Kheirullah", "uk:12702");
        screeningAgreesWithTheScorer("Abdulasattar", "uk:12701");
    }
}
