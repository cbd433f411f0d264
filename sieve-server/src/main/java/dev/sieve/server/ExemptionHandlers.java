package dev.sieve.server;

import dev.sieve.alerts.AlertStore;
import dev.sieve.exemptions.Exemption;
import dev.sieve.exemptions.ExemptionData;
import dev.sieve.exemptions.ExemptionException;
import dev.sieve.exemptions.ExemptionStore;
import dev.sieve.model.Sharing;
import dev.sieve.store.Agencies;
import dev.sieve.store.Role;
import io.javalin.http.Context;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The exemptions and licences an agency relies on: recorded and revoked by its analysts and administrators, read by
 * its auditors too; another agency's exist only where they are shared.
 */
final class ExemptionHandlers {
    private final ExemptionStore exemptions;
    private final AlertStore alerts;
    private final Agencies agencies;
    private final Auth auth;

    ExemptionHandlers(ExemptionStore exemptions, AlertStore alerts, Agencies agencies, Auth auth) {
        this.exemptions = exemptions;
        this.alerts = alerts;
        this.agencies = agencies;
        this.auth = auth;
    }

    void register(RouteTable routes) {
        routes.post("/v1/exemptions", this::create);
        routes.get("/v1/exemptions", this::list);
        routes.get("/v1/exemptions/{id}", this::get);
        routes.post("/v1/exemptions/{id}/revoke", this::revoke);
    }

    private void create(Context ctx) {
        Auth.Caller caller = auth.require(ctx, Role.ANALYST, Role.ADMIN);
        Requests.ExemptionBody b = ApiJson.read(ctx, Requests.ExemptionBody.class);
        Sharing sharing = b.sharing() == null ? Sharing.PRIVATE
                : Requests.sharing(b.sharing(), a -> agencies.agency(a).filter(x -> x.disabledAt() == null).isPresent());
        ExemptionData data = new ExemptionData(b.issuer(), b.reference(), b.regimes(), b.entities(), b.counterparties(), b.purpose(),
                b.amountLimit(), b.currency(), Requests.day(b.validFrom(), "valid_from"), Requests.day(b.validTo(), "valid_to"),
                b.documentUrl(), sharing);
        Exemption e;
        try {
            e = exemptions.create(caller.actor(), data);
        } catch (ExemptionException ex) {
            throw ApiException.badRequest(ex.field(), ex.getMessage());
        }
        ctx.status(201).header("Location", "/v1/exemptions/" + e.id());
        ApiJson.send(ctx, view(e));
    }

    private void list(Context ctx) {
        Auth.Caller caller = auth.require(ctx, Role.ANALYST, Role.ADMIN, Role.AUDITOR);
        ApiJson.send(ctx, Views.map("exemptions", exemptions.visibleTo(caller.agency()).stream().map(ExemptionHandlers::view).toList()));
    }

    private void get(Context ctx) {
        Auth.Caller caller = auth.require(ctx, Role.ANALYST, Role.ADMIN, Role.AUDITOR);
        Exemption e = exemptions.exemption(caller.agency(), ctx.pathParam("id"))
                .orElseThrow(() -> ApiException.notFound("no exemption '" + ctx.pathParam("id") + "'"));
        ApiJson.send(ctx, view(e));
    }

    private void revoke(Context ctx) {
        Auth.Caller caller = auth.require(ctx, Role.ANALYST, Role.ADMIN);
        Requests.RevokeBody b = ApiJson.read(ctx, Requests.RevokeBody.class);
        Exemption revoked;
        try {
            revoked = exemptions.revoke(caller.actor(), ctx.pathParam("id"), b.reason());
        } catch (ExemptionException ex) {
            throw ApiException.badRequest(ex.field(), ex.getMessage());
        }
        // the alerts it covered are back in the queue at once
        alerts.reopenLapsed(exemptions::stillCovers);
        ApiJson.send(ctx, view(revoked));
    }

    static Map<String, Object> view(Exemption e) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", e.id());
        m.put("agency", e.agency());
        m.put("reference", e.reference());
        m.put("issuer", e.issuer());
        m.put("regimes", e.regimes());
        m.put("entities", e.entities());
        m.put("counterparties", e.counterparties());
        if (e.purpose() != null) m.put("purpose", e.purpose());
        if (e.amountLimit() != null) {
            m.put("amount_limit", e.amountLimit());
            m.put("currency", e.currency());
        }
        m.put("valid_from", e.validFrom().toString());
        m.put("valid_to", e.validTo() == null ? null : e.validTo().toString());
        if (e.documentUrl() != null) m.put("document_url", e.documentUrl());
        m.put("sharing", e.sharing().encode());
        m.put("valid_today", e.validOn(java.time.LocalDate.now(java.time.ZoneOffset.UTC)));
        m.put("created_by", e.createdBy());
        m.put("created_at", e.createdAt());
        if (e.revokedAt() != null) {
            m.put("revoked_at", e.revokedAt());
            m.put("revoked_by", e.revokedBy());
            m.put("revoke_reason", e.revokeReason());
        }
        return m;
    }
}
