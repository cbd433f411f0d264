package dev.sieve.match.analysis;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Stage (queries only): "AI-" written for the Arab article "Al-", a capital I for the small l that most typefaces draw
 * alike ("AI-HARZI, Tariq Tahir Falih AI-Awni" on OFAC's list, "AI-Nusrah", "AI-Mukala"). The name is also read with
 * "Al-"; its own reading stays, since "AI-PETRI" (a Crimean mountain) is written so on purpose.
 */
final class ArticleMisprint {
    /** A word "AI" (capital A, capital I) joined by a hyphen to a word that starts with a capital. */
    private static final Pattern AI = Pattern.compile("(?<![\\p{L}\\p{M}])AI-(?=\\p{Lu})");

    private ArticleMisprint() {
    }

    /** The name with each such "AI-" written "Al-", or null when it has none. */
    static String corrected(String raw) {
        if (raw.indexOf("AI-") < 0) return null;
        Matcher m = AI.matcher(raw);
        return m.find() ? m.replaceAll("Al-") : null;
    }
}
