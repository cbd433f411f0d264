package dev.sieve.match;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sieve.lists.FormatDetector;
import dev.sieve.lists.ListInput;
import dev.sieve.lists.ListReader;
import dev.sieve.model.Entity;
import dev.sieve.model.Explanation;
import dev.sieve.model.Identifier;
import dev.sieve.model.IdentifierType;
import dev.sieve.model.Match;
import dev.sieve.model.PartialDate;
import dev.sieve.model.Schema;
import dev.sieve.model.ScreeningQuery;
import dev.sieve.testing.SharedData;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Real behaviour on the real lists (UN 2026-02-27 and OFAC SDN 2024-05-03). */
class EngineBehaviourTest {
    static MatchEngine engine;
    static List<Entity> entities = new ArrayList<>();

    @BeforeAll
    static void build() throws Exception {
        for (String rel : List.of("un_sc/consolidated.xml", "ofac_sdn/2024-05-03/sdn.csv")) {
            ListInput input = FormatDetector.input(SharedData.list(rel));
            ListReader.forFormat(input.format()).read(input, entities::add);
        }
        engine = MatchEngine.build(entities);
    }

    private static List<String> ids(String name, Schema schema) {
        return engine.screen(new ScreeningQuery(name, schema, null, null, List.of(), null, 10)).stream()
                .map(Match::id).toList();
    }

    @Test
    void cyrillicLavrovMatchesTheLatinListing() {
        List<Match> m = engine.screen(ScreeningQuery.of("Сергей Лавров").withSchema(Schema.PERSON));
        assertThat(m).isNotEmpty();
        assertThat(m.getFirst().name()).isEqualTo("LAVROV, Sergei Viktorovich");
        assertThat(engine.compare("Сергей Лавров", "Sergei Lavrov", Schema.PERSON).score()).isGreaterThan(0.9);
    }

    @Test
    void kimJongUnInHangulAndHyphenated() {
        assertThat(ids("김정은", Schema.PERSON).getFirst()).isEqualTo("us-ofac:20157");
        assertThat(ids("KIM Jong-un", Schema.PERSON).getFirst()).isEqualTo("us-ofac:20157");
        assertThat(ids("Kim Jongun", Schema.PERSON)).contains("us-ofac:20157");
        Match hangul = engine.screen(ScreeningQuery.of("김정은").withSchema(Schema.PERSON)).getFirst();
        assertThat(hangul.explanation().parts()).extracting(Explanation.PartMatch::listedPart).contains("kim", "jong", "un");
    }

    @Test
    void usamaBinLadinIsOsamaBinLaden() {
        Match m = engine.compare("Usama bin Ladin", "Osama bin Laden", Schema.PERSON);
        assertThat(m.alert()).isTrue();
        assertThat(m.explanation().parts()).extracting(Explanation.PartMatch::how).contains(Explanation.How.VARIANT);
    }

    @Test
    void vladimirBiliyIsNoAlertForPutin() {
        // The OFAC search tool scores this pair 90; both are on the 2024 list.
        // "VLADIMIR BILIY" is an alias of PICHUGIN, Yuri Viktorovich (us-ofac:23229).
        assertThat(entities).anyMatch(e -> e.id().equals("us-ofac:23229")
                && e.names().stream().anyMatch(n -> n.value().equals("VLADIMIR BILIY")));
        List<Match> m = engine.screen(ScreeningQuery.of("Vladimir Putin").withSchema(Schema.PERSON));
        assertThat(m).extracting(Match::id).doesNotContain("us-ofac:23229").contains("us-ofac:35096");
        assertThat(m.getFirst().id()).isEqualTo("us-ofac:35096");
        assertThat(engine.compare("Vladimir Putin", "VLADIMIR BILIY", Schema.PERSON).alert()).isFalse();
    }

    @Test
    void aDifferentPartInTheSamePlaceIsAnotherPerson() {
        Match swapped = engine.compare("TAHIR JALIL HABBUSH AL-DULAIMI", "TAHIR JALIL HABBUSH AL-TIKRITI", Schema.PERSON);
        Match omitted = engine.compare("TAHIR JALIL HABBUSH", "TAHIR JALIL HABBUSH AL-TIKRITI", Schema.PERSON);
        assertThat(swapped.alert()).isFalse();
        assertThat(omitted.score()).isGreaterThan(swapped.score());
        // a short part mistyped is a typo, not a swap
        assertThat(engine.compare("RAFI AtD-AL-LATIF TILFAH AL-TIKRITI", "RAFI ABD-AL-LATIF TILFAH AL-TIKRITI",
                Schema.PERSON).alert()).isTrue();
    }

    @Test
    void givenAndFathersNamesSwappedAroundBinAreFatherAndSon() {
        assertThat(engine.compare("SALMAN BIN MUHAMMAD AL-RAWI", "MUHAMMAD BIN SALMAN AL-RAWI", Schema.PERSON).alert())
                .isFalse();
        // the whole name moved keeps its chain; "Bin" as a Chinese given name links nothing
        assertThat(engine.compare("LADEN HAMZA USAMA MUHAMMAD BIN", "HAMZA USAMA MUHAMMAD BIN LADEN", Schema.PERSON)
                .alert()).isTrue();
        assertThat(engine.compare("Bin XU", "XU Bin", Schema.PERSON).score()).isEqualTo(1.0);
        assertThat(engine.compare("M. Bin-Muhammed Faris QUWAYDIR", "Muhammed Bin-Muhammed Faris QUWAYDIR",
                Schema.PERSON).alert()).isTrue();
    }

    @Test
    void acronymsJoinsAndLegalFormsWrittenOn() {
        Match pla = engine.compare("PLA", "People's Liberation Army", Schema.ORGANIZATION);
        assertThat(pla.alert()).isTrue();
        assertThat(pla.explanation().parts()).extracting(Explanation.PartMatch::how).containsExactly(Explanation.How.ACRONYM);
        assertThat(engine.compare("U.S. Department of State", "United States Department of State", Schema.ORGANIZATION)
                .alert()).isTrue();
        assertThat(engine.compare("JC Juncker", "Jean-Claude Juncker", Schema.PERSON).alert()).isTrue();
        // in persons' names a part with vowels is a name, not initials
        assertThat(engine.compare("Kim Jong Un", "Kim Jong Ung Nam", Schema.PERSON).explanation().parts())
                .extracting(Explanation.PartMatch::how).doesNotContain(Explanation.How.ACRONYM);
        assertThat(engine.compare("vanderbilt corp", "van der bilt corp", Schema.ORGANIZATION).alert()).isTrue();
        assertThat(engine.compare("Nikolai Plat Ono Vich Patrushev", "Nikolai Platonovich Patrushev", Schema.PERSON)
                .alert()).isTrue();
        assertThat(engine.compare("SiemensAG", "Siemens AG", Schema.ORGANIZATION).alert()).isTrue();
    }

    @Test
    void shortFormsLanguageFormsAndLeftOutPatronymics() {
        assertThat(engine.compare("Ted Doe", "Theodore Doe", Schema.PERSON).alert()).isTrue();
        assertThat(engine.compare("Juan Doe", "John Doe", Schema.PERSON).alert()).isTrue();
        assertThat(engine.compare("Mao Tse-tung", "Mao Zedong", Schema.PERSON).alert()).isTrue();
        assertThat(engine.compare("Kim Jong-uun", "Kim Jong-un", Schema.PERSON).alert()).isTrue();
        assertThat(engine.compare("Al Qaeda", "Al-Qa'ida/Islamic Army", Schema.ORGANIZATION).alert()).isTrue();
        // a family name in the other gender's form is a relative more often than a typo
        assertThat(engine.compare("Anna Baranova", "Anna Baranov", Schema.PERSON).score())
                .isLessThan(engine.compare("Anna Baranovv", "Anna Baranov", Schema.PERSON).score());
        assertThat(engine.compare("Olga Barynova", "Oleg BARANOV", Schema.PERSON).alert()).isFalse();
        // one name alone is weak against a long listed name, but not against a listed one-part alias
        assertThat(engine.compare("SHAMSUDDIN", "SHAMSUDDIN MOHAMMED HAQQANI", Schema.PERSON).alert()).isFalse();
        assertThat(engine.compare("SHAMSUDDIN", "SHAMSUDDIN", Schema.PERSON).alert()).isTrue();
        assertThat(engine.compare("A. AL-MASLI", "ABD AL-RAHMAN AL-MASLI", Schema.PERSON).score())
                .isGreaterThan(engine.compare("AL-MASLI", "ABD AL-RAHMAN AL-MASLI", Schema.PERSON).score());
        assertThat(engine.compare("Hsi Chin-ping", "Xi Jinping", Schema.PERSON).alert()).isTrue();
        assertThat(engine.compare("Sergejs Lavrovs", "Sergey Viktorovich LAVROV", Schema.PERSON).alert()).isTrue();
        assertThat(engine.compare("Volodymyr Zelenskyy", "Volodymyr Oleksandrovych Zelenskyy", Schema.PERSON).score())
                .isGreaterThan(engine.compare("Volodymyr Zelenskyy", "Volodymyr Oleksandr Zelenskyy", Schema.PERSON).score());
        // a family name ending like a patronymic in a two-part name is still the family name
        assertThat(engine.compare("Alexander Lukashevich", "Alexander Lukashenko", Schema.PERSON).alert()).isFalse();
    }

    @Test
    void anotherLegalFormLowersAndLegalFormsAreNoCode() {
        Match sameForm = engine.compare("Deutsche Bank AG", "Deutsche Bank AG", Schema.ORGANIZATION);
        Match otherForm = engine.compare("Deutsche Bank AG", "Deutsche Bank GmbH", Schema.ORGANIZATION);
        assertThat(otherForm.score()).isLessThan(sameForm.score());
        assertThat(engine.compare("Deutsche Bank", "Deutsche Bank GmbH", Schema.ORGANIZATION).score())
                .isGreaterThan(otherForm.score());
        // a two-letter name with a legal form is not a five-letter code with a typo
        assertThat(engine.compare("BD p.l.c.", "BP p.l.c.", Schema.ORGANIZATION).alert()).isFalse();
    }

    @Test
    void numbersInNamesAreStrongEvidence() {
        Match m = engine.compare("SEA PONY 2", "SEA PONY 1", Schema.VESSEL);
        assertThat(m.alert()).isFalse();
        assertThat(m.explanation().evidence()).extracting(Explanation.Evidence::kind).contains("number");
        assertThat(engine.compare("SEA PONY 1", "SEA PONY 1", Schema.VESSEL).alert()).isTrue();
    }

    @Test
    void exactImoFindsItsVesselWhateverTheName() {
        Entity vessel = entities.stream().filter(e -> e.schema() == Schema.VESSEL)
                .filter(e -> e.identifiers().stream().anyMatch(i -> i.type() == IdentifierType.IMO
                        && dev.sieve.match.score.Identifiers.validImo(i.number())))
                .findFirst().orElseThrow();
        String imo = vessel.identifiers().stream().filter(i -> i.type() == IdentifierType.IMO).findFirst().orElseThrow().number();
        List<Match> m = engine.screen(new ScreeningQuery("Completely Different Name", Schema.VESSEL, null, null,
                List.of(new Identifier(IdentifierType.IMO, "IMO", imo, null)), null, 5));
        assertThat(m.getFirst().id()).isEqualTo(vessel.id());
        assertThat(m.getFirst().score()).isEqualTo(1.0);
        assertThat(m.getFirst().explanation().evidence()).extracting(Explanation.Evidence::kind).contains("identifier");
        assertThat(ids("IMO " + imo, Schema.VESSEL)).contains(vessel.id());
    }

    @Test
    void dateOfBirthSupportsOrLowers() {
        Match same = engine.screen(new ScreeningQuery("KIM Jong Un", Schema.PERSON, PartialDate.parse("1984-01-08"), "KP",
                List.of(), 0.0, 3)).getFirst();
        Match other = engine.screen(new ScreeningQuery("KIM Jong Un", Schema.PERSON, PartialDate.parse("1950-03-02"), null,
                List.of(), 0.0, 3)).stream().filter(x -> x.id().equals("us-ofac:20157")).findFirst().orElseThrow();
        assertThat(same.score()).isGreaterThan(other.score());
        assertThat(other.explanation().evidence()).anyMatch(e -> e.kind().equals("birth_date") && e.effect() < 0);
        assertThat(same.explanation().evidence()).anyMatch(e -> e.kind().equals("birth_date") && e.effect() > 0);
    }

    @Test
    void scoresAreDeterministicAndBounded() {
        ScreeningQuery q = new ScreeningQuery("Muhammad Ali", Schema.PERSON, null, null, List.of(), 0.0, 50);
        List<Match> a = engine.screen(q);
        List<Match> b = engine.screen(q);
        assertThat(a).isEqualTo(b);
        assertThat(a).allSatisfy(m -> assertThat(m.score()).isBetween(0.0, 1.0));
        for (int i = 1; i < a.size(); i++) assertThat(a.get(i).score()).isLessThanOrEqualTo(a.get(i - 1).score());
    }

    @Test
    void originalScriptQueryFindsTheUnRecord() {
        Entity withArabic = entities.stream().filter(e -> e.id().startsWith("un:"))
                .filter(e -> e.names().stream().anyMatch(n -> n.originalScript() && n.value().matches(".*\\p{IsArabic}.*")))
                .findFirst().orElseThrow();
        String arabic = withArabic.names().stream().filter(n -> n.originalScript()).findFirst().orElseThrow().value();
        assertThat(ids(arabic, Schema.PERSON)).contains(withArabic.id());
    }
}
