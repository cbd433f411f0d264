package dev.sieve.match.analysis;

/**
 * Stage: a consonant skeleton of a Latin name part, tuned for how names move between scripts:
 * short vowels vanish (Arabic and Hebrew do not write them), so vowels are dropped after the first
 * letter (a leading vowel is kept as "a"); consonants transliterated several ways fall together
 * (q/k/c/g → k, ch/j/zh/dj → j, z/s/x, ph/f, kh/k, dh/d, th/t); doubled consonants collapse.
 * osama, usama → asm; qadhafi, gaddafi, kadafi → kdf; jong, chong, jeong → jnk; kim, gim → km.
 */
public final class PhoneticKey {
    private PhoneticKey() {
    }

    public static String of(String token) {
        String s = token;
        if (s.isEmpty()) return s;
        StringBuilder out = new StringBuilder(s.length());
        char last = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            char next = i + 1 < s.length() ? s.charAt(i + 1) : 0;
            char code;
            if (!isAsciiLetter(c)) {
                if (Character.isDigit(c)) {
                    code = c;
                } else {
                    // another script (original-script tokens): keep the letter itself
                    code = c;
                }
            } else if (next == 'h' && (c == 'p' || c == 'k' || c == 'g' || c == 'd' || c == 't' || c == 's'
                    || c == 'c' || c == 'z')) {
                code = switch (c) {
                    case 'p' -> 'f';
                    case 'k', 'g' -> 'k';
                    case 'd' -> 'd';
                    case 't' -> 't';
                    case 's' -> 's';
                    default -> 'j'; // ch, zh
                };
                i++;
            } else if (c == 'd' && (next == 'j' || next == 'z') || c == 't' && next == 's' || c == 't' && next == 'z') {
                code = c == 'd' ? 'j' : 's';
                i++;
            } else {
                code = switch (c) {
                    case 'a', 'e', 'i', 'o', 'u', 'y' -> 'a';
                    case 'w' -> i == 0 ? 'v' : 'a';
                    case 'h' -> i == 0 || i == s.length() - 1 ? 'a' : 'h';
                    case 'q', 'c', 'g', 'k' -> 'k';
                    case 'z', 's' -> 's';
                    case 'x' -> 's';
                    default -> c;
                };
            }
            if (code == 'a') {
                if (out.isEmpty()) out.append('a');
                last = 'a';
                continue;
            }
            if (code != last) out.append(code);
            last = code;
        }
        return out.toString();
    }

    /** The skeleton without its leading-vowel marker: how Arabic and Hebrew transliterations compare. */
    public static String consonants(String skeleton) {
        return skeleton.startsWith("a") ? skeleton.substring(1) : skeleton;
    }

    private static boolean isAsciiLetter(char c) {
        return c >= 'a' && c <= 'z';
    }
}
