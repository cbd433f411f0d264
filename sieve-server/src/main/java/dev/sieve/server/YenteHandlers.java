package dev.sieve.server;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sieve.model.DatabankEntry;
import dev.sieve.model.Entity;
import dev.sieve.model.Match;
import dev.sieve.model.Publication;
import dev.sieve.model.ScreeningQuery;
import dev.sieve.screening.ScreeningService;
import dev.sieve.store.Role;
import dev.sieve.store.SieveStore;
import dev.sieve.yente.FtmEntity;
import dev.sieve.yente.FtmQuery;
import io.javalin.http.Context;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * OpenSanctions' yente API beside {@code /v1}, so that its clients and the case managers that speak it (Marble, the
 * yente client, its MCP server) work against Sieve unchanged: {@code POST /match/{dataset}}, {@code GET
 * /search/{dataset}}, {@code GET /entities/{id}}, {@code GET /catalog}, {@code GET /algorithms}, {@code GET /readyz}.
 * Datasets are Sieve's list sources; {@code default} and {@code sanctions} are all of them. Matching is Sieve's (the
 * {@code algorithm} of a request may name any of yente's; the response's {@code matcher} says what answered), with
 * the caller's databank entries as the API shows them, and nothing another agency keeps private.
 */
final class YenteHandlers {
    static final String ALGORITHM = "sieve-v1";
    /** yente's algorithm names, answered by Sieve's matcher. */
    private static final Set<String> ALGORITHMS = Set.of(ALGORITHM, "best", "default", "logic-v1", "logic-v2", "name-based",
            "name-qualified", "regression-v1", "regression-v2", "ofac-249");
    private static final Set<String> ALL = Set.of("default", "sanctions", "all");
    static final int MATCH_PAGE = 5;
    static final int MAX_MATCHES = 500;
    static final int MAX_BATCH = 100;
    private static final Map<String, Object> FEATURES = Map.of(
            "name_score", Map.of("description", "How well the names align, part by part (transliteration, variants, phonetics, typos), 0 to 1", "coefficient", 1.0),
            "birth_date", Map.of("description", "What the birth date added to or took from the score", "coefficient", 1.0),
            "nationality", Map.of("description", "What the nationality or country added to or took from the score", "coefficient", 1.0),
            "identifier", Map.of("description", "What an identifier (passport, registration, IMO, BIC) added or took", "coefficient", 1.0));

    private final SieveStore store;
    private final ScreeningService screening;
    private final Auth auth;

    /** First and last seen and last change of listed entities, for the lists of one index (they change only with it). */
    private record SeenCache(List<Publication> publications, java.util.concurrent.ConcurrentHashMap<String, FtmEntity.Seen> seen) {
    }

    private volatile SeenCache seenCache = new SeenCache(List.of(), new java.util.concurrent.ConcurrentHashMap<>());

    YenteHandlers(SieveStore store, ScreeningService screening, Auth auth) {
        this.store = store;
        this.screening = screening;
        this.auth = auth;
    }

    void register(RouteTable routes) {
        routes.post("/match/{dataset}", this::match);
        routes.get("/search/{dataset}", this::search);
        routes.get("/entities/{id}", this::entity);
        routes.get("/catalog", this::catalog);
        routes.get("/algorithms", this::algorithms);
        routes.get("/readyz", this::ready);
    }

    private void match(Context ctx) {
        Auth.Caller caller = auth.require(ctx, Role.ANALYST, Role.CONTRIBUTOR);
        Set<String> sources = dataset(ctx.pathParam("dataset"));
        int limit = Params.integer(ctx.queryParam("limit"), "limit", MATCH_PAGE, 1, MAX_MATCHES);
        double threshold = Params.fraction(ctx.queryParam("threshold"), "threshold", screening.snapshot().engine().defaultThreshold());
        double cutoff = Math.min(threshold, Params.fraction(ctx.queryParam("cutoff"), "cutoff", threshold));
        algorithm(ctx.queryParam("algorithm"));
        Filters filters = filters(ctx);
        JsonNode body = ApiJson.read(ctx, JsonNode.class);
        JsonNode queries = body.get("queries");
        if (queries == null || !queries.isObject() || queries.isEmpty()) {
            throw ApiException.badRequest("queries", "field 'queries' must be an object of example entities, e.g. {\"q1\": {\"schema\": \"Person\","
                    + " \"properties\": {\"name\": [\"John Doe\"]}}}");
        }
        if (queries.size() > MAX_BATCH) throw ApiException.badRequest("queries", "too many queries in one batch (limit: " + MAX_BATCH + ")");
        // read every query before screening any
        Map<String, FtmQuery> read = new LinkedHashMap<>();
        Map<String, JsonNode> examples = new LinkedHashMap<>();
        for (var q : queries.properties()) {
            String at = "queries." + q.getKey();
            JsonNode example = q.getValue();
            if (example == null || !example.isObject()) throw ApiException.badRequest(at, "'" + at + "' must be an example entity");
            try {
                @SuppressWarnings("unchecked")
                Map<String, Object> props = example.has("properties") ? ApiJson.MAPPER.convertValue(example.get("properties"), Map.class) : null;
                read.put(q.getKey(), FtmQuery.read(example.path("schema").asText(null), props));
            } catch (IllegalArgumentException e) {
                throw ApiException.badRequest(at, "'" + at + "': " + e.getMessage());
            }
            examples.put(q.getKey(), example);
        }
        Map<String, Object> responses = new LinkedHashMap<>();
        List<Object> audited = new ArrayList<>();
        int screened = 0;
        for (var q : read.entrySet()) {
            List<Scored> scored = screen(q.getValue(), caller.agency(), cutoff, Math.max(20, limit * 4), sources, filters);
            screened++;
            audited.add(Map.of("query", examples.get(q.getKey()), "results", scored.stream().limit(limit)
                    .map(sc -> Map.of("id", sc.match().id(), "score", sc.match().score())).toList()));
            Map<String, Object> r = new LinkedHashMap<>();
            r.put("status", 200);
            r.put("results", scored.stream().limit(limit).map(s -> FtmEntity.scored(s.entity(), seen(s.entity()), s.match().score(),
                    threshold, s.match().explanation())).toList());
            r.put("total", Map.of("value", scored.size(), "relation", "eq"));
            r.put("query", examples.get(q.getKey()));
            responses.put(q.getKey(), r);
        }
        // screened through yente's contract or Sieve's own, a screening is on the audit trail before it is answered
        ScreeningAudit.append(store.audit(), caller, "screen.match", read.size() == 1 && !read.values().iterator().next().names().isEmpty()
                ? read.values().iterator().next().names().getFirst() : null,
                Map.of("dataset", ctx.pathParam("dataset"), "screenings", audited,
                        "publications", screening.snapshot().publications().stream().map(Publication::id).toList()));
        ctx.header("x-batch-size", Integer.toString(screened));
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("responses", responses);
        out.put("matcher", FEATURES);
        out.put("limit", limit);
        ApiJson.send(ctx, out);
    }

    private record Scored(Match match, Entity entity) {
    }

    /** Every name of a query screened, merged by entity (the best score of each), filtered, best first. */
    private List<Scored> screen(FtmQuery q, String agency, double cutoff, int candidates, Set<String> sources, Filters f) {
        List<String> names = q.names().isEmpty() ? List.of("") : q.names();
        List<Match> best = ScreeningService.bestPerEntity(names, name -> screening.screen(new ScreeningQuery(name, q.schema(),
                q.birthDate(), q.country(), q.identifiers(), cutoff, Math.min(candidates, Requests.MAX_LIMIT), f.topics()), agency).matches());
        List<Scored> out = new ArrayList<>();
        for (Match m : best) {
            if (sources != null && !sources.contains(m.source()) && !(DatabankEntry.isDatabank(m.id()) && sources.contains("databank"))) continue;
            if (!f.include().isEmpty() && !f.include().contains(m.source())) continue;
            if (f.exclude().contains(m.source()) || f.excludeIds().contains(m.id())) continue;
            if (f.excludeSchemas().contains(m.schema().label())) continue;
            Entity e = entityOf(m.id());
            if (e == null) continue;
            if (f.changedSince() != null) {
                Instant changed = seen(e).lastChange();
                if (changed == null || changed.isBefore(f.changedSince())) continue;
            }
            out.add(new Scored(m, e));
        }
        return out; // best first, as merged
    }

    private Entity entityOf(String id) {
        if (DatabankEntry.isDatabank(id)) {
            DatabankEntry e = screening.databankSnapshot().entries().get(id);
            return e == null ? null : e.entity();
        }
        return screening.snapshot().engine().entity(id);
    }

    /** First and last seen from the lists' history; the last change is the newest publication that changed it. */
    private FtmEntity.Seen seen(Entity e) {
        if (DatabankEntry.isDatabank(e.id())) {
            DatabankEntry d = screening.databankSnapshot().entries().get(e.id());
            return d == null ? FtmEntity.Seen.UNKNOWN : new FtmEntity.Seen(d.createdAt(), d.updatedAt(), d.updatedAt());
        }
        List<Publication> current = screening.snapshot().publications();
        SeenCache cache = seenCache;
        if (cache.publications() != current) {
            cache = new SeenCache(current, new java.util.concurrent.ConcurrentHashMap<>());
            seenCache = cache;
        }
        FtmEntity.Seen known = cache.seen().get(e.id());
        if (known != null) return known;
        var stored = store.entity(e.id());
        if (stored.isEmpty()) return FtmEntity.Seen.UNKNOWN;
        var events = store.timeline(e.id());
        Instant change = events.isEmpty() ? null : events.getLast().publication().effectiveAt();
        FtmEntity.Seen seen = new FtmEntity.Seen(stored.get().firstSeen().effectiveAt(), stored.get().lastSeen().effectiveAt(), change);
        if (cache.seen().size() < 200_000) cache.seen().put(e.id(), seen);
        return seen;
    }

    private void search(Context ctx) {
        Auth.Caller caller = auth.require(ctx, Role.ANALYST, Role.CONTRIBUTOR);
        Set<String> sources = dataset(ctx.pathParam("dataset"));
        String q = Params.blankToNull(ctx.queryParam("q"));
        if (q == null) throw ApiException.badRequest("q", "parameter 'q' is required: the name to search for");
        int limit = Params.integer(ctx.queryParam("limit"), "limit", 10, 1, MAX_MATCHES);
        int offset = Params.integer(ctx.queryParam("offset"), "offset", 0, 0, MAX_MATCHES);
        String schemaText = Params.blankToNull(ctx.queryParam("schema"));
        FtmQuery query;
        try {
            query = FtmQuery.read(schemaText == null ? "Thing" : schemaText, Map.of("name", q));
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest(schemaText == null ? "q" : "schema", e.getMessage());
        }
        // a search is a lenient screening: names that resemble the text, best first
        List<Scored> found = screen(query, caller.agency(), 0.5, Math.min(Requests.MAX_LIMIT, limit + offset), sources, filters(ctx));
        List<Object> results = found.stream().skip(offset).limit(limit).map(s -> (Object) FtmEntity.of(s.entity(), seen(s.entity()))).toList();
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("results", results);
        out.put("total", Map.of("value", found.size(), "relation", "eq"));
        out.put("limit", limit);
        out.put("offset", offset);
        out.put("facets", Map.of());
        ApiJson.send(ctx, out);
    }

    private void entity(Context ctx) {
        Auth.Caller caller = auth.require(ctx, Role.ANALYST, Role.CONTRIBUTOR);
        String id = ctx.pathParam("id");
        if (DatabankEntry.isDatabank(id)) {
            DatabankEntry e = store.databank().entryVisibleTo(id, caller.agency()).orElseThrow(() -> ApiException.notFound("no entity " + id));
            ApiJson.send(ctx, FtmEntity.of(e.entity(), new FtmEntity.Seen(e.createdAt(), e.updatedAt(), e.updatedAt())));
            return;
        }
        var stored = store.entity(id).orElseThrow(() -> ApiException.notFound("no entity " + id));
        ApiJson.send(ctx, FtmEntity.of(stored.entity(), seen(stored.entity())));
    }

    private void catalog(Context ctx) {
        auth.require(ctx, Role.ANALYST, Role.CONTRIBUTOR, Role.AUDITOR);
        List<Object> datasets = new ArrayList<>();
        List<String> names = new ArrayList<>();
        for (Publication p : screening.snapshot().publications()) {
            names.add(p.source());
            Map<String, Object> d = new LinkedHashMap<>();
            d.put("name", p.source());
            d.put("title", p.source());
            d.put("summary", "Sieve list source " + p.source() + " (" + p.format() + ")");
            d.put("load", true);
            d.put("version", p.effectiveAt().toString());
            d.put("index_version", p.sha256().substring(0, 12));
            d.put("index_current", true);
            d.put("children", List.of());
            d.put("entity_count", p.recordCount());
            datasets.add(d);
        }
        for (String collection : List.of("default", "sanctions")) {
            Map<String, Object> d = new LinkedHashMap<>();
            d.put("name", collection);
            d.put("title", collection.equals("default") ? "Every list and the caller's databank" : "Every list");
            d.put("load", true);
            d.put("version", "current");
            d.put("index_current", true);
            d.put("children", names);
            datasets.add(d);
        }
        List<String> current = new ArrayList<>(names);
        current.addAll(List.of("default", "sanctions"));
        ApiJson.send(ctx, Map.of("datasets", datasets, "current", current, "outdated", List.of(), "index_stale", false));
    }

    private void algorithms(Context ctx) {
        ApiJson.send(ctx, Map.of("algorithms", List.of(Map.of("name", ALGORITHM, "description",
                "Sieve's explained cross-script name matcher with birth date, nationality and identifier evidence; any of yente's"
                        + " algorithm names is answered by it", "features", FEATURES)), "default", ALGORITHM, "best", ALGORITHM));
    }

    private void ready(Context ctx) {
        if (screening.snapshot().publications().isEmpty()) {
            ctx.status(503);
            ApiJson.send(ctx, Map.of("status", "not ready: no list is loaded"));
            return;
        }
        ApiJson.send(ctx, Map.of("status", "ok"));
    }

    /** The sources of a dataset name; null for every source (and the databank). */
    private Set<String> dataset(String name) {
        if (ALL.contains(name)) return null;
        if (name.equals("databank")) return Set.of("databank");
        for (Publication p : screening.snapshot().publications()) if (p.source().equals(name)) return Set.of(name);
        throw ApiException.notFound("no dataset '" + name + "' (GET /catalog lists them; default is every list)");
    }

    private record Filters(Set<String> include, Set<String> exclude, Set<String> excludeIds, Set<String> excludeSchemas, Set<String> topics,
                           Instant changedSince) {
    }

    private static Filters filters(Context ctx) {
        Set<String> topics = Requests.topics(ctx.queryParams("topics"), "topics");
        return new Filters(new LinkedHashSet<>(ctx.queryParams("include_dataset")), new LinkedHashSet<>(ctx.queryParams("exclude_dataset")),
                new LinkedHashSet<>(ctx.queryParams("exclude_entity_ids")), new LinkedHashSet<>(ctx.queryParams("exclude_schema")), topics,
                changedSince(ctx.queryParam("changed_since")));
    }

    /** yente's timestamps may come without an offset ("2024-01-01T00:00:00"): read as UTC. */
    private static Instant changedSince(String text) {
        if (text != null && text.strip().matches("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}(:\\d{2}(\\.\\d+)?)?")) {
            return java.time.LocalDateTime.parse(text.strip()).toInstant(java.time.ZoneOffset.UTC);
        }
        return Params.instant(text, "changed_since", false);
    }

    private static void algorithm(String name) {
        if (name != null && !ALGORITHMS.contains(name)) {
            throw ApiException.badRequest("algorithm", "unknown algorithm '" + name + "'; GET /algorithms lists them (yente's names are"
                    + " answered by " + ALGORITHM + ")");
        }
    }
}
