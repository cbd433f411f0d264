package dev.sieve.server;

import dev.sieve.store.Agencies;
import dev.sieve.store.Role;
import io.javalin.http.Context;
import java.util.Map;

/** {@code POST /v1/agencies}, {@code GET /v1/agencies}, {@code POST /v1/agencies/{agency}/keys}: administrators only. */
final class AgencyHandlers {
    private final Agencies agencies;
    private final Auth auth;

    AgencyHandlers(Agencies agencies, Auth auth) {
        this.agencies = agencies;
        this.auth = auth;
    }

    void register(RouteTable routes) {
        routes.post("/v1/agencies", this::create);
        routes.get("/v1/agencies", this::list);
        routes.post("/v1/agencies/{agency}/keys", this::issueKey);
        routes.delete("/v1/agencies/{agency}/keys/{keyId}", this::revokeKey);
    }

    private void revokeKey(Context ctx) {
        Auth.Caller caller = auth.require(ctx, Role.ADMIN);
        String agency = ctx.pathParam("agency");
        String keyId = ctx.pathParam("keyId");
        agencies.revokeKey(caller.actor(), agency, keyId);
        auth.forget(keyId);
        ApiJson.send(ctx, Views.map("key_id", keyId, "agency", agency, "revoked", true));
    }

    private void create(Context ctx) {
        Auth.Caller caller = auth.require(ctx, Role.ADMIN);
        Requests.AgencyBody body = ApiJson.read(ctx, Requests.AgencyBody.class);
        if (body.name() == null || body.name().isBlank()) throw ApiException.badRequest("name", "field 'name' is required");
        if (body.name().length() > 300) throw ApiException.badRequest("name", "field 'name' is longer than 300 characters");
        Agencies.Agency a;
        try {
            a = agencies.create(caller.actor(), body.id(), body.name().strip());
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest("id", "field 'id': " + e.getMessage());
        }
        ctx.status(201).header("Location", "/v1/agencies/" + a.id());
        ApiJson.send(ctx, Views.map("id", a.id(), "name", a.name(), "created_at", a.createdAt()));
    }

    private void list(Context ctx) {
        auth.require(ctx, Role.ADMIN);
        ApiJson.send(ctx, Map.of("agencies", agencies.agencies()));
    }

    private void issueKey(Context ctx) {
        Auth.Caller caller = auth.require(ctx, Role.ADMIN);
        String agency = ctx.pathParam("agency");
        Requests.KeyBody body = ApiJson.read(ctx, Requests.KeyBody.class);
        if (body.role() == null) throw ApiException.badRequest("role", "field 'role' is required");
        Role role;
        try {
            role = Role.parse(body.role());
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest("role", "field 'role': " + e.getMessage());
        }
        if (agencies.agency(agency).isEmpty()) throw ApiException.notFound("no agency '" + agency + "'");
        Agencies.IssuedKey k = agencies.issueKey(caller.actor(), agency, role);
        ctx.status(201);
        ApiJson.send(ctx, Views.map("key", k.secret(), "key_id", k.key().id(), "agency", agency, "role", role.label()));
    }
}
