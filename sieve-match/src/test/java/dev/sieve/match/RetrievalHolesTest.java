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
 * Names the scorer alerts on that retrieval used not to offer it: screening must find what the scorer finds
 * (issue 20's "compare and screening disagree"), on the UK list as the UN's names are screened against it.
 */
class RetrievalHolesTest {
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

    /** A name written as one part that the list writes as two, longer than the short pairs spelt out letter by letter. */
    @Test
    void aLongNameWrittenAsOneFindsItsPartsWrittenApart() {
        screeningAgreesWithTheScorer("Khairullah", "uk:12702");
        screeningAgreesWithTheScorer("Haji Kheirullah", "uk:12702");
        screeningAgreesWithTheScorer("Abdulasattar", "uk:12701");
    }

    /** A name in Arabic script finds the Latin parts it may be read as, alone, written together or apart. */
    @Test
    void anAbjadNameFindsTheLatinPartsItReadsAs() {
        screeningAgreesWithTheScorer("فيض", "uk:7134"); // FAIZ: a dad read as z
        screeningAgreesWithTheScorer("هدايت الله", "uk:6936"); // HIDAYATULLAH
        screeningAgreesWithTheScorer("شمس الدین", "uk:7160"); // SHAMSUDDIN: three parts, the article's lam unwritten
        screeningAgreesWithTheScorer("عبدالجبار عمری", "uk:6907"); // Abdul Jabbar OMARI
        // the readings' key folds letters together (hamid, hamza...): the parts found by their spelling come first
        screeningAgreesWithTheScorer("محمد احمدی", "uk:6947"); // Mohammad AHMADI
    }
}
