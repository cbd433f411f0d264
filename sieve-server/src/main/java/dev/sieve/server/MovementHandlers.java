package dev.sieve.server;

import dev.sieve.model.DatabankEntry;
import dev.sieve.store.Role;
import dev.sieve.store.Sighting;
import dev.sieve.store.SieveStore;
import io.javalin.http.Context;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;

/**
 * Movements: {@code POST /v1/sightings} records a confirmed traveller hit; {@code GET
 * /v1/entities/{id}/movements} gives the itinerary in time order. A sighting is seen by exactly those who
 * may see its entity: everyone for an official list entry, the sharing of a databank entry otherwise.
 */
final class MovementHandlers {
    private final SieveStore store;
    private final Auth auth;

    MovementHandlers(SieveStore store, Auth auth) {
        this.store = store;
        this.auth = auth;
    }

    record SightingBody(String entityId, String flight, String from, String departure, String to, String arrival,
                        String document, String travellerName, String note) {
    }

    void register(RouteTable routes) {
        routes.post("/v1/sightings", this::record);
        routes.get("/v1/entities/{id}/movements", this::movements);
    }

    /** Whether the agency may see this entity (and so its movements): 404 otherwise, as for an unknown id. */
    private void requireVisible(String id, String agency) {
        boolean visible = DatabankEntry.isDatabank(id)
                ? store.databank().entryVisibleTo(id, agency).isPresent()
                : store.entity(id).isPresent();
        if (!visible) throw ApiException.notFound("no entity " + id);
    }

    private void record(Context ctx) {
        Auth.Caller caller = auth.require(ctx, Role.ANALYST, Role.CONTRIBUTOR);
        SightingBody b = ApiJson.read(ctx, SightingBody.class);
        if (b.entityId() == null || b.entityId().isBlank()) throw ApiException.badRequest("entity_id", "field 'entity_id' is required");
        String flight = required(b.flight(), "flight", 20);
        String from = airport(b.from(), "from");
        String to = airport(b.to(), "to");
        LocalDateTime departure = time(b.departure(), "departure");
        if (departure == null) throw ApiException.badRequest("departure", "field 'departure' is required");
        LocalDateTime arrival = time(b.arrival(), "arrival");
        if (arrival != null && arrival.isBefore(departure.minusHours(30))) {
            throw ApiException.badRequest("arrival", "field 'arrival' is long before the departure");
        }
        if (b.document() != null && b.document().length() > 60) throw ApiException.badRequest("document", "field 'document' is too long");
        if (b.note() != null && b.note().length() > 4000) throw ApiException.badRequest("note", "field 'note' is too long");
        requireVisible(b.entityId(), caller.agency());
        Sighting s = store.sightings().record(caller.actor(), b.entityId(), flight, from, departure, to, arrival,
                Params.blankToNull(b.document()), Params.blankToNull(b.travellerName()), Params.blankToNull(b.note()));
        ctx.status(201);
        ApiJson.send(ctx, s);
    }

    private void movements(Context ctx) {
        Auth.Caller caller = auth.require(ctx, Role.ANALYST, Role.CONTRIBUTOR);
        String id = ctx.pathParam("id");
        requireVisible(id, caller.agency());
        List<Sighting> sightings = store.sightings().of(id);
        ApiJson.send(ctx, Views.map("entity_id", id, "movements", sightings));
    }

    private static String required(String v, String field, int max) {
        if (v == null || v.isBlank()) throw ApiException.badRequest(field, "field '" + field + "' is required");
        if (v.length() > max) throw ApiException.badRequest(field, "field '" + field + "' is longer than " + max + " characters");
        return v.strip();
    }

    private static String airport(String v, String field) {
        String a = required(v, field, 5).toUpperCase(java.util.Locale.ROOT);
        if (!a.matches("[A-Z0-9]{3,5}")) throw ApiException.badRequest(field, "field '" + field + "' must be an airport code such as FRA, not '" + v + "'");
        return a;
    }

    private static LocalDateTime time(String v, String field) {
        if (v == null || v.isBlank()) return null;
        try {
            return LocalDateTime.parse(v.strip());
        } catch (DateTimeParseException e) {
            throw ApiException.badRequest(field, "field '" + field + "' must be a local date and time such as 2026-11-28T14:05, not '" + v + "'");
        }
    }
}
