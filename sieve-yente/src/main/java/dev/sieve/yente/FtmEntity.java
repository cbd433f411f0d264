package dev.sieve.yente;

import dev.sieve.model.Address;
import dev.sieve.model.BirthDate;
import dev.sieve.model.Entity;
import dev.sieve.model.Explanation;
import dev.sieve.model.Identifier;
import dev.sieve.model.Name;
import dev.sieve.model.Schema;
import dev.sieve.model.Topics;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Sieve's entities in the shape yente answers with: FollowTheMoney properties (each a list of strings), the datasets
 * (Sieve's list sources) that carry it, and when it was first and last seen and last changed.
 */
public final class FtmEntity {
    private FtmEntity() {
    }

    /** When the lists first carried an entity, last carried it, and last changed it (null: not known). */
    public record Seen(Instant firstSeen, Instant lastSeen, Instant lastChange) {
        public static final Seen UNKNOWN = new Seen(null, null, null);
    }

    /** An entity as yente's EntityResponse: id, caption, schema, properties, datasets, referents, target, dates. */
    public static Map<String, Object> of(Entity e, Seen seen) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", e.id());
        m.put("caption", e.primaryName().value());
        m.put("schema", e.schema().label()); // Person, Organization, Vessel, Airplane: FtM's names
        m.put("properties", properties(e));
        m.put("datasets", List.of(e.source()));
        m.put("referents", e.referents());
        m.put("target", true);
        m.put("first_seen", seen.firstSeen() == null ? null : seen.firstSeen().toString());
        m.put("last_seen", seen.lastSeen() == null ? null : seen.lastSeen().toString());
        m.put("last_change", seen.lastChange() == null ? null : seen.lastChange().toString());
        return m;
    }

    /** The entity scored against a query: yente's ScoredEntityResponse, with Sieve's explanation beside its features. */
    public static Map<String, Object> scored(Entity e, Seen seen, double score, double threshold, Explanation explanation) {
        Map<String, Object> m = of(e, seen);
        m.put("score", score);
        m.put("match", score >= threshold);
        Map<String, Double> features = new LinkedHashMap<>();
        if (explanation != null) {
            features.put("name_score", explanation.nameScore());
            for (Explanation.Evidence ev : explanation.evidence()) features.merge(ev.kind(), ev.effect(), Double::sum);
        }
        m.put("features", features);
        m.put("explanations", explanation == null ? Map.of() : Map.of("sieve", explanation));
        return m;
    }

    static Map<String, List<String>> properties(Entity e) {
        Map<String, List<String>> p = new LinkedHashMap<>();
        for (Name n : e.names()) {
            String prop = switch (n.kind()) {
                case PRIMARY -> "name";
                case FORMER -> "previousName";
                case ALIAS -> n.weak() ? "weakAlias" : "alias";
            };
            add(p, prop, n.value());
        }
        if (e.gender() != null) add(p, "gender", e.gender().name().toLowerCase(Locale.ROOT));
        for (BirthDate b : e.birthDates()) add(p, "birthDate", b.date().toString());
        for (String s : e.birthPlaces()) add(p, "birthPlace", s);
        for (String c : e.nationalities()) add(p, e.schema() == Schema.PERSON ? "nationality" : "country", c.toLowerCase(Locale.ROOT));
        for (String c : e.citizenships()) add(p, "citizenship", c.toLowerCase(Locale.ROOT));
        for (Identifier i : e.identifiers()) add(p, identifierProperty(i), i.number());
        for (Address a : e.addresses()) {
            String full = String.join(", ", nonBlank(a.street(), a.city(), a.region(), a.postalCode(), a.countryName() != null ? a.countryName() : a.country()));
            if (!full.isBlank()) add(p, "address", full);
            if (a.country() != null && e.schema() != Schema.PERSON) add(p, "country", a.country().toLowerCase(Locale.ROOT));
        }
        for (String prog : e.programs()) add(p, "programId", prog);
        for (String r : e.remarks()) add(p, "notes", r);
        for (String t : Topics.of(e)) add(p, "topics", t);
        return p;
    }

    private static String identifierProperty(Identifier i) {
        return switch (i.type()) {
            case PASSPORT -> "passportNumber";
            case TAX_ID -> "taxNumber";
            case REGISTRATION, AIRCRAFT -> "registrationNumber";
            case IMO -> "imoNumber";
            case MMSI -> "mmsi";
            case CALL_SIGN -> "callSign";
            case BIC -> "swiftBic";
            case EMAIL -> "email";
            case WEBSITE -> "website";
            default -> "idNumber";
        };
    }

    private static List<String> nonBlank(String... parts) {
        List<String> out = new ArrayList<>();
        for (String s : parts) if (s != null && !s.isBlank()) out.add(s);
        return out;
    }

    private static void add(Map<String, List<String>> p, String prop, String value) {
        if (value == null || value.isBlank()) return;
        List<String> list = p.computeIfAbsent(prop, k -> new ArrayList<>());
        if (!list.contains(value)) list.add(value);
    }
}
