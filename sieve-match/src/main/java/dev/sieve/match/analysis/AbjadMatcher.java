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
        for (int i = 0; i < symbols.length(); i++) {
            char c = symbols.charAt(i);
            // Left out or folded as matchesSymbols lets them differ: a Latin 'v' (a word's first w, which may stand for a
            // waw the abjad part reads as a vowel), an l (the article's before a sun letter often goes unwritten:
            // "ad-din", "uddin"), and d, t, s and tha fall together (a dad is z in Persian and Urdu spellings, a tha s).
            // an h neither: whether "sh" is a shin or a sin and a ha can be told on neither side (Rashid, Ishaq, Sahraoui)
            if (keyed(c) && c != 'h') h = 31 * h + (c == 's' || c == 't' || c == THA ? 'd' : c);
        }
        return h;
    }

    private static boolean keyed(char symbol) {
        return Character.isLowerCase(symbol) && symbol != 'v' && symbol != 'l';
    }

    /** How many consonants {@link #consonantKey} hashes: a key of fewer than two says little about a part. */
    public static int keyedConsonants(String symbols) {
        int n = 0;
        for (int i = 0; i < symbols.length(); i++) if (keyed(symbols.charAt(i))) n++;
        return n;
    }

    /** As {@link #matches}, from the parts' symbols worked out beforehand ({@link Token#abjadSymbols()}). */
    public static boolean matchesSymbols(String a, String l) {
        if (a.isEmpty() || l.isEmpty()) return false;
        int i = 0;
        for (int j = 0; j < l.length(); j++) {
            char x = l.charAt(j);
            if (x == MAYBE_H) {
                // a Latin "sh", "th", "dh", "kh" or "gh" is one letter, or the letter and a ha (إسحاق, Ishaq)
                int k = i;
                while (k < a.length() && a.charAt(k) == 'A') k++;
                if (k < a.length() && a.charAt(k) == 'h') i = k + 1;
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
            if (y != x && !(y == 'd' && x == 's') && !(y == THA && (x == 't' || x == 's'))) return false;
            i++;
        }
        while (i < a.length() && (a.charAt(i) == 'A' || a.charAt(i) == ARTICLE_LAM)) i++;
        return i == a.length() && l.chars().anyMatch(Character::isLowerCase);
    }

    /**
     * Consonant classes in lower case; vowels in upper case: in the abjad part 'A' (alif, optional),
     * 'W', 'Y'; in the Latin part one upper-case letter per vowel group: 'B' (has both i/e/y and u/o/w), 'I'
     * (has i/e/y), 'U' (has u/o/w), 'A' (a only).
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
                    // French and German spellings of Maghrebi names write shin as "ch" (Achour, Chérif)
                    case 'c' -> abjad ? 'j' : 's';
                    case 'z' -> 'j';
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
                    case 'z', 'x' -> 's';
                    case 'w' -> 'v';
                    case 'p' -> 'b';
                    case 'v' -> 'f';
                    case 'e' -> 'e';
                    default -> c;
                };
            }
            if (code == 'h' && (i == s.length() - 1)) continue; // final h (taa marbuta, "-ah") is a vowel ending
            // the article's lam before a sun letter is said as that letter: Latin spellings often leave it out
            if (abjad && code == 'l' && !out.isEmpty() && out.charAt(out.length() - 1) == 'A' && i + 1 < s.length()
                    && "tdrzsn".indexOf(s.charAt(i + 1)) >= 0) {
                code = ARTICLE_LAM;
            }
            if (out.isEmpty() || out.charAt(out.length() - 1) != code) out.append(code);
            if (!abjad && i > 0 && s.charAt(i) == 'h' && "stdkg".indexOf(s.charAt(i - 1)) >= 0) out.append(MAYBE_H);
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

    /** After a Latin digraph's letter: the h that may be a letter of its own in the abjad part. */
    private static final char MAYBE_H = '~';

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
