package dev.sieve.match.analysis;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Stage (organisations, vessels, aircraft): drops the connectors that join names of partners, written as
 * "&amp;" on one list and as a word on another ("H&amp;M Hennes &amp; Mauritz" / "H and M Hennes and Mauritz",
 * "Müller und Söhne"). The tokenizer already drops "&amp;". A connector at either edge of the name is a
 * word of the name ("EN BANK") and stays.
 */
public final class ConnectorFilter {
    private static final Set<String> CONNECTORS = Set.of("and", "und", "et", "en", "og", "och");

    private ConnectorFilter() {
    }

    public static List<String> apply(List<String> tokens) {
        List<String> out = new ArrayList<>(tokens.size());
        for (int i = 0; i < tokens.size(); i++) {
            String t = tokens.get(i);
            // only between two parts: at an edge it is a name ("EN BANK")
            if (i > 0 && i < tokens.size() - 1 && CONNECTORS.contains(t)) continue;
            out.add(t);
        }
        return out;
    }
}
