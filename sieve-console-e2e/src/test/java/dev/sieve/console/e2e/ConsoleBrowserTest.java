package dev.sieve.console.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.options.AriaRole;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The console in Debian's Chromium (never a downloaded browser), driven by Playwright, against a real server on
 * 127.0.0.1 with the real lists. Every page visited is checked with axe-core (no serious or critical violation) and
 * saved as a screenshot under target/screenshots for a reviewer.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ConsoleBrowserTest {
    private static final Path CHROMIUM = Paths.get("/usr/bin/chromium");

    private ConsoleServer server;
    private Playwright playwright;
    private Browser browser;
    private String axe;
    private Path shots;
    private String alphaAnalyst1;
    private String alphaAnalyst2;
    private String alphaContributor;
    private String betaAnalyst;

    @BeforeAll
    void start() throws IOException {
        if (!Files.isExecutable(CHROMIUM)) {
            throw new IllegalStateException(CHROMIUM + " is missing: install Debian's chromium (apt-get install chromium; .ci/run does)");
        }
        server = new ConsoleServer();
        List<String> alpha = server.agency("alpha", "analyst", "analyst", "contributor");
        alphaAnalyst1 = alpha.get(0);
        alphaAnalyst2 = alpha.get(1);
        alphaContributor = alpha.get(2);
        betaAnalyst = server.agency("beta", "analyst").getFirst();
        try (InputStream in = ConsoleBrowserTest.class.getResourceAsStream("/META-INF/resources/webjars/axe-core/4.6.3/axe.min.js")) {
            axe = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        shots = Paths.get(System.getProperty("sieve.screenshots", "target/screenshots"));
        Files.createDirectories(shots);
        playwright = Playwright.create();
        browser = playwright.chromium().launch(new BrowserType.LaunchOptions().setExecutablePath(CHROMIUM).setHeadless(true)
                .setArgs(List.of("--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync")));
    }

    @AfterAll
    void stop() {
        if (browser != null) browser.close();
        if (playwright != null) playwright.close();
        if (server != null) server.close();
    }

    /** A fresh browser profile signed in with this key, typed into the sign-in page by keyboard only. */
    private Page signIn(String key) {
        return signIn(key, "screen");
    }

    /** The same, for a key whose role starts on another page. */
    private Page signIn(String key, String landing) {
        BrowserContext context = browser.newContext(new Browser.NewContextOptions().setViewportSize(1280, 900));
        // axe is added by the browser's own debugging protocol, which the pages' Content-Security-Policy does not govern
        context.addInitScript(axe);
        Page page = context.newPage();
        page.navigate(server.base + "/screen");
        page.waitForURL("**/sign-in?next=%2Fscreen");
        page.locator("#api-key").focus(); // the page puts it there; typed by keyboard alone
        page.keyboard().type(key);
        page.keyboard().press("Enter");
        page.waitForURL("**/" + landing);
        return page;
    }

    /** No serious or critical accessibility violation on the page as it is now; and a screenshot of it. */
    private void check(Page page, String name) {
        check(page, name, true);
    }

    private void check(Page page, String name, boolean fullPage) {
        @SuppressWarnings("unchecked")
        List<String> violations = (List<String>) page.evaluate("async () => (await axe.run(document, {resultTypes: ['violations']})).violations"
                + ".filter(v => v.impact === 'serious' || v.impact === 'critical')"
                + ".map(v => v.id + ': ' + v.help + ' at ' + v.nodes.slice(0, 3).map(n => n.target.join(' ')).join(' | '))");
        page.screenshot(new Page.ScreenshotOptions().setPath(shots.resolve(name + ".png")).setFullPage(fullPage));
        assertThat(violations).as("axe-core on " + name).isEmpty();
    }

    @Test
    void signInScreenKimJongUnAndSeeTheExplanationPartByPart() {
        Page page = signIn(alphaAnalyst1);
        check(page, "sign-in-done");
        page.locator("#q").pressSequentially("Kim Jong Un", new Locator.PressSequentiallyOptions().setDelay(30));
        Locator first = page.locator("ol.matches > li").first();
        assertThat(first).containsText("KIM, Jong Un");
        assertThat(first.locator(".score.alert")).hasText("1.00");
        // the query's parts aligned with the listed name's, each pair marked by how it matched
        assertThat(first.locator("table.parts tbody tr")).hasCount(3);
        assertThat(first.locator("table.parts .how-exact")).hasCount(3);
        assertThat(first).containsText("us-ofac-dprk3");
        // a transliterated or misspelt query is coloured so
        page.locator("#q").fill("Kim Jong Eun");
        assertThat(page.locator("ol.matches > li").first().locator(".how").first()).isVisible();
        page.locator("#q").fill("Kim Jong Un");
        assertThat(page.locator("ol.matches > li").first()).containsText("KIM, Jong Un");
        check(page, "screen");
        // the key is nowhere in the browser: no storage, and the session cookie is out of the scripts' reach
        assertThat(page.evaluate("() => JSON.stringify(localStorage) + JSON.stringify(sessionStorage) + document.cookie")).isEqualTo("{}{}");
        assertThat(page.content()).doesNotContain(alphaAnalyst1);
        var cookie = page.context().cookies().stream().filter(c -> c.name.equals("sieve_session")).findFirst().orElseThrow();
        assertThat(cookie.httpOnly).isTrue();
        assertThat(cookie.sameSite).hasToString("STRICT");
        assertThat(cookie.value).doesNotContain(alphaAnalyst1);
        page.context().close();
    }

    @Test
    void aPastedListIsScreenedAtOnce() {
        Page page = signIn(alphaAnalyst1);
        page.locator("#batch-names").fill("Kim Jong Un\nAngela Merkel\nKIM Yo Jong");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Screen the list")).click();
        assertThat(page.locator("text=3 names screened")).isVisible();
        assertThat(page.locator("table.grid tbody tr").first()).containsText("KIM, Jong Un");
        page.context().close();
    }

    @Test
    void theEntityPageShowsItsHistoryAcrossPublicationsWithTheChangedFields() {
        Page page = signIn(alphaAnalyst1);
        page.locator("#q").fill("Kim Jong Un");
        page.locator("ol.matches > li").first().getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("KIM, Jong Un")).click();
        page.waitForURL("**/entity/us-ofac%3A20157");
        assertThat(page.locator("h1")).containsText("KIM, Jong Un");
        Locator timeline = page.locator("ol.timeline > li");
        assertThat(timeline).hasCount(2);
        assertThat(timeline.nth(0)).containsText("listed in us-ofac-sdn publication");
        assertThat(timeline.nth(0)).containsText("2021-07-07");
        assertThat(timeline.nth(1)).containsText("amended");
        assertThat(timeline.nth(1)).containsText("2024-05-03");
        assertThat(timeline.nth(1).locator("table.changes tbody tr").first()).isVisible();
        assertThat(page.locator("text=North Korea (DPRK3)")).isVisible();
        check(page, "entity");
        // the address is the page: pasted into a new tab it opens the same
        page.navigate(page.url());
        assertThat(page.locator("ol.timeline > li")).hasCount(2);
        page.context().close();
    }

    @Test
    void anAlertIsReviewedAndClosedUnderFourEyesByTwoAnalysts() {
        assertThat(server.call("PATCH", "/v1/agencies/alpha", server.adminKey, Map.of("four_eyes", true), null).status()).isEqualTo(200);
        var subject = server.call("PUT", "/v1/subjects/cust-4711", alphaAnalyst1, Map.of("name", "Kim Jong Un", "birth_date", "1984-01-08"), null);
        assertThat(subject.status()).isEqualTo(201);
        JsonNode alerts = server.call("GET", "/v1/alerts?subject=cust-4711", alphaAnalyst1, null, null).body().get("alerts");
        assertThat(alerts).isNotEmpty();
        String alertId = null;
        for (JsonNode a : alerts) if (a.get("entity_id").asText().equals("us-ofac:20157")) alertId = a.get("id").asText();
        assertThat(alertId).isNotNull();

        Page first = signIn(alphaAnalyst1);
        first.navigate(server.base + "/alerts");
        Locator row = first.locator("tr[data-id='" + alertId + "']");
        assertThat(row).containsText("cust-4711");
        assertThat(first.locator(".tabs a[aria-current=page]")).containsText("open");
        check(first, "alerts");
        // keyboard: j moves through the queue, Enter opens the alert
        first.locator("h1").click();
        int index = ((Number) first.evaluate("id => [...document.querySelectorAll('table.queue tbody tr')].findIndex(r => r.dataset.id === id)", alertId)).intValue();
        for (int i = 0; i <= index; i++) first.keyboard().press("j");
        first.keyboard().press("Enter");
        first.waitForURL("**/alerts/" + alertId);
        assertThat(first.locator("#subject-h")).containsText("monitoring");
        assertThat(first.locator(".sides")).containsText("Kim Jong Un");
        assertThat(first.locator(".sides")).containsText("KIM, Jong Un");
        assertThat(first.locator("table.parts")).isVisible();
        first.locator("#reason").fill("Customer born 1984-01-08 like the listed person, but a retail customer in Lyon; different person per passport copy");
        first.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("False positive")).click();
        assertThat(first.locator("text=Proposed to close as")).isVisible();
        assertThat(first.locator("text=You proposed it")).isVisible();
        assertThat(first.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Confirm false positive"))).hasCount(0);
        check(first, "alert-proposed");

        // the same person cannot confirm, even by calling the API from the page
        Object selfConfirm = first.evaluate("async id => { const s = await (await fetch('/console/session')).json();"
                + " const a = await fetch('/v1/alerts/' + id); const etag = a.headers.get('ETag');"
                + " const r = await fetch('/v1/alerts/' + id + '/decision', {method: 'POST', headers: {'Content-Type': 'application/json',"
                + " 'X-CSRF-Token': s.csrf_token, 'If-Match': etag}, body: JSON.stringify({decision: 'false_positive', reason: 'me again'})});"
                + " return r.status; }", alertId);
        assertThat(((Number) selfConfirm).intValue()).isEqualTo(403);

        Page second = signIn(alphaAnalyst2);
        second.navigate(server.base + "/alerts/" + alertId);
        second.locator("#reason").fill("Checked the passport copy: agree");
        second.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Confirm false positive")).click();
        assertThat(second.locator("h1 .state")).hasText("false positive");
        assertThat(second.locator("ol.history")).containsText("proposed");
        assertThat(second.locator("ol.history")).containsText("false_positive");
        check(second, "alert-closed");
        JsonNode closed = server.call("GET", "/v1/alerts/" + alertId, alphaAnalyst1, null, null).body();
        assertThat(closed.get("state").asText()).isEqualTo("false_positive");
        // keys are "sk_<key id>_<secret>": the proposal is the first analyst's, the decision the second's
        assertThat(closed.get("decision").get("decided_by").asText()).isEqualTo(alphaAnalyst2.split("_")[1]);
        assertThat(closed.get("history").toString()).contains(alphaAnalyst1.split("_")[1]);
        first.context().close();
        second.context().close();
    }

    @Test
    void aPrivateEntryContributedInTheBrowserIsInvisibleToAnotherAgency() {
        Page alpha = signIn(alphaContributor);
        alpha.navigate(server.base + "/databank");
        assertThat(alpha.locator("text=has contributed no entries yet")).isVisible();
        alpha.locator("#e-name").fill("Zebulon Quixote Marchetti");
        alpha.locator("#e-dob").fill("1979-02-03");
        alpha.locator("#e-reason").fill("Reported by our liaison officer");
        alpha.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Contribute")).click();
        alpha.waitForURL("**/databank/db*");
        String entryUrl = alpha.url();
        String entryId = java.net.URLDecoder.decode(entryUrl.substring(entryUrl.lastIndexOf('/') + 1), StandardCharsets.UTF_8);
        check(alpha, "databank-entry");
        // an edit over a stale version is refused and said so plainly
        var api = server.call("GET", "/v1/databank/entries/" + entryId, alphaContributor, null, null);
        var body = new java.util.LinkedHashMap<String, Object>(Map.of("name", "Zebulon Q. Marchetti", "schema", "Person", "sharing", "private", "reason", "spelling"));
        assertThat(server.call("PUT", "/v1/databank/entries/" + entryId, alphaContributor, body, api.etag()).status()).isEqualTo(200);
        alpha.locator("#e-reason").fill("adding a remark");
        alpha.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save")).click();
        assertThat(alpha.locator(".conflict")).containsText("someone changed this entry after you opened it");
        check(alpha, "databank-conflict");

        Page beta = signIn(betaAnalyst);
        beta.locator("#q").fill("Zebulon Quixote Marchetti");
        assertThat(beta.locator("#screen-info")).containsText("ms");
        assertThat(beta.locator("ol.matches")).not().containsText("Marchetti");
        beta.navigate(server.base + "/entity/" + entryId);
        assertThat(beta.locator("[role=alert]")).containsText("no entity");
        beta.navigate(server.base + "/databank");
        assertThat(beta.locator("main")).not().containsText("Marchetti");

        // nor its alerts or subjects: the queue, the alert's own address, the pair's filter
        var subject = server.call("PUT", "/v1/subjects/cust-iso-1", alphaAnalyst1, Map.of("name", "Kim Jong Un"), null);
        assertThat(subject.status()).isEqualTo(201);
        String alphaAlert = server.call("GET", "/v1/alerts?subject=cust-iso-1", alphaAnalyst1, null, null).body().get("alerts").get(0).get("id").asText();
        beta.navigate(server.base + "/alerts?state=all");
        assertThat(beta.locator("main")).containsText("No alerts here.");
        beta.navigate(server.base + "/alerts/" + alphaAlert);
        assertThat(beta.locator("[role=alert]")).containsText("no alert");
        assertThat(beta.locator("main")).not().containsText("cust-iso-1");
        beta.navigate(server.base + "/alerts?state=all&subject=cust-iso-1");
        assertThat(beta.locator("main")).containsText("No alerts here.");

        Page alphaAnalyst = signIn(alphaAnalyst1);
        alphaAnalyst.locator("#q").fill("Zebulon Marchetti");
        assertThat(alphaAnalyst.locator("ol.matches > li").first()).containsText("Marchetti");
        alpha.context().close();
        beta.context().close();
        alphaAnalyst.context().close();
    }

    @Test
    void theListsPageShowsTheDifferencesBetweenTwoOfacPublications() {
        Page page = signIn(alphaAnalyst1);
        page.navigate(server.base + "/lists");
        Locator ofac = page.locator("section:has(h2#src-us-ofac-sdn)");
        assertThat(ofac.locator("tbody tr")).hasCount(2);
        assertThat(ofac).containsText("2024-05-03");
        check(page, "lists");
        ofac.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Show the differences")).click();
        page.waitForURL("**/lists/us-ofac-sdn/diff?*");
        assertThat(page.locator("h1")).containsText("us-ofac-sdn");
        assertThat(page.locator("h2#added-h")).containsText("Added (");
        assertThat(page.locator("#changed-h + ul > li").first().locator("table.changes")).isVisible();
        String added = page.locator("h2#added-h").textContent().replaceAll("\\D", "");
        assertThat(Integer.parseInt(added)).isGreaterThan(1000);
        check(page, "lists-diff", false); // thousands of rows: the first screen is enough to look at
        page.context().close();
    }

    @Test
    void listedTextIsShownAsTextAndTheContentSecurityPolicyStopsInlineScripts() {
        String name = "<img src=x onerror=window.__pwned=1><script>window.__pwned=2</script> Escape Test";
        var created = server.call("POST", "/v1/databank/entries", alphaContributor,
                Map.of("name", name, "schema", "Person", "sharing", "all", "reason", "escaping test"), null);
        assertThat(created.status()).isEqualTo(201);
        Page page = signIn(alphaAnalyst1);
        page.navigate(server.base + "/entity/" + created.body().get("entity").get("id").asText());
        assertThat(page.locator("h1")).containsText("<script>window.__pwned=2</script>");
        assertThat(page.evaluate("() => window.__pwned === undefined")).isEqualTo(true);
        assertThat(page.locator("main img")).hasCount(0);
        var headers = page.context().request().get(server.base + "/screen").headers();
        assertThat(headers.get("content-security-policy")).contains("script-src 'self'").doesNotContain("unsafe-inline");
        // a script element added to the page does not run
        Object inline = page.evaluate("() => { const s = document.createElement('script'); s.textContent = 'window.__inline = 1';"
                + " document.body.append(s); return window.__inline === undefined; }");
        assertThat(inline).isEqualTo(true);
        page.context().close();
    }

    @Test
    void aChangeWithoutTheSessionsTokenIsRefusedAndSigningOutEndsTheSession() {
        Page page = signIn(alphaAnalyst1);
        Object noToken = page.evaluate("async () => (await fetch('/v1/screen', {method: 'POST', headers: {'Content-Type': 'application/json'},"
                + " body: JSON.stringify({name: 'Kim Jong Un'})})).status");
        assertThat(((Number) noToken).intValue()).isEqualTo(403);
        Object read = page.evaluate("async () => (await fetch('/v1/alerts')).status");
        assertThat(((Number) read).intValue()).isEqualTo(200);
        String cookie = page.context().cookies().stream().filter(c -> c.name.equals("sieve_session")).findFirst().orElseThrow().value;
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign out")).click();
        page.waitForURL("**/sign-in");
        // the old cookie, replayed, no longer works
        var after = page.context().request().get(server.base + "/v1/alerts",
                com.microsoft.playwright.options.RequestOptions.create().setHeader("Cookie", "sieve_session=" + cookie));
        assertThat(after.status()).isEqualTo(401);
        page.navigate(server.base + "/alerts");
        page.waitForURL("**/sign-in?next=%2Falerts");
        // a wrong key is told plainly
        page.locator("#api-key").fill("sk_not_a_key");
        page.locator("#api-key").press("Enter");
        assertThat(page.locator("[role=alert]")).containsText("not valid");
        check(page, "sign-in");
        page.context().close();
    }

    @Test
    void movementsAndTheDashboardAreDrawnWithoutAnyExternalService() {
        List<String> requests = new ArrayList<>();
        String entity = "us-ofac:20157";
        for (String[] f : new String[][] {{"KE132", "PEK", "2026-11-02T09:10", "FNJ"}, {"JS152", "FNJ", "2026-11-20T14:05", "VVO"}}) {
            var r = server.call("POST", "/v1/sightings", alphaAnalyst1, Map.of("entity_id", entity, "flight", f[0], "from", f[1], "departure", f[2], "to", f[3]), null);
            assertThat(r.status()).as(String.valueOf(r.body())).isEqualTo(201);
        }
        Page page = signIn(alphaAnalyst1);
        page.onRequest(r -> requests.add(r.url()));
        page.navigate(server.base + "/movements/" + entity);
        assertThat(page.locator("svg.route .airport")).hasCount(3);
        assertThat(page.locator("svg.route .flight")).hasCount(2);
        assertThat(page.locator("ol.timeline > li")).hasCount(2);
        check(page, "movements");
        page.navigate(server.base + "/dashboard");
        assertThat(page.locator("svg.chart")).hasCount(2);
        assertThat(page.locator("text=List updates")).isVisible();
        check(page, "dashboard");
        assertThat(requests).allMatch(u -> u.startsWith(server.base + "/"));
        page.context().close();
    }

    @Test
    void aCustomerFileIsScreenedAsAJobWithItsProgressAndItsResultsDownloaded(@org.junit.jupiter.api.io.TempDir Path dir)
            throws IOException {
        Path csv = dir.resolve("customers.csv"); // (removed after the test, not left in the machine's temporary folder)
        Files.writeString(csv, "customer_id;full_name;dob\nC1;Kim Jong Un;08.01.1984\nC2;Maria Schneider;1990-02-03\nC3;Hwang Sok Hwa;1943-09-26\n");
        Page page = signIn(alphaAnalyst1);
        page.locator("#job-file").setInputFiles(csv);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Upload and screen")).click();
        assertThat(page.locator("main").getByText("done: 3 of 3 rows")).isVisible();
        assertThat(page.locator("progress")).hasAttribute("value", "3");
        var download = page.waitForDownload(() -> page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Download the results (JSON lines)")).click());
        List<String> lines = Files.readAllLines(download.path());
        assertThat(lines).hasSize(3);
        assertThat(lines.get(0)).contains("\"customer_id\":\"C1\"", "\"verdict\":\"hit\"", "us-ofac:20157");
        assertThat(lines.get(1)).contains("\"verdict\":\"clear\"");
        check(page, "screen-job");
        page.context().close();
    }

    @Test
    void eachRoleIsOfferedWhatItsKeyMayDoAndTheOperatorUploadsAList() {
        String auditor = server.agency("gamma", "auditor").getFirst();
        Page page = signIn(auditor, "alerts");
        assertThat(page.locator("#nav a")).hasText(new String[] {"Alerts", "Lists", "Dashboard"});
        page.context().close();

        Page admin = signIn(server.adminKey, "lists");
        assertThat(admin.locator("#nav a")).hasText(new String[] {"Lists"});
        admin.locator("#up-source").fill("us-ofac-cons");
        admin.locator("#up-file").setInputFiles(dev.sieve.testing.SharedData.list("ofac_consolidated_non_sdn/consolidated.xml"));
        admin.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Upload")).click();
        // (reading, storing and indexing a whole list: on a busy two-core machine it took longer than the default 5 s)
        assertThat(admin.locator("[role=status]").first()).containsText("Loaded",
                new com.microsoft.playwright.assertions.LocatorAssertions.ContainsTextOptions().setTimeout(30_000));
        admin.navigate(server.base + "/lists");
        assertThat(admin.locator("section:has(h2#src-us-ofac-cons) tbody tr")).hasCount(1);
        assertThat(admin.locator("section:has(h2#src-us-ofac-cons)")).containsText("operator/");
        check(admin, "lists-admin");
        admin.context().close();
    }
}
