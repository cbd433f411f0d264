package dev.sieve.match;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sieve.model.Entity;
import dev.sieve.model.Name;
import dev.sieve.model.NameKind;
import dev.sieve.model.Schema;
import dev.sieve.model.ScreeningQuery;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Weak aliases alert only when met (nearly) exactly and either are full names or a birth date agrees; one- or
 * two-letter aliases never alert; a legal form in a query rules out persons.
 */
class WeakAliasTest {
    private final Entity person = Entity.builder("un:QDi.371", "un", Schema.PERSON)
            .primaryName("Abd al-Hadi al-Iraqi Nashwan")
            .name(new Name("AA", NameKind.ALIAS, false, false))
            .name(new Name("Abu Abdallah", NameKind.ALIAS, true, false))
            .name(new Name("Abu Bakr al-Baghdadi", NameKind.ALIAS, true, false))
            .birthDate(new dev.sieve.model.BirthDate(dev.sieve.model.PartialDate.parse("1971-07-28"), null, false))
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
    void aWeakAliasAlertsWhenItIsAFullNameOrABirthDateAgrees() {
        // three parts, two of them more than "Abu" and "al": how the world knows him
        assertThat(engine.screen(ScreeningQuery.of("Abu Bakr al-Baghdadi"))).extracting(m -> m.id()).containsExactly("un:QDi.371");
        assertThat(engine.screen(ScreeningQuery.of("Abu Bakr al-Masri"))).isEmpty(); // not near enough
        // "Abu Abdallah" is everybody's kunya: only with the listed birth date
        ScreeningQuery dated = new ScreeningQuery("Abu Abdallah", Schema.PERSON, dev.sieve.model.PartialDate.parse("1971-07-28"),
                null, List.of(), null, 10);
        assertThat(engine.screen(dated)).extracting(m -> m.id()).containsExactly("un:QDi.371");
        ScreeningQuery otherYear = new ScreeningQuery("Abu Abdallah", Schema.PERSON, dev.sieve.model.PartialDate.parse("1985-01-01"),
                null, List.of(), null, 10);
        assertThat(engine.screen(otherYear)).isEmpty();
        assertThat(MatchEngine.isFullName("Abu Bakr al-Baghdadi")).isTrue();
        assertThat(MatchEngine.isFullName("Abu Muhammad al-Masri")).isTrue();
        assertThat(MatchEngine.isFullName("Dr. Ibrahim")).isFalse();
        assertThat(MatchEngine.isFullName("Abu al-Bara")).isFalse();
    }

    @Test
    void aLegalFormInTheQueryMeansItIsNotAPerson() {
        assertThat(engine.screen(ScreeningQuery.of("Nashwan Abd al-Hadi al-Iraqi Ltd"))).extracting(m -> m.id())
                .doesNotContain("un:QDi.371");
    }
}
