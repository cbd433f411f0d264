package dev.sieve.match.analysis;

import dev.sieve.match.util.BoundedCache;

/**
 * One part of an analysed name.
 *
 * @param text the folded part as written ("jong", "usama", "1")
 * @param canonical the part after variant folding ("osama" for usama), equal to text when no variant is known
 * @param skeleton a consonant key for phonetic and transliteration matching ("asm" for osama and usama)
 * @param kind what the part is: ordinary word, number, legal form, particle or initial
 * @param givenNames the groups of given names this word belongs to, as bits ({@link NameVariants#givenNames})
 * @param mandarin the word's key when it reads as Mandarin syllables ({@link ChineseRomanization}), else null
 * @param wadeGiles whether that reading is spelled the Wade-Giles way
 * @param abjadSymbols the part read as transliterated from an abjad, for {@link AbjadMatcher}
 * @param latinSymbols the part read as Latin, for {@link AbjadMatcher}
 * @param abjadKey {@link AbjadMatcher#consonantKey} of the abjad reading
 * @param latinKey {@link AbjadMatcher#consonantKey} of the Latin reading
 */
public record Token(String text, String canonical, String skeleton, Kind kind, long givenNames, String mandarin,
                    boolean wadeGiles, String abjadSymbols, String latinSymbols, int abjadKey, int latinKey) {
    public enum Kind { WORD, NUMBER, LEGAL_FORM, PARTICLE, INITIAL }

    public static Token of(String text, Kind kind) {
        String canonical = kind == Kind.WORD || kind == Kind.PARTICLE ? NameVariants.canonical(text) : text;
        String skeleton = kind == Kind.NUMBER ? text : PhoneticKey.of(canonical);
        if (kind != Kind.WORD) {
            return make(text, canonical, skeleton, kind, 0, null, false, true);
        }
        // worked out once per part, not once per pair of parts compared
        long given = NameVariants.givenNames(text) | NameVariants.givenNames(canonical);
        String mandarin = ChineseRomanization.key(text);
        return make(text, canonical, skeleton, kind, given, mandarin, mandarin != null && ChineseRomanization.wadeGiles(text),
                true);
    }

    /**
     * Adjacent parts written as one ("jong" + "un"): no given-name groups, a Mandarin reading only when
     * every part had one, abjad readings only when it will be compared across an abjad and Latin.
     */
    public static Token joined(String text, boolean partsMandarin, boolean vsAbjad) {
        String canonical = NameVariants.canonical(text);
        String mandarin = partsMandarin ? ChineseRomanization.key(text) : null;
        // the abjad readings only when compared across an abjad and Latin (the only use; joins are many)
        return make(text, canonical, PhoneticKey.of(canonical), Kind.WORD, 0, mandarin,
                mandarin != null && ChineseRomanization.wadeGiles(text), vsAbjad);
    }

    private static Token make(String text, String canonical, String skeleton, Kind kind, long given, String mandarin,
                              boolean wadeGiles, boolean abjadReadings) {
        String abjad = abjadReadings ? AbjadMatcher.symbols(text, true) : "";
        String latin = abjadReadings ? AbjadMatcher.symbols(text, false) : "";
        return new Token(text, canonical, skeleton, kind, given, mandarin, wadeGiles, abjad, latin,
                AbjadMatcher.consonantKey(abjad), AbjadMatcher.consonantKey(latin));
    }

    /** Parts of names recur: each is worked out once (its variants, keys and readings), then shared. */
    private static final BoundedCache<String, Token> PARTS = new BoundedCache<>(200_000);

    public static Token of(String text) {
        return PARTS.get(text, t -> of(t, kindOf(t)));
    }

    static Kind kindOf(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (Character.isDigit(text.charAt(i))) return Kind.NUMBER;
        }
        if (text.length() == 1) return Kind.INITIAL;
        if (NameVariants.isParticle(text)) return Kind.PARTICLE;
        return Kind.WORD;
    }
}
