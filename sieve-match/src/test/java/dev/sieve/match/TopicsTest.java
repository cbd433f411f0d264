package dev.sieve.match;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sieve.lists.ListFiles;
import dev.sieve.model.Entity;
import dev.sieve.model.Match;
import dev.sieve.model.ScreeningQuery;
import dev.sieve.model.Topics;
import dev.sieve.testing.SharedData;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Every entity says what it is listed for, and screening can be limited to some topics. */
class TopicsTest {
    private static final List<Entity> UN = read("un_sc/consolidated.xml");
    private static final List<Entity> PEPS = read("opensanctions_ftm/sa_wiki_peps_v2/entities.ftm.json");
    private static final List<Entity> ZALA = read("opensanctions_ftm/yente_zala/entities.ftm.json");

    private static List<Entity> read(String list) {
        try {
            return ListFiles.read(List.of(SharedData.list(list)));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void officialListsAreSanctionsAndAPepDatasetIsNot() {
        assertThat(UN).allSatisfy(e -> assertThat(Topics.of(e)).containsExactly(Topics.SANCTION));
        Map<String, Long> peps = PEPS.stream().collect(Collectors.groupingBy(e -> String.join(",", Topics.of(e)),
                Collectors.counting()));
        // a Wikidata PEP dataset gives no topics: nothing in it may be presented as a sanction
        assertThat(peps.keySet()).isSubsetOf(Topics.PEP, Topics.RCA);
        assertThat(peps.get(Topics.PEP)).isEqualTo(PEPS.size());
        // FtM data that names its topics keeps them
        assertThat(ZALA.stream().flatMap(e -> Topics.of(e).stream()).collect(Collectors.toSet()))
                .contains(Topics.SANCTION, "debarment").doesNotContain(Topics.UNCLASSIFIED);
    }

    @Test
    void screeningShowsTheTopicAndCanBeLimitedToSome() {
        List<Entity> all = new java.util.ArrayList<>(UN);
        all.addAll(PEPS);
        MatchEngine engine = MatchEngine.build(all);
        Entity pep = PEPS.stream().filter(e -> Topics.of(e).equals(List.of(Topics.PEP)))
                .filter(e -> e.primaryName().value().matches("[A-Za-z]+( [A-Za-z]+){2,}")).findFirst().orElseThrow();
        ScreeningQuery q = ScreeningQuery.of(pep.primaryName().value());

        Match hit = engine.screen(q).stream().filter(m -> m.id().equals(pep.id())).findFirst().orElseThrow();
        assertThat(hit.topics()).containsExactly(Topics.PEP);
        assertThat(engine.screen(q.withTopics(Set.of(Topics.SANCTION)))).noneMatch(m -> m.id().equals(pep.id()))
                .allSatisfy(m -> assertThat(m.topics()).contains(Topics.SANCTION));
        assertThat(engine.screen(q.withTopics(Set.of("role")))).anyMatch(m -> m.id().equals(pep.id()));

        Entity un = UN.stream().filter(e -> e.id().equals("un:KPi.033")).findFirst().orElseThrow();
        ScreeningQuery kim = ScreeningQuery.of(un.primaryName().value());
        assertThat(engine.screen(kim.withTopics(Set.of(Topics.SANCTION)))).extracting(Match::id).contains("un:KPi.033");
        assertThat(engine.screen(kim.withTopics(Set.of(Topics.PEP)))).extracting(Match::id).doesNotContain("un:KPi.033");
    }

    @Test
    void topicsAsTypedAreCheckedAndNormalised() {
        assertThat(Topics.parse(" PEP ")).isEqualTo(Topics.PEP);
        assertThat(Topics.parse("Sanctions")).isEqualTo(Topics.SANCTION);
        assertThat(Topics.matches(List.of("sanction.linked"), Set.of("sanction"))).isTrue();
        assertThat(Topics.matches(List.of("sanctions"), Set.of("sanction"))).isFalse();
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> Topics.parse("1; drop"))
                .hasMessageContaining("not a topic");
    }
}
