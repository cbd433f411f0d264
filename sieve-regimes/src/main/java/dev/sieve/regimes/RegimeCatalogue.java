package dev.sieve.regimes;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.sieve.model.Entity;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The regimes Sieve knows (a reviewed data file, {@code regimes.yaml}) and which list programmes name them: what a
 * listing obliges on a given day.
 */
public final class RegimeCatalogue {
    private static final String RESOURCE = "regimes.yaml";
    private static volatile RegimeCatalogue standard;

    private final Map<String, Regime> regimes;
    /** Per source, per programme as the source's reader stores it, the regimes it names. */
    private final Map<String, Map<String, List<Regime>>> programs;
    /** Per source, the measures a listing on it can carry (absent: all of the regime's). */
    private final Map<String, Set<MeasureType>> sourceMeasures;

    private RegimeCatalogue(Map<String, Regime> regimes, Map<String, Map<String, List<Regime>>> programs,
                            Map<String, Set<MeasureType>> sourceMeasures) {
        this.regimes = regimes;
        this.programs = programs;
        this.sourceMeasures = sourceMeasures;
    }

    /** The catalogue shipped with Sieve. */
    public static RegimeCatalogue standard() {
        RegimeCatalogue c = standard;
        if (c == null) {
            try (InputStream in = RegimeCatalogue.class.getResourceAsStream(RESOURCE)) {
                if (in == null) throw new IllegalStateException(RESOURCE + " is missing from the classpath");
                standard = c = read(in, RESOURCE);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return c;
    }

    /**
     * Reads a catalogue; a mistake is an {@link IllegalArgumentException} naming the file, the regime and the field.
     */
    public static RegimeCatalogue read(InputStream in, String name) throws IOException {
        JsonNode root = new ObjectMapper(new YAMLFactory()).readTree(in);
        if (root == null || !root.path("regimes").isArray()) throw new IllegalArgumentException(name + ": no 'regimes' list");
        Map<String, Set<MeasureType>> sourceMeasures = new HashMap<>();
        root.path("sources").properties().forEach(s -> {
            Set<MeasureType> ms = EnumSet.noneOf(MeasureType.class);
            for (JsonNode m : s.getValue().path("measures")) ms.add(MeasureType.of(m.asText()));
            sourceMeasures.put(s.getKey(), ms);
        });
        Map<String, Regime> regimes = new LinkedHashMap<>();
        Map<String, Map<String, List<Regime>>> programs = new HashMap<>();
        int n = 0;
        for (JsonNode r : root.path("regimes")) {
            n++;
            String id = r.path("id").asText(null);
            String where = name + ": regime " + (id == null ? "#" + n : "'" + id + "'");
            try {
                if (id == null || id.isBlank()) throw new IllegalArgumentException("'id' is missing");
                if (regimes.containsKey(id)) throw new IllegalArgumentException("'id' is given twice");
                List<Act> acts = new ArrayList<>();
                Set<String> actIds = new HashSet<>();
                for (JsonNode a : r.path("acts")) {
                    Act act = new Act(text(a, "id"), date(a, "date"), a.path("title").asText(null));
                    acts.add(act);
                    actIds.add(act.id());
                }
                List<Measure> measures = new ArrayList<>();
                for (var m : (Iterable<Map.Entry<String, JsonNode>>) r.path("measures").properties()::iterator) {
                    MeasureType type = MeasureType.of(m.getKey());
                    List<Change> timeline = new ArrayList<>();
                    for (JsonNode c : m.getValue()) {
                        String act = text(c, "act");
                        if (!actIds.contains(act)) {
                            throw new IllegalArgumentException("measure " + type.label() + ": act '" + act + "' is not among the regime's acts");
                        }
                        timeline.add(new Change(date(c, "date"), MeasureStatus.of(text(c, "status")), act, c.path("note").asText(null)));
                    }
                    measures.add(new Measure(type, timeline));
                }
                if (measures.isEmpty()) throw new IllegalArgumentException("no measures");
                Regime regime = new Regime(id, text(r, "authority"), text(r, "title"), acts, measures);
                regimes.put(id, regime);
                r.path("programs").properties().forEach(p -> {
                    for (JsonNode program : p.getValue()) {
                        programs.computeIfAbsent(p.getKey(), k -> new HashMap<>())
                                .computeIfAbsent(program.asText(), k -> new ArrayList<>()).add(regime);
                    }
                });
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(where + ": " + e.getMessage(), e);
            }
        }
        // a source that names its programmes as another does (the UK Sanctions List took over the OFSI list's regimes)
        root.path("sources").properties().forEach(src -> {
            String of = src.getValue().path("programs_of").asText(null);
            if (of == null) return;
            if (!programs.containsKey(of)) {
                throw new IllegalArgumentException(name + ": sources." + src.getKey() + ".programs_of: no source '" + of + "' has programmes");
            }
            Map<String, List<Regime>> own = programs.computeIfAbsent(src.getKey(), k -> new HashMap<>());
            programs.get(of).forEach(own::putIfAbsent);
        });
        return new RegimeCatalogue(regimes, programs, sourceMeasures);
    }

    private static String text(JsonNode node, String field) {
        JsonNode v = node.path(field);
        if (!v.isTextual() || v.asText().isBlank()) throw new IllegalArgumentException("'" + field + "' is missing");
        return v.asText();
    }

    private static LocalDate date(JsonNode node, String field) {
        JsonNode v = node.path(field);
        if (v.isMissingNode() || v.isNull()) return null;
        try {
            return LocalDate.parse(v.asText());
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("'" + field + "' is not a date (YYYY-MM-DD): " + v.asText());
        }
    }

    public List<Regime> regimes() {
        return List.copyOf(regimes.values());
    }

    public Optional<Regime> regime(String id) {
        return Optional.ofNullable(regimes.get(id));
    }

    /** A regime an entity is listed under, with the measures its listing can carry. */
    public record Listing(Regime regime, Set<MeasureType> measures) {
    }

    /** The regimes an entity's programmes name (none for an entity without programmes, or only unmapped ones). */
    public List<Listing> listings(Entity e) {
        Map<String, List<Regime>> bySource = programs.getOrDefault(e.source(), Map.of());
        Set<MeasureType> allowed = sourceMeasures.get(e.source());
        Map<String, Listing> out = new LinkedHashMap<>();
        for (String p : e.programs()) {
            for (Regime r : bySource.getOrDefault(p.strip(), List.of())) {
                Set<MeasureType> ms = EnumSet.noneOf(MeasureType.class);
                for (Measure m : r.measures()) if (allowed == null || allowed.contains(m.type())) ms.add(m.type());
                out.putIfAbsent(r.id(), new Listing(r, ms));
            }
        }
        return List.copyOf(out.values());
    }

    /** An entity's programmes that name no regime of the catalogue. */
    public List<String> unmapped(Entity e) {
        Map<String, List<Regime>> bySource = programs.getOrDefault(e.source(), Map.of());
        List<String> out = new ArrayList<>();
        for (String p : e.programs()) if (!bySource.containsKey(p.strip())) out.add(p);
        return out;
    }

    /** Per programme no regime maps, how many of {@code entities} carry it (by source, then programme). */
    public Map<String, Map<String, Integer>> unmapped(Collection<Entity> entities) {
        Map<String, Map<String, Integer>> out = new java.util.TreeMap<>();
        for (Entity e : entities) {
            for (String p : unmapped(e)) out.computeIfAbsent(e.source(), k -> new java.util.TreeMap<>()).merge(p, 1, Integer::sum);
        }
        return out;
    }

    /** What applies to an entity on a day: its regimes, the measures that bind it, and the action per channel. */
    public record Applied(List<String> regimes, List<MeasureType> measures) {
        public Action action(Action.Channel channel) {
            return Action.of(channel, measures);
        }
    }

    /** A match of {@code e} with its regimes, the measures that bind on {@code day} and the action on {@code channel}. */
    public dev.sieve.model.Match annotate(dev.sieve.model.Match m, Entity e, LocalDate day, Action.Channel channel) {
        if (e == null) return m.withObligations(List.of(), List.of(), Action.REVIEW.label());
        Applied a = applied(e, day);
        return m.withObligations(a.regimes(), a.measures().stream().map(MeasureType::label).toList(), a.action(channel).label());
    }

    public Applied applied(Entity e, LocalDate day) {
        List<String> ids = new ArrayList<>();
        Set<MeasureType> binding = new TreeSet<>();
        for (Listing l : listings(e)) {
            ids.add(l.regime().id());
            for (Measure m : l.regime().measures()) {
                if (l.measures().contains(m.type()) && m.bindsOn(day)) binding.add(m.type());
            }
        }
        return new Applied(List.copyOf(ids), List.copyOf(new LinkedHashSet<>(binding)));
    }
}
