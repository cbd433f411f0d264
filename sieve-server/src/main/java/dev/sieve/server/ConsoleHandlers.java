package dev.sieve.server;

import dev.sieve.console.ConsoleAssets;
import dev.sieve.console.ConsoleSessions;
import dev.sieve.store.AuditLog;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The analysts' console (module sieve-console) on this server: its pages and files, and its sign-in sessions at
 * {@code /console/session}. A session stands for the API key pasted at sign-in, so every page can do exactly what
 * that key may do through the API, which the pages call.
 */
final class ConsoleHandlers {
    /** A sign-in: the key, once. */
    record SignIn(String apiKey) {
    }

    private final ConsoleSessions sessions;
    private final ConsoleAssets assets = new ConsoleAssets();
    private final Auth auth;
    private final AuditLog audit;

    ConsoleHandlers(ConsoleSessions sessions, Auth auth, AuditLog audit) {
        this.sessions = sessions;
        this.auth = auth;
        this.audit = audit;
    }

    void register(RouteTable table, RoutesConfig routes) {
        table.post("/console/session", this::signIn);
        table.get("/console/session", this::session);
        table.delete("/console/session", this::signOut);
        for (String page : ConsoleAssets.PAGES) routes.get(page, this::page);
        routes.get("/assets/{name}", this::asset);
    }

    private void signIn(Context ctx) {
        // a sign-in posted from another site's page would sign this browser in under someone else's key
        String origin = ctx.header("Origin");
        if (origin != null && !origin.equals(ownOrigin(ctx))) {
            throw new ApiException(403, "Forbidden", "sign-in is accepted only from the console's own pages", "Origin", null);
        }
        SignIn body = ApiJson.read(ctx, SignIn.class);
        if (body.apiKey() == null || body.apiKey().isBlank()) throw ApiException.badRequest("api_key", "field 'api_key' is required");
        Auth.Caller caller = auth.byKey(body.apiKey().strip());
        ConsoleSessions.Session s = sessions.open(body.apiKey().strip());
        audit.record(new AuditLog.Draft(caller.actor(), "console.sign_in", caller.keyId(), "{}"));
        ctx.header("Set-Cookie", ConsoleSessions.COOKIE + "=" + s.id() + "; Path=/; HttpOnly; SameSite=Strict; Max-Age="
                + java.time.Duration.between(s.createdAt(), s.expiresAt()).toSeconds() + (secure(ctx) ? "; Secure" : ""));
        ctx.status(201);
        ApiJson.send(ctx, view(caller, s));
    }

    private void session(Context ctx) {
        String id = ctx.cookie(ConsoleSessions.COOKIE);
        ConsoleSessions.Session s = sessions.find(id).orElseThrow(() -> new ApiException(401, "Unauthorized", "not signed in", null, null));
        ApiJson.send(ctx, view(auth.authenticate(ctx), s));
    }

    private void signOut(Context ctx) {
        Auth.Caller caller = auth.authenticate(ctx); // with the session's CSRF token: no other site can sign a user out
        String id = ctx.cookie(ConsoleSessions.COOKIE);
        if (id == null) throw ApiException.badRequest(null, "sign-out ends a console session; this request has none");
        sessions.close(id);
        audit.record(new AuditLog.Draft(caller.actor(), "console.sign_out", caller.keyId(), "{}"));
        ctx.header("Set-Cookie", ConsoleSessions.COOKIE + "=; Path=/; HttpOnly; SameSite=Strict; Max-Age=0" + (secure(ctx) ? "; Secure" : ""));
        ctx.status(204);
    }

    private static Map<String, Object> view(Auth.Caller caller, ConsoleSessions.Session s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("agency", caller.agency());
        m.put("role", caller.role().label());
        m.put("key_id", caller.keyId());
        m.put("csrf_token", s.csrf());
        m.put("expires_at", s.expiresAt().toString());
        return m;
    }

    private void page(Context ctx) {
        if (!ConsoleAssets.isPage(ctx.path())) throw ApiException.notFound("no page " + ctx.path());
        send(ctx, assets.shell(), "no-cache");
    }

    private void asset(Context ctx) {
        ConsoleAssets.Asset a = assets.asset(ctx.pathParam("name")).orElseThrow(() -> ApiException.notFound("no file " + ctx.path()));
        send(ctx, a, "no-cache");
    }

    private static void send(Context ctx, ConsoleAssets.Asset a, String cacheControl) {
        ctx.header("Content-Security-Policy", ConsoleAssets.CONTENT_SECURITY_POLICY);
        ctx.header("X-Content-Type-Options", "nosniff");
        ctx.header("Referrer-Policy", "no-referrer");
        ctx.header("X-Frame-Options", "DENY");
        ctx.header("Cache-Control", cacheControl);
        ctx.header("ETag", a.etag());
        if (a.etag().equals(ctx.header("If-None-Match"))) {
            ctx.status(304);
            return;
        }
        ctx.contentType(a.contentType()).result(a.bytes());
    }

    private static boolean secure(Context ctx) {
        return "https".equalsIgnoreCase(ctx.scheme()) || "https".equalsIgnoreCase(ctx.header("X-Forwarded-Proto"));
    }

    private static String ownOrigin(Context ctx) {
        String proto = secure(ctx) ? "https" : "http";
        return proto + "://" + ctx.host();
    }
}
