package dev.sieve.alerts;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sieve.model.Identifier;
import dev.sieve.model.IdentifierType;
import dev.sieve.model.PartialDate;
import dev.sieve.model.Schema;
import dev.sieve.model.ScreeningQuery;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What an agency tells Sieve about a subject it monitors: the fields a screening compares (as for {@code
 * /v1/screen}) and free attributes of its own (a branch, a customer segment), kept but never compared.
 */
public record SubjectData(String name, List<String> aliases, Schema schema, PartialDate birthDate, String nationality,
                          List<Identifier> identifiers, Map<String, String> attributes) {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** How many alerts one name of a subject may raise in one screening. */
    static final int ALERTS_PER_NAME = 20;

    public SubjectData {
        Objects.requireNonNull(name, "name");
        aliases = aliases == null ? List.of() : List.copyOf(aliases);
        identifiers = identifiers == null ? List.of() : List.copyOf(identifiers);
        attributes = attributes == null ? Map.of() : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(attributes));
    }

    /** The longest id an agency may give a subject. */
    public static final int MAX_EXTERNAL_ID = 200;

    /** What is wrong with an agency's id for a subject (1-200 characters, no control characters, no surrounding spaces), or null. */
    public static String externalIdProblem(String id) {
        if (id == null || id.isBlank()) return "is missing";
        if (id.length() > MAX_EXTERNAL_ID) return "is longer than " + MAX_EXTERNAL_ID + " characters";
        if (id.chars().anyMatch(Character::isISOControl)) return "holds control characters";
        if (!id.equals(id.strip())) return "has spaces around it";
        return null;
    }

    /** A subject of what one screening query holds (a customer file's row). */
    public static SubjectData of(ScreeningQuery q) {
        return new SubjectData(q.name(), List.of(), q.schema(), q.birthDate(), q.nationality(), q.identifiers(), Map.of());
    }

    /** One query per name (the name, then each alias), each with everything else known. */
    public List<ScreeningQuery> queries() {
        List<ScreeningQuery> out = new ArrayList<>(1 + aliases.size());
        out.add(query(name));
        for (String a : aliases) out.add(query(a));
        return out;
    }

    private ScreeningQuery query(String n) {
        return new ScreeningQuery(n, schema, birthDate, nationality, identifiers, null, ALERTS_PER_NAME);
    }

    /**
     * The hash of what a screening compares (not the attributes): a decision on an alert holds while it
     * and the listed entity's content stay the same.
     */
    public String fingerprint() {
        return sha256(json(false));
    }

    /** The stored form: snake_case JSON as the API takes it. */
    public String toJson() {
        return json(true);
    }

    private String json(boolean withAttributes) {
        try {
            return JSON.writeValueAsString(fields(withAttributes));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The fields in their stored (snake_case) form; absent ones null. */
    public Map<String, Object> fields(boolean withAttributes) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", name);
        m.put("aliases", aliases);
        m.put("schema", schema == null ? null : schema.label());
        m.put("birth_date", birthDate == null ? null : birthDate.toString());
        m.put("nationality", nationality);
        List<Map<String, Object>> ids = new ArrayList<>();
        for (Identifier i : identifiers) {
            Map<String, Object> id = new LinkedHashMap<>();
            id.put("type", i.type().name().toLowerCase(java.util.Locale.ROOT));
            id.put("number", i.number());
            id.put("country", i.country());
            ids.add(id);
        }
        m.put("identifiers", ids);
        if (withAttributes) m.put("attributes", attributes);
        return m;
    }

    /** Reads the stored form back. */
    public static SubjectData fromJson(String json) {
        try {
            JsonNode n = JSON.readTree(json);
            List<String> aliases = new ArrayList<>();
            n.path("aliases").forEach(a -> aliases.add(a.asText()));
            List<Identifier> ids = new ArrayList<>();
            n.path("identifiers").forEach(i -> ids.add(new Identifier(
                    IdentifierType.valueOf(i.get("type").asText().toUpperCase(java.util.Locale.ROOT)), null,
                    i.get("number").asText(), i.path("country").isTextual() ? i.get("country").asText() : null)));
            Map<String, String> attributes = new LinkedHashMap<>();
            n.path("attributes").properties().forEach(e -> attributes.put(e.getKey(), e.getValue().asText()));
            return new SubjectData(n.get("name").asText(), aliases,
                    n.path("schema").isTextual() ? Schema.parse(n.get("schema").asText()) : null,
                    n.path("birth_date").isTextual() ? PartialDate.parse(n.get("birth_date").asText()) : null,
                    n.path("nationality").isTextual() ? n.get("nationality").asText() : null, ids, attributes);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new UncheckedIOException("stored subject is not readable: " + e.getOriginalMessage(), e);
        }
    }

    static String sha256(String text) {
        return dev.sieve.store.EntityJson.sha256(text);
    }
}
