package dev.sieve.lists;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sieve.model.Address;
import dev.sieve.model.BirthDate;
import dev.sieve.model.Countries;
import dev.sieve.model.Entity;
import dev.sieve.model.EntityBuilder;
import dev.sieve.model.Gender;
import dev.sieve.model.Identifier;
import dev.sieve.model.IdentifierType;
import dev.sieve.model.Name;
import dev.sieve.model.NameKind;
import dev.sieve.model.PartialDate;
import dev.sieve.model.Schema;
import dev.sieve.model.Topics;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Set;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * FollowTheMoney entity JSON lines, as OpenSanctions exports them. Persons, organisations, companies,
 * vessels and aircraft that are targets become entities ({@code <dataset>:<id>}); Sanction objects lend
 * their programme and listing date to the entity they name; other schemata (Address, Ownership,
 * Family...) are counted as skipped. Entities are emitted at the end because a Sanction may follow
 * the entity it belongs to.
 */
final class FtmReader implements ListReader {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Map<String, IdentifierType> ID_PROPERTIES = IdentifierType.FTM_PROPERTIES;

    private static final Pattern DATE_PREFIX = Pattern.compile("\\d{4}(-\\d{2}(-\\d{2})?)?");

    private record Pending(EntityBuilder builder, long line, String primaryDataset) {
    }

    @Override
    public ListFormat format() {
        return ListFormat.FTM_JSON;
    }

    @Override
    public ReadResult read(ListInput input, Consumer<Entity> sink) throws IOException {
        String file = input.name();
        List<Problem> problems = new ArrayList<>();
        Map<String, Pending> targets = new LinkedHashMap<>();
        Map<String, List<JsonNode>> sanctions = new HashMap<>();
        Map<String, Integer> datasetCounts = new HashMap<>();
        Set<String> officeHolders = new HashSet<>();
        Map<String, Set<String>> relatives = new HashMap<>();
        boolean holdsPositions = false;
        Instant latest = null;
        int skipped = 0;
        long lineNo = 0;
        try (BufferedReader in = new BufferedReader(Decoding.strictReader(input.main(), StandardCharsets.UTF_8))) {
            String line;
            while (true) {
                try {
                    line = in.readLine();
                } catch (java.nio.charset.CharacterCodingException e) {
                    throw new ListFormatException(file, "line " + (lineNo + 1),
                            "bytes that are not valid UTF-8: wrong encoding?", e);
                }
                if (line == null) break;
                lineNo++;
                if (line.isBlank()) continue;
                String id = null;
                try {
                    JsonNode node;
                    try {
                        node = JSON.readTree(line);
                    } catch (JsonProcessingException e) {
                        throw new IllegalArgumentException("not a JSON object: " + e.getOriginalMessage());
                    }
                    if (node == null || !node.isObject()) throw new IllegalArgumentException("not a JSON object");
                    id = text(node, "id");
                    String schemaName = text(node, "schema");
                    if (id == null) throw new IllegalArgumentException("field 'id' is missing");
                    if (schemaName == null) throw new IllegalArgumentException("field 'schema' is missing");
                    Instant seen = timestamp(node.get("last_seen"));
                    if (seen != null && (latest == null || seen.isAfter(latest))) latest = seen;
                    Schema schema = schemaOf(schemaName);
                    if (schemaName.equals("Occupancy") || schemaName.equals("Position")) {
                        holdsPositions = true;
                        officeHolders.addAll(values(node.path("properties"), "holder"));
                    }
                    if (schemaName.equals("Family") || schemaName.equals("Associate")) {
                        for (String a : values(node.path("properties"), "person")) {
                            List<String> others = new ArrayList<>(values(node.path("properties"), "relative"));
                            others.addAll(values(node.path("properties"), "associate"));
                            for (String b : others) {
                                relatives.computeIfAbsent(a, k -> new HashSet<>()).add(b);
                                relatives.computeIfAbsent(b, k -> new HashSet<>()).add(a);
                            }
                        }
                    }
                    if (schemaName.equals("Sanction")) {
                        for (String target : values(node.path("properties"), "entity")) {
                            sanctions.computeIfAbsent(target, k -> new ArrayList<>()).add(node.path("properties"));
                        }
                        skipped++;
                        continue;
                    }
                    if (schema == null || node.path("target").asBoolean(true) == false) {
                        skipped++;
                        continue;
                    }
                    List<String> datasets = values(node, "datasets");
                    String dataset = datasets.isEmpty() ? "ftm" : datasets.getFirst();
                    datasetCounts.merge(dataset, 1, Integer::sum);
                    targets.put(id, new Pending(builder(node, id, dataset, schema), lineNo, dataset));
                } catch (IllegalArgumentException e) {
                    problems.add(new Problem(file, "line " + lineNo, id, e.getMessage()));
                }
            }
        }
        String source = "ftm:" + datasetCounts.entrySet().stream().max(Map.Entry.comparingByValue())
                .map(Map.Entry::getKey).orElse("ftm");
        int count = 0;
        for (var e : targets.entrySet()) {
            EntityBuilder b = e.getValue().builder();
            for (JsonNode sanction : sanctions.getOrDefault(e.getKey(), List.of())) {
                for (String p : values(sanction, "program")) b.program(p);
                for (String d : values(sanction, "listingDate")) listed(b, d);
                for (String d : values(sanction, "startDate")) listed(b, d);
            }
            if (!b.hasTopics()) {
                b.topic(derivedTopic(e.getKey(), officeHolders, relatives, holdsPositions,
                        sanctions.containsKey(e.getKey())));
            }
            try {
                sink.accept(b.build().withSource(source));
                count++;
            } catch (IllegalArgumentException ex) {
                problems.add(new Problem(file, "line " + e.getValue().line(), b.id(), ex.getMessage()));
            }
        }
        return new ReadResult(source, latest, count, skipped, problems);
    }

    /**
     * A topic for an entity the data gives none (Wikidata PEP datasets give none): holders of an
     * Occupancy are PEPs, their family and associates RCAs; the rest of a dataset of positions are
     * PEPs, an entity a Sanction names is sanctioned, and anything else is unclassified, never
     * presented as a sanction.
     */
    static String derivedTopic(String id, Set<String> officeHolders, Map<String, Set<String>> relatives,
                               boolean holdsPositions, boolean sanctioned) {
        if (officeHolders.contains(id)) return Topics.PEP;
        for (String r : relatives.getOrDefault(id, Set.of())) {
            if (officeHolders.contains(r)) return Topics.RCA;
        }
        if (sanctioned) return Topics.SANCTION;
        if (holdsPositions) return Topics.PEP;
        return Topics.UNCLASSIFIED;
    }

    private static void listed(EntityBuilder b, String date) {
        try {
            b.listedOn(Dates.isoDate(date));
        } catch (IllegalArgumentException ignored) {
            // a partial date (year only) says too little for a listing date
        }
    }

    static Schema schemaOf(String name) {
        return switch (name) {
            case "Person" -> Schema.PERSON;
            case "Organization", "Company", "LegalEntity", "PublicBody" -> Schema.ORGANIZATION;
            case "Vessel" -> Schema.VESSEL;
            case "Airplane" -> Schema.AIRPLANE;
            default -> null;
        };
    }

    private static EntityBuilder builder(JsonNode node, String id, String dataset, Schema schema) {
        JsonNode p = node.path("properties");
        EntityBuilder b = Entity.builder(dataset + ":" + id, "ftm", schema);
        String caption = text(node, "caption");
        List<String> names = values(p, "name");
        if (caption != null && names.contains(caption)) b.primaryName(caption);
        for (String n : names) b.name(new Name(n, b.hasNames() ? NameKind.ALIAS : NameKind.PRIMARY, false,
                Text.hasNonLatinLetters(n)));
        List<String> aliases = values(p, "alias");
        // No "name" property: the caption (or else the first alias) is what the dataset files it under.
        if (!b.hasNames() && caption != null && aliases.contains(caption)) b.primaryName(caption);
        for (String n : aliases) b.name(new Name(n, b.hasNames() ? NameKind.ALIAS : NameKind.PRIMARY, false,
                Text.hasNonLatinLetters(n)));
        for (String n : values(p, "weakAlias")) b.name(new Name(n, NameKind.ALIAS, true, Text.hasNonLatinLetters(n)));
        for (String n : values(p, "previousName")) b.name(new Name(n, NameKind.FORMER, false, Text.hasNonLatinLetters(n)));
        if (!b.hasNames()) {
            String full = Text.joinNonBlank(" ", first(p, "firstName"), first(p, "middleName"), first(p, "lastName"));
            if (full == null) full = caption;
            if (full == null) throw new IllegalArgumentException("no name");
            b.primaryName(full);
        }
        for (String g : values(p, "gender")) b.gender(Gender.parse(g));
        for (String d : values(p, "birthDate")) {
            Matcher m = DATE_PREFIX.matcher(d);
            if (!m.lookingAt()) {
                // FtM's date type drops what is no date at all ("Unknown", "20th century"); so do we.
                b.remark("birthDate: " + d);
                continue;
            }
            try {
                b.birthDate(BirthDate.exact(PartialDate.parse(m.group())));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("properties.birthDate: " + e.getMessage());
            }
        }
        for (String s : values(p, "birthPlace")) b.birthPlace(s);
        for (String c : values(p, "nationality")) Countries.toIso2(c).ifPresent(b::nationality);
        for (String c : values(p, "citizenship")) Countries.toIso2(c).ifPresent(b::citizenship);
        if (schema == Schema.VESSEL) for (String c : values(p, "flag")) Countries.toIso2(c).ifPresent(b::nationality);
        for (var e : ID_PROPERTIES.entrySet()) {
            for (String number : values(p, e.getKey())) {
                b.identifier(new Identifier(e.getValue(), e.getKey(), number, null));
            }
        }
        for (String a : values(p, "address")) b.address(new Address(a, null, null, null, null, null));
        for (String prog : values(p, "program")) b.program(prog);
        for (String n : values(p, "notes")) b.remark(n);
        for (String pos : values(p, "position")) b.remark("Position: " + pos);
        for (String t : values(p, "topics")) b.topic(t);
        for (String r : values(node, "referents")) b.referent(r);
        return b;
    }

    private static String text(JsonNode node, String field) {
        JsonNode v = node.get(field);
        return v == null || !v.isTextual() || v.asText().isBlank() ? null : v.asText().strip();
    }

    private static String first(JsonNode props, String field) {
        List<String> v = values(props, field);
        return v.isEmpty() ? null : v.getFirst();
    }

    /** FtM properties are lists of strings; a lone string is tolerated. */
    private static List<String> values(JsonNode node, String field) {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) return List.of();
        List<String> out = new ArrayList<>();
        if (v.isArray()) {
            for (JsonNode item : v) {
                if (!item.isTextual()) throw new IllegalArgumentException("'" + field + "' holds a non-string value");
                if (!item.asText().isBlank()) out.add(item.asText().strip());
            }
        } else if (v.isTextual()) {
            if (!v.asText().isBlank()) out.add(v.asText().strip());
        } else {
            throw new IllegalArgumentException("'" + field + "' is neither a string nor a list of strings");
        }
        return out;
    }

    private static Instant timestamp(JsonNode v) {
        if (v == null || !v.isTextual()) return null;
        try {
            return LocalDateTime.parse(v.asText()).toInstant(ZoneOffset.UTC);
        } catch (java.time.format.DateTimeParseException e) {
            return null;
        }
    }
}
