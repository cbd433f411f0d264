package dev.sieve.match.analysis;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Stage (organisations, vessels, aircraft): drops the connectors that join names of partners, written as
 * "&amp;" on one list and as a word on another ("H&amp;M Hennes &amp; Mauritz" / "H and M Hennes and Mauritz",
 * "Müller und Söhne"). The tokenizer already drops "&amp;". A name that is nothing but connectors is kept.
 */
public final class ConnectorFilter {
    private static final Set<String> CONNECTORS = Set.of("and", "und", "et", "en", "og", "och");

    private ConnectorFilter() {
    }

    public static List<String> apply(List<String> tokens) {
        List<String> out = new ArrayList<>(tokens.size());
        for (String t : tokens) if (!CONNECTORS.contains(t)) out.add(t);
        return out.isEmpty() ? tokens : out;
    }
}
