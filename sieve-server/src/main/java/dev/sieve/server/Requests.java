package dev.sieve.server;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sieve.model.BirthDate;
import dev.sieve.model.Countries;
import dev.sieve.model.Entity;
import dev.sieve.model.EntityBuilder;
import dev.sieve.model.Gender;
import dev.sieve.model.Identifier;
import dev.sieve.model.IdentifierType;
import dev.sieve.model.Name;
import dev.sieve.model.PartialDate;
import dev.sieve.model.Schema;
import dev.sieve.model.ScreeningQuery;
import dev.sieve.model.Sharing;
import dev.sieve.model.Topics;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.List;
import java.util.Locale;

/** The API's request bodies, and their checked conversion into the model (every error names its field). */
final class Requests {
    static final int MAX_BATCH = 1000;
    static final int MAX_LIMIT = 100;
    /** A person or vessel has a handful of documents; the bounds keep what is screened and recorded small. */
    static final int MAX_IDENTIFIERS = 20;
    static final int MAX_IDENTIFIER = 100;
    static final int MAX_NAME = ScreeningQuery.MAX_NAME;

    private Requests() {
    }

    record IdentifierBody(String type, String number, String country) {
    }

    record ScreenBody(String id, String name, String schema, String birthDate, String nationality,
                      List<IdentifierBody> identifiers, Double threshold, Integer limit, List<String> topics) {
    }

    record BatchBody(List<ScreenBody> queries) {
    }

    record AgencyBody(String name, String id) {
    }

    record KeyBody(String role) {
    }

    record EntryBody(String schema, String name, List<String> aliases, String birthDate, String birthPlace,
                     String nationality, List<String> nationalities, String gender, List<IdentifierBody> identifiers,
                     List<String> programs, List<String> remarks, JsonNode sharing, String reason) {
    }

    record DelistBody(String reason) {
    }

    record SubjectBody(String name, List<String> aliases, String schema, String birthDate, String nationality,
                       List<IdentifierBody> identifiers, java.util.Map<String, String> attributes) {
    }

    record DecisionBody(String decision, String reason) {
    }

    record CommentBody(String text) {
    }

    record WebhookBody(String url, List<String> events, String secret) {
    }

    record RescreenBody(Boolean full) {
    }

    record ExemptionBody(String issuer, String reference, List<String> regimes, List<String> entities, List<String> counterparties,
                         String purpose, java.math.BigDecimal amountLimit, String currency, String validFrom, String validTo,
                         String documentUrl, JsonNode sharing) {
    }

    record RevokeBody(String reason) {
    }

    /** A whole date (YYYY-MM-DD), or null when absent; a problem naming the field otherwise. */
    static java.time.LocalDate day(String text, String field) {
        if (text == null || text.isBlank()) return null;
        try {
            return java.time.LocalDate.parse(text.strip());
        } catch (java.time.format.DateTimeParseException e) {
            throw ApiException.badRequest(field, "field '" + field + "' must be a date (YYYY-MM-DD), not '" + text + "'");
        }
    }

    record AssignmentBody(String assignee) {
    }

    record AgencyPatchBody(Boolean fourEyes) {
    }

    static final int MAX_ALIASES = 50;
    static final int MAX_ATTRIBUTES = 50;
    /** The id an agency gives a subject: 1-200 characters, none of them a control character. */
    static String externalId(String id) {
        if (dev.sieve.alerts.SubjectData.externalIdProblem(id) != null) {
            throw ApiException.badRequest("external_id", "the subject id in the path must be 1-"
                    + dev.sieve.alerts.SubjectData.MAX_EXTERNAL_ID + " characters without control characters or surrounding spaces");
        }
        return id;
    }

    /** A subject to monitor, checked field by field. */
    static dev.sieve.alerts.SubjectData subject(SubjectBody b) {
        String problem = ScreeningQuery.nameProblem(b.name());
        if (problem != null) throw ApiException.badRequest("name", "field 'name' " + problem);
        List<String> aliases = new ArrayList<>();
        List<String> given = b.aliases() == null ? List.of() : b.aliases();
        if (given.size() > MAX_ALIASES) {
            throw ApiException.badRequest("aliases", "field 'aliases' has " + given.size() + " names; at most " + MAX_ALIASES);
        }
        for (int i = 0; i < given.size(); i++) {
            String p = ScreeningQuery.nameProblem(given.get(i));
            if (p != null) throw ApiException.badRequest("aliases[" + i + "]", "field 'aliases[" + i + "]' " + p);
            aliases.add(given.get(i).strip());
        }
        Schema schema = b.schema() == null ? null : schema(b.schema(), "schema");
        PartialDate dob = b.birthDate() == null ? null : date(b.birthDate(), "birth_date");
        String nationality = b.nationality() == null ? null : country(b.nationality(), "nationality");
        java.util.Map<String, String> attributes = new java.util.LinkedHashMap<>();
        if (b.attributes() != null) {
            if (b.attributes().size() > MAX_ATTRIBUTES) {
                throw ApiException.badRequest("attributes", "field 'attributes' has " + b.attributes().size()
                        + " entries; at most " + MAX_ATTRIBUTES);
            }
            for (var e : b.attributes().entrySet()) {
                String at = "attributes." + e.getKey();
                if (e.getKey().isBlank() || e.getKey().length() > 100) {
                    throw ApiException.badRequest(at, "attribute names must be 1-100 characters");
                }
                if (e.getValue() == null) throw ApiException.badRequest(at, "field '" + at + "' is null; leave it out instead");
                if (e.getValue().length() > 1000) throw ApiException.badRequest(at, "field '" + at + "' is longer than 1000 characters");
                attributes.put(e.getKey(), e.getValue());
            }
        }
        return new dev.sieve.alerts.SubjectData(b.name().strip(), aliases, schema, dob, nationality,
                identifiers(b.identifiers(), "identifiers"), attributes);
    }

    static ScreeningQuery query(ScreenBody b, String at) {
        String name = b.name();
        boolean hasIds = b.identifiers() != null && !b.identifiers().isEmpty();
        String problem = ScreeningQuery.nameProblem(name);
        if (problem != null && (name != null && !name.isBlank() || !hasIds)) {
            throw ApiException.badRequest(at + "name", "field '" + at + "name' " + problem + (hasIds ? "" : " (or give identifiers)"));
        }
        Schema schema = b.schema() == null ? null : schema(b.schema(), at + "schema");
        PartialDate dob = b.birthDate() == null ? null : date(b.birthDate(), at + "birth_date");
        String nationality = b.nationality() == null ? null : country(b.nationality(), at + "nationality");
        if (b.threshold() != null && (b.threshold() < 0 || b.threshold() > 1 || b.threshold().isNaN())) {
            throw ApiException.badRequest(at + "threshold", "field '" + at + "threshold' must be between 0 and 1");
        }
        int limit = b.limit() == null ? ScreeningQuery.DEFAULT_LIMIT : b.limit();
        if (limit < 1 || limit > MAX_LIMIT) {
            throw ApiException.badRequest(at + "limit", "field '" + at + "limit' must be between 1 and " + MAX_LIMIT);
        }
        return new ScreeningQuery(name == null ? "" : name, schema, dob, nationality,
                identifiers(b.identifiers(), at + "identifiers"), b.threshold(), limit, topics(b.topics(), at + "topics"));
    }

    static Set<String> topics(List<String> given, String field) {
        if (given == null) return Set.of();
        Set<String> out = new LinkedHashSet<>();
        for (int i = 0; i < given.size(); i++) {
            String t = given.get(i);
            try {
                if (t == null) throw new IllegalArgumentException("empty topic");
                out.add(Topics.parse(t));
            } catch (IllegalArgumentException e) {
                throw ApiException.badRequest(field + "[" + i + "]", "field '" + field + "[" + i + "]': " + e.getMessage()
                        + " (e.g. sanction, role.pep, crime, debarment, wanted, poi)");
            }
        }
        return out;
    }

    /** The entity a contributor describes (id and source are assigned by the databank). */
    static Entity entity(EntryBody b) {
        if (b.name() == null || b.name().isBlank()) throw ApiException.badRequest("name", "field 'name' is required");
        if (b.name().length() > MAX_NAME) throw ApiException.badRequest("name", "field 'name' is longer than " + MAX_NAME + " characters");
        if (b.schema() == null) throw ApiException.badRequest("schema", "field 'schema' is required (Person, Organization, Vessel or Airplane)");
        EntityBuilder e = Entity.builder("db:new", "db", schema(b.schema(), "schema"));
        e.name(Name.primary(b.name().strip()));
        List<String> aliases = b.aliases() == null ? List.of() : b.aliases();
        for (int i = 0; i < aliases.size(); i++) {
            String a = aliases.get(i);
            if (a == null || a.isBlank()) throw ApiException.badRequest("aliases[" + i + "]", "field 'aliases[" + i + "]' is blank");
            if (a.length() > MAX_NAME) throw ApiException.badRequest("aliases[" + i + "]", "field 'aliases[" + i + "]' is too long");
            e.name(Name.alias(a.strip(), false));
        }
        if (b.birthDate() != null) e.birthDate(BirthDate.exact(date(b.birthDate(), "birth_date")));
        if (b.birthPlace() != null && !b.birthPlace().isBlank()) e.birthPlace(b.birthPlace().strip());
        if (b.nationality() != null) e.nationality(country(b.nationality(), "nationality"));
        List<String> nats = b.nationalities() == null ? List.of() : b.nationalities();
        for (int i = 0; i < nats.size(); i++) e.nationality(country(nats.get(i), "nationalities[" + i + "]"));
        if (b.gender() != null) {
            Gender g = Gender.parse(b.gender());
            if (g == null) throw ApiException.badRequest("gender", "field 'gender' must be male or female, not '" + b.gender() + "'");
            e.gender(g);
        }
        for (Identifier id : identifiers(b.identifiers(), "identifiers")) e.identifier(id);
        if (b.programs() != null) for (String p : b.programs()) if (p != null && !p.isBlank()) e.program(p.strip());
        if (b.remarks() != null) for (String r : b.remarks()) if (r != null && !r.isBlank()) e.remark(r.strip());
        return e.build();
    }

    static String reason(String reason) {
        if (reason == null || reason.isBlank()) throw ApiException.badRequest("reason", "field 'reason' is required: say why");
        if (reason.length() > 4000) throw ApiException.badRequest("reason", "field 'reason' is longer than 4000 characters");
        return reason.strip();
    }

    /** {@code "private"}, {@code "all"} or an array of agency ids; checked against the known agencies. */
    static Sharing sharing(JsonNode node, java.util.function.Predicate<String> agencyExists) {
        if (node == null || node.isNull()) {
            throw ApiException.badRequest("sharing", "field 'sharing' is required: \"private\", \"all\" or a list of agency ids");
        }
        if (node.isTextual()) {
            return switch (node.asText()) {
                case "private" -> Sharing.PRIVATE;
                case "all" -> Sharing.ALL;
                default -> throw ApiException.badRequest("sharing", "field 'sharing' must be \"private\", \"all\" or a list"
                        + " of agency ids, not '" + node.asText() + "'");
            };
        }
        if (!node.isArray()) throw ApiException.badRequest("sharing", "field 'sharing' must be a string or an array");
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < node.size(); i++) {
            JsonNode n = node.get(i);
            if (!n.isTextual() || !agencyExists.test(n.asText())) {
                throw ApiException.badRequest("sharing[" + i + "]", "field 'sharing[" + i + "]': no member agency " + n
                        + " (GET /v1/agencies lists the members)");
            }
            ids.add(n.asText());
        }
        return Sharing.with(ids);
    }

    private static List<Identifier> identifiers(List<IdentifierBody> list, String at) {
        List<Identifier> out = new ArrayList<>();
        if (list == null) return out;
        if (list.size() > MAX_IDENTIFIERS) {
            throw ApiException.badRequest(at, "field '" + at + "' has " + list.size() + " identifiers; at most " + MAX_IDENTIFIERS);
        }
        for (int i = 0; i < list.size(); i++) {
            IdentifierBody b = list.get(i);
            String here = at + "[" + i + "]";
            if (b == null) throw ApiException.badRequest(here, "field '" + here + "' is null");
            IdentifierType type;
            try {
                type = IdentifierType.valueOf(b.type() == null ? "" : b.type().strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw ApiException.badRequest(here + ".type", "field '" + here + ".type' must be one of "
                        + java.util.Arrays.toString(IdentifierType.values()).toLowerCase(Locale.ROOT));
            }
            if (b.number() == null || b.number().isBlank()) {
                throw ApiException.badRequest(here + ".number", "field '" + here + ".number' is required");
            }
            if (b.number().length() > MAX_IDENTIFIER) {
                throw ApiException.badRequest(here + ".number", "field '" + here + ".number' is longer than " + MAX_IDENTIFIER + " characters");
            }
            String country = b.country() == null ? null : country(b.country(), here + ".country");
            out.add(new Identifier(type, null, b.number(), country));
        }
        return out;
    }

    static Schema schema(String text, String field) {
        try {
            return Schema.parse(text);
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest(field, "field '" + field + "': " + e.getMessage());
        }
    }

    static PartialDate date(String text, String field) {
        try {
            return PartialDate.parse(text);
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest(field, "field '" + field + "': " + e.getMessage());
        }
    }

    static String country(String text, String field) {
        if (text == null || text.isBlank()) throw ApiException.badRequest(field, "field '" + field + "' is blank");
        try {
            return Countries.parse(text);
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest(field, "field '" + field + "': " + e.getMessage());
        }
    }
}
