package dev.sieve.server;

import dev.sieve.model.DatabankEntry;
import dev.sieve.model.Entity;
import dev.sieve.model.Sharing;
import dev.sieve.store.Agencies;
import dev.sieve.store.DatabankStore;
import dev.sieve.store.Role;
import io.javalin.http.Context;

/**
 * Contributors' entries: {@code POST /v1/databank/entries}, {@code GET}, {@code PUT} and {@code DELETE
 * /v1/databank/entries/{id}}. Changes need the entry's current version in {@code If-Match} (a PUT
 * without it is refused with 428), so two contributors cannot silently overwrite each other.
 */
final class DatabankHandlers {
    private final DatabankStore databank;
    private final Agencies agencies;
    private final Auth auth;
    private final Reloader reloader;

    DatabankHandlers(DatabankStore databank, Agencies agencies, Auth auth, Reloader reloader) {
        this.databank = databank;
        this.agencies = agencies;
        this.auth = auth;
        this.reloader = reloader;
    }

    void register(RouteTable routes) {
        routes.post("/v1/databank/entries", this::create);
        routes.get("/v1/databank/entries", this::mine);
        routes.get("/v1/databank/entries/{id}", this::get);
        routes.put("/v1/databank/entries/{id}", this::update);
        routes.delete("/v1/databank/entries/{id}", this::delist);
    }

    private void create(Context ctx) {
        Auth.Caller caller = auth.require(ctx, Role.CONTRIBUTOR);
        Requests.EntryBody body = ApiJson.read(ctx, Requests.EntryBody.class);
        Entity entity = Requests.entity(body);
        Sharing sharing = Requests.sharing(body.sharing(), this::isMember);
        String reason = Requests.reason(body.reason());
        DatabankEntry e = databank.create(caller.actor(), entity, sharing, reason);
        reloader.reloadDatabank();
        ctx.status(201).header("Location", "/v1/databank/entries/" + e.id()).header("ETag", etag(e));
        ApiJson.send(ctx, Views.EntryView.of(e, caller.agency()));
    }

    /** The caller's agency's own entries, delisted ones too, most recently changed first. */
    private void mine(Context ctx) {
        Auth.Caller caller = auth.require(ctx, Role.CONTRIBUTOR, Role.ANALYST);
        var own = databank.entries().stream().filter(e -> e.agency().equals(caller.agency()))
                .sorted(java.util.Comparator.comparing(DatabankEntry::updatedAt).reversed())
                .map(e -> Views.EntryView.of(e, caller.agency())).toList();
        ApiJson.send(ctx, Views.map("entries", own));
    }

    private void get(Context ctx) {
        Auth.Caller caller = auth.require(ctx, Role.CONTRIBUTOR, Role.ANALYST);
        String id = ctx.pathParam("id");
        DatabankEntry e = databank.entryVisibleTo(id, caller.agency())
                .orElseThrow(() -> ApiException.notFound("no databank entry " + id));
        ctx.header("ETag", etag(e));
        ApiJson.send(ctx, Views.EntryView.of(e, caller.agency()));
    }

    private void update(Context ctx) {
        Auth.Caller caller = auth.require(ctx, Role.CONTRIBUTOR);
        String id = ctx.pathParam("id");
        Integer expected = IfMatch.version(ctx, true, "the entry");
        if (expected == IfMatch.ANY_VERSION) {
            expected = databank.entryVisibleTo(id, caller.agency()).map(DatabankEntry::version)
                    .orElseThrow(() -> ApiException.notFound("no databank entry '" + id + "'"));
        }
        Requests.EntryBody body = ApiJson.read(ctx, Requests.EntryBody.class);
        Entity entity = Requests.entity(body);
        Sharing sharing = Requests.sharing(body.sharing(), this::isMember);
        String reason = Requests.reason(body.reason());
        DatabankEntry e = databank.update(caller.actor(), id, expected, entity, sharing, reason);
        reloader.reloadDatabank();
        ctx.header("ETag", etag(e));
        ApiJson.send(ctx, Views.EntryView.of(e, caller.agency()));
    }

    private void delist(Context ctx) {
        Auth.Caller caller = auth.require(ctx, Role.CONTRIBUTOR);
        String id = ctx.pathParam("id");
        Integer expected = IfMatch.version(ctx, false, "the entry");
        if (expected != null && expected == IfMatch.ANY_VERSION) expected = null;
        String reason = "delisted";
        if (ctx.bodyInputStream() != null && ctx.header("Content-Length") != null && !"0".equals(ctx.header("Content-Length"))) {
            reason = Requests.reason(ApiJson.read(ctx, Requests.DelistBody.class).reason());
        }
        DatabankEntry e = databank.delist(caller.actor(), id, expected, reason);
        reloader.reloadDatabank();
        ctx.header("ETag", etag(e));
        ApiJson.send(ctx, Views.EntryView.of(e, caller.agency()));
    }

    private static String etag(DatabankEntry e) {
        return IfMatch.etag(e.version());
    }

    /** An agency in the members' directory: one may share with it. */
    private boolean isMember(String agency) {
        return agencies.agency(agency).filter(a -> a.disabledAt() == null).isPresent();
    }
}
