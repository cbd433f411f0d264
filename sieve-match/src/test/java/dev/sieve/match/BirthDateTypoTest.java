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

    /** A listing like the UN's QDi.429: an alias of low quality, and three dates, one of them 1 January. */
    private final Entity habbo = Entity.builder("un:QDi.929", "un", Schema.PERSON)
            .primaryName("Mohammad Ali al Habbo")
            .name(new dev.sieve.model.Name("Habu", dev.sieve.model.NameKind.ALIAS, true, false))
            .birthDate(new BirthDate(PartialDate.parse("1983-10-01"), null, false))
            .birthDate(new BirthDate(PartialDate.parse("1980-01-01"), null, false))
            .build();
    /** A listing like the UN's LYi.023: 7 May, which OFAC also writes 5 July. */
    private final Entity fitouri = Entity.builder("un:LYi.923", "un", Schema.PERSON)
            .primaryName("Ahmad Oumar Imhamad al-Fitouri")
            .name(new dev.sieve.model.Name("Al Dabbashi", dev.sieve.model.NameKind.ALIAS, true, false))
            .birthDate(new BirthDate(PartialDate.parse("1988-05-07"), null, false))
            .build();
    private final MatchEngine both = MatchEngine.build(List.of(habbo, fitouri));

    private List<Match> screen(MatchEngine in, String name, String dob) {
        return in.screen(new ScreeningQuery(name, Schema.PERSON, PartialDate.parse(dob), null, List.of(), null, 10));
    }

    private static Double birthDateEffect(Match m) {
        return m.explanation().evidence().stream().filter(e -> e.kind().equals("birth_date")).findFirst().orElseThrow().effect();
    }

    @Test
    void aListedFirstOfJanuaryIsTheYearAloneSoAnotherDayOfThatYearAgrees() {
        // OFAC's first date for him is 1980-10-01: the UN's 1980-01-01 is the year 1980, not another birthday
        assertThat(both.rank(new ScreeningQuery("Habu", Schema.PERSON, PartialDate.parse("1980-10-01"), null, List.of(), null,
                10), 0.5)).first().satisfies(m -> {
                    assertThat(m.id()).isEqualTo("un:QDi.929");
                    assertThat(birthDateEffect(m)).isPositive();
                    assertThat(m.explanation().evidence()).anyMatch(e -> e.detail().contains("1 January"));
                });
        // so the weak alias, met exactly, alerts with that date, as with a listed one...
        assertThat(screen(both, "Habu", "1980-10-01")).extracting(Match::id).containsExactly("un:QDi.929");
        assertThat(screen(both, "Habu", "1983-10-01")).extracting(Match::id).containsExactly("un:QDi.929");
        // ...and not with a day of another year, nor with another day of a year whose listed date is a real one
        assertThat(screen(both, "Habu", "1981-10-02")).isEmpty();
        assertThat(screen(both, "Habu", "1983-06-15")).isEmpty();
        // the same for 1 January on the query's side (papers that give the year alone)
        assertThat(screen(both, "Habu", "1983-01-01")).extracting(Match::id).containsExactly("un:QDi.929");
    }

    @Test
    void dayAndMonthSwappedAreTheSameDateWrittenTheOtherWay() {
        assertThat(screen(both, "Al Dabbashi", "1988-07-05")).extracting(Match::id).containsExactly("un:LYi.923");
        assertThat(screen(both, "Al Dabbashi", "1988-07-06")).isEmpty();
        assertThat(screen(both, "Al Dabbashi", "1989-07-05")).isEmpty();
        Match swapped = both.rank(new ScreeningQuery("Ahmad Oumar Imhamad al-Fitouri", Schema.PERSON, PartialDate.parse("1988-07-05"),
                null, List.of(), null, 10), 0.5).getFirst();
        assertThat(birthDateEffect(swapped)).isPositive();
        assertThat(swapped.explanation().evidence()).anyMatch(e -> e.detail().contains("day and month swapped"));
    }
}
