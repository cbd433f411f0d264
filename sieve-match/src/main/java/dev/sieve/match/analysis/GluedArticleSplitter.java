package dev.sieve.match.analysis;

import java.util.ArrayList;
import java.util.List;

/**
 * Takes the Arabic article off a part that writes it glued on. Arabic script always writes it so: "altkryty" is "al" +
 * "tkryty" (but الله, "allah", is no article). A Latin spelling only sometimes does, so there the article comes off
 * only before an Arab name the variant tables know: "ELKADDAFI" is "el" + "kaddafi", "Eldin" is "el" + "din", as
 * "EL-KADDAFI" and "El Din" would be, while Alberto, Elena or Alisa stay whole.
 */
public final class GluedArticleSplitter {
    private GluedArticleSplitter() {
    }

    /** @param arabicScript whether the parts were transliterated from Arabic script (else they are Latin) */
    public static List<String> apply(List<String> tokens, boolean arabicScript) {
        List<String> out = null;
        for (int i = 0; i < tokens.size(); i++) {
            String t = tokens.get(i);
            String rest = arabicScript ? afterArabicArticle(t) : afterLatinArticle(t);
            if (rest != null && out == null) out = new ArrayList<>(tokens.subList(0, i));
            if (out == null) continue;
            if (rest == null) {
                out.add(t);
            } else {
                out.add(t.substring(0, 2));
                out.add(rest);
            }
        }
        return out == null ? tokens : out;
    }

    private static String afterArabicArticle(String t) {
        return t.length() > 4 && t.startsWith("al") && !t.equals("allah") ? t.substring(2) : null;
    }

    /** The name after a glued "al" or "el", or null when the part is not one. */
    private static String afterLatinArticle(String t) {
        if (t.length() < 5 || !(t.startsWith("al") || t.startsWith("el")) || t.equals("allah")) return null;
        String rest = t.substring(2);
        // four letters at least ("Alisa" is no "al" + "isa"), or the "din" of "Nur Eldin"
        if (rest.length() < 4 && !rest.equals("din")) return null;
        return NameVariants.isKnown(rest) || ArabicNames.isSpelling(rest) ? rest : null;
    }
}
