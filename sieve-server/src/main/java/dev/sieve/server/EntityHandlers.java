package dev.sieve.server;

import dev.sieve.model.DatabankEntry;
import dev.sieve.model.Schema;
import dev.sieve.screening.ScreeningService;
import dev.sieve.store.Role;
import dev.sieve.store.SieveStore;
import io.javalin.http.Context;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code GET /v1/entities/{id}} and {@code GET /v1/entities?q=}: official list entries and the databank
 * entries the caller may see. An entry the caller may not see is answered exactly like one that does
 * not exist.
 */
final class EntityHandlers {
    /**
     * The deepest page of a search: each page is read from the start of its ordered results, so deep offsets
     * cost every agency's screenings; narrow the search (q, schema, source) instead.
     */
    static final int MAX_OFFSET = 5_000;
    private final SieveStore store;
    private final Auth auth;
    private final ScreeningService screening;

    EntityHandlers(SieveStore store, Auth auth, ScreeningService screening) {
        this.store = store;
        this.auth = auth;
        this.screening = screening;
    }

    void register(RouteTable routes) {
        routes.get("/v1/entities/{id}", this::entity);
        routes.get("/v1/entities", this::search);
        routes.get("/v1/entities/{id}/obligations", this::obligations);
        routes.get("/v1/entities/{id}/history", this::history);
    }

    private void entity(Context ctx) {
        Auth.Caller caller = auth.require(ctx, Role.ANALYST, Role.CONTRIBUTOR);
        String id = ctx.pathParam("id");
        if (DatabankEntry.isDatabank(id)) {
            DatabankEntry e = store.databank().entryVisibleTo(id, caller.agency())
                    .orElseThrow(() -> ApiException.notFound("no entity " + id));
            ctx.header("ETag", "\"" + e.version() + "\"");
            ApiJson.send(ctx, Views.EntryView.of(e, caller.agency()));
            return;
        }
        var stored = store.entity(id).orElseThrow(() -> ApiException.notFound("no entity " + id));
        ApiJson.send(ctx, Views.ListedEntityView.of(stored, screening.snapshot().parties()));
    }

    /** A listed entity's history across publications: listed, amended (with the fields that changed), delisted, relisted. */
    private void history(Context ctx) {
        auth.require(ctx, Role.ANALYST, Role.CONTRIBUTOR, Role.AUDITOR);
        String id = ctx.pathParam("id");
        var events = store.timeline(id);
        if (events.isEmpty()) throw ApiException.notFound("no listed entity " + id);
        List<Object> out = new ArrayList<>();
        for (var e : events) {
            Map<String, Object> m = new java.util.LinkedHashMap<>();
            m.put("kind", e.kind());
            m.put("publication", Views.PublicationView.of(e.publication()));
            m.put("changes", e.changes());
            out.add(m);
        }
        ApiJson.send(ctx, Map.of("entity_id", id, "events", out));
    }

    /**
     * What applied to a listed entity on a day: whether its source's publication in force that day listed it, under which
     * regimes, and each of their measures' status then (the list's history times the measures' history).
     */
    private void obligations(Context ctx) {
        auth.require(ctx, Role.ANALYST, Role.CONTRIBUTOR, Role.AUDITOR);
        String id = ctx.pathParam("id");
        if (store.entity(id).isEmpty()) throw ApiException.notFound("no listed entity " + id);
        java.time.LocalDate on = Params.dayOrToday(ctx.queryParam("on"), "on");
        Map<String, Object> out = new java.util.LinkedHashMap<>();
        out.put("entity_id", id);
        out.put("on", on.toString());
        var listed = store.entityOn(id, on);
        out.put("listed", listed.isPresent());
        if (listed.isEmpty()) {
            out.put("regimes", List.of());
            out.put("measures", List.of());
            ApiJson.send(ctx, out);
            return;
        }
        out.put("publication", Views.PublicationView.of(listed.get().publication()));
        out.put("regimes", regimes(listed.get().entity(), on));
        out.put("measures", dev.sieve.regimes.RegimeCatalogue.standard().applied(listed.get().entity(), on).measures().stream()
                .map(dev.sieve.regimes.MeasureType::label).toList());
        ApiJson.send(ctx, out);
    }

    /** The regimes an entity is listed under, each measure its listing carries with its status on {@code on}, since when and by which act. */
    static List<Object> regimes(dev.sieve.model.Entity entity, java.time.LocalDate on) {
        return List.copyOf(dev.sieve.regimes.RegimeView.listings(entity, on));
    }

    private void search(Context ctx) {
        Auth.Caller caller = auth.require(ctx, Role.ANALYST, Role.CONTRIBUTOR);
        String q = ctx.queryParam("q");
        String schemaText = ctx.queryParam("schema");
        Schema schema = schemaText == null || schemaText.isBlank() ? null : Requests.schema(schemaText, "schema");
        String source = Params.blankToNull(ctx.queryParam("source"));
        Instant asOf = Params.instant(ctx.queryParam("as_of"), "as_of", true);
        int limit = Params.integer(ctx.queryParam("limit"), "limit", 50, 1, 500);
        int offset = Params.integer(ctx.queryParam("offset"), "offset", 0, 0, MAX_OFFSET);
        boolean databankOnly = source != null && (source.equals("databank") || DatabankEntry.isDatabank(source));
        List<Views.SearchHit> hits = new ArrayList<>();
        if (!databankOnly) {
            for (SieveStore.SearchHit h : store.search(q, schema == null ? null : schema.label(), source, asOf, limit + offset, 0)) {
                hits.add(new Views.SearchHit(h.id(), h.caption(), h.schema(), h.source()));
            }
        }
        if (source == null || databankOnly) {
            String needle = q == null ? "" : q.strip().toLowerCase(Locale.ROOT);
            List<DatabankEntry> entries = asOf == null ? store.databank().entries() : store.databank().asOfVisibleTo(asOf, caller.agency());
            for (DatabankEntry e : entries) {
                if (e.delisted() || !e.visibleTo(caller.agency())) continue;
                if (source != null && !source.equals("databank") && !source.equals(e.entity().source())) continue;
                if (schema != null && e.entity().schema() != schema) continue;
                if (!needle.isEmpty() && e.entity().names().stream().noneMatch(n -> n.value().toLowerCase(Locale.ROOT).contains(needle))) {
                    continue;
                }
                hits.add(new Views.SearchHit(e.id(), e.entity().primaryName().value(), e.entity().schema().label(),
                        e.entity().source()));
            }
        }
        hits.sort(Comparator.comparing(Views.SearchHit::name).thenComparing(Views.SearchHit::id));
        List<Views.SearchHit> page = hits.subList(Math.min(offset, hits.size()), Math.min(offset + limit, hits.size()));
        ApiJson.send(ctx, new Views.SearchResult(List.copyOf(page), limit, offset));
    }
}
