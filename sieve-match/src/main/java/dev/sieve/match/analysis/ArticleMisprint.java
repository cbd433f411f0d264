package dev.sieve.match.analysis;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Stage (queries only): "AI-" written for the Arab article "Al-", a capital I for the small l that most typefaces draw
 * alike ("AI-HARZI, Tariq Tahir Falih AI-Awni" on OFAC's list, "AI-Nusrah"). The name is also read with "Al-"; its own
 * reading stays, since "AI-PETRI" (a Crimean mountain) is written so on purpose. Not before a word of Mandarin
 * syllables: "CHEN, AI-LING" is a Chinese given name as passports write it, not "Chen al-Ling".
 */
final class ArticleMisprint {
    /** A word "AI" (capital A, capital I) joined by a hyphen to the word after it, which starts with a capital. */
    private static final Pattern AI = Pattern.compile("(?<![\\p{L}\\p{M}])AI-(\\p{Lu}\\p{L}*)");

    private ArticleMisprint() {
    }

    /** The name with each such "AI-" written "Al-", or null when it has none. */
    static String corrected(String raw) {
        if (raw.indexOf("AI-") < 0) return null;
        Matcher m = AI.matcher(raw);
        StringBuilder out = new StringBuilder(raw.length());
        boolean any = false;
        while (m.find()) {
            String next = m.group(1);
            boolean chinese = ChineseRomanization.syllables(next.toLowerCase(Locale.ROOT));
            m.appendReplacement(out, Matcher.quoteReplacement((chinese ? "AI-" : "Al-") + next));
            any |= !chinese;
        }
        m.appendTail(out);
        return any ? out.toString() : null;
    }
}
