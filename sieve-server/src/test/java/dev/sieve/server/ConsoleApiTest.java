package dev.sieve.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The console's sessions and pages over real HTTP: a session stands for its key exactly (role, agency, revocation),
 * changes need its CSRF token, and the pages and files come with a strict Content-Security-Policy. Also the routes
 * the console reads: the dashboard, an entity's history and an agency's own entries.
 */
class ConsoleApiTest {
    static ServerFixture f;
    static String analyst;
    static String contributor;
    static String admin;
    static String otherContributor;

    @BeforeAll
    static void start() throws Exception {
        f = new ServerFixture();
        List<String> keys = f.agency("bank", "analyst", "contributor", "admin");
        analyst = keys.get(0);
        contributor = keys.get(1);
        admin = keys.get(2);
        otherContributor = f.agency("other", "contributor").getFirst();
    }

    @AfterAll
    static void stop() throws Exception {
        f.close();
    }

    private static HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create(f.base + path));
    }

    /** Signs in; returns the cookie's value and the CSRF token. */
    private static String[] signIn(String key) {
        var r = f.send(request("/console/session").header("Content-Type", "application/json").header("Origin", f.base)
                .POST(HttpRequest.BodyPublishers.ofString(ServerFixture.json(Map.of("api_key", key)))), null);
        assertThat(r.status()).as(r.text()).isEqualTo(201);
        String setCookie = r.headers().firstValue("Set-Cookie").orElseThrow();
        String session = setCookie.substring(setCookie.indexOf('=') + 1, setCookie.indexOf(';'));
        return new String[] {session, r.body().get("csrf_token").asText()};
    }

    private static ServerFixture.Response withSession(HttpRequest.Builder b, String session, String csrf) {
        b.header("Cookie", "sieve_session=" + session);
        if (csrf != null) b.header("X-CSRF-Token", csrf);
        return f.send(b, null);
    }

    @Test
    void aSessionStandsForItsKeyWithoutEverShowingIt() {
        var r = f.send(request("/console/session").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(ServerFixture.json(Map.of("api_key", analyst)))), null);
        assertThat(r.status()).isEqualTo(201);
        String setCookie = r.headers().firstValue("Set-Cookie").orElseThrow();
        assertThat(setCookie).startsWith("sieve_session=").contains("HttpOnly", "SameSite=Strict", "Path=/", "Max-Age=43200")
                .doesNotContain("Secure").doesNotContain(analyst);
        assertThat(r.text()).doesNotContain(analyst);
        assertThat(r.body().get("agency").asText()).isEqualTo("bank");
        assertThat(r.body().get("role").asText()).isEqualTo("analyst");
        // behind a proxy that ended TLS the cookie is Secure
        var tls = f.send(request("/console/session").header("X-Forwarded-Proto", "https")
                .POST(HttpRequest.BodyPublishers.ofString(ServerFixture.json(Map.of("api_key", analyst)))), null);
        assertThat(tls.headers().firstValue("Set-Cookie").orElseThrow()).contains("; Secure");

        String[] s = signIn(analyst);
        var who = withSession(request("/console/session").GET(), s[0], null);
        assertThat(who.status()).isEqualTo(200);
        assertThat(who.body().get("csrf_token").asText()).isEqualTo(s[1]);
        assertThat(withSession(request("/v1/alerts").GET(), s[0], null).status()).isEqualTo(200);
        // the role is the key's: an analyst's session cannot contribute
        var contribute = withSession(request("/v1/databank/entries").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"name\": \"X\", \"schema\": \"Person\", \"sharing\": \"private\", \"reason\": \"r\"}")), s[0], s[1]);
        assertThat(contribute.status()).isEqualTo(403);
    }

    @Test
    void aWrongKeyOrAnotherSitesSignInIsRefused() {
        long before = f.requestEvents();
        var wrong = f.send(request("/console/session").POST(HttpRequest.BodyPublishers.ofString("{\"api_key\": \"sk_nope\"}")), null);
        assertThat(wrong.status()).isEqualTo(401);
        assertThat(wrong.headers().firstValue("Set-Cookie")).isEmpty();
        var empty = f.send(request("/console/session").POST(HttpRequest.BodyPublishers.ofString("{}")), null);
        assertThat(empty.status()).isEqualTo(400);
        assertThat(empty.body().get("field").asText()).isEqualTo("api_key");
        var foreign = f.send(request("/console/session").header("Origin", "https://evil.example")
                .POST(HttpRequest.BodyPublishers.ofString(ServerFixture.json(Map.of("api_key", analyst)))), null);
        assertThat(foreign.status()).isEqualTo(403);
        assertThat(foreign.headers().firstValue("Set-Cookie")).isEmpty();
        assertThat(f.requestEvents()).isEqualTo(before);
        assertThat(withSession(request("/v1/alerts").GET(), "made-up", null).status()).isEqualTo(401);
    }

    @Test
    void changesNeedTheSessionsTokenAndSigningOutEndsTheSession() {
        String[] s = signIn(analyst);
        String screen = "{\"name\": \"Kim Jong Un\"}";
        assertThat(withSession(request("/v1/screen").POST(HttpRequest.BodyPublishers.ofString(screen)), s[0], null).status()).isEqualTo(403);
        assertThat(withSession(request("/v1/screen").POST(HttpRequest.BodyPublishers.ofString(screen)), s[0], "wrong").status()).isEqualTo(403);
        String[] other = signIn(analyst);
        assertThat(withSession(request("/v1/screen").POST(HttpRequest.BodyPublishers.ofString(screen)), s[0], other[1]).status())
                .as("another session's token").isEqualTo(403);
        assertThat(withSession(request("/v1/screen").POST(HttpRequest.BodyPublishers.ofString(screen)), s[0], s[1]).status()).isEqualTo(200);
        // sign-out itself needs the token: another site cannot sign a user out
        assertThat(withSession(request("/console/session").DELETE(), s[0], null).status()).isEqualTo(403);
        var out = withSession(request("/console/session").DELETE(), s[0], s[1]);
        assertThat(out.status()).isEqualTo(204);
        assertThat(out.headers().firstValue("Set-Cookie").orElseThrow()).contains("Max-Age=0");
        assertThat(withSession(request("/v1/alerts").GET(), s[0], null).status()).isEqualTo(401);
        assertThat(withSession(request("/v1/alerts").GET(), other[0], null).status()).as("the other session lives on").isEqualTo(200);
    }

    @Test
    void revokingTheKeyEndsItsSessions() {
        var issued = f.post("/v1/agencies/bank/keys", admin, Map.of("role", "analyst"));
        String key = issued.body().get("key").asText();
        String[] s = signIn(key);
        assertThat(withSession(request("/v1/alerts").GET(), s[0], null).status()).isEqualTo(200);
        assertThat(f.delete("/v1/agencies/bank/keys/" + issued.body().get("key_id").asText(), admin, null).status()).isEqualTo(200);
        var after = withSession(request("/v1/alerts").GET(), s[0], null);
        assertThat(after.status()).isEqualTo(401);
        assertThat(after.body().get("detail").asText()).contains("sign in again");
    }

    @Test
    void pagesAndFilesAreServedWithAStrictContentSecurityPolicy() {
        for (String page : List.of("/", "/sign-in", "/screen", "/alerts", "/alerts/al_x", "/entity/un:KPi.033", "/lists",
                "/lists/un/diff", "/databank", "/movements/un:KPi.033", "/dashboard")) {
            var r = f.send(request(page).GET(), null);
            assertThat(r.status()).as(page).isEqualTo(200);
            assertThat(r.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/html");
            String csp = r.headers().firstValue("Content-Security-Policy").orElseThrow();
            assertThat(csp).contains("default-src 'none'", "script-src 'self'", "frame-ancestors 'none'").doesNotContain("unsafe");
            assertThat(r.text()).contains("/assets/app.js").doesNotContain("<script>");
        }
        var js = f.send(request("/assets/app.js").GET(), null);
        assertThat(js.status()).isEqualTo(200);
        assertThat(js.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/javascript");
        String etag = js.headers().firstValue("ETag").orElseThrow();
        assertThat(f.send(request("/assets/app.js").header("If-None-Match", etag).GET(), null).status()).isEqualTo(304);
        assertThat(f.send(request("/assets/..%2Fconsole%2FConsoleAssets.class").GET(), null).status()).isEqualTo(404);
        assertThat(f.send(request("/assets/index.html").GET(), null).status()).isEqualTo(404);
        var unknown = f.send(request("/screening").GET(), null);
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.headers().firstValue("Content-Type").orElseThrow()).contains("problem+json");
    }

    @Test
    void theDashboardCountsTheAgencysAlertsAndDecisions() {
        var r = f.put("/v1/subjects/dash-1", analyst, Map.of("name", "Hwang Sok Hwa", "birth_date", "1943-09-26"), null);
        assertThat(r.status()).isIn(200, 201);
        var dash = f.get("/v1/dashboard", analyst);
        assertThat(dash.status()).isEqualTo(200);
        int open = dash.body().get("alerts_by_state").get("open").asInt();
        assertThat(open).isPositive();
        assertThat(dash.body().get("in_play_by_age").get("under_1_day").asInt()).isGreaterThanOrEqualTo(open);
        assertThat(dash.body().get("decisions_per_day")).hasSize(30);
        assertThat(dash.body().get("lists").get(0).get("source").asText()).isEqualTo("un");
        var alert = f.get("/v1/alerts?subject=dash-1", analyst).body().get("alerts").get(0);
        var decided = f.send(HttpRequest.newBuilder(URI.create(f.base + "/v1/alerts/" + alert.get("id").asText() + "/decision"))
                .header("If-Match", "\"" + alert.get("version").asInt() + "\"")
                .POST(HttpRequest.BodyPublishers.ofString("{\"decision\": \"true_match\", \"reason\": \"same person\"}")), analyst);
        assertThat(decided.status()).as(decided.text()).isEqualTo(200);
        var after = f.get("/v1/dashboard", analyst).body();
        assertThat(after.get("alerts_by_state").get("true_match").asInt()).isEqualTo(dash.body().get("alerts_by_state").get("true_match").asInt() + 1);
        assertThat(after.get("decisions_per_day").get(29).get("true_match").asInt()).isPositive();
        // another agency sees its own (none)
        var other = f.get("/v1/dashboard", otherContributor).body();
        assertThat(other.get("alerts_by_state").get("true_match").asInt()).isZero();
    }

    @Test
    void anEntitysHistoryAndAnAgencysOwnEntries() {
        var history = f.get("/v1/entities/un:KPi.033/history", analyst);
        assertThat(history.status()).isEqualTo(200);
        assertThat(history.body().get("events").get(0).get("kind").asText()).isEqualTo("listed");
        assertThat(history.body().get("events").get(0).get("publication").get("source").asText()).isEqualTo("un");
        assertThat(f.get("/v1/entities/un:nope/history", analyst).status()).isEqualTo(404);

        var mine = f.post("/v1/databank/entries", contributor, Map.of("name", "Own Entry Person", "schema", "Person", "sharing", "all", "reason", "r"));
        var theirs = f.post("/v1/databank/entries", otherContributor, Map.of("name", "Shared Other Person", "schema", "Person", "sharing", "all", "reason", "r"));
        assertThat(mine.status()).isEqualTo(201);
        assertThat(theirs.status()).isEqualTo(201);
        var list = f.get("/v1/databank/entries", contributor).body().get("entries");
        assertThat(list.toString()).contains("Own Entry Person").doesNotContain("Shared Other Person");
        var lists = f.get("/v1/lists", analyst).body().get("lists").get(0).get("publications").get(0);
        assertThat(lists.get("loaded_by").asText()).isEqualTo("operator/cli");
    }
}
