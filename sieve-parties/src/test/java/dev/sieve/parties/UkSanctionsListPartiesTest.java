package dev.sieve.parties;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sieve.lists.ListFiles;
import dev.sieve.match.MatchEngine;
import dev.sieve.model.Entity;
import dev.sieve.testing.Fixtures;
import dev.sieve.testing.SharedData;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A UN-mirrored designation of the UK Sanctions List is one party with the UN listing it mirrors. */
class UkSanctionsListPartiesTest {
    @Test
    void theUnReferenceOfAUkDesignationLinksItToTheUnListing() throws Exception {
        List<Entity> all = ListFiles.read(List.of(SharedData.list("un_sc/consolidated.xml"), Fixtures.ukSanctionsList()));
        Parties parties = PartyLinker.standard().link(all, MatchEngine.build(all));
        assertThat(parties.listingsWith("uk:AQD0081")).containsExactlyInAnyOrder("uk:AQD0081", "un:QDi.081");
        assertThat(parties.linksOf("uk:AQD0081")).extracting(Parties.Link::rule)
                .containsExactlyInAnyOrder(UnReferenceRule.NAME, SharedDocumentRule.NAME); // and the passport both lists give
        // the UK-only designations stand alone
        assertThat(parties.listingsWith("uk:RUS9901")).containsExactly("uk:RUS9901");
    }
}
