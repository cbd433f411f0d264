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
 * Names in Arabic script against the Latin spellings other lists use (issue 20's cases, and pairs of the
 * UN list's original-script names with the UK list's spellings of the same people).
 */
class ArabicScriptTest {
    private final MatchEngine neutral = MatchEngine.build(List.of());

    private double score(String a, String b) {
        return neutral.compare(a, b, Schema.PERSON).score();
    }

    @Test
    void commonNamesAreSpelledWithTheirVowels() {
        assertThat(score("أيمن الظواهري", "Ayman al-Zawahiri")).isGreaterThanOrEqualTo(0.85);
        assertThat(score("أسامة بن لادن", "Usama bin Laden")).isGreaterThanOrEqualTo(0.85);
        assertThat(score("محمد علي", "Mohamed Ali")).isGreaterThanOrEqualTo(0.85);
        assertThat(score("مصطفى كمال مصطفى ابراهيم", "Mostafa Kamel Mostafa IBRAHIM")).isGreaterThanOrEqualTo(0.85);
        assertThat(score("عصام علي محمد علوش", "Isam Ali Mohamed ALOUCHE")).isGreaterThanOrEqualTo(0.78);
        assertThat(score("جمال لونيسي", "Jamal LOUNICI")).isGreaterThanOrEqualTo(0.78);
        assertThat(score("عبد الله محمد رجب عبد الرحمن", "Abd Allah Mohamed Ragab ABDEL RAHMAN")).isGreaterThanOrEqualTo(0.78);
    }

    @Test
    void aWawIsAlsoTheConsonantWAndALatinVowelGroupStandsForEveryWrittenVowelThere() {
        // UN original-script names against the UK list's spellings of the same people (QDi.139, QDi.140, TAi.039)
        assertThat(score("محمد جواد وزیری", "Mohammad Jawad WAZIRI")).isGreaterThanOrEqualTo(0.78);
        assertThat(score("عماد بن مكي زرقاوي", "Imed Ben Mekki ZARKAOUI")).isGreaterThanOrEqualTo(0.78);
        assertThat(score("كمال بن المولدي بن حسن الحمراوي", "Kamal Ben Maoeldi Ben Hassan AL-HAMRAOUI")).isGreaterThanOrEqualTo(0.78);
        assertThat(dev.sieve.match.analysis.AbjadMatcher.matches("wzyry", "waziri")).isTrue();
        assertThat(dev.sieve.match.analysis.AbjadMatcher.matches("zrqawy", "zarkaoui")).isTrue();
        assertThat(dev.sieve.match.analysis.AbjadMatcher.matches("wzyry", "wazari")).isFalse(); // a yaa is no a
    }

    @Test
    void persianAndUrduSpellingsOfDadAndThaAndAnAbjadPartWrittenApartInLatin() {
        // Persian and Urdu write a dad z and a tha s (TAi.110, QDi.303); a part joined in the script, apart in Latin (TAi.088)
        assertThat(score("فضل رحيم", "Fazal RAHIM")).isGreaterThanOrEqualTo(0.78);
        assertThat(score("نور محمد ثاقب", "Noor Mohammad SAQIB")).isGreaterThanOrEqualTo(0.78);
        assertThat(score("عبدالجبار", "Abdul Jabbar")).isGreaterThanOrEqualTo(0.78);
        assertThat(dev.sieve.match.analysis.AbjadMatcher.matches("thaqb", "taqib")).isTrue();
        assertThat(dev.sieve.match.analysis.AbjadMatcher.matches("tqb", "saqib")).isFalse(); // a ta is never s
    }

    @Test
    void aLetterFollowedByAHaIsNoDigraph() {
        // folded to ASCII, ICU's ص ح and its ش were both "sh": UN original-script names against the UK list's spellings
        // of the same people (QDi.222, QDi.392) and an organisation's name (QDe.002)
        assertThat(score("نسيم بن رمضان صحراوي", "Nessim Ben Romdhane SAHRAOUI")).isGreaterThanOrEqualTo(0.78);
        assertThat(score("فيصل احمد بن علي الزهراني", "FAYSAL AHMAD BIN ALI AL-ZAHRANI")).isGreaterThanOrEqualTo(0.78);
        assertThat(neutral.compare("الاتحاد الاسلامي", "AL-ITIHAAD AL-ISLAMIYA", Schema.ORGANIZATION).score()).isGreaterThanOrEqualTo(0.78);
        assertThat(dev.sieve.match.analysis.ToLatin.apply("صحراوي", dev.sieve.match.analysis.Script.ARABIC)).isEqualTo("sahrawy");
        assertThat(dev.sieve.match.analysis.ToLatin.apply("شراوي", dev.sieve.match.analysis.Script.ARABIC)).isEqualTo("shrawy");
        // a Latin "sh", "dh", "th" is one letter or the letter and a ha, as either is spelled
        assertThat(score("إسحاق", "Ishaq")).isGreaterThanOrEqualTo(0.78);
        assertThat(score("أدهم", "Adham")).isGreaterThanOrEqualTo(0.78);
        assertThat(score("فتحي", "Fathi")).isGreaterThanOrEqualTo(0.78);
        assertThat(score("راشد", "Rashid")).isGreaterThanOrEqualTo(0.78);
        assertThat(score("ذوالفقار", "Zulfiqar")).isGreaterThanOrEqualTo(0.78);
        // the ha must be there: a sin alone is no "sh"
        assertThat(dev.sieve.match.analysis.AbjadMatcher.matches("sahrawy", "sahraoui")).isTrue();
        assertThat(dev.sieve.match.analysis.AbjadMatcher.matches("sahrawy", "saraoui")).isFalse();
    }

    @Test
    void aHaCountsAmongAPartsConsonantsAndALatinHAfterADigraphMayBeAHaOfItsOwn() {
        // UN original-script names against the UK list's spellings of the same people (YEi.001, TAi.135, TAi.113, TAi.028)
        assertThat(score("الحوثي", "AL-HUTHI")).isGreaterThanOrEqualTo(0.78); // h, th: two consonants, not one
        assertThat(score("مظهري", "MAZHARI")).isGreaterThanOrEqualTo(0.78); // a Latin zh is a zah and a ha
        assertThat(score("شهاب الدين", "Shahabuddin")).isGreaterThanOrEqualTo(0.78); // sh is the shin, the next h the ha
        assertThat(score("شهيد خيل", "SHAHIDKHEL")).isGreaterThanOrEqualTo(0.78);
        assertThat(score("اچکزی", "ACHEKZAI")).isGreaterThanOrEqualTo(0.78); // Urdu and Persian che, written ch (TAi.160)
        assertThat(dev.sieve.match.analysis.AbjadMatcher.matches("shhab", "shahab")).isTrue();
        assertThat(dev.sieve.match.analysis.AbjadMatcher.matches("shhab", "sab")).isFalse(); // the ha is written
        // past the first few digraphs their h is taken whenever the abjad part has one (the tries stay few)
        assertThat(dev.sieve.match.analysis.AbjadMatcher.matches("shhab".repeat(8), "shahab".repeat(8))).isTrue();
        assertThat(dev.sieve.match.analysis.AbjadMatcher.matches("shhab".repeat(8), "shahab".repeat(7) + "shahad")).isFalse();
        // a final ha may be the letter (طه, Taha: TAi.105) or the vowel ending Latin leaves out (فاطمة, Fatima)
        assertThat(score("احمد طه خالد عبد القادر", "Ahmad Taha Khalid ABDUL QADIR")).isGreaterThanOrEqualTo(0.78);
        assertThat(dev.sieve.match.analysis.AbjadMatcher.matches("tah", "taha")).isTrue();
        assertThat(dev.sieve.match.analysis.AbjadMatcher.matches("fatmh", "fatima")).isTrue();
        assertThat(dev.sieve.match.analysis.AbjadMatcher.matches("tah", "tahar")).isFalse();
    }

    @Test
    void aShortPartOfOneConsonantIsWeakerEvidenceNotADifferentName() {
        // UN original-script names against the UK list's spellings (TAi.156, QDi.316)
        assertThat(score("احمد ضیا آغا", "Ahmad Zia AGHA")).isGreaterThanOrEqualTo(0.78);
        assertThat(score("اياد اغ غالي", "IYAD AG GHALI")).isGreaterThanOrEqualTo(0.78);
        assertThat(score("احمد ضیا آغا", "Ahmad Ziad AGHA")).isLessThan(0.78); // a written d more is another name
        assertThat(score("ضیا", "Zia")).isLessThan(0.78); // alone it carries no alert
        assertThat(score("عبد الباقي بصير أول شاه", "Abdul Baqi Basir AWAL SHAH")).isGreaterThanOrEqualTo(0.78); // TAi.038
        // an l alone is too little: an article, the family's "Al", Aliya (real customers' names, OpenSanctions' fixtures)
        assertThat(score("عالية آل جعفر", "Mohammad Ali JAFARI")).isLessThan(0.78);
        assertThat(score("علاء آل بن ظافر", "Ali AL-ZAFIR")).isLessThan(0.78);
    }

    @Test
    void aZayIsNoSin() {
        // a Latin "sh" may be a sin and a ha, but a zay is no sin: real customers' names against listed ones
        assertThat(score("زهرا آل علي", "Ali AL-SHA'IR")).isLessThan(0.78);
        assertThat(score("علي زارع", "Ali AL-SHA'IR")).isLessThan(0.78);
        assertThat(score("محمد زارع", "Muhammad SURI")).isLessThan(0.78);
        // a dad or a dhal is still written z (فضل / Fazal, ذوالفقار / Zulfiqar), a zay z (عزيز / Aziz)
        assertThat(score("فضل رحيم", "Fazal RAHIM")).isGreaterThanOrEqualTo(0.78);
        assertThat(score("عبد العزيز", "Abdul AZIZ")).isGreaterThanOrEqualTo(0.78);
    }

    @Test
    void organisationsAreAlsoReadWithTheirWordsInEnglish() {
        // the UN list's Arabic names and the UK list's translations (QDe.137, TAe.012, QDe.153, QDe.090, QDe.011)
        assertThat(org("جبهة النصرة", "AL-NUSRA FRONT")).isGreaterThanOrEqualTo(0.78);
        assertThat(org("شبکه حقانی", "HAQQANI NETWORK")).isGreaterThanOrEqualTo(0.78);
        assertThat(org("مكتب حنيفة للصرافة", "HANIFEH EXCHANGE OFFICE")).isGreaterThanOrEqualTo(0.78);
        assertThat(org("الجماعة التونسية المقاتلة", "TUNISIAN COMBATANT GROUP")).isGreaterThanOrEqualTo(0.78);
        assertThat(org("الجماعة الاسلامية المقاتلة الليبية", "LIBYAN ISLAMIC FIGHTING GROUP")).isGreaterThanOrEqualTo(0.78);
        assertThat(org("راحت لمتد", "RAHAT LTD")).isGreaterThanOrEqualTo(0.78);
        // a taa marbuta said t before the next name, as the Latin writes it (QDe.007, QDe.137)
        assertThat(org("عصبة الأنصار", "ASBAT AL-ANSAR")).isGreaterThanOrEqualTo(0.78);
        assertThat(org("جبهة النصرة", "JABHAT AL-NUSRAH")).isGreaterThanOrEqualTo(0.78);
        assertThat(dev.sieve.match.analysis.AbjadMatcher.matches("sbh", "asbat")).isTrue();
        assertThat(dev.sieve.match.analysis.AbjadMatcher.matches("qadh", "kcst")).isFalse(); // after its vowel only
        assertThat(org("القاعدة", "KCST")).isLessThan(0.78);
        // the country tells one group from the other
        assertThat(org("الجماعة التونسية المقاتلة", "LIBYAN ISLAMIC FIGHTING GROUP")).isLessThan(0.78);
        // a person's name is not translated
        assertThat(dev.sieve.match.analysis.NameAnalyzer.analyze("مكتب حنيفة", Schema.PERSON)).hasSize(2);
        assertThat(dev.sieve.match.analysis.NameAnalyzer.analyze("مكتب حنيفة", Schema.ORGANIZATION)).hasSize(3);
        // a name of unknown kind is read so only with a word that says what it is: Mohammed al-Masri is no "Egyptian"
        assertThat(dev.sieve.match.analysis.NameAnalyzer.analyze("محمد المصري", null)).hasSize(2);
        assertThat(dev.sieve.match.analysis.NameAnalyzer.analyze("محمد المصري", Schema.ORGANIZATION)).hasSize(3);
        assertThat(dev.sieve.match.analysis.NameAnalyzer.analyze("جبهة النصرة", null)).hasSize(3);
        assertThat(dev.sieve.match.analysis.NameAnalyzer.analyze("李中国", null)).hasSize(2); // Li Zhongguo, a person
        assertThat(dev.sieve.match.analysis.NameAnalyzer.analyze("沈忠國際海運有限公司", null)).hasSize(3);
    }

    private double org(String a, String b) {
        return neutral.compare(a, b, Schema.ORGANIZATION).score();
    }

    @Test
    void partsWithFewKeyedConsonantsAreStillRetrieved() {
        // screening found neither, though each pair scored over the threshold (QDi.062, TAi.095 on the UK list)
        Entity lakhal = Entity.builder("uk:7087", "uk", Schema.PERSON).primaryName("Mohamed LAKHAL").build();
        Entity walijan = Entity.builder("uk:7538", "uk", Schema.PERSON).primaryName("WALIJAN").build();
        List<Entity> others = new java.util.ArrayList<>(List.of(lakhal, walijan));
        // names that share the other part, enough to crowd out a listing found by that part alone
        for (int i = 0; i < 100; i++) {
            others.add(Entity.builder("x:m" + i, "x", Schema.PERSON).primaryName("Mohamed").build());
            others.add(Entity.builder("x:j" + i, "x", Schema.PERSON).primaryName(i % 2 == 0 ? "Jan" : "Jahan").build());
        }
        MatchEngine engine = MatchEngine.build(others);
        assertThat(engine.screen(ScreeningQuery.of("محمد لكحل"))).extracting(m -> m.id()).contains("uk:7087");
        assertThat(engine.screen(ScreeningQuery.of("ولی جان"))).extracting(m -> m.id()).containsExactly("uk:7538");
    }

    @Test
    void theInitialsOfPartsReadFromAnAbjadSpellNoAcronym() {
        // a real customer's name (OpenSanctions' clean fixtures) alerted on MAKHTAB AL-KHIDAMAT's alias "MAK"
        Entity mak = Entity.builder("un:QDe.012", "un", Schema.ORGANIZATION).primaryName("MAKHTAB AL-KHIDAMAT")
                .name(new Name("MAK", NameKind.ALIAS, false, false)).build();
        MatchEngine engine = MatchEngine.build(List.of(mak));
        assertThat(engine.screen(ScreeningQuery.of("مليکا آل خضير"))).isEmpty();
        assertThat(engine.screen(ScreeningQuery.of("Mektab Al Khidamat"))).extracting(m -> m.id()).containsExactly("un:QDe.012");
    }

    @Test
    void theNameOfGodIsNoArticleAndTheArticlesLamBeforeASunLetterMayBeUnwritten() {
        // UN original-script names against the UK list's spellings (TAi.044, TAi.040)
        assertThat(score("حمد الله نعمانى", "Hamdullah NOMANI")).isGreaterThanOrEqualTo(0.78);
        assertThat(score("جلال الدين حقانى", "Jalaluddin HAQANI")).isGreaterThanOrEqualTo(0.78);
        assertThat(dev.sieve.match.analysis.AbjadMatcher.matches("aldyn", "uddin")).isTrue();
        assertThat(dev.sieve.match.analysis.AbjadMatcher.matches("aldyn", "aldin")).isTrue();
        assertThat(dev.sieve.match.analysis.AbjadMatcher.matches("albdr", "abadr")).isFalse(); // b is no sun letter
    }

    @Test
    void anArticleIsFreeForThePartWrittenTogetherWithIt() {
        // "al" pairs with the listed "el" only if no part written as one needs it (UN QDi.001 against the UK list)
        assertThat(score("Salah al Din", "Salahaldin")).isGreaterThanOrEqualTo(0.9);
        assertThat(score("محمد صلاح الدين عبدالحليم زيدان", "Mohammed Salahaldin Abd El Halim ZIDAN"))
                .isGreaterThanOrEqualTo(0.78);
        // ...but a run read from Arabic script does not end on an article, which goes with the part after it
        assertThat(score("فداء آل عواض", "Faysal AL-WADI")).isLessThan(0.78);
        // and an initial stands for a name before an article: A. is Aschraf here, the query's al the listed al
        assertThat(neutral.compare("A. AL-DAGMA", "AL-DAGMA, Aschraf", Schema.PERSON).explanation().unmatchedQueryParts())
                .isEmpty();
    }

    @Test
    void aNameWrittenTwiceLeavesOneCopyForAJoin() {
        // UN QDi.019 against the UK list: one abdullah for "عبدالله", the other for "عبد الله" written apart
        assertThat(score("عبد الله احمد عبدالله الالفي", "Abdullah Ahmed Abdullah EL ALFI")).isGreaterThanOrEqualTo(0.78);
        assertThat(score("Abd Allah Ahmed Abdullah", "Abdullah Ahmed Abdullah")).isGreaterThanOrEqualTo(0.9);
        // "abd" goes with the listed "abdul" where the name has it, leaving the first for the joined abdul qadeer
        assertThat(score("عبدالقدیر بصیر عبد البصير", "Abdul Qadeer Basir ABDUL BASEER")).isGreaterThanOrEqualTo(0.78);
        // (the place decides only between copies: OFAC writes the family name first, SHAQIRI, Shaqir)
        assertThat(neutral.compare("Shaqnr SHAQQIRI", "SHAQIRI, Shaqir", Schema.PERSON).explanation().parts())
                .anySatisfy(p -> assertThat(p.queryPart() + "~" + p.listedPart()).isEqualTo("shaqqiri~shaqiri"));
        // and a copy with nothing to join stays a part left over
        assertThat(score("Abdullah Ahmed", "Abdullah Ahmed Abdullah")).isLessThan(score("Abd Allah Ahmed Abdullah",
                "Abdullah Ahmed Abdullah"));
    }

    @Test
    void moreCommonNamesAreSpelledAsTheUnAndUkWriteThem() {
        assertThat(score("إياد نظمي صالح خليل", "Nazmi Salih Khalil IYAD")).isGreaterThanOrEqualTo(0.78); // UN QDi.400
        assertThat(score("مصطفى حجي محمد خان", "Mustafa Hajji Muhammad KHAN")).isGreaterThanOrEqualTo(0.78); // QDi.306
        assertThat(score("موسى بن عمر بن علي السعدي", "Moussa Ben Omar Ben Ali ESSAADI")).isGreaterThanOrEqualTo(0.78);
        assertThat(score("Musa Ali", "Moussa Ali")).isGreaterThanOrEqualTo(0.9);
    }

    @Test
    void otherPeopleStayApart() {
        assertThat(score("محمد علي", "Mohamed Omar")).isLessThan(0.78);
        assertThat(score("أسامة بن لادن", "Usama bin Salman")).isLessThan(0.78);
        assertThat(score("مصطفى كمال", "Mostafa Hussein")).isLessThan(0.78);
    }
}
