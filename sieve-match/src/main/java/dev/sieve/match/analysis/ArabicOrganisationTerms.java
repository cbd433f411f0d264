package dev.sieve.match.analysis;

import java.util.HashMap;
import java.util.Map;

/**
 * Stage (organisations written in Arabic script): the words that say what an organisation is, where and whose,
 * in English. Other lists do not transliterate "جبهة النصرة" as "Jabhat al-Nusra" only: they translate it, "AL-NUSRA
 * FRONT"; "شبکه حقانی" is the "HAQQANI NETWORK", "مكتب حنيفة للصرافة" the "HANIFEH EXCHANGE". The analyser reads such
 * a name twice, transliterated as it is and with these words in English, so either spelling of the other list meets
 * one of them. Only whole words count, with the article, "and", "in" or "for" written on them taken off first.
 */
public final class ArabicOrganisationTerms {
    private static final Map<String, String> ENGLISH = new HashMap<>();
    /** The words that say what an organisation is: a name of unknown kind is translated only when it has one. */
    private static final java.util.Set<String> TYPES = java.util.Set.of("front", "network", "movement", "group",
            "organization", "brigade", "army", "party", "society", "foundation", "council", "office", "company", "ltd",
            "bank", "exchange", "trading", "state");

    static {
        // what the organisation is
        put("front", "جبهه");
        put("network", "شبكه");
        put("movement", "حركه");
        put("group", "جماعه", "مجموعه");
        put("organization", "تنظيم", "منظمه");
        put("brigade", "لواء", "كتيبه");
        put("army", "جيش");
        put("party", "حزب");
        put("society", "جمعيه");
        put("foundation", "مؤسسه", "موسسه");
        put("council", "مجلس");
        put("office", "مكتب");
        put("company", "شركه");
        put("ltd", "لمتد", "ليمتد", "ليمتيد");
        put("bank", "بنك", "مصرف");
        put("exchange", "صرافه");
        put("trading", "تجاره");
        put("state", "دوله");
        // what it calls itself
        put("islamic", "اسلامي", "اسلاميه");
        put("fighting", "مقاتله");
        put("armed", "مسلحه");
        put("liberation", "تحرير");
        put("international", "دولي", "دوليه");
        put("in", "في");
        // where: a country in an organisation's name tells one from another
        put("iraq", "عراق");
        put("yemen", "يمن");
        put("syria", "سوريا", "سوريه");
        put("libya", "ليبيا");
        put("egypt", "مصر");
        put("afghanistan", "افغانستان");
        put("pakistan", "باكستان");
        put("iraqi", "عراقي", "عراقيه");
        put("libyan", "ليبي", "ليبيه");
        put("tunisian", "تونسي", "تونسيه");
        put("moroccan", "مغربيه");
        put("egyptian", "مصري", "مصريه");
        put("syrian", "سوري");
        put("yemeni", "يمني", "يمنيه");
        put("afghan", "افغاني");
        put("pakistani", "باكستاني");
    }

    private ArabicOrganisationTerms() {
    }

    private static void put(String english, String... arabic) {
        for (String a : arabic) ENGLISH.put(a, english);
    }

    /**
     * The name with its known words in English, or null when it has none: words are separated by spaces, as the
     * analyser's input is after Unicode normalisation. A name not known to be an organisation's ({@code
     * organisation} false: no schema given) needs a word that says what it is: "محمد المصري" is Mohammed al-Masri,
     * not "Mohammed Egyptian".
     */
    public static String translate(String name, boolean organisation) {
        String[] words = name.trim().split("\\s+");
        boolean any = false;
        boolean type = organisation;
        StringBuilder out = new StringBuilder(name.length() + 16);
        for (String word : words) {
            String english = english(word);
            if (!out.isEmpty()) out.append(' ');
            out.append(english != null ? english : word);
            any |= english != null;
            type |= english != null && TYPES.contains(english);
        }
        return any && type ? out.toString() : null;
    }

    private static String english(String word) {
        String w = fold(word);
        for (String prefix : PREFIXES) {
            if (w.startsWith(prefix) && w.length() - prefix.length() >= 2) {
                String english = ENGLISH.get(w.substring(prefix.length()));
                if (english != null) return english;
            }
        }
        return null;
    }

    /** Written on a word, longest first: the article, and "and", "for", "in" / "by" with or without it. */
    private static final String[] PREFIXES = {"وال", "بال", "فال", "لل", "ال", "و", "ب", "ل", ""};

    /** The letters spelled more than one way: hamza seats, taa marbuta, alif maqsura, Persian kaf and yeh; no marks. */
    private static String fold(String word) {
        StringBuilder sb = new StringBuilder(word.length());
        for (int i = 0; i < word.length(); i++) {
            char c = word.charAt(i);
            switch (c) {
                case '\u0623', '\u0625', '\u0622', '\u0671' -> sb.append('\u0627'); // أ إ آ ٱ → ا
                case '\u0629', '\u06c0', '\u06c1', '\u06d5' -> sb.append('\u0647'); // ة ۀ ہ ە → ه
                case '\u0649', '\u06cc', '\u064a' -> sb.append('\u064a'); // ى ی → ي
                case '\u06a9' -> sb.append('\u0643'); // ک → ك
                case '\u0624' -> sb.append('\u0648'); // ؤ → و
                default -> {
                    if (Character.getType(c) != Character.NON_SPACING_MARK && c != '\u0640') sb.append(c); // no harakat, tatweel
                }
            }
        }
        return sb.toString();
    }
}
