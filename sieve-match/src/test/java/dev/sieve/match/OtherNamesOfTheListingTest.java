package dev.sieve.match;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sieve.lists.ListFiles;
import dev.sieve.model.Entity;
import dev.sieve.model.Explanation;
import dev.sieve.model.Match;
import dev.sieve.model.PartialDate;
import dev.sieve.model.Schema;
import dev.sieve.model.ScreeningQuery;
import dev.sieve.model.Topics;
import dev.sieve.testing.SharedData;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Other authorities write a listed person by parts of two of the listing's names: OFAC's "HEBBO, Mohammed" is the UN's
 * MOHAMMAD ALI AL HABBO by his given name and his alias Hebbo. A query part the matched name lacks, found closely in the
 * person's other names, is credited beside the name score (evidence "other_names"), never for organisations, a part the
 * name already has, or a name found only loosely.
 */
class OtherNamesOfTheListingTest {
    static MatchEngine un;

    @BeforeAll
    static void build() throws Exception {
        un = MatchEngine.build(ListFiles.read(List.of(SharedData.list("un_sc/consolidated.xml"))));
    }

    private static Optional<Match> alert(MatchEngine engine, String name, Schema schema, String birthDate, String id) {
        ScreeningQuery q = new ScreeningQuery(name, schema, birthDate == null ? null : PartialDate.parse(birthDate), null,
                List.of(), null, 10);
        return engine.screen(q).stream().filter(m -> m.id().equals(id)).findFirst();
    }

    private static double otherNamesEffect(Match m) {
        return m.explanation().evidence().stream().filter(e -> e.kind().equals("other_names"))
                .mapToDouble(Explanation.Evidence::effect).sum();
    }

    @Test
    void aGivenNameOfOneListedNameBesideAnAliasAlerts() {
        // OFAC's AL-LIBI, Abd al-Muhsin for QDi.057: his alias "Abd al-Muhsin" and his low-quality alias "Al-Libi"
        Match libi = alert(un, "Abd al-Muhsin AL-LIBI", Schema.PERSON, null, "un:QDi.057").orElseThrow();
        assertThat(libi.explanation().listedName()).isEqualTo("Abd al-Muhsin");
        assertThat(otherNamesEffect(libi)).isGreaterThan(0.1);
        assertThat(libi.explanation().evidence()).filteredOn(e -> e.kind().equals("other_names"))
                .singleElement().satisfies(e -> assertThat(e.detail()).contains("libi as libi"));
        // the name score stays the pair's: compare gives the same, and on its own it would not alert
        Match pair = un.compareAsScreened("Abd al-Muhsin AL-LIBI", "Abd al-Muhsin", Schema.PERSON);
        assertThat(pair.explanation().nameScore()).isEqualTo(libi.explanation().nameScore()).isLessThan(0.78);
        // OFAC's ALHOBO, Mohamad Abdulkarim for QDi.429 (alias Mohamad Abdulkarim, low-quality Alhobo)
        assertThat(alert(un, "Mohamad Abdulkarim ALHOBO", Schema.PERSON, null, "un:QDi.429")).isPresent();
        // and HEBBO, Mohammed: a low-quality alias with his given name MOHAMMAD still needs a birth date that agrees
        assertThat(alert(un, "Mohammed HEBBO", Schema.PERSON, "1983-10-01", "un:QDi.429")).isPresent();
        assertThat(alert(un, "Mohammed HEBBO", Schema.PERSON, null, "un:QDi.429")).isEmpty();
    }

    @Test
    void aPartTheMatchedNameHasAlreadyIsNoOtherNamesPart() {
        // the UK's Abdul Qadeer Basir ABDUL BASEER (TAi.128): TAi.173 is listed as "Abdul Baseer", and "Basir" is that
        // name spelled another way (and "Abdul" written twice), not parts of TAi.173's other names
        assertThat(alert(un, "Abdul Qadeer Basir ABDUL BASEER", Schema.PERSON, null, "un:TAi.173")).isEmpty();
        assertThat(alert(un, "Abdul Qadeer Basir ABDUL BASEER", Schema.PERSON, null, "un:TAi.128")).isPresent();
    }

    @Test
    void organisationsWordsRecurInEveryNameOfAGroup() {
        // ANSAR AL-SHARI'A IN TUNISIA is QDe.143; QDe.129 is Ansar al-Shari'a of Benghazi, whose other names hold
        // words of the Tunisian group's name
        assertThat(alert(un, "ANSAR AL-SHARI'A IN TUNISIA", Schema.ORGANIZATION, null, "un:QDe.143")).isPresent();
        assertThat(alert(un, "ANSAR AL-SHARI'A IN TUNISIA", Schema.ORGANIZATION, null, "un:QDe.129")).isEmpty();
    }

    @Test
    void theMatchedNameMustBeFoundClosely() throws Exception {
        // "Salman" only sounds like the UN's "Souleiman" (QDi.323, SAID ARIF), whose other names hold a Mohamed
        assertThat(alert(un, "Mohammed bin Salman", null, null, "un:QDi.323")).isEmpty();
        // a listed person known as "Abu Hares" (a kunya: father of Hares) and by a full name holding Adnan and Khader
        Entity listed = Entity.builder("test:1", "test", Schema.PERSON)
                .primaryName("Adnan Khader Mohammed Fawaz")
                .alias("Abu Hares", false)
                .alias("Souleimane Ghali", false)
                .topic(Topics.SANCTION)
                .build();
        MatchEngine engine = MatchEngine.buildWithRarityOf(List.of(listed), un, null);
        // the name found whole and closely, the rest of the query in the other names: credited
        Match found = alert(engine, "Adnan Abu Hares", Schema.PERSON, null, "test:1").orElseThrow();
        assertThat(otherNamesEffect(found)).isGreaterThan(0);
        // "Mares" is a typo of "Hares" at best: no credit, however much of the rest the other names hold
        assertThat(engine.scoreDirectly(new ScreeningQuery("Adnan Abu Mares", Schema.PERSON, null, null, List.of(), null,
                10), "test:1", 0)).satisfies(m -> assertThat(otherNamesEffect(m)).isZero());
        // "Abou Souleimane" is no name of his, and "Souleimane Ghali" is not within "Souleimane Khader": the listed
        // name's "Ghali" is missing, so "Khader" earns nothing
        assertThat(engine.scoreDirectly(new ScreeningQuery("Souleimane Khader", Schema.PERSON, null, null, List.of(), null,
                10), "test:1", 0)).satisfies(m -> assertThat(otherNamesEffect(m)).isZero());
    }

    @Test
    void anEncyclopaediasOneWordLabelLendsNoOtherParts() throws Exception {
        // an encyclopaedia's politician, labelled "Andrew" beside his full name: every Andrew James is not him
        Entity politician = Entity.builder("test:2", "test", Schema.PERSON)
                .primaryName("Andrew James Gould")
                .alias("Andrew", false)
                .topic(Topics.PEP)
                .build();
        // the same on a sanctions list: an alias the authority lists is how the person is known
        Entity sanctioned = Entity.builder("test:3", "test", Schema.PERSON)
                .primaryName("Mohammad Ali Al Habbo")
                .alias("Hebbo", false)
                .topic(Topics.SANCTION)
                .build();
        MatchEngine engine = MatchEngine.buildWithRarityOf(List.of(politician, sanctioned), un, null);
        assertThat(engine.scoreDirectly(new ScreeningQuery("Andrew James", Schema.PERSON, null, null, List.of(), null, 10),
                "test:2", 0)).satisfies(m -> {
                    // (the label, lent "James", would score above the full name it leaves "Gould" out of)
                    assertThat(m.explanation().listedName()).isEqualTo("Andrew James Gould");
                    assertThat(otherNamesEffect(m)).isZero();
                });
        Match hebbo = engine.scoreDirectly(new ScreeningQuery("Mohammed Hebbo", Schema.PERSON, null, null, List.of(), null,
                10), "test:3", 0);
        assertThat(hebbo.explanation().listedName()).isEqualTo("Hebbo");
        assertThat(otherNamesEffect(hebbo)).isGreaterThan(0);
    }
}
