package dev.sieve.match.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sieve.model.Schema;
import dev.sieve.match.analysis.Token;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Each analysis stage alone, then the assembled chain. */
class AnalysisStagesTest {
    @Test
    void aCapitalIForTheLOfAlIsAlsoReadAsTheArticle() {
        assertThat(ArticleMisprint.corrected("AI-HARZI, Tariq Tahir Falih AI-Awni")).isEqualTo("Al-HARZI, Tariq Tahir Falih Al-Awni");
        // only "AI" as a word of its own before a capitalised one
        assertThat(ArticleMisprint.corrected("Chen Ai-Ling")).isNull();
        assertThat(ArticleMisprint.corrected("MAI-LING")).isNull();
        assertThat(ArticleMisprint.corrected("AI-petri")).isNull();
        // a Chinese given name as passports write it
        assertThat(ArticleMisprint.corrected("CHEN, AI-LING")).isNull();
        assertThat(ArticleMisprint.corrected("CHEN AI-LING AI-HARZI")).isEqualTo("CHEN AI-LING Al-HARZI");
        // a query keeps its own reading beside the corrected one: "AI-PETRI" is a name so written
        List<NameForm> forms = NameAnalyzer.analyzeQuery("AI-PETRI", Schema.ORGANIZATION);
        assertThat(forms).extracting(f -> f.tokens().stream().map(Token::text).toList())
                .contains(List.of("ai", "petri"), List.of("al", "petri"));
        assertThat(NameAnalyzer.analyze("AI-PETRI", Schema.ORGANIZATION)).hasSize(1); // a listed name: as written
    }

    @Test
    void aGluedArticleComesOffAKnownArabNameOnly() {
        assertThat(GluedArticleSplitter.apply(List.of("elkaddafi", "aisha"), false)).containsExactly("el", "kaddafi", "aisha");
        assertThat(GluedArticleSplitter.apply(List.of("nor", "eldin"), false)).containsExactly("nor", "el", "din");
        assertThat(GluedArticleSplitter.apply(List.of("alhassan"), false)).containsExactly("al", "hassan");
        // not before an unknown or short part, and never the name of God
        assertThat(GluedArticleSplitter.apply(List.of("alberto", "elena", "alisa", "allah"), false))
                .containsExactly("alberto", "elena", "alisa", "allah");
        // read from Arabic script, any part opening with the article loses it, but the name of God
        assertThat(GluedArticleSplitter.apply(List.of("altkryty", "allah", "ali"), true))
                .containsExactly("al", "tkryty", "allah", "ali");
    }

    @Test
    void unicodeNormalizerFoldsWidthDashesAndInvisibleCharacters() {
        assertThat(UnicodeNormalizer.apply("ＫＩＭ\u200B Jong\u2013un O\u2019Neil")).isEqualTo("KIM Jong-un O'Neil");
    }

    @Test
    void homoglyphsInsideLatinWordsAreFolded() {
        // a Cyrillic "і" planted in "Vladimir", a Cyrillic "Р" in "PUTIN"
        assertThat(HomoglyphFolder.apply("Vladimir \u0420UTIN Vlad\u0456mir")).isEqualTo("Vladimir PUTIN Vladimir");
        assertThat(HomoglyphFolder.apply("Сергей")).isEqualTo("Сергей"); // wholly Cyrillic: left to transliteration
    }

    @Test
    void scriptDetection() {
        assertThat(ScriptDetector.detect("Сергей Лавров")).isEqualTo(Script.CYRILLIC);
        assertThat(ScriptDetector.detect("김정은")).isEqualTo(Script.HANGUL);
        assertThat(ScriptDetector.detect("محمد عباس آخوند")).isEqualTo(Script.ARABIC);
        assertThat(ScriptDetector.detect("习近平")).isEqualTo(Script.HAN);
        assertThat(ScriptDetector.detect("Nguyễn")).isEqualTo(Script.LATIN);
    }

    @Test
    void transliterationUsesTheListsConventions() {
        assertThat(ToLatin.apply("Сергей Лавров", Script.CYRILLIC)).isEqualTo("Sergey Lavrov");
        assertThat(ToLatin.apply("김정은", Script.HANGUL).strip()).isEqualTo("gim jeong eun");
        assertThat(ToLatin.apply("习近平", Script.HAN)).isEqualTo("xi jin ping");
    }

    @Test
    void foldingAndTokenising() {
        assertThat(AsciiFolder.apply("Nguyễn Đức Ørsted Straße")).isEqualTo("nguyen duc orsted strasse");
        assertThat(Tokenizer.apply("kim, jong-un o'neil bin-laden")).containsExactly("kim", "jong", "un", "oneil", "bin", "laden");
    }

    @Test
    void titlesAreKeptAsParticles() {
        // many titles are names too (the surname Sheikh, "Mustafa Hajji Muhammad Khan"): kept, as parts that weigh little
        assertThat(NameAnalyzer.analyze("Sheikh Farooq al-Qahtani", Schema.PERSON).getFirst().tokens())
                .extracting(Token::text).containsExactly("sheikh", "farooq", "al", "qahtani");
        assertThat(Token.of("sheikh").kind()).isEqualTo(Token.Kind.PARTICLE);
        assertThat(Token.of("haji").kind()).isEqualTo(Token.Kind.PARTICLE);
    }

    @Test
    void legalFormsAreCanonicalAndMarked() {
        List<Token> t = LegalForms.apply(List.of("rosoboronexport", "otkrytoe", "aktsionernoe", "obshchestvo"));
        assertThat(t).extracting(Token::text).containsExactly("rosoboronexport", "jsc");
        assertThat(t.get(1).kind()).isEqualTo(Token.Kind.LEGAL_FORM);
        assertThat(LegalForms.apply(List.of("ooo", "vector"))).extracting(Token::text).containsExactly("llc", "vector");
        assertThat(LegalForms.apply(List.of("homa", "shipping", "compay", "limited"))).extracting(Token::text)
                .containsExactly("homa", "shipping", "co", "ltd");
        assertThat(LegalForms.apply(List.of("acme", "sp", "z", "o", "o"))).extracting(Token::text).containsExactly("acme", "spzoo");
        assertThat(LegalForms.apply(List.of("societatea", "cu", "raspundere", "limitata", "pro", "traffic")))
                .extracting(Token::text).containsExactly("sarl", "pro", "traffic");
        // a short form first is a word in a Latin name ("SA LEE"), the legal form in a Cyrillic one ("АО Концерн ...")
        assertThat(LegalForms.apply(List.of("sa", "lee")).getFirst().kind()).isEqualTo(Token.Kind.WORD);
        assertThat(NameAnalyzer.analyze("АО Концерн Калашников", null).getLast().tokens()).extracting(Token::kind)
                .startsWith(Token.Kind.LEGAL_FORM);
        assertThat(NameAnalyzer.analyze("АО Концерн Калашников", null).getLast().tokens()).extracting(Token::canonical)
                .containsExactly("jsc", "concern", "kalashnikov");
    }

    @Test
    void aNumberRunIntoAWordIsAPartOfItsOwnButAnOrdinalStaysWhole() {
        assertThat(DigitSplitter.apply("GOLD STAR3")).isEqualTo("GOLD STAR 3");
        assertThat(DigitSplitter.apply("3MAJ SHIPPING")).isEqualTo("3 MAJ SHIPPING");
        assertThat(DigitSplitter.apply("21ST CENTURY")).isEqualTo("21ST CENTURY");
        assertThat(DigitSplitter.apply("NO NUMBERS")).isSameAs("NO NUMBERS".intern());
    }

    @Test
    void connectorsBetweenPartnersAreDropped() {
        assertThat(ConnectorFilter.apply(List.of("h", "and", "m", "hennes", "and", "mauritz")))
                .containsExactly("h", "m", "hennes", "mauritz");
        assertThat(ConnectorFilter.apply(List.of("and"))).containsExactly("and");
        assertThat(ConnectorFilter.apply(List.of("en", "bank", "pjsc"))).containsExactly("en", "bank", "pjsc");
        // "H&M" and "H and M" become one acronym in an organisation's name
        assertThat(NameAnalyzer.analyze("H&M Hennes & Mauritz AB", Schema.ORGANIZATION).getLast().tokens())
                .isEqualTo(NameAnalyzer.analyze("H and M Hennes and Mauritz AB", Schema.ORGANIZATION).getLast().tokens());
        // persons keep their words
        assertThat(NameAnalyzer.analyze("Van der Berg en Zonen", Schema.PERSON).getLast().tokens())
                .extracting(Token::text).contains("en");
    }

    @Test
    void camelCaseSplitsOnlyCapitalisedWords() {
        assertThat(CamelCaseSplitter.apply("SiemensAG")).isEqualTo("Siemens AG");
        assertThat(CamelCaseSplitter.apply("PetroChina Co")).isEqualTo("Petro China Co");
        assertThat(CamelCaseSplitter.apply("KHAIRyHWAH")).isEqualTo("KHAIRyHWAH");
        assertThat(CamelCaseSplitter.apply("KOBE YosAGUCHI-GUMI")).isEqualTo("KOBE YosAGUCHI-GUMI");
        assertThat(CamelCaseSplitter.apply("McDonald iPhone EP-VsP")).isEqualTo("McDonald iPhone EP-VsP");
    }

    @Test
    void slashAlternativesSplitOnlyBetweenWords() {
        assertThat(SlashAlternatives.split("AL-QA'IDA/ISLAMIC ARMY")).containsExactly("AL-QA'IDA", "ISLAMIC ARMY");
        assertThat(SlashAlternatives.split("RAVI S/O KUMAR")).isEmpty();
        assertThat(SlashAlternatives.split("NORDIC A/S")).isEmpty();
        assertThat(SlashAlternatives.split("FUND 1/2")).isEmpty();
        assertThat(NameAnalyzer.analyze("AL-QA'IDA/ISLAMIC ARMY", Schema.ORGANIZATION)).hasSize(3);
    }

    @Test
    void wadeGilesAndPinyinFoldToOneKey() {
        assertThat(ChineseRomanization.same(Token.of("hsi"), Token.of("xi"))).isTrue();
        assertThat(ChineseRomanization.same(Token.of("tsetung"), Token.of("zedong"))).isTrue();
        assertThat(ChineseRomanization.same(Token.of("chinping"), Token.of("jinping"))).isTrue();
        // Korean McCune-Reischauer "Choe" is not "Joe"; non-syllabic words have no key
        assertThat(ChineseRomanization.same(Token.of("choe"), Token.of("joe"))).isFalse();
        assertThat(ChineseRomanization.key("schmidt")).isNull();
        // the first-sound class is a necessary condition for equal keys
        List<String> parts = List.of("hsi", "xi", "tsetung", "zedong", "chinping", "jinping", "chiang", "jiang", "qiang",
                "peking", "beijing", "kuo", "guo", "tai", "dai", "chou", "zhou", "tsai", "cai", "sun", "hu", "shih", "shi");
        for (String a : parts) {
            for (String b : parts) {
                String ka = ChineseRomanization.key(a);
                if (ka != null && ka.equals(ChineseRomanization.key(b))) {
                    assertThat(ChineseRomanization.initialClass(a)).as(a + " / " + b)
                            .isEqualTo(ChineseRomanization.initialClass(b));
                }
            }
        }
        assertThat(ChineseRomanization.same(Token.of("jinping"), Token.of("jinping"))).isFalse(); // pinyin alone: compared as written
    }

    @Test
    void givenNameEquivalentsPatronymicsAndAbbreviations() {
        assertThat(NameVariants.sameGivenName("ted", "theodore")).isTrue();
        assertThat(NameVariants.sameGivenName("ted", "edward")).isTrue();
        assertThat(NameVariants.sameGivenName("juan", "john")).isTrue();
        assertThat(NameVariants.sameGivenName("theodore", "edward")).isFalse();
        assertThat(NameVariants.sameGivenName("lavrov", "john")).isFalse();
        assertThat(NameVariants.isPatronymic("viktorovich")).isTrue();
        assertThat(NameVariants.isPatronymic("oleksandrovych")).isTrue();
        assertThat(NameVariants.isPatronymic("lavrov")).isFalse();
        assertThat(NameVariants.canonical("intl")).isEqualTo("international");
        assertThat(NameVariants.canonical("shpg")).isEqualTo("shipping"); // "Korea Samma SHPG CO" (UN KPe.065)
        assertThat(NameVariants.canonical("combatant")).isEqualTo("fighting"); // MOROCCAN ISLAMIC COMBATANT GROUP
    }

    @Test
    void acronymsAreJoinedAfterLegalForms() {
        List<Token> t = AcronymJoiner.apply(LegalForms.apply(List.of("a", "b", "c", "company")));
        assertThat(t).extracting(Token::text).containsExactly("abc", "co");
        assertThat(AcronymJoiner.apply(LegalForms.apply(List.of("faberlic", "sp", "z", "o", "o"))))
                .extracting(Token::text).containsExactly("faberlic", "spzoo");
        assertThat(AcronymJoiner.apply(LegalForms.apply(List.of("bain", "capital", "fund", "x", "l", "p"))))
                .extracting(Token::text).containsExactly("bain", "capital", "fund", "x", "lp");
        assertThat(NameAnalyzer.analyze("T N K FABRICS LIMITED", Schema.ORGANIZATION).getFirst().text())
                .isEqualTo("tnk fabrics ltd");
        assertThat(NameAnalyzer.analyze("J R Smith", Schema.PERSON).getFirst().text()).isEqualTo("j r smith");
    }

    @Test
    void vesselPrefixes() {
        assertThat(VesselPrefixFilter.apply(List.of("mv", "sea", "pony"))).containsExactly("sea", "pony");
        assertThat(VesselPrefixFilter.apply(List.of("m", "v", "sea", "pony"))).containsExactly("sea", "pony");
    }

    @Test
    void variantsAndPhoneticKeys() {
        assertThat(NameVariants.canonical("usama")).isEqualTo(NameVariants.canonical("osama"));
        assertThat(NameVariants.canonical("mohammed")).isEqualTo("muhammad");
        assertThat(NameVariants.canonical("serguei")).isEqualTo("sergei");
        assertThat(PhoneticKey.of("qadhafi")).isEqualTo(PhoneticKey.of("gaddafi")).isEqualTo(PhoneticKey.of("kadafi"));
        assertThat(PhoneticKey.of("jong")).isEqualTo(PhoneticKey.of("chong"));
        assertThat(PhoneticKey.of("lavrov")).isNotEqualTo(PhoneticKey.of("putin"));
    }

    @Test
    void abjadMatcherRespectsWrittenLongVowels() {
        assertThat(AbjadMatcher.matches("hsyn", "hussein")).isTrue();
        assertThat(AbjadMatcher.matches("hsyn", "husayn")).isTrue();
        assertThat(AbjadMatcher.matches("hsyn", "hasan")).isFalse();
        assertThat(AbjadMatcher.matches("mhmd", "muhammad")).isTrue();
        assertThat(AbjadMatcher.matches("bas", "abbas")).isTrue();
        assertThat(AbjadMatcher.matches("qady", "qaid")).isFalse();
        // the consonant key screening tries first never turns away a pair that matches
        List<String> parts = List.of("hsyn", "hussein", "husayn", "hasan", "mhmd", "muhammad", "mohamed", "bas", "abbas",
                "qady", "qaid", "qadi", "ahmd", "ahmed", "yusf", "yousef", "aly", "ali", "alawi", "abd", "abdul", "shykh",
                "sheikh", "mwsy", "musa", "moussa", "asama", "usama", "osama", "bnladn", "binladen");
        int matching = 0;
        for (String a : parts) {
            for (String b : parts) {
                if (!AbjadMatcher.matches(a, b)) continue;
                matching++;
                assertThat(AbjadMatcher.consonantKey(AbjadMatcher.symbols(a, true)))
                        .as(a + " / " + b).isEqualTo(AbjadMatcher.consonantKey(AbjadMatcher.symbols(b, false)));
            }
        }
        assertThat(matching).isGreaterThan(10);
    }

    @Test
    void theChainProducesNativeAndLatinForms() {
        List<NameForm> forms = NameAnalyzer.analyze("Сергей Лавров", Schema.PERSON);
        assertThat(forms).hasSize(2);
        assertThat(forms.get(0).native_()).isTrue();
        assertThat(forms.get(1).text()).isEqualTo("sergey lavrov");
        assertThat(NameAnalyzer.analyze("Dr. Ali Hassan", Schema.PERSON).getFirst().text()).isEqualTo("dr ali hassan");
        assertThat(NameAnalyzer.analyze("MV SEA PONY 1", Schema.VESSEL).getFirst().tokens())
                .extracting(Token::kind).containsExactly(Token.Kind.WORD, Token.Kind.WORD, Token.Kind.NUMBER);
        assertThat(NameAnalyzer.analyze("AMIR 彭", Schema.PERSON).getLast().text()).isEqualTo("amir peng");
        assertThat(NameAnalyzer.analyze("...", Schema.PERSON)).isEmpty();
    }

    @Test
    void numberWordsBecomeDigits() {
        assertThat(NumberWords.apply(List.of("brigade", "forty", "four"))).containsExactly("brigade", "44");
        assertThat(NumberWords.apply(List.of("brigade", "fourty", "4"))).containsExactly("brigade", "44");
        assertThat(NumberWords.apply(List.of("three", "percenters"))).containsExactly("3", "percenters");
        assertThat(NumberWords.apply(List.of("first", "bank"))).containsExactly("1", "bank");
        assertThat(NumberWords.apply(List.of("1st", "bank"))).containsExactly("1", "bank");
        assertThat(NumberWords.apply(List.of("sea", "pony", "2"))).containsExactly("sea", "pony", "2");
        assertThat(NumberWords.apply(List.of("athens", "forty"))).containsExactly("athens", "40");
    }

    @Test
    void digitsBetweenLettersAreFoldedToLetters() {
        assertThat(LeetFolder.apply(List.of("ig0r", "sech1n"))).containsExactly("igor", "sechin");
        assertThat(LeetFolder.apply(List.of("i9or"))).containsExactly("igor");
        assertThat(LeetFolder.fold("9or")).isEqualTo("9or"); // a leading digit has no letter before it
        assertThat(LeetFolder.fold("ahl1")).isEqualTo("ahl1");
        assertThat(LeetFolder.fold("a320")).isEqualTo("a320");
        assertThat(LeetFolder.fold("2004")).isEqualTo("2004");
    }
}
