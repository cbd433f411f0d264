package dev.sieve.channels.customer;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Which column (CSV header or JSON key) holds which field of a customer record. Headers are compared as keys
 * ({@link #key}: "Date of Birth", "date-of-birth" and "DATE_OF_BIRTH" are one), and the defaults accept the names
 * banks' systems and spreadsheets give them in English, German, French, Spanish and Italian (and the benchmark's
 * {@code case_id} / {@code query_name}); {@link #with} sets one explicitly ({@code --column name=Full Name}). A name
 * may also come in parts (given, middle and family name columns), joined when no full-name column is given.
 */
public final class ColumnMapping {
    public static final List<String> FIELDS = List.of("id", "name", "given_name", "middle_name", "family_name", "schema",
            "birth_date", "nationality", "passport", "national_id", "tax_id", "registration", "bic", "imo");

    /** The fields a name may come in, in the order they are joined. */
    static final List<String> NAME_PARTS = List.of("given_name", "middle_name", "family_name");

    private final Map<String, List<String>> names;

    private ColumnMapping(Map<String, List<String>> names) {
        this.names = names;
    }

    public static ColumnMapping defaults() {
        Map<String, List<String>> m = new LinkedHashMap<>();
        m.put("id", List.of("case_id", "customer_id", "client_id", "id", "reference", "customer_number", "customer_no",
                "client_number", "client_no", "customer_reference", "party_id", "cif", "kundennummer", "kunden_nr",
                "kundennr", "numero_client", "no_client", "id_cliente", "numero_cliente", "codice_cliente"));
        m.put("name", List.of("query_name", "name", "full_name", "customer_name", "client_name", "party_name",
                "legal_name", "company_name", "entity_name", "account_holder", "nom_complet", "raison_sociale",
                "nombre_completo", "razon_social", "nome_completo", "ragione_sociale"));
        m.put("given_name", List.of("given_name", "given_names", "first_name", "first_names", "firstname", "forename",
                "forenames", "vorname", "vornamen", "prenom", "prenoms", "nombre", "nombres", "nome"));
        m.put("middle_name", List.of("middle_name", "middle_names", "middlename"));
        m.put("family_name", List.of("family_name", "last_name", "lastname", "surname", "nachname", "familienname",
                "nom", "nom_de_famille", "apellido", "apellidos", "cognome"));
        m.put("schema", List.of("schema", "type", "party_type", "kind", "entity_type", "customer_type"));
        m.put("birth_date", List.of("birth_date", "date_of_birth", "dob", "birthdate", "birthday", "born",
                "geburtsdatum", "date_de_naissance", "fecha_de_nacimiento", "data_di_nascita", "data_nascita"));
        m.put("nationality", List.of("nationality", "citizenship", "country", "country_of_citizenship",
                "citizenship_country", "staatsangehorigkeit", "nationalitat", "nationalite", "nacionalidad",
                "nazionalita", "cittadinanza"));
        m.put("passport", List.of("passport", "passport_number", "passport_no", "reisepass", "reisepassnummer",
                "passeport", "numero_de_passeport", "pasaporte", "passaporto"));
        m.put("national_id", List.of("national_id", "id_number", "national_id_number", "identity_number",
                "personalausweis", "ausweisnummer"));
        m.put("tax_id", List.of("tax_id", "vat", "tin", "vat_number", "tax_number", "steuernummer", "steuer_id"));
        m.put("registration", List.of("registration", "registration_number", "company_number",
                "handelsregisternummer", "siren", "siret"));
        m.put("bic", List.of("bic", "swift", "bic_code", "swift_code"));
        m.put("imo", List.of("imo", "imo_number", "imo_no"));
        return new ColumnMapping(m);
    }

    /**
     * A header as a key: its accents and case folded and every run of other characters than letters and digits one
     * underscore ("Date of Birth" → date_of_birth, "Staatsangehörigkeit" → staatsangehorigkeit, "Cust. No." →
     * cust_no), so that a column is found however the exporting system spaced and capitalised it.
     */
    public static String key(String header) {
        return dev.sieve.model.TextKeys.fold(header, '_');
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
        m.put(f, List.of(key(column)));
        return new ColumnMapping(m);
    }

    /** For each field, the index of its column in {@code header}, or absent (compared as {@link #key}s). */
    Map<String, Integer> resolve(List<String> header) {
        List<String> keys = new ArrayList<>();
        for (String h : header) keys.add(key(h));
        Map<String, Integer> out = new LinkedHashMap<>();
        for (var e : names.entrySet()) {
            for (String candidate : e.getValue()) {
                int i = keys.indexOf(candidate);
                if (i >= 0) {
                    out.put(e.getKey(), i);
                    break;
                }
            }
        }
        return out;
    }

    /** The header names looked for to find {@code field}, as keys. */
    List<String> lookedFor(String field) {
        return names.get(field);
    }

    /**
     * Whether a column found as the name is the family name: a column headed just "Name" beside a given-name column and
     * no family-name column ("Name;Vorname", "Name, First Name") holds the family name.
     */
    static boolean nameIsFamilyName(String nameKey, boolean givenName, boolean familyName) {
        return "name".equals(nameKey) && givenName && !familyName;
    }

    /** The JSON key holding {@code field} among {@code keys} (as {@link #key}s), or null. */
    String jsonKey(String field, java.util.Set<String> keys) {
        for (String candidate : names.get(field)) if (keys.contains(candidate)) return candidate;
        return null;
    }
}
