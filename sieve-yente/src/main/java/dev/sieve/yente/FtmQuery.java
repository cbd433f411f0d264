package dev.sieve.yente;

import dev.sieve.model.Countries;
import dev.sieve.model.Identifier;
import dev.sieve.model.IdentifierType;
import dev.sieve.model.PartialDate;
import dev.sieve.model.Schema;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * One query of yente's {@code /match} ("query by example"): a FollowTheMoney schema and properties, read into what
 * Sieve screens. Several names are screened one by one and their matches merged; the first birth date and the first
 * country are the evidence; every identifier property becomes an identifier of its type. Properties Sieve does not
 * screen on (address, position, notes...) are accepted and listed in {@link #unused}, as yente accepts any
 * property of the schema. A value that cannot be read is an {@link IllegalArgumentException} naming the property.
 *
 * @param schema null for FtM's LegalEntity or Thing: any type of entity
 */
public record FtmQuery(Schema schema, List<String> names, PartialDate birthDate, String country, List<Identifier> identifiers,
                       List<String> unused) {
    /** At most this many names of one query are screened (a query is an example entity, not a list). */
    public static final int MAX_NAMES = 10;

    private static final Map<String, IdentifierType> IDENTIFIERS = IdentifierType.FTM_PROPERTIES;
    private static final List<String> NAMES = List.of("name", "alias", "previousName", "weakAlias");
    private static final List<String> NAME_PARTS = List.of("firstName", "secondName", "middleName", "fatherName", "lastName");
    private static final List<String> COUNTRIES = List.of("nationality", "citizenship", "country", "jurisdiction", "mainCountry");

    /** The FtM schema of a query: Person, Organization, Company, PublicBody, LegalEntity, Thing, Vessel, Airplane. */
    public static Schema schemaOf(String ftm) {
        if (ftm == null || ftm.isBlank()) throw new IllegalArgumentException("'schema' is required (e.g. Person, Company)");
        return switch (ftm.strip()) {
            case "LegalEntity", "Thing" -> null;
            case "Company", "PublicBody", "Organization" -> Schema.ORGANIZATION;
            default -> Schema.parse(ftm);
        };
    }

    /** Reads one query's {@code schema} and {@code properties} (each a string or a list of strings). */
    public static FtmQuery read(String schemaName, Map<String, ?> properties) {
        Schema schema = schemaOf(schemaName);
        if (properties == null || properties.isEmpty()) throw new IllegalArgumentException("'properties' is empty");
        Set<String> names = new LinkedHashSet<>();
        PartialDate birth = null;
        String country = null;
        List<Identifier> ids = new ArrayList<>();
        List<String> unused = new ArrayList<>();
        for (String prop : NAMES) for (String v : values(properties, prop)) names.add(v);
        String joined = String.join(" ", NAME_PARTS.stream().flatMap(p -> values(properties, p).stream()).toList());
        if (!joined.isBlank()) names.add(joined);
        for (String v : values(properties, "birthDate")) {
            try {
                if (birth == null) birth = PartialDate.parse(v.length() > 10 ? v.substring(0, 10) : v);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("'properties.birthDate': '" + v + "' is not a date (YYYY, YYYY-MM or YYYY-MM-DD)");
            }
        }
        for (String prop : COUNTRIES) {
            for (String v : values(properties, prop)) {
                if (country != null) continue;
                try {
                    country = Countries.parse(v);
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException("'properties." + prop + "': " + e.getMessage());
                }
            }
        }
        for (var e : IDENTIFIERS.entrySet()) {
            for (String v : values(properties, e.getKey())) ids.add(new Identifier(e.getValue(), e.getKey(), v, null));
        }
        ids.sort(java.util.Comparator.comparing(Identifier::label).thenComparing(Identifier::number));
        for (String prop : properties.keySet()) {
            if (!prop.matches("[A-Za-z][A-Za-z0-9]*")) throw new IllegalArgumentException("'properties." + prop + "' is not a property name");
            if (!NAMES.contains(prop) && !NAME_PARTS.contains(prop) && !COUNTRIES.contains(prop) && !IDENTIFIERS.containsKey(prop)
                    && !prop.equals("birthDate")) {
                values(properties, prop); // still checked: a string or a list of strings
                unused.add(prop);
            }
        }
        if (names.isEmpty() && ids.isEmpty()) {
            throw new IllegalArgumentException("'properties' has no name (name, alias, firstName/lastName...) and no identifier to match on");
        }
        List<String> screened = names.stream().limit(MAX_NAMES).toList();
        return new FtmQuery(schema, screened, birth, country, List.copyOf(ids), List.copyOf(unused));
    }

    /** A property's values: a string or a list of strings, blanks left out; anything else is refused. */
    static List<String> values(Map<String, ?> properties, String prop) {
        Object v = properties.get(prop);
        if (v == null) return List.of();
        List<String> out = new ArrayList<>();
        if (v instanceof String s) {
            if (!s.isBlank()) out.add(s.strip());
        } else if (v instanceof List<?> list) {
            for (Object o : list) {
                if (o == null) continue;
                if (!(o instanceof String s)) {
                    throw new IllegalArgumentException("'properties." + prop + "' holds " + o.getClass().getSimpleName().toLowerCase(Locale.ROOT)
                            + " values; FollowTheMoney values are strings");
                }
                if (!s.isBlank()) out.add(s.strip());
            }
        } else {
            throw new IllegalArgumentException("'properties." + prop + "' must be a string or a list of strings");
        }
        if (prop.equals("name") || prop.equals("alias")) {
            for (String s : out) if (s.length() > dev.sieve.model.ScreeningQuery.MAX_NAME) {
                throw new IllegalArgumentException("'properties." + prop + "' has a value longer than " + dev.sieve.model.ScreeningQuery.MAX_NAME + " characters");
            }
        }
        return out;
    }
}
