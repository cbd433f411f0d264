package dev.sieve.match;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sieve.model.Entity;
import dev.sieve.model.Name;
import dev.sieve.model.NameKind;
import dev.sieve.model.Schema;
import dev.sieve.model.ScreeningQuery;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Weak and one- or two-letter aliases never alert on their own; a legal form in a query rules out persons. */
class WeakAliasTest {
    private final Entity person = Entity.builder("un:QDi.371", "un", Schema.PERSON)
            .primaryName("Abd al-Hadi al-Iraqi Nashwan")
            .name(new Name("AA", NameKind.ALIAS, false, false))
            .name(new Name("Abu Abdallah", NameKind.ALIAS, true, false))
            .build();
    private final Entity company = Entity.builder("un:QDe.999", "un", Schema.ORGANIZATION)
            .primaryName("Nashwan Trading").build();
    private final MatchEngine engine = MatchEngine.build(List.of(person, company));

    @Test
    void aShortAliasOrAWeakAliasAloneRaisesNoAlert() {
        assertThat(engine.screen(ScreeningQuery.of("Corporation Aa"))).isEmpty();
        assertThat(engine.screen(ScreeningQuery.of("AA"))).isEmpty();
        assertThat(engine.screen(ScreeningQuery.of("Abu Abdallah"))).isEmpty();
        // the weak alias is still scored and explained, just never an alert
        var explained = engine.rank(ScreeningQuery.of("Abu Abdallah"), 0.78);
        assertThat(explained).isNotEmpty();
        assertThat(explained.getFirst().alert()).isFalse();
        assertThat(explained.getFirst().explanation().evidence()).anyMatch(e -> e.kind().equals("weak_alias"));
        // the strong names still alert
        assertThat(engine.screen(ScreeningQuery.of("Abd al-Hadi al-Iraqi Nashwan"))).extracting(m -> m.id())
                .containsExactly("un:QDi.371");
    }

    @Test
    void aLegalFormInTheQueryMeansItIsNotAPerson() {
        assertThat(engine.screen(ScreeningQuery.of("Nashwan Abd al-Hadi al-Iraqi Ltd"))).extracting(m -> m.id())
                .doesNotContain("un:QDi.371");
    }
}
