package dev.sieve.match.analysis;

import java.util.ArrayList;
import java.util.List;

/**
 * Takes the Arabic article off a Latin part that writes it glued to a known Arab name: "ELKADDAFI" is "el" +
 * "kaddafi", "Eldin" is "el" + "din", as "EL-KADDAFI" and "El Din" would be. Only before a name the variant
 * tables know, so that Alberto, Elena or Alisa stay whole.
 */
public final class GluedArticleSplitter {
    private GluedArticleSplitter() {
    }

    public static List<String> apply(List<String> tokens) {
        List<String> out = null;
        for (int i = 0; i < tokens.size(); i++) {
            String t = tokens.get(i);
            String rest = gluedTo(t);
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

    /** The name after a glued "al" or "el", or null when the part is not one. */
    private static String gluedTo(String t) {
        if (t.length() < 5 || !(t.startsWith("al") || t.startsWith("el")) || t.equals("allah")) return null;
        String rest = t.substring(2);
        // four letters at least ("Alisa" is no "al" + "isa"), or the "din" of "Nur Eldin"
        if (rest.length() < 4 && !rest.equals("din")) return null;
        return NameVariants.isKnown(rest) || ArabicNames.isSpelling(rest) ? rest : null;
    }
}
