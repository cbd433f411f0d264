package dev.sieve.match.analysis;

import dev.sieve.model.Schema;
import java.util.ArrayList;
import java.util.List;

/**
 * The analysis chain, assembled in one visible place:
 * Unicode normalisation → homoglyph folding → camel-case split (non-persons) → script detection → transliteration → case and diacritic
 * folding → tokenisation → digits-for-letters folding → glued Arabic article split (Arabic; Latin before a known Arab
 * name) → number words and connectors (non-persons) → vessel prefix removal (vessels) → legal forms (non-persons)
 * → acronyms joined (organisations, vessels, aircraft) → variant folding and phonetic keys (per token).
 * Each stage is a small class with its own tests. Titles stay, as particles ({@link Titles}).
 */
public final class NameAnalyzer {
    private NameAnalyzer() {
    }

    /**
     * The forms of a name; empty when nothing name-like is left (punctuation only). A name holding
     * alternatives written with a slash ("AL-QA'IDA/ISLAMIC ARMY", as the lists write one alias of
     * another) also gets a form for each alternative.
     */
    public static List<NameForm> analyze(String raw, Schema schema) {
        List<NameForm> forms = analyzeOne(raw, schema);
        List<String> alternatives = SlashAlternatives.split(raw);
        if (alternatives.size() < 2) return forms;
        List<NameForm> all = new ArrayList<>(forms);
        for (String alternative : alternatives) {
            for (NameForm f : analyzeOne(alternative, schema)) if (!all.contains(f)) all.add(f);
        }
        return all;
    }

    /**
     * The forms of a name screened (a query), where {@link #analyze} gives a listed name's: a name that writes the article
     * "Al-" as "AI-" also read with it ({@link ArticleMisprint}); a Latin name also without a
     * leading form of address customer files write ("Herr", "Madame", "Señora"), and, when it is romanised from
     * Cyrillic the German or French way, read the English way too ({@link GermanRomanization}, {@link
     * FrenchRomanization}). Only queries: a listed "MADAME GU"
     * keeps its Madame, and a listed SCHNEIDER is not read as Shneider for every Snyder.
     */
    public static List<NameForm> analyzeQuery(String raw, Schema schema) {
        List<NameForm> forms = analyze(raw, schema);
        String misprint = ArticleMisprint.corrected(raw);
        if (misprint != null) {
            forms = new ArrayList<>(forms);
            for (NameForm f : analyze(misprint, schema)) if (!forms.contains(f)) forms.add(f);
        }
        if (schema == Schema.ORGANIZATION) return forms;
        List<NameForm> out = new ArrayList<>(forms.size() + 1);
        for (NameForm f : forms) {
            if (f.native_() || f.origin() != Script.LATIN) {
                out.add(f);
                continue;
            }
            NameForm addressed = Salutations.withoutLeading(f);
            if (!out.contains(addressed)) out.add(addressed);
            NameForm german = GermanRomanization.readInEnglish(addressed);
            if (german != null && !out.contains(german)) out.add(german);
            NameForm french = FrenchRomanization.readInEnglish(addressed);
            if (french != null && !out.contains(french)) out.add(french);
        }
        return out;
    }

    private static List<NameForm> analyzeOne(String raw, Schema schema) {
        String s = HomoglyphFolder.apply(UnicodeNormalizer.apply(raw));
        if (schema != Schema.PERSON) s = DigitSplitter.apply(CamelCaseSplitter.apply(s));
        Script script = ScriptDetector.detect(s);
        List<NameForm> forms = new ArrayList<>(2);
        if (script != Script.LATIN) {
            List<String> nativeTokens = Tokenizer.apply(AsciiFolder.apply(s));
            if (!nativeTokens.isEmpty()) {
                forms.add(new NameForm(nativeTokens.stream().map(t -> Token.of(t, Token.Kind.WORD)).toList(), script, true));
            }
        }
        // A mostly Latin name may still hold a part in another script ("AMIR 彭"): transliterate those too.
        Script toLatin = script == Script.LATIN && hasNonLatinLetters(s) ? Script.OTHER : script;
        NameForm latin = latinForm(s, script, toLatin, schema);
        if (latin != null) forms.add(latin);
        String translated = inEnglish(s, script, schema);
        if (translated != null) {
            NameForm english = latinForm(translated, script, script, schema);
            if (english != null && !english.equals(latin)) forms.add(english);
        }
        return forms;
    }

    /**
     * An organisation's name in Arabic script or Chinese with the words that say what it is in English ("front",
     * "shipping"), or null: persons' names are not translated.
     */
    private static String inEnglish(String s, Script script, Schema schema) {
        if (schema == Schema.PERSON) return null;
        boolean organisation = schema == Schema.ORGANIZATION;
        return switch (script) {
            case ARABIC -> ArabicOrganisationTerms.translate(s, organisation);
            case HAN -> ChineseOrganisationTerms.translate(s, organisation);
            default -> null;
        };
    }

    private static NameForm latinForm(String s, Script script, Script toLatin, Schema schema) {
        String latin = AsciiFolder.apply(ToLatin.apply(s, toLatin));
        List<String> tokens = LeetFolder.apply(Tokenizer.apply(latin));
        if (script == Script.ARABIC || script == Script.LATIN) tokens = GluedArticleSplitter.apply(tokens, script == Script.ARABIC);
        if (schema != Schema.PERSON) tokens = ConnectorFilter.apply(NumberWords.apply(tokens));
        if (schema == Schema.VESSEL) tokens = VesselPrefixFilter.apply(tokens);
        List<Token> analysed;
        if (schema == Schema.PERSON) {
            analysed = tokens.stream().map(Token::of).toList();
        } else {
            List<Token> withForms = LegalForms.apply(tokens, script == Script.CYRILLIC);
            analysed = List.copyOf(schema == null ? withForms : AcronymJoiner.apply(withForms));
        }
        return analysed.isEmpty() ? null : new NameForm(analysed, script, false);
    }

    /**
     * Whether a name carries a legal form that only organisations have ("Ltd", "Corporation", "GmbH"):
     * such a query is not a person's, whatever schema it gives. Short forms that are also name parts
     * ("SA", "Co", "AS") do not count.
     */
    public static boolean marksOrganisation(String raw) {
        if (raw == null) return false;
        return LegalForms.marksOrganisation(Tokenizer.apply(AsciiFolder.apply(UnicodeNormalizer.apply(raw))));
    }

    private static boolean hasNonLatinLetters(String s) {
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            i += Character.charCount(cp);
            if (Character.isLetter(cp) && ScriptDetector.of(cp) != Script.LATIN) return true;
        }
        return false;
    }
}
