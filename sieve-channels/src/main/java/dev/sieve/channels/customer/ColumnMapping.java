package dev.sieve.channels.customer;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Which column (CSV header or JSON key) holds which field of a customer record. Defaults accept the
 * usual names (and the benchmark's {@code case_id} / {@code query_name}); {@link #with} sets one
 * explicitly ({@code --column name=Full Name}).
 */
public final class ColumnMapping {
    public static final List<String> FIELDS = List.of("id", "name", "schema", "birth_date", "nationality",
            "passport", "national_id", "tax_id", "registration", "bic", "imo");

    private final Map<String, List<String>> names;

    private ColumnMapping(Map<String, List<String>> names) {
        this.names = names;
    }

    public static ColumnMapping defaults() {
        Map<String, List<String>> m = new LinkedHashMap<>();
        m.put("id", List.of("case_id", "customer_id", "client_id", "id", "reference"));
        m.put("name", List.of("query_name", "name", "full_name", "customer_name", "client_name"));
        m.put("schema", List.of("schema", "type", "party_type", "kind"));
        m.put("birth_date", List.of("birth_date", "date_of_birth", "dob", "birthdate"));
        m.put("nationality", List.of("nationality", "citizenship", "country"));
        m.put("passport", List.of("passport", "passport_number"));
        m.put("national_id", List.of("national_id", "id_number"));
        m.put("tax_id", List.of("tax_id", "vat", "tin"));
        m.put("registration", List.of("registration", "registration_number", "company_number"));
        m.put("bic", List.of("bic", "swift"));
        m.put("imo", List.of("imo", "imo_number"));
        return new ColumnMapping(m);
    }

    /**
     * The defaults with the given overrides, each {@code FIELD=HEADER} (from {@code --column} or a job's
     * {@code column} parameters); throws naming the bad one.
     */
    public static ColumnMapping parse(List<String> specs) {
        ColumnMapping mapping = defaults();
        for (String spec : specs) {
            if (spec.isBlank()) continue;
            int eq = spec.indexOf('=');
            if (eq <= 0) throw new IllegalArgumentException("a column mapping is FIELD=HEADER, e.g. name=Full Name; got '" + spec + "'");
            mapping = mapping.with(spec.substring(0, eq), spec.substring(eq + 1));
        }
        return mapping;
    }

    /** The same mapping with {@code field} read from exactly the column {@code column}. */
    public ColumnMapping with(String field, String column) {
        String f = field.strip().toLowerCase(Locale.ROOT);
        if (!FIELDS.contains(f)) throw new IllegalArgumentException("unknown field '" + field + "'; one of " + FIELDS);
        Map<String, List<String>> m = new LinkedHashMap<>(names);
        m.put(f, List.of(column.strip().toLowerCase(Locale.ROOT)));
        return new ColumnMapping(m);
    }

    /** For each field, the index of its column in {@code header} (lower-cased names), or absent. */
    Map<String, Integer> resolve(List<String> header) {
        List<String> lower = new ArrayList<>();
        for (String h : header) lower.add(h.strip().toLowerCase(Locale.ROOT));
        Map<String, Integer> out = new LinkedHashMap<>();
        for (var e : names.entrySet()) {
            for (String candidate : e.getValue()) {
                int i = lower.indexOf(candidate);
                if (i >= 0) {
                    out.put(e.getKey(), i);
                    break;
                }
            }
        }
        return out;
    }

    /** The JSON key holding {@code field} among {@code keys} (lower-cased), or null. */
    String key(String field, java.util.Set<String> keys) {
        for (String candidate : names.get(field)) if (keys.contains(candidate)) return candidate;
        return null;
    }
}
