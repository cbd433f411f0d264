package dev.sieve.match.analysis;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Stage: drops titles and honorifics (Mr, Dr, Sheikh, Haji, Mullah, General...) from person names,
 * on both the query and the listed side. A name that is nothing but titles is kept as it is.
 */
public final class TitleFilter {
    static final Set<String> TITLES = Set.of("mr", "mrs", "ms", "miss", "mister", "madam", "dr", "doctor", "prof",
            "professor", "sheikh", "shaikh", "shaykh", "sheik", "cheikh", "haji", "hajji", "hadji", "alhaji", "alhaj",
            "hajj", "mullah", "mulla", "mawlawi", "maulavi", "maulvi", "mawlavi", "molvi", "maulana", "mawlana",
            "qari", "general", "gen", "colonel", "col", "major", "maj", "captain", "capt", "lieutenant", "lt", "sir",
            "lord", "lady", "imam", "mufti", "ayatollah", "hojatoleslam", "brigadier", "admiral", "marshal",
            "sergeant", "sgt", "engineer", "eng", "hon", "honourable", "honorable", "excellency", "president", "kari",
            "minister", "senator", "rev", "reverend", "sayedna", "commander", "cmdr", "dipl", "mawlvi", "mulvi");

    private TitleFilter() {
    }

    public static List<String> apply(List<String> tokens) {
        List<String> out = new ArrayList<>(tokens.size());
        for (String t : tokens) if (!TITLES.contains(t)) out.add(t);
        return out.isEmpty() ? tokens : out;
    }
}
