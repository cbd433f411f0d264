package dev.sieve.match.analysis;

import com.ibm.icu.text.Transliterator;
import dev.sieve.match.util.BoundedCache;
import dev.sieve.match.util.ObjectPool;

/**
 * Stage: transliteration to Latin with ICU4J, one transliterator per script (BGN for Russian, which
 * gives the "Sergey" the lists use; Hangul syllable by syllable, so 김정은 gives "gim jeong eun" as
 * three parts like "Kim Jong Un"). Transliterators are pooled: they are not cheap to create, and are
 * not safe for two threads at once.
 */
public final class ToLatin {
    private static final String TAIL = "; Latin-ASCII; [:^ASCII:] Remove";
    private static final ObjectPool<Transliterator> CYRILLIC = rule("Russian-Latin/BGN");
    private static final ObjectPool<Transliterator> ANY = rule("Any-Latin");
    /** Arabic script: to Latin with ICU's marks first, then folded (see {@link #apartFromDigraphs}). */
    private static final ObjectPool<Transliterator> ANY_MARKED = pool("Any-Latin");
    private static final ObjectPool<Transliterator> FOLD = pool(TAIL.substring(2));
    private static final ObjectPool<Transliterator> HANGUL = rule("Hangul-Latin");

    private ToLatin() {
    }

    private static ObjectPool<Transliterator> rule(String id) {
        return pool(id + TAIL);
    }

    private static ObjectPool<Transliterator> pool(String id) {
        return new ObjectPool<>(() -> Transliterator.getInstance(id), 16);
    }

    private static String transliterate(ObjectPool<Transliterator> pool, String text) {
        Transliterator t = pool.take();
        try {
            return t.transliterate(text);
        } finally {
            pool.give(t);
        }
    }

    public static String apply(String text, Script script) {
        if (script == Script.LATIN) return text;
        // Word by word through a bounded cache: names repeat their parts far more than whole names.
        StringBuilder out = new StringBuilder(text.length() * 2);
        int start = 0;
        for (int i = 0; i <= text.length(); i++) {
            if (i == text.length() || Character.isWhitespace(text.charAt(i))) {
                if (i > start) {
                    if (!out.isEmpty()) out.append(' ');
                    out.append(word(text.substring(start, i), script));
                }
                start = i + 1;
            }
        }
        return out.toString();
    }

    private static final BoundedCache<String, String> CACHE = new BoundedCache<>(200_000);

    private static String word(String word, Script script) {
        return CACHE.get(script.ordinal() + ":" + word, key -> switch (script) {
            case CYRILLIC -> transliterate(CYRILLIC, word);
            case HANGUL -> transliterate(HANGUL, spaceSyllables(word)).strip();
            case ARABIC -> {
                if (isAscii(word)) yield word; // a word already in Latin letters (an organisation's, in English)
                String spelled = ArabicNames.spell(word);
                yield spelled != null ? spelled
                        : transliterate(FOLD, apartFromDigraphs(transliterate(ANY_MARKED, spokenEndings(word))));
            }
            default -> transliterate(ANY, word);
        });
    }

    /**
     * Arabic letters whose sound at the end of a word the transliterator misses: alif maqsura (ى) is an
     * "a" (مصطفى, Mustafa), not a "y"; taa marbuta (ة) is the "-a"/"-ah" ending (أسامة, Usama), not a "t".
     */
    static String spokenEndings(String word) {
        if (word.indexOf('\u0649') < 0 && word.indexOf('\u0629') < 0) return word;
        return word.replace('\u0649', '\u0627').replace('\u0629', '\u0647');
    }

    /**
     * ICU writes the letters Latin spells with two (ش sh, خ kh, ث th, ذ dh, غ gh) with a marked h (ẖ), and a letter
     * followed by ح or ه with a plain one (ḥ, h): folded to ASCII the two are one text, and صحراوي read "shrawy" is
     * read with a shin. A vowel between the letter and the h keeps them apart, as Latin spellings write them
     * (Sahraoui, Zahrani, Ittihad); the abjad reading takes it for a short vowel, which may go unwritten.
     */
    static String apartFromDigraphs(String marked) {
        StringBuilder out = null;
        for (int i = 1; i < marked.length(); i++) {
            char c = marked.charAt(i);
            if ((c == 'h' || c == '\u1e25') && spelledWithH(marked, i - 1)) {
                if (out == null) out = new StringBuilder(marked.length() + 4).append(marked, 0, i);
                out.append('a');
            }
            if (out != null) out.append(c);
        }
        return out == null ? marked : out.toString();
    }

    /** Whether the letter ending at {@code at} (past its marks) is one Latin spells with an h after it (s, t, d, k, g, z). */
    private static boolean spelledWithH(String s, int at) {
        while (at > 0 && Character.getType(s.charAt(at)) == Character.NON_SPACING_MARK) at--;
        char base = java.text.Normalizer.normalize(String.valueOf(s.charAt(at)), java.text.Normalizer.Form.NFD).charAt(0);
        return AbjadMatcher.SPELLED_WITH_H.indexOf(Character.toLowerCase(base)) >= 0;
    }

    private static boolean isAscii(String word) {
        for (int i = 0; i < word.length(); i++) if (word.charAt(i) >= 0x80) return false;
        return true;
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
