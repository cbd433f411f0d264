package dev.sieve.parties;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sieve.lists.ListFiles;
import dev.sieve.match.MatchEngine;
import dev.sieve.model.Entity;
import dev.sieve.testing.SharedData;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Party links over the real lists: what each rule makes (printed, and recorded in docs/ARCHITECTURE.md),
 * links checked by hand, and the provably wrong ones the guard refuses.
 */
class SharedListsPartiesTest {
    private static Map<String, Entity> byId;
    private static Parties parties;

    @BeforeAll
    static void link() throws IOException {
        List<Entity> all = ListFiles.read(List.of(SharedData.list("un_sc/consolidated.xml"),
                SharedData.list("ofac_sdn/2024-05-03"), SharedData.list("ofac_consolidated_non_sdn/consolidated.xml"),
                SharedData.list("uk_ofsi/sanctionsconlist.csv"),
                SharedData.list("opensanctions_ftm/yente_t1/entities.ftm.json"),
                SharedData.list("opensanctions_ftm/yente_zala/entities.ftm.json")));
        byId = all.stream().collect(Collectors.toMap(Entity::id, Function.identity(), (a, b) -> a));
        MatchEngine engine = MatchEngine.build(all);
        long t0 = System.nanoTime();
        parties = PartyLinker.standard().link(all, engine);
        System.out.printf("linked %d listings in %d ms%n", all.size(), (System.nanoTime() - t0) / 1_000_000);
        for (Parties.RuleCount c : parties.counts()) System.out.println(c);
        System.out.println(parties.linkedPartyCount() + " parties of more than one listing");
    }

    private static Parties.RuleCount count(String rule) {
        return parties.counts().stream().filter(c -> c.rule().equals(rule)).findFirst().orElseThrow();
    }

    @Test
    void everyRuleLinksAndEveryLinkSaysWhy() {
        assertThat(count(UnReferenceRule.NAME).linked()).isGreaterThan(500);
        assertThat(count(SharedDocumentRule.NAME).linked()).isGreaterThan(300);
        assertThat(count(OfacUidRule.NAME).linked()).isEqualTo(61); // the 61 uids on both OFAC lists
        assertThat(count(FtmReferentRule.NAME).linked()).isPositive();
        assertThat(parties.links()).allSatisfy(l -> {
            assertThat(l.evidence()).isNotBlank();
            assertThat(l.agreement()).isNotBlank();
        });
    }

    @Test
    void linksCheckedByHand() {
        // Jo Yong Chol: the UK cites KPi.034, both give 1973-09-30
        assertThat(parties.listingsWith("uk:13419")).contains("un:KPi.034");
        assertThat(parties.partyOf("uk:13419")).isEqualTo("party:un:KPi.034");
        // the same OFAC uid on the SDN and the non-SDN list
        assertThat(parties.listingsWith("us-ofac:17018")).containsExactly("us-ofac:17018", "us-ofac-cons:17018");
        // Ashraf 'Abd al-Salam: one Jordanian passport on three lists
        assertThat(parties.listingsWith("un:QDi.343")).contains("us-ofac:17292", "uk:13194");
        // an FtM record naming its OFAC listing
        assertThat(parties.listingsWith("us-ofac:16911")).anyMatch(id -> id.endsWith(":NK-nR5AXM9AVPq4pQaSPSaVam"));
    }

    @Test
    void theGuardRefusesProvablyWrongLinks() {
        // a UK row for a person citing Al-Qaida's own reference
        assertThat(parties.listingsWith("uk:13349")).doesNotContain("un:QDe.004");
        assertThat(parties.refused()).anySatisfy(r -> {
            assertThat(r.from()).isEqualTo("uk:13349");
            assertThat(r.refusal()).contains("Person").contains("Organization");
        });
        // two Iranians whose listings give one passport number: different people
        assertThat(parties.listingsWith("un:IRi.003")).doesNotContain("us-ofac:13106", "uk:12276");
        // no party joins different kinds of party
        for (Parties.Link l : parties.links()) {
            assertThat(byId.get(l.from()).schema()).as(l.toString()).isEqualTo(byId.get(l.to()).schema());
        }
    }

    @Test
    void countsSayPartiesAndListings() {
        assertThat(parties.describe(List.of("un:QDi.343", "us-ofac:17292", "uk:13194", "un:KPi.033")))
                .isEqualTo("2 parties (4 listings)");
        assertThat(parties.describe(List.of("un:KPi.033"))).isEqualTo("1 listing");
    }
}
