package dev.sieve.match;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sieve.model.BirthDate;
import dev.sieve.model.Entity;
import dev.sieve.model.Match;
import dev.sieve.model.PartialDate;
import dev.sieve.model.Schema;
import dev.sieve.model.ScreeningQuery;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Lists disagree on birth years more than on birthdays: one person is 1969-04-30 on OFAC and 1964-04-30 on
 * the UN list. A full date with the listed day and month and a mistyped year costs little; another birthday
 * five years away still suppresses the alert.
 */
class BirthDateTypoTest {
    private final Entity listed = Entity.builder("un:QDi.900", "un", Schema.PERSON)
            .primaryName("Harun Bashir Nurzai")
            .birthDate(new BirthDate(PartialDate.parse("1964-04-30"), null, false))
            .build();
    private final MatchEngine engine = MatchEngine.build(List.of(listed));

    private List<Match> screen(String dob) {
        return engine.screen(new ScreeningQuery("Harun Bashir Nurzai", Schema.PERSON, PartialDate.parse(dob), null, List.of(), null, 10));
    }

    @Test
    void aMistypedYearOfTheListedBirthdayStillAlerts() {
        assertThat(screen("1969-04-30")).singleElement().satisfies(m ->
                assertThat(m.explanation().evidence()).anyMatch(e -> e.kind().equals("birth_date") && e.detail().contains("one typo")));
        assertThat(screen("1946-04-30")).hasSize(1); // two digits swapped
        assertThat(screen("1980-04-30")).singleElement().satisfies(m -> assertThat(m.score()).isLessThan(screen("1964-04-30").getFirst().score()));
        assertThat(screen("1971-09-12")).isEmpty();
    }

    @Test
    void aYearWithoutADayOneTypoFromTheListedYearCountsAsAnotherDateNotAFarOne() {
        // the UK list gives 1972 for the UN's 1962-09-03 (QDi.123): an exact name still alerts, at 1.00 - 0.15
        assertThat(screen("1969")).singleElement().satisfies(m -> {
            assertThat(m.score()).isEqualTo(0.85);
            assertThat(m.explanation().evidence()).anyMatch(e -> e.kind().equals("birth_date") && e.detail().contains("one typo"));
        });
        assertThat(screen("1971")).isEmpty(); // two digits off: far (-0.30)
    }
}
