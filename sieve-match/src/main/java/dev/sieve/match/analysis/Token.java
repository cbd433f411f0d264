package dev.sieve.match.analysis;

/**
 * One part of an analysed name.
 *
 * @param text the folded part as written ("jong", "usama", "1")
 * @param canonical the part after variant folding ("osama" for usama), equal to text when no variant is known
 * @param skeleton a consonant key for phonetic and transliteration matching ("asm" for osama and usama)
 * @param kind what the part is: ordinary word, number, legal form, particle or initial
 */
public record Token(String text, String canonical, String skeleton, Kind kind) {
    public enum Kind { WORD, NUMBER, LEGAL_FORM, PARTICLE, INITIAL }

    public static Token of(String text, Kind kind) {
        String canonical = kind == Kind.WORD || kind == Kind.PARTICLE ? NameVariants.canonical(text) : text;
        String skeleton = kind == Kind.NUMBER ? text : PhoneticKey.of(canonical);
        return new Token(text, canonical, skeleton, kind);
    }

    public static Token of(String text) {
        return of(text, kindOf(text));
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
