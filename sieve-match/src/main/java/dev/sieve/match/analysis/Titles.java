package dev.sieve.match.analysis;

import java.util.Set;

/**
 * Titles and honorifics (Mr, Dr, Sheikh, Haji, Mullah, General...). They are kept in names as particles, parts that
 * weigh little, not dropped: many are also names ("Mustafa Hajji Muhammad Khan", the surname Sheikh), and a title
 * mistyped ("Ayatooollah", "Haajji") was a part left over on one side while the other side's was gone.
 */
public final class Titles {
    static final Set<String> TITLES = Set.of("mr", "mrs", "ms", "miss", "mister", "madam", "dr", "doctor", "prof",
            "professor", "sheikh", "shaikh", "shaykh", "sheik", "cheikh", "haji", "hajji", "hadji", "alhaji", "alhaj",
            "hajj", "mullah", "mulla", "mawlawi", "maulavi", "maulvi", "mawlavi", "molvi", "maulana", "mawlana",
            "qari", "general", "gen", "colonel", "col", "major", "maj", "captain", "capt", "lieutenant", "lt", "sir",
            "lord", "lady", "imam", "mufti", "ayatollah", "hojatoleslam", "brigadier", "admiral", "marshal",
            "sergeant", "sgt", "engineer", "eng", "hon", "honourable", "honorable", "excellency", "president", "kari",
            "minister", "senator", "rev", "reverend", "sayedna", "commander", "cmdr", "dipl", "mawlvi", "mulvi",
            "maulawi", "moulvi", "mowlawi", "mowlavi");

    private Titles() {
    }

    public static boolean isTitle(String token) {
        return TITLES.contains(token);
    }
}
