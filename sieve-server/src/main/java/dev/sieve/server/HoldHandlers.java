package dev.sieve.server;

import dev.sieve.alerts.AlertFilter;
import dev.sieve.alerts.HoldStore;
import dev.sieve.store.Role;
import io.javalin.http.Context;
import java.util.List;
import java.util.Map;

/**
 * Payments and travellers held by their alerts: listed newest first (by kind and status) and read with their
 * alerts. They are settled by deciding the alerts ({@code POST /v1/alerts/{id}/decision}), never directly.
 */
final class HoldHandlers {
    private final HoldStore holds;
    private final Auth auth;

    HoldHandlers(HoldStore holds, Auth auth) {
        this.holds = holds;
        this.auth = auth;
    }

    void register(RouteTable routes) {
        routes.get("/v1/holds", this::list);
        routes.get("/v1/holds/{id}", this::get);
    }

    private void list(Context ctx) {
        Auth.Caller caller = auth.require(ctx, Role.ANALYST, Role.CONTRIBUTOR, Role.AUDITOR);
        HoldStore.Kind kind = null;
        HoldStore.Status status = null;
        try {
            String k = Params.blankToNull(ctx.queryParam("kind"));
            if (k != null) kind = HoldStore.Kind.parse(k);
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest("kind", "parameter 'kind': " + e.getMessage());
        }
        try {
            String s = Params.blankToNull(ctx.queryParam("status"));
            if (s != null) status = HoldStore.Status.parse(s);
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest("status", "parameter 'status': " + e.getMessage());
        }
        int limit = Params.integer(ctx.queryParam("limit"), "limit", 100, 1, AlertFilter.MAX_LIMIT);
        Long before = null;
        String cursor = Params.blankToNull(ctx.queryParam("before"));
        if (cursor != null) before = (long) Params.integer(cursor, "before", 0, 1, Integer.MAX_VALUE);
        List<HoldStore.Hold> page = holds.holds(caller.agency(), kind, status, before, limit);
        Map<String, Object> out = Views.map("holds", page.stream().map(h -> Views.HoldView.of(h, null)).toList());
        if (page.size() == limit) out.put("next_before", page.getLast().seq());
        ApiJson.send(ctx, out);
    }

    private void get(Context ctx) {
        Auth.Caller caller = auth.require(ctx, Role.ANALYST, Role.CONTRIBUTOR, Role.AUDITOR);
        String id = ctx.pathParam("id");
        HoldStore.Hold h = holds.hold(caller.agency(), id).orElseThrow(() -> ApiException.notFound("no held payment or traveller " + id));
        ApiJson.send(ctx, Views.HoldView.of(h, holds.alertsOf(h)));
    }
}
