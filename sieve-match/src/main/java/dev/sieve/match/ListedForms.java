package dev.sieve.match;

import dev.sieve.match.analysis.NameAnalyzer;
import dev.sieve.match.analysis.NameForm;
import dev.sieve.model.Schema;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The analysed forms of every name an index lists, by schema and name as written. A rebuild over mostly
 * the same entities (a list's daily update) takes its forms from the previous index's instead of
 * analysing every name again; it keeps only the names it still lists, so this never outgrows its index.
 */
final class ListedForms {
    static final ListedForms NONE = new ListedForms(new HashMap<>());

    /** Schema (null allowed) → name as written → its forms. */
    private final Map<Schema, Map<String, List<NameForm>>> bySchema;

    private ListedForms(Map<Schema, Map<String, List<NameForm>>> bySchema) {
        this.bySchema = bySchema;
    }

    private List<NameForm> get(String raw, Schema schema) {
        Map<String, List<NameForm>> byName = bySchema.get(schema);
        return byName == null ? null : byName.get(raw);
    }

    /** Collects the forms of one build, reusing {@code previous}'s; {@code keep} false keeps none afterwards. */
    static final class Builder {
        private final ListedForms previous;
        private final boolean keep;
        private final Map<Schema, Map<String, List<NameForm>>> bySchema = new HashMap<>();
        private int analysed;

        Builder(ListedForms previous, boolean keep) {
            this.previous = previous;
            this.keep = keep;
        }

        List<NameForm> forms(String raw, Schema schema) {
            if (!keep) {
                analysed++;
                return NameAnalyzer.analyze(raw, schema);
            }
            Map<String, List<NameForm>> byName = bySchema.computeIfAbsent(schema, s -> new HashMap<>());
            List<NameForm> forms = byName.get(raw);
            if (forms != null) return forms;
            forms = previous.get(raw, schema);
            if (forms == null) {
                analysed++;
                forms = List.copyOf(NameAnalyzer.analyze(raw, schema));
            }
            byName.put(raw, forms);
            return forms;
        }

        /** How many names this build analysed (the rest came from the previous index or recurred). */
        int analysed() {
            return analysed;
        }

        ListedForms build() {
            return keep ? new ListedForms(bySchema) : NONE;
        }
    }
}
