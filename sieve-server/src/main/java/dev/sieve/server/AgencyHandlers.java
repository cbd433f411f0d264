package dev.sieve.server;

import dev.sieve.store.Agencies;
import dev.sieve.store.Role;
import io.javalin.http.Context;
import java.util.Map;

/**
 * Agencies and their keys. The operator's administrators (agency {@code operator}) create, disable and enable
 * agencies and may manage any agency's keys; an agency's own administrators manage only their agency's keys.
 */
final class AgencyHandlers {
    private final Agencies agencies;
    private final Auth auth;

    AgencyHandlers(Agencies agencies, Auth auth) {
        this.agencies = agencies;
        this.auth = auth;
    }

    void register(RouteTable routes) {
        routes.post("/v1/agencies", this::create);
        routes.patch("/v1/agencies/{agency}", this::patch);
        routes.get("/v1/agencies", this::list);
        routes.post("/v1/agencies/{agency}/keys", this::issueKey);
        routes.delete("/v1/agencies/{agency}/keys/{keyId}", this::revokeKey);
        routes.get("/v1/agencies/{agency}/keys", this::listKeys);
        routes.post("/v1/agencies/{agency}/disable", ctx -> setDisabled(ctx, true));
        routes.post("/v1/agencies/{agency}/enable", ctx -> setDisabled(ctx, false));
    }

    /** Settings an agency's administrators change themselves: {@code four_eyes}. */
    private void patch(Context ctx) {
        String agency = ctx.pathParam("agency");
        Auth.Caller caller = auth.requireAdminOf(ctx, agency);
        Requests.AgencyPatchBody body = ApiJson.read(ctx, Requests.AgencyPatchBody.class);
        if (body.fourEyes() == null) throw ApiException.badRequest("four_eyes", "field 'four_eyes' (true or false) is required");
        Agencies.Agency a = agencies.setFourEyes(caller.actor(), agency, body.fourEyes());
        ApiJson.send(ctx, Views.map("id", a.id(), "name", a.name(), "four_eyes", a.fourEyes()));
    }

    private void listKeys(Context ctx) {
        String agency = ctx.pathParam("agency");
        auth.requireAdminOf(ctx, agency);
        if (agencies.agency(agency).isEmpty()) throw ApiException.notFound("no agency '" + agency + "'");
        ApiJson.send(ctx, Views.map("agency", agency, "keys", agencies.keys(agency).stream()
                .map(k -> {
                    var view = Views.map("id", k.id(), "role", k.role().label(), "created_at", k.createdAt());
                    if (k.revokedAt() != null) view.put("revoked_at", k.revokedAt());
                    return view;
                }).toList()));
    }

    private void setDisabled(Context ctx, boolean disabled) {
        String agency = ctx.pathParam("agency");
        Auth.Caller caller = auth.requireOperator(ctx, disabled ? "disabling an agency" : "enabling an agency");
        Agencies.Agency a;
        try {
            a = agencies.setDisabled(caller.actor(), agency, disabled);
        } catch (IllegalArgumentException e) {
            throw new ApiException(409, "Conflict", e.getMessage(), null, null);
        }
        auth.forgetAgency(agency);
        ApiJson.send(ctx, a);
    }

    private void revokeKey(Context ctx) {
        String agency = ctx.pathParam("agency");
        Auth.Caller caller = auth.requireAdminOf(ctx, agency);
        String keyId = ctx.pathParam("keyId");
        agencies.revokeKey(caller.actor(), agency, keyId);
        auth.forget(keyId);
        ApiJson.send(ctx, Views.map("key_id", keyId, "agency", agency, "revoked", true));
    }

    private void create(Context ctx) {
        Auth.Caller caller = auth.requireOperator(ctx, "creating an agency");
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
        Auth.Caller caller = auth.require(ctx, Role.AUDITOR, Role.ANALYST, Role.CONTRIBUTOR, Role.ADMIN);
        if (caller.role() == Role.ADMIN && dev.sieve.store.Actor.OPERATOR_AGENCY.equals(caller.agency())) {
            ApiJson.send(ctx, Map.of("agencies", agencies.agencies()));
            return;
        }
        // the members' directory: a member shares entries with other members by id, so which members there
        // are is known to every member (as sharing's answers would tell anyway); when they joined and whether
        // one is disabled is the operator's business
        ApiJson.send(ctx, Map.of("agencies", agencies.agencies().stream().filter(a -> a.disabledAt() == null)
                .map(a -> Views.map("id", a.id(), "name", a.name())).toList()));
    }

    private void issueKey(Context ctx) {
        String agency = ctx.pathParam("agency");
        Auth.Caller caller = auth.requireAdminOf(ctx, agency);
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
