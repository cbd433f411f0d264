package dev.sieve.match.analysis;

import com.ibm.icu.text.Transliterator;

/**
 * Stage: transliteration to Latin with ICU4J, one transliterator per script (BGN for Russian, which
 * gives the "Sergey" the lists use; Hangul syllable by syllable, so 김정은 gives "gim jeong eun" as
 * three parts like "Kim Jong Un"). Transliterators are kept per thread: they are not cheap to create.
 */
public final class ToLatin {
    private static final String TAIL = "; Latin-ASCII; [:^ASCII:] Remove";
    private static final ThreadLocal<Transliterator> CYRILLIC = rule("Russian-Latin/BGN");
    private static final ThreadLocal<Transliterator> ANY = rule("Any-Latin");
    private static final ThreadLocal<Transliterator> HANGUL = rule("Hangul-Latin");

    private ToLatin() {
    }

    private static ThreadLocal<Transliterator> rule(String id) {
        return ThreadLocal.withInitial(() -> Transliterator.getInstance(id + TAIL));
    }

    public static String apply(String text, Script script) {
        return switch (script) {
            case LATIN -> text;
            case CYRILLIC -> CYRILLIC.get().transliterate(text);
            case HANGUL -> HANGUL.get().transliterate(spaceSyllables(text));
            default -> ANY.get().transliterate(text);
        };
    }

    /** Puts a space after every Hangul syllable: Korean given names are written as separate parts in lists. */
    private static String spaceSyllables(String text) {
        StringBuilder sb = new StringBuilder(text.length() * 2);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            sb.append(c);
            if (c >= '\uAC00' && c <= '\uD7A3') sb.append(' ');
        }
        return sb.toString();
    }
}
