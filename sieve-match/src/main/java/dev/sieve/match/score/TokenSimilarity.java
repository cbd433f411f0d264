package dev.sieve.match.score;

import dev.sieve.match.analysis.AbjadMatcher;
import dev.sieve.match.analysis.ArabicNames;
import dev.sieve.match.analysis.ChineseRomanization;
import dev.sieve.match.analysis.EditDistance;
import dev.sieve.match.analysis.NameVariants;
import dev.sieve.match.analysis.PhoneticKey;
import dev.sieve.match.analysis.Token;
import dev.sieve.model.Explanation.How;

/** How alike two name parts are, in [0, 1], and why: exact, variant, initial, transliteration, phonetic, edits. */
public final class TokenSimilarity {
    /** Below this two parts are not aligned at all. */
    public static final double MIN = 0.7;
    private static final double SHORT_ABJAD = 0.75;
    /** A family name in the other gender's form: aligned, but weaker than a typo. */
    private static final double OTHER_GENDER = 0.72;
    /** The same part with a letter doubled on one side only. */
    private static final double DOUBLED = 0.9;

    private TokenSimilarity() {
    }

    /** A similarity and the way it was found; {@code null} how means no match. */
    public record Result(double similarity, How how) {
        public static final Result NONE = new Result(0, null);
    }

    /**
     * @param queryAbjad the query part was transliterated from Arabic or Hebrew script
     * @param listedAbjad the listed part was
     */
    public static Result compare(Token q, Token c, boolean queryAbjad, boolean listedAbjad) {
        return compare(q, c, queryAbjad, listedAbjad, true);
    }

    /** @param typos whether edit-distance similarity applies (not for romanised syllables: chen is not cheng) */
    public static Result compare(Token q, Token c, boolean queryAbjad, boolean listedAbjad, boolean typos) {
        if (q.kind() == Token.Kind.NUMBER || c.kind() == Token.Kind.NUMBER) {
            return q.text().equals(c.text()) ? new Result(1, How.EXACT) : Result.NONE;
        }
        if (q.text().equals(c.text())) return new Result(1, How.EXACT);
        if (q.canonical().equals(c.canonical())) return new Result(0.95, How.VARIANT);
        boolean words = q.kind() == Token.Kind.WORD && c.kind() == Token.Kind.WORD;
        // (the rules below are tried on every pair of parts a query meets: each starts with a cheap test)
        int lengthGap = Math.abs(q.text().length() - c.text().length());
        boolean sameStart = q.text().charAt(0) == c.text().charAt(0);
        if (words && sameStart && (lengthGap == 1 || lengthGap == 2) && otherGender(q.text(), c.text())) {
            return new Result(OTHER_GENDER, How.VARIANT);
        }
        if (words && ((q.givenNames() & c.givenNames()) != 0 || sameStart && lengthGap <= 3 && balticEnding(q, c))) {
            return new Result(0.9, How.VARIANT);
        }
        if (q.kind() == Token.Kind.INITIAL || c.kind() == Token.Kind.INITIAL) {
            Token initial = q.kind() == Token.Kind.INITIAL ? q : c;
            Token full = initial == q ? c : q;
            return full.text().length() > 1 && full.text().charAt(0) == initial.text().charAt(0)
                    ? new Result(0.9, How.INITIAL) : Result.NONE;
        }
        if (words && lengthGap <= 2 && !queryAbjad && !listedAbjad && ChineseRomanization.same(q, c)) {
            return new Result(0.9, How.TRANSLITERATION);
        }
        String qs = q.skeleton();
        String cs = c.skeleton();
        if (queryAbjad != listedAbjad) {
            Token abjad = queryAbjad ? q : c;
            Token latin = queryAbjad ? c : q;
            // a common name spelled with its vowels is compared as the Latin it is
            if (ArabicNames.isSpelling(abjad.text())) {
                Result asLatin = compare(q, c, false, false, typos);
                if (asLatin.how() != null) return asLatin;
                // else its consonants, as the script wrote them, with any vowels between ("tarak" for طارق)
                String skeleton = abjad.abjadSymbols().replace('W', 'A').replace('Y', 'A');
                if (abjad.abjadKey() == latin.latinKey() && AbjadMatcher.matchesSymbols(skeleton, latin.latinSymbols())
                        && PhoneticKey.consonants(PhoneticKey.of(abjad.text())).length() >= 3) {
                    return new Result(0.8, How.TRANSLITERATION);
                }
                return Result.NONE;
            }
            String symbols = abjad.abjadSymbols();
            // two written consonants at least, a ha counted, a final one too (الحوثي, Huthi; طه, Taha)
            int consonants = AbjadMatcher.keyedConsonants(symbols) + (AbjadMatcher.endsOnH(symbols) ? 1 : 0);
            if (AbjadMatcher.keysMeet(abjad, latin) && AbjadMatcher.matchesSymbols(symbols, latin.latinSymbols())
                    && (consonants >= 2 || PhoneticKey.consonants(PhoneticKey.of(abjad.text())).length() >= 2)) {
                return new Result(0.85, How.TRANSLITERATION);
            }
            // one consonant: a short part read alike (ضيا / Zia, اغ / Ag, أول / Awal), weaker evidence than a longer one;
            // an l alone only beside a waw that may be a consonant too (آل, אלה, عالية: an article, a family's "Al", Aliya)
            if (abjad.abjadKey() == latin.latinKey() && latin.text().length() <= 4 && AbjadMatcher.readConsonants(symbols) == 1
                    && (AbjadMatcher.keyedConsonants(symbols) == 1 || symbols.indexOf('W') >= 0)
                    && AbjadMatcher.matchesSymbols(symbols, latin.latinSymbols())) {
                return new Result(SHORT_ABJAD, How.TRANSLITERATION);
            }
            return Result.NONE;
        }
        if (qs.length() >= 3 && qs.equals(cs) && Math.min(q.text().length(), c.text().length()) >= 5 && skeletonCounts(q, c)) {
            return new Result(0.88, How.PHONETIC);
        }
        // one letter written twice or once inside a part (shadda: Habbo / Habo, Hassan / Hasan): one spelling, not a
        // typo; at its end it may be another name (Renee / Rene)
        if (typos && words && sameStart && lengthGap == 1 && Math.min(q.text().length(), c.text().length()) >= 4
                && q.text().charAt(q.text().length() - 1) == c.text().charAt(c.text().length() - 1)
                && !doubledAtEnd(q.text()) && !doubledAtEnd(c.text()) && squeezed(q.text()).equals(squeezed(c.text()))) {
            return new Result(DOUBLED, How.EDIT_DISTANCE);
        }
        double edit = 0;
        if (typos) {
            edit = edits(q.text(), c.text());
            if (edit == 0 && !(q.canonical() == q.text() && c.canonical() == c.text())) {
                edit = edits(q.canonical(), c.canonical());
            }
        }
        if (edit >= MIN) {
            // "ou" where English writes "u": the French spelling of Arab and West African names (Tounisi / Tunisi, Fitouri /
            // Fituri, Mourad / Murad) is a spelling, not a typo
            if (edit < FRENCH_U && words && q.text().contains("ou") != c.text().contains("ou")
                    && frenchU(q.text()).equals(frenchU(c.text()))) {
                return new Result(FRENCH_U, How.VARIANT);
            }
            return new Result(edit, How.EDIT_DISTANCE);
        }
        if (typos && sameStart && lengthGap > 0 && squeezed(q.text()).equals(squeezed(c.text()))) {
            return new Result(0.8, How.EDIT_DISTANCE);
        }
        if (typos && qs.length() >= 3 && qs.equals(cs) && skeletonCounts(q, c)) return new Result(0.8, How.PHONETIC);
        return Result.NONE;
    }

    /**
     * Whether two parts with one consonant skeleton are the same name by it. The skeleton folds a leading vowel, h,
     * w and y together and keeps two or three consonant classes, so unrelated names share one ("huang" / "young",
     * "cindy" / "qannadi", "erika" / "araghi"): the spellings must share more than half of their letters in place too
     * (qadhafi / gaddafi 0.71, mohammed / muhamad 0.63; with half, every Aaron met HERRON and Gordon GARDENIA). Between two Mandarin syllable spellings the romanisation
     * tables decide alone (the skeleton makes zhang, cheng, jiang and chiang one name; only zhang / chang is). Measured
     * on every benchmark: no name form lost; fewer other alerts, and a third fewer on real names-only customers.
     */
    private static boolean skeletonCounts(Token q, Token c) {
        if (q.mandarin() != null && c.mandarin() != null) return false;
        return EditDistance.similarity(q.text(), c.text()) >= PHONETIC_SPELLING_MIN;
    }

    private static final double PHONETIC_SPELLING_MIN = 0.55;

    /**
     * Latvian and Lithuanian give names a nominative ending: Sergejs Lavrovs is Sergej Lavrov, the same
     * name with its "-s" (Latvian) or "-as" (Lithuanian), not a typo. Only for names whose spellings are
     * known (else "states" would be "state"); other endings are left to edit distance.
     */
    private static final String[] BALTIC_ENDINGS = {"s", "as"};

    static boolean balticEnding(Token a, Token b) {
        return stemIs(a.text(), b.canonical()) || stemIs(b.text(), a.canonical());
    }

    private static boolean stemIs(String inflected, String canonical) {
        if (!inflected.endsWith("s")) return false;
        for (String ending : BALTIC_ENDINGS) {
            int stem = inflected.length() - ending.length();
            if (stem >= 4 && inflected.endsWith(ending) && NameVariants.isKnown(inflected.substring(0, stem))
                    && NameVariants.canonical(inflected.substring(0, stem)).equals(canonical)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Slavic family names take the bearer's gender (Baranov / Baranova, Ivanov / Ivanova, Pushkin /
     * Pushkina, Belsky / Belskaya): the same family, but most often a relative, a classic false alert.
     */
    static boolean otherGender(String a, String b) {
        return feminineOf(a, b) || feminineOf(b, a);
    }

    private static final String[][] GENDER_ENDINGS = {{"ova", "ov"}, {"eva", "ev"}, {"ina", "in"}, {"yna", "yn"},
            {"skaya", "skiy"}, {"skaya", "sky"}, {"skaya", "skii"}, {"skaya", "ski"}, {"tskaya", "tsky"}};

    private static boolean feminineOf(String feminine, String masculine) {
        for (String[] e : GENDER_ENDINGS) {
            if (!feminine.endsWith(e[0]) || !masculine.endsWith(e[1])) continue;
            String fs = feminine.substring(0, feminine.length() - e[0].length());
            String ms = masculine.substring(0, masculine.length() - e[1].length());
            if (fs.length() >= 3 && EditDistance.within(fs, ms, fs.length() >= 5 ? 1 : 0) >= 0) return true;
        }
        return false;
    }

    private static boolean doubledAtEnd(String s) {
        return s.length() >= 2 && s.charAt(s.length() - 1) == s.charAt(s.length() - 2);
    }

    /** A spelling with French "ou" for "u": as alike as a known variant spelled with a letter more. */
    private static final double FRENCH_U = 0.9;

    /** The text with each "ou" written "u". */
    private static String frenchU(String s) {
        return s.replace("ou", "u");
    }

    /** The part with doubled letters written once: a key typed twice is a typo even in short parts ("uun" / "un"). */

    private static String squeezed(String s) {
        StringBuilder sb = null;
        for (int i = 1; i < s.length(); i++) {
            if (s.charAt(i) == s.charAt(i - 1)) {
                if (sb == null) sb = new StringBuilder(s.substring(0, i));
            } else if (sb != null) {
                sb.append(s.charAt(i));
            }
        }
        return sb == null ? s : sb.toString();
    }

    /**
     * Similarity from typos: one edit in four letters or more (1 - 1/length: in a four-letter name one
     * letter is a quarter of it, "Snow" / "Snoe"), two in eight or more.
     */
    private static double edits(String a, String b) {
        int longest = Math.max(a.length(), b.length());
        if (longest < 4) return 0;
        int d = EditDistance.within(a, b, longest >= 8 ? 2 : 1);
        if (d < 0) return 0;
        double sim = d == 1 ? 1.0 - 1.0 / longest : 1.0 - 2.2 / longest;
        return Math.min(sim, 0.93);
    }
}
