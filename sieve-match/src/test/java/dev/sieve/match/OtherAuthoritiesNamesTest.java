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

/** Issue 20's cases against the UN list: names the UN packs into one field, as others screen them. */
class OtherAuthoritiesNamesTest {
    static MatchEngine un;

    @BeforeAll
    static void build() throws Exception {
        un = MatchEngine.build(ListFiles.read(List.of(SharedData.list("un_sc/consolidated.xml"))));
    }

    static List<String> alerts(String name, Schema schema) {
        return un.screen(new ScreeningQuery(name, schema, null, null, List.of(), null, 10)).stream().map(Match::id).toList();
    }

    @Test
    void namesPackedIntoOneUnFieldAlert() {
        assertThat(alerts("Abu Bakr al-Baghdadi", Schema.PERSON)).contains("un:QDi.299");
        assertThat(alerts("Jabhat al-Nusrah", Schema.ORGANIZATION)).contains("un:QDe.137");
        assertThat(alerts("Hassan Gul", Schema.PERSON)).isNotEmpty();
        assertThat(alerts("Hay'at Tahrir al-Sham", Schema.ORGANIZATION)).contains("un:QDe.137");
    }

    @Test
    void anArticleTheListedNameLeavesOutKeepsTheShortFormOfALongName() {
        // OFAC writes AL-QADHAFI, Aisha where the UN has AISHA MUAMMAR MUHAMMED ABU MINYAR QADHAFI
        assertThat(alerts("AL-QADHAFI, Aisha", Schema.PERSON)).contains("un:LYi.009");
        assertThat(alerts("Aisha el-Qaddafi", Schema.PERSON)).contains("un:LYi.009");
        // ...and OFAC's ELKADDAFI, the article glued on
        assertThat(alerts("ELKADDAFI, Aisha", Schema.PERSON)).contains("un:LYi.009");
        assertThat(alerts("ELKADDAFI, Saadi", Schema.PERSON)).contains("un:LYi.015");
        // the father's name for the daughter's is still no short form of hers
        assertThat(un.compare("Muammar al-Qadhafi", "AISHA MUAMMAR MUHAMMED ABU MINYAR QADHAFI", Schema.PERSON).score())
                .isLessThan(MatchEngine.DEFAULT_THRESHOLD);
    }

    @Test
    void aFullLowQualityAliasMetWithTheBirthDateAlerts() {
        // the UN's low-quality "ABU HURAYRAH AL-SANA'AI" (QDi.282), as the UK wrote it: a letter short, with his birth date
        ScreeningQuery withDate = new ScreeningQuery("Abu Hurayah AL-SANA'AI", Schema.PERSON, dev.sieve.model.PartialDate.parse(
                "1978-06-05"), null, List.of(), null, 10);
        assertThat(un.screen(withDate)).extracting(Match::id).contains("un:QDi.282");
        // without it, a weak alias must be met (nearly) exactly
        assertThat(alerts("Abu Hurayah AL-SANA'AI", Schema.PERSON)).doesNotContain("un:QDi.282");
    }

    @Test
    void sayyidWrittenBeforeTheNameWhereTheUnLeavesItOutCountsHalf() {
        // OFAC's TABATABA'I, Seyed Akbar for the UN's ALI AKBAR TABATABAEI (IRi.041): Seyed is the honorific, not a
        // given name in Ali's place
        assertThat(un.compare("Seyed Akbar TABATABA'I", "ALI AKBAR TABATABAEI", Schema.PERSON).score())
                .isGreaterThanOrEqualTo(MatchEngine.DEFAULT_THRESHOLD);
        // another given name there is another person, and Sayed alone beside a one-part name is no match of it
        assertThat(un.compare("Hamid Akbar TABATABA'I", "ALI AKBAR TABATABAEI", Schema.PERSON).score()).isLessThan(0.6);
        assertThat(un.compare("Sayed Hassan", "Hassan", Schema.PERSON).score()).isLessThan(MatchEngine.DEFAULT_THRESHOLD);
    }

    @Test
    void aTitleSpelledAnotherWayAndAChechenNameSpelledAnotherWay() {
        // the UN's "Maulawi Ahmed Shah" and "Dokka Umarov" against the UK's Ahmed SHAH and Doku Khamatovich UMAROV
        assertThat(un.compare("Maulawi Ahmed Shah", "Ahmed SHAH", Schema.PERSON).score()).isGreaterThan(0.9);
        assertThat(un.compare("Dokka Umarov", "Doku Khamatovich UMAROV", Schema.PERSON).score())
                .isGreaterThanOrEqualTo(MatchEngine.DEFAULT_THRESHOLD);
    }

    @Test
    void aLetterWrittenOnceWhereTheOtherListDoublesItIsOneSpelling() {
        // OFAC's HABO, Muhammed for the UN's MOHAMMAD ALI AL HABBO (QDi.429): a shadda written once is no typo
        assertThat(part(un.compare("Muhammed HABO", "MOHAMMAD ALI AL HABBO", Schema.PERSON), "habo").similarity())
                .isGreaterThanOrEqualTo(0.9);
        assertThat(un.compare("Muhammed HABO", "MOHAMMAD ALI AL HABBO", Schema.PERSON).score())
                .isGreaterThanOrEqualTo(MatchEngine.DEFAULT_THRESHOLD);
        // OFAC's Salim Nur al-Din for the UN's SALEM NOR ELDIN (QDi.231)
        assertThat(un.compare("Salim Nur al-Din AL-DABSKI", "SALEM NOR ELDIN AMOHAMED AL-DABSKI", Schema.PERSON).score())
                .isGreaterThanOrEqualTo(MatchEngine.DEFAULT_THRESHOLD);
        // a letter doubled at the end may be another name (Renee / Rene), two letters doubled a longer one
        assertThat(part(un.compare("Renee Garcia", "Rene Garcia", Schema.PERSON), "renee").similarity()).isLessThan(0.9);
        assertThat(part(un.compare("Mala Mehta", "Maalla Mehta", Schema.PERSON), "mala").similarity()).isLessThan(0.9);
    }

    @Test
    void sayyidStandsForNoOtherGivenName() {
        // OFAC's TABATABAEI, Seyed Akbar for the UN's ALI AKBAR TABATABAEI (IRi.041): an honorific where the other has Ali
        Match honorific = un.compare("Seyed Akbar TABATABAEI", "ALI AKBAR TABATABAEI", Schema.PERSON);
        assertThat(honorific.explanation().evidence()).extracting(dev.sieve.model.Explanation.Evidence::kind)
                .doesNotContain("different_part");
        // ...while another given name there is another person, and Sayyid alone is no match
        Match other = un.compare("Hamid Akbar TABATABAEI", "ALI AKBAR TABATABAEI", Schema.PERSON);
        assertThat(other.explanation().evidence()).extracting(dev.sieve.model.Explanation.Evidence::kind)
                .contains("different_part");
        assertThat(honorific.score()).isGreaterThan(other.score());
        assertThat(un.compare("Seyed Tabatabaei", "ALI AKBAR TABATABAEI", Schema.PERSON).score())
                .isLessThan(MatchEngine.DEFAULT_THRESHOLD);
    }

    @Test
    void aFirstNameAndAnArticledFamilyNameAreAShortFormOfALongArabName() {
        // the names between the given name and "al Habbo" are the father's: left out as after a "bin"
        assertThat(un.compare("Muhammed HABO", "MOHAMMAD ALI AL HABBO", Schema.PERSON).score()).isGreaterThan(0.85);
        // only where the parts are found closely: a reading of Arabic script is looser, and Persian names read so met
        // such names all the time
        assertThat(un.compare("محمد الحبو", "MOHAMMAD ALI AL HABBO", Schema.PERSON).score()).isLessThan(0.85);
        // without the article the middle names are names of their own ("Fernando Castro" is many people)
        assertThat(un.compare("Fernando Castro", "Fernando Alberto Jose Castro", Schema.PERSON).score())
                .isLessThan(un.compare("Fernando Castro", "Fernando Alberto al Castro", Schema.PERSON).score() - 0.1);
    }

    @Test
    void anArticledFamilyNameListedAloneIsMetWithoutItsArticle() {
        // OFAC's DABBASHI, Ahmed for the UN's LYi.023, whose low-quality alias "Al Dabbashi" must be met (nearly) exactly;
        // OFAC's first date, 5 July, is the UN's 7 May written the other way
        ScreeningQuery ofac = new ScreeningQuery("DABBASHI, Ahmed", Schema.PERSON, dev.sieve.model.PartialDate.parse("1988-07-05"),
                "LY", List.of(), null, 10);
        assertThat(un.screen(ofac)).extracting(Match::id).contains("un:LYi.023");
        assertThat(un.compare("Dabbashi", "Al Dabbashi", Schema.PERSON).score()).isEqualTo(1.0);
        // within a longer name the article marks the family name ("Isa Mathis" is no Abdullah M. Al-Issa): it still counts
        assertThat(un.compare("Abdullah Issa", "Abdullah Al-Issa", Schema.PERSON).score()).isLessThan(1.0);
    }

    @Test
    void aFrenchOuForUIsASpelling() {
        // the UN writes Fitouri and Tounisi where OFAC writes Fituri and Tunisi; Libya's Imhamad is Muhammad
        assertThat(part(un.compare("Ahmad Fituri", "Ahmad Oumar Imhamad al-Fitouri", Schema.PERSON), "fituri").similarity())
                .isGreaterThanOrEqualTo(0.9);
        assertThat(part(un.compare("Al Tunisi", "Abou Omar Al Tounisi", Schema.PERSON), "tunisi").similarity())
                .isGreaterThanOrEqualTo(0.9);
        ScreeningQuery ofac = new ScreeningQuery("AL DABBASHI, Ahmad Mohammed Omar Al Fituri", Schema.PERSON,
                dev.sieve.model.PartialDate.parse("1988-07-05"), "LY", List.of(), null, 10);
        assertThat(un.screen(ofac)).extracting(Match::id).contains("un:LYi.023");
        // only "ou" for "u": other letters differ as before
        assertThat(part(un.compare("Gould Smith", "Gold Smith", Schema.PERSON), "gould").similarity()).isLessThan(0.9);
    }

    @Test
    void aCapitalIWrittenForTheLOfTheArticleIsReadAsIt() {
        // OFAC's "AI-HARZI, Tariq Tahir Falih AI-Awni" for the UN's QDi.354, whose Arabic-script name it then meets
        ScreeningQuery ofac = new ScreeningQuery("AI-HARZI, Tariq Tahir Falih AI-Awni", Schema.PERSON,
                dev.sieve.model.PartialDate.parse("1982-05-03"), "TN", List.of(), null, 10);
        assertThat(un.screen(ofac)).extracting(Match::id).contains("un:QDi.354");
        // a Chinese given name written so is no article: "CHEN AI-LING" is read as written, not as "Chen al-Ling"
        assertThat(un.compare("CHEN AI-LING", "CHEN LING", Schema.PERSON).score())
                .isEqualTo(un.compare("CHEN AI LING", "CHEN LING", Schema.PERSON).score())
                .isLessThan(un.compare("CHEN AL-LING", "CHEN LING", Schema.PERSON).score());
    }

    @Test
    void tarakIsTariqAsTunisiaWritesIt() {
        // OFAC's "AL-TUNISI, Tariq Abu 'Umar" for the UN's QDi.354: its full low-quality alias "Abou Omar Al Tounisi" met
        // with the listed birth date, Tariq found in his name TARAK BEN TAHER BEN FALEH OUNI HARZI
        ScreeningQuery ofac = new ScreeningQuery("AL-TUNISI, Tariq Abu 'Umar", Schema.PERSON,
                dev.sieve.model.PartialDate.parse("1982-05-03"), "TN", List.of(), null, 10);
        assertThat(un.screen(ofac)).extracting(Match::id).contains("un:QDi.354");
        assertThat(part(un.compare("Tariq Harzi", "TARAK BEN TAHER BEN FALEH OUNI HARZI", Schema.PERSON), "tariq").how())
                .isEqualTo(dev.sieve.model.Explanation.How.VARIANT);
    }

    @Test
    void ahmatIsAhmadAsChadAndTurkicLanguagesWriteIt() {
        // OFAC's "AHMAT, Abdul Qadir" for the UN's TAi.128, listed as Abdul Qadir and as Ahmad Haji
        assertThat(alerts("AHMAT, Abdul Qadir", Schema.PERSON)).contains("un:TAi.128");
        assertThat(part(un.compare("Ahmat Ali", "Ahmad Ali", Schema.PERSON), "ahmat").how())
                .isEqualTo(dev.sieve.model.Explanation.How.VARIANT);
    }

    @Test
    void aRareFamilyNameWrittenTwiceIsOneName() {
        // OFAC's "MANAA, Fares Mohamed Hassan Manaa" for the UN's FARES MOHAMMED MANA'A (SOi.008): the family name in its
        // own field and again at the end of the full name
        assertThat(alerts("MANAA, Fares Mohamed Hassan Manaa", Schema.PERSON)).contains("un:SOi.008");
        assertThat(un.compare("MANAA, Fares Mohamed Hassan Manaa", "FARES MOHAMMED MANA'A", Schema.PERSON).score())
                .isGreaterThanOrEqualTo(MatchEngine.DEFAULT_THRESHOLD)
                // another rare family name there is another person's (a wife's, a clan's)
                .isGreaterThan(un.compare("MANAA, Fares Mohamed Hassan Zaqzouq", "FARES MOHAMMED MANA'A", Schema.PERSON).score());
        // a common name written twice is usually two people's: the father's, or a compound ("Abdul Basir Abdul Baseer")
        assertThat(un.compare("Mohammed Mohammed", "Mohammed Ali", Schema.PERSON).score()).isLessThan(0.7);
        assertThat(un.rank(new ScreeningQuery("ABDUL BASIR ABDUL BASEER", Schema.PERSON, null, null, List.of(), null, 10), 0.5))
                .first().extracting(Match::id).isEqualTo("un:TAi.128"); // ABDUL QADEER BASIR ABDUL BASEER, not "Abdul Baseer"
    }

    static dev.sieve.model.Explanation.PartMatch part(Match m, String queryPart) {
        return m.explanation().parts().stream().filter(p -> p.queryPart().equals(queryPart)).findFirst().orElseThrow();
    }

    @Test
    void syllablesRomanisedWithADoubledOrAnotherVowelAreOne() {
        assertThat(un.compare("Kim Yong Soo", "KIM Yong Su", Schema.PERSON).score()).isGreaterThan(0.9);
        assertThat(un.compare("Park Joo Hyun", "PAK Ju Hyon", Schema.PERSON).score()).isGreaterThan(0.9);
        assertThat(un.compare("Wey Ming", "WEI Ming", Schema.PERSON).score()).isGreaterThan(0.9);
        assertThat(un.compare("Noor Ahmad", "NUR Ahmad", Schema.PERSON).score()).isGreaterThan(0.9);
        // a different syllable is still a different part
        assertThat(un.compare("Kim Yong Son", "KIM Yong Su", Schema.PERSON).score()).isLessThan(0.78);
    }

    @Test
    void aRussianCompanyAsItsRegisterWritesItMatchesItsEnglishListing() {
        // the legal form first, "Концерн" for "Concern": 0.26 before
        assertThat(un.compare("АО Концерн Калашников", "JOINT STOCK COMPANY CONCERN KALASHNIKOV", null).score()).isGreaterThan(0.9);
        assertThat(un.compare("ООО Группа Ромашка", "ROMASHKA GROUP LLC", null).score()).isGreaterThan(0.9);
        // a number written into the name ("GOLD STAR3") is the number written apart
        assertThat(un.compare("GOLD STAR 3", "GOLD STAR3", Schema.VESSEL).score()).isGreaterThan(0.95);
        // a Latin name's first "SA" stays a word
        assertThat(un.compare("SA LEE", "LEE", Schema.PERSON).score()).isLessThan(0.78);
    }

    @Test
    void otherSpellingsOfTheSameArabicNamesAlertAsOfacWritesThem() {
        // OFAC's names for UN-listed people (linked by the lists' own references): known spellings of one name
        assertThat(alerts("Ayesha QADHAFI", Schema.PERSON)).contains("un:LYi.009");
        assertThat(alerts("Saadi GHATHAFI", Schema.PERSON)).contains("un:LYi.015");
    }

    @Test
    void organisationsInArabicScriptOrChineseMeetTheUkListsTranslations() throws Exception {
        // the UN list's original-script names of organisations, screened against the UK list's English ones
        MatchEngine uk = MatchEngine.build(ListFiles.read(List.of(SharedData.list("uk_ofsi/sanctionsconlist.csv"))));
        java.util.function.Function<String, List<String>> names = q -> uk.screen(
                new ScreeningQuery(q, Schema.ORGANIZATION, null, null, List.of(), null, 10)).stream().map(Match::name).toList();
        assertThat(names.apply("華信船務(香港)有限公司")).contains("HUAXIN SHIPPING HONGKONG LTD"); // KPe.059
        assertThat(names.apply("沈忠國際海運有限公司")).contains("SHEN ZHONG INTERNATIONAL SHIPPING"); // KPe.073
        assertThat(names.apply("شبکه حقانی")).anyMatch(n -> n.startsWith("HAQQANI NETWORK")); // TAe.012
        assertThat(names.apply("الجماعة التونسية المقاتلة")).contains("TUNISIAN COMBATANT GROUP"); // QDe.090
        assertThat(names.apply("جبهة النصرة")).anyMatch(n -> n.contains("NUSRA")); // QDe.137
    }
}
