package dev.sieve.match.analysis;

import java.util.List;
import java.util.Set;

/**
 * Stage (queries only): the form of address a customer file writes before a name in German, French, Spanish, Italian
 * or Dutch ("Herr Sergej Lawrow", "Mme Marie Dupont") is dropped when two parts of the name are left. English ones
 * (Mr, Mrs) are {@link Titles}, kept as light particles on both sides; these are not, since a listed alias such as
 * "MADAME GU" is a name of its own.
 */
final class Salutations {
    private static final Set<String> LEADING = Set.of("herr", "frau", "fraulein", "monsieur", "madame", "mme", "mlle",
            "mademoiselle", "senor", "senora", "senorita", "sra", "srta", "signor", "signora", "signorina", "mevrouw",
            "mevr", "dhr");

    private Salutations() {
    }

    /** The form without its leading form of address, or the form itself when it has none or too few parts to spare it. */
    static NameForm withoutLeading(NameForm form) {
        List<Token> ts = form.tokens();
        if (ts.size() < 3 || !LEADING.contains(ts.getFirst().text())) return form;
        return new NameForm(List.copyOf(ts.subList(1, ts.size())), form.origin(), form.native_());
    }
}
