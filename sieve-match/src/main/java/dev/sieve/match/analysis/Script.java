package dev.sieve.match.analysis;

/** The writing system of a name, as far as matching cares. */
public enum Script {
    LATIN, CYRILLIC, GREEK, ARABIC, HEBREW, HANGUL, HAN, KANA, THAI, DEVANAGARI, OTHER;

    /** Scripts that do not write short vowels: their transliterations need consonant-skeleton matching. */
    public boolean isAbjad() {
        return this == ARABIC || this == HEBREW;
    }

    /** Scripts written in syllables: one letter more or less in their romanisation is another syllable. */
    public boolean isSyllabic() {
        return this == HAN || this == HANGUL || this == KANA;
    }
}
