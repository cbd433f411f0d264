package dev.sieve.match.analysis;

/**
 * Compares a name part transliterated from Arabic or Hebrew script with a Latin one. Those scripts
 * write consonants and long vowels (alif, waw, yaa) but not short vowels, so the Latin part matches when
 * its consonants are the abjad part's consonants in order, each written long vowel (w, y) is matched by
 * a compatible Latin vowel (u/o/w, i/e/y), and the Latin's other vowels are short ones the script left
 * out. حسين (hsyn) is Hussein or Husayn but not Hasan; محمد (mhmd) is Muhammad; عباس (bas) is Abbas.
 */
public final class AbjadMatcher {
    private AbjadMatcher() {
    }

    public static boolean matches(String abjad, String latin) {
        return matchesSymbols(symbols(abjad, true), symbols(latin, false));
    }

    /**
     * A hash of the symbols' consonants in order. Every consonant must pair with an equal one, in order, so
     * parts whose keys differ cannot match: a cheap test before {@link #matchesSymbols}.
     */
    public static int consonantKey(String symbols) {
        int h = 1;
        char previous = 0;
        for (int i = 0; i < symbols.length(); i++) {
            char c = symbols.charAt(i);
            // Left out or folded as matchesSymbols lets them differ: a Latin 'v' (a word's first w, which may stand for a
            // waw the abjad part reads as a vowel), an l (the article's before a sun letter often goes unwritten:
            // "ad-din", "uddin"), and d, t, s, z and tha fall together (a dad is z in Persian and Urdu spellings, a tha s).
            if (hashed(c, previous)) h = 31 * h + (c == 's' || c == 't' || c == 'z' || c == THA ? 'd' : c);
            if (Character.isLowerCase(c)) previous = c;
        }
        return h;
    }

    /**
     * Whether a symbol is part of the key: a keyed consonant, but not an h after a letter Latin writes with an h
     * (s, t, d, k, z, tha), vowels between or not. Whether "sh" is a shin, or a sin and a ha, can be told on neither
     * side (Rashid, Ishaq; Sahraoui, Zahrani).
     */
    private static boolean hashed(char c, char previous) {
        return keyed(c) && !(c == 'h' && (previous == 's' || previous == 't' || previous == 'd' || previous == 'k'
                || previous == 'z' || previous == THA));
    }

    private static boolean keyed(char symbol) {
        return Character.isLowerCase(symbol) && symbol != 'v' && symbol != 'l';
    }

    /** How many consonants {@link #consonantKey} hashes: a key of fewer than two says little about a part. */
    public static int keyedConsonants(String symbols) {
        int n = 0;
        char previous = 0;
        for (int i = 0; i < symbols.length(); i++) {
            char c = symbols.charAt(i);
            if (hashed(c, previous)) n++;
            if (Character.isLowerCase(c)) previous = c;
        }
        return n;
    }

    /**
     * The consonants a part is read by, an l counted (it is left out of the key, not of the part): a part with fewer
     * than two is not looked up by its key ("ly" for علي is anything).
     */
    public static int readConsonants(String symbols) {
        int n = 0;
        for (int i = 0; i < symbols.length(); i++) {
            char c = symbols.charAt(i);
            if (keyed(c) || c == 'l') n++;
        }
        return n;
    }

    /**
     * Whether an abjad part and a Latin one have the consonant keys {@link #matchesSymbols} needs: equal, or equal once
     * the abjad part's final ha is read as t. A taa marbuta is said t before the next name (عصبة الأنصار, "Asbat
     * al-Ansar"; جبهة النصرة, "Jabhat al-Nusra"), and Latin spellings write it so.
     */
    public static boolean keysMeet(Token abjad, Token latin) {
        return keysMeet(abjad, latin.latinKey());
    }

    /** {@link #keysMeet(Token, Token)} with the Latin part's key worked out beforehand. */
    public static boolean keysMeet(Token abjad, int latinKey) {
        return abjad.abjadKey() == latinKey || finalTKey(abjad) == latinKey;
    }

    /** The abjad part's key with a final ha read as t, or its own key when it ends on none (see {@link #keysMeet}). */
    public static int finalTKey(Token abjad) {
        String symbols = abjad.abjadSymbols();
        return endsOnH(symbols) ? keyWithFinalT(symbols) : abjad.abjadKey();
    }

    /** {@link #consonantKey} of an abjad part's symbols with the final ha read as t (see {@link #keysMeet}). */
    public static int keyWithFinalT(String symbols) {
        return consonantKey(symbols.substring(0, symbols.length() - 1) + 't');
    }

    /** Whether an abjad part's symbols end on a letter h, which may be the letter (طه, Taha) or a vowel ending. */
    public static boolean endsOnH(String symbols) {
        return !symbols.isEmpty() && symbols.charAt(symbols.length() - 1) == FINAL_H;
    }

    /** As {@link #matches}, from the parts' symbols worked out beforehand ({@link Token#abjadSymbols()}). */
    public static boolean matchesSymbols(String a, String l) {
        if (a.isEmpty() || l.isEmpty()) return false;
        return matchFrom(a, l, 0, 0, 0) && l.chars().anyMatch(Character::isLowerCase);
    }

    /** How many digraphs' h are tried both ways: names have a few, and two crafted texts must not cost 2^n tries. */
    private static final int MAX_BRANCHES = 6;

    /**
     * Whether the abjad symbols from {@code i} match the Latin ones from {@code j}; tries both ways at a digraph's h
     * (the first {@link #MAX_BRANCHES} of them; after that, takes the ha when there is one).
     */
    private static boolean matchFrom(String a, String l, int i, int j, int branches) {
        for (; j < l.length(); j++) {
            char x = l.charAt(j);
            if (x == MAYBE_H) {
                // a Latin "sh", "th", "dh", "kh", "gh" or "zh" is one letter, or the letter and a ha (إسحاق, Ishaq), and
                // the Latin may spell a ha of its own right after it (شهاب, Shahab): the ha is taken only if the rest
                // still matches
                int k = i;
                while (k < a.length() && a.charAt(k) == 'A') k++;
                if (k < a.length() && a.charAt(k) == 'h') {
                    if (branches >= MAX_BRANCHES) {
                        i = k + 1;
                        continue;
                    }
                    if (matchFrom(a, l, k + 1, j + 1, branches + 1)) return true;
                }
                continue;
            }
            if (Character.isUpperCase(x)) {
                // a Latin vowel group stands for every written vowel the abjad part has there ("aoui" for اوي)
                while (i < a.length() && Character.isUpperCase(a.charAt(i)) && compatible(a.charAt(i), x)) i++;
                continue;
            }
            // optional alifs in the abjad part are skipped when the Latin has nothing for them, and so is the
            // article's lam before a sun letter ("al-din" / "ud-din")
            while (i < a.length() && (a.charAt(i) == 'A' || a.charAt(i) == ARTICLE_LAM && x != 'l')) i++;
            if (x == 'l' && i < a.length() && a.charAt(i) == ARTICLE_LAM) {
                i++;
                continue;
            }
            // a waw is also the consonant w (وزيري, Waziri)
            if (x == 'v' && i < a.length() && a.charAt(i) == 'W') {
                i++;
                continue;
            }
            // a dad (d) is written z in Persian and Urdu spellings (فضل / Fazal), a tha th or s (ثاقب / Saqib)
            char y = i < a.length() ? a.charAt(i) : 0;
            // a final ha, or a taa marbuta said t after its vowel ("-at", "-et": Jabhat, Asbat; not KCST's t)
            if (y == FINAL_H && (x == 'h' || x == 't' && j > 0 && Character.isUpperCase(l.charAt(j - 1)))) y = x;
            if (y != x && !(y == 'd' && (x == 's' || x == 'z')) && !(y == THA && (x == 't' || x == 's'))) return false;
            i++;
        }
        while (i < a.length() && (a.charAt(i) == 'A' || a.charAt(i) == ARTICLE_LAM || a.charAt(i) == FINAL_H)) i++;
        return i == a.length();
    }

    /**
     * Consonant classes in lower case; vowels in upper case: in the abjad part 'A' (alif, optional), 'W', 'Y' and
     * 'H' (a final ha: the letter, or a vowel ending); in the Latin part one upper-case letter per vowel group: 'B' (has
     * both i/e/y and u/o/w), 'I' (has i/e/y), 'U' (has u/o/w), 'A' (a only), and '~' after a digraph (its h may be a ha).
     */
    public static String symbols(String s, boolean abjad) {
        StringBuilder out = new StringBuilder();
        StringBuilder group = new StringBuilder();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            char next = i + 1 < s.length() ? s.charAt(i + 1) : 0;
            boolean vowel = abjad ? c == 'a' || c == 'w' || c == 'y' || c == 'i' || c == 'u' || c == 'e' || c == 'o'
                    : c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u' || c == 'y' || c == 'w' && i > 0;
            if (vowel) {
                if (abjad) {
                    flush(out, group);
                    char v = c == 'w' || c == 'u' || c == 'o' ? 'W' : c == 'y' || c == 'i' || c == 'e' ? 'Y' : 'A';
                    out.append(v);
                } else {
                    group.append(c);
                }
                continue;
            }
            flush(out, group);
            char code;
            if (next == 'h' && "pkgdtscz".indexOf(c) >= 0) {
                code = switch (c) {
                    case 'p' -> 'f';
                    case 'k', 'g' -> 'k';
                    case 's' -> 's';
                    case 't' -> abjad ? THA : 't';
                    // French and German spellings of Maghrebi names write shin as "ch" (Achour, Chérif); English ones
                    // write the Persian and Urdu che so (چ: Achekzai, Chaudry): one symbol on both sides
                    case 'c' -> 's';
                    // a zah or a zay and a ha (مظهري, Mazhari) far more than a zhe
                    case 'z' -> abjad ? 'j' : 'z';
                    default -> c;
                };
                i++;
            } else if (!abjad && c == 'd' && next == 'j') {
                code = 'j'; // French "dj" for jim (Djamel, Djermane)
                i++;
            } else if (!abjad && c == 'c' && (next == 'e' || next == 'i' || next == 'y')) {
                code = 's'; // a soft c (Lounici, Belgacem)
            } else {
                code = switch (c) {
                    case 'q', 'c', 'g', 'k' -> 'k';
                    case 'z' -> 'z'; // not s: زهرا is no "Shair"
                    case 'x' -> 's';
                    case 'w' -> 'v';
                    case 'p' -> 'b';
                    case 'v' -> 'f';
                    case 'e' -> 'e';
                    default -> c;
                };
            }
            if (code == 'h' && (i == s.length() - 1)) {
                // a final h is mostly a vowel ending (taa marbuta, "-ah") in Latin, but in an abjad part it may be the
                // letter (طه, Taha): there it matches a Latin h or nothing
                if (abjad) out.append(FINAL_H);
                continue;
            }
            // the article's lam before a sun letter is said as that letter: Latin spellings often leave it out
            if (abjad && code == 'l' && !out.isEmpty() && out.charAt(out.length() - 1) == 'A' && i + 1 < s.length()
                    && "tdrzsn".indexOf(s.charAt(i + 1)) >= 0) {
                code = ARTICLE_LAM;
            }
            if (out.isEmpty() || out.charAt(out.length() - 1) != code) out.append(code);
            if (!abjad && i > 0 && s.charAt(i) == 'h' && SPELLED_WITH_H.indexOf(s.charAt(i - 1)) >= 0) out.append(MAYBE_H);
        }
        flush(out, group);
        return out.toString();
    }

    private static void flush(StringBuilder out, StringBuilder group) {
        if (group.isEmpty()) return;
        boolean front = false;
        boolean back = false;
        for (int i = 0; i < group.length(); i++) {
            char c = group.charAt(i);
            front |= c == 'i' || c == 'e' || c == 'y';
            back |= c == 'u' || c == 'o' || c == 'w';
        }
        char v = front && back ? 'B' : front ? 'I' : back ? 'U' : 'A';
        out.append(v);
        group.setLength(0);
    }

    /** The letters Latin writes with an h after them for one abjad letter (sh, th, dh, kh, gh, zh). */
    static final String SPELLED_WITH_H = "stdkgz";

    /** After a Latin digraph's letter: the h that may be a letter of its own in the abjad part. */
    private static final char MAYBE_H = '~';

    /** An abjad part's final h: the letter, or the vowel ending Latin spells "-a" or "-ah". */
    private static final char FINAL_H = 'H';

    /** The article's lam before a sun letter in an abjad part's symbols: matched by an l, or by nothing. */
    private static final char ARTICLE_LAM = 'L';

    /** A tha (th) in an abjad part's symbols: Latin spellings write it th, t or s. */
    private static final char THA = '\u03b8';

    private static boolean compatible(char abjadVowel, char latinGroup) {
        return switch (abjadVowel) {
            case 'W' -> latinGroup == 'U' || latinGroup == 'B';
            case 'Y' -> latinGroup == 'I' || latinGroup == 'B';
            case 'A' -> true; // alif: any vowel
            default -> false; // the article's lam is no vowel
        };
    }
}
