package dev.sieve.server;

import dev.sieve.alerts.WebhookStore;
import dev.sieve.store.Role;
import io.javalin.http.Context;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * An agency's webhooks: made and removed by its administrators, read with their latest deliveries by its
 * administrators and auditors. The secret is shown once, in the answer that made the webhook.
 */
final class WebhookHandlers {
    private static final int DELIVERIES_SHOWN = 100;

    private final WebhookStore webhooks;
    private final Auth auth;
    private final boolean privateAllowed;

    WebhookHandlers(WebhookStore webhooks, Auth auth, boolean privateAllowed) {
        this.webhooks = webhooks;
        this.auth = auth;
        this.privateAllowed = privateAllowed;
    }

    void register(RouteTable routes) {
        routes.post("/v1/webhooks", this::create);
        routes.get("/v1/webhooks", this::list);
        routes.get("/v1/webhooks/{id}", this::get);
        routes.delete("/v1/webhooks/{id}", this::remove);
    }

    private void create(Context ctx) {
        Auth.Caller caller = auth.require(ctx, Role.ADMIN);
        Requests.WebhookBody body = ApiJson.read(ctx, Requests.WebhookBody.class);
        if (body.url() == null || body.url().isBlank()) throw ApiException.badRequest("url", "field 'url' is required");
        URI url;
        try {
            url = WebhookStore.checkUrl(body.url().strip());
            WebhookStore.checkAddress(url, privateAllowed);
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest("url", "field 'url': " + e.getMessage());
        }
        if (body.events() == null || body.events().isEmpty()) {
            throw ApiException.badRequest("events", "field 'events' is required: one or more of alert.created, alert.decided,"
                    + " monitoring.completed");
        }
        Set<WebhookStore.Event> events;
        try {
            events = WebhookStore.events(body.events());
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest("events", "field 'events': " + e.getMessage());
        } catch (NullPointerException e) {
            throw ApiException.badRequest("events", "field 'events' holds a null");
        }
        String secret = body.secret();
        if (secret != null && (secret.length() < 16 || secret.length() > 200)) {
            throw ApiException.badRequest("secret", "field 'secret' must be 16 to 200 characters (leave it out to have one made)");
        }
        WebhookStore.Created created = webhooks.create(caller.actor(), url, events, secret);
        Map<String, Object> out = view(created.webhook());
        out.put("secret", created.secret());
        ctx.status(201).header("Location", "/v1/webhooks/" + created.webhook().id());
        ApiJson.send(ctx, out);
    }

    private void list(Context ctx) {
        Auth.Caller caller = auth.require(ctx, Role.ADMIN, Role.AUDITOR);
        ApiJson.send(ctx, Views.map("webhooks", webhooks.webhooks(caller.agency()).stream().map(WebhookHandlers::view).toList()));
    }

    private void get(Context ctx) {
        Auth.Caller caller = auth.require(ctx, Role.ADMIN, Role.AUDITOR);
        WebhookStore.Webhook w = find(caller, ctx.pathParam("id"));
        Map<String, Object> out = view(w);
        List<Map<String, Object>> deliveries = webhooks.deliveries(w, DELIVERIES_SHOWN).stream().map(d -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("id", d.id());
            m.put("event", d.event());
            m.put("status", d.status());
            m.put("attempts", d.attempts());
            if (d.lastStatus() != null) m.put("last_http_status", d.lastStatus());
            if (d.lastError() != null) m.put("last_error", d.lastError());
            if (d.status().equals("pending")) m.put("next_attempt_at", d.nextAttemptAt());
            m.put("created_at", d.createdAt());
            if (d.finishedAt() != null) m.put("finished_at", d.finishedAt());
            return m;
        }).toList();
        out.put("deliveries", deliveries);
        ApiJson.send(ctx, out);
    }

    private void remove(Context ctx) {
        Auth.Caller caller = auth.require(ctx, Role.ADMIN);
        ApiJson.send(ctx, view(webhooks.remove(caller.actor(), ctx.pathParam("id"))));
    }

    private WebhookStore.Webhook find(Auth.Caller caller, String id) {
        return webhooks.webhook(caller.agency(), id).orElseThrow(() -> ApiException.notFound("no webhook " + id));
    }

    private static Map<String, Object> view(WebhookStore.Webhook w) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", w.id());
        m.put("url", w.url().toString());
        m.put("events", w.events().stream().map(WebhookStore.Event::label).toList());
        m.put("active", w.active());
        m.put("created_by", w.createdBy());
        m.put("created_at", w.createdAt());
        if (w.removedAt() != null) m.put("removed_at", w.removedAt());
        return m;
    }
}
