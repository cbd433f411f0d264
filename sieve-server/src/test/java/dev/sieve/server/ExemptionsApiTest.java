package dev.sieve.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sieve.testing.SharedData;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Exemptions and licences: a payment to a party listed under the DPRK regime is held; citing a recorded exemption
 * that covers that party, valid on the payment's value date (10 March 2025), it is covered; citing one that ended the
 * day before, it is held again. Bad exemptions are refused naming the field; another agency's do not exist for it.
 */
@Tag("database")
class ExemptionsApiTest {
    static ServerFixture f;
    static String analyst;
    static String auditor;
    static String otherAnalyst;
    static String pacs008;

    @BeforeAll
    static void start() throws Exception {
        f = new ServerFixture();
        List<String> keys = f.agency("railway-bank", "analyst", "auditor");
        analyst = keys.get(0);
        auditor = keys.get(1);
        otherAnalyst = f.agency("other-bank", "analyst").getFirst();
        pacs008 = Files.readString(SharedData.root().resolve(
                "data/messages/iso20022_pacs008/CustomerCreditTransfer_Scenario1_Step1_pacs.008.xml"));
    }

    @AfterAll
    static void stop() throws Exception {
        f.close();
    }

    /** The real message (value date 2025-03-10) paying a listed creditor, with a remittance line. */
    static String payment(String reference, String remittance) {
        return pacs008.replace("<Nm>Corporation B</Nm>", "<Nm>KOREA MINING DEVELOPMENT TRADING CORPORATION</Nm>")
                .replaceAll("<EndToEndId>[^<]*</EndToEndId>", "<EndToEndId>" + reference + "</EndToEndId>")
                .replace("<RmtInf>", "<RmtInf><Ustrd>" + remittance + "</Ustrd>");
    }

    static JsonNode screenPayment(String key, String message) {
        var r = f.postRaw("/v1/screen/payment", key, message.getBytes(StandardCharsets.UTF_8), "application/xml");
        assertThat(r.status()).as(r.text()).isEqualTo(200);
        return r.body().get("payments").get(0);
    }

    static Map<String, Object> exemption(String reference, String from, String to) {
        Map<String, Object> e = new LinkedHashMap<>();
        e.put("issuer", "UN Security Council Committee established pursuant to resolution 1718 (2006)");
        e.put("reference", reference);
        e.put("regimes", List.of("un-1718"));
        e.put("entities", List.of("un:KPe.001"));
        e.put("purpose", "payment for the joint railway survey");
        e.put("valid_from", from);
        e.put("valid_to", to);
        e.put("document_url", "https://main.un.org/securitycouncil/en/sanctions/1718/exemptions");
        return e;
    }

    /** An exemption that asks nothing of the dealing: an issuer, a reference, what it covers, a first day. */
    static Map<String, Object> unconditioned(String issuer, String reference, String field, List<String> covers) {
        Map<String, Object> e = new LinkedHashMap<>();
        e.put("issuer", issuer);
        e.put("reference", reference);
        e.put(field, covers);
        e.put("valid_from", "2025-01-01");
        return e;
    }

    @Test
    void aCitedValidExemptionCoversThePaymentAndOneEndedTheDayBeforeDoesNot() {
        JsonNode plain = screenPayment(analyst, payment("E2E-EX-0", "Invoice 4711"));
        assertThat(plain.get("action").asText()).isEqualTo("hold");
        assertThat(plain.get("hold").get("status").asText()).isEqualTo("held");

        ServerFixture.Response created = f.post("/v1/exemptions", analyst, exemption("1718-EX-2025-07", "2025-01-01", "2025-03-10"));
        assertThat(created.status()).as(created.text()).isEqualTo(201);
        String id = created.body().get("id").asText();
        assertThat(f.post("/v1/exemptions", analyst, exemption("1718-EX-2025-06", "2025-01-01", "2025-03-09")).status()).isEqualTo(201);

        // cited, valid on the value date, covering the creditor: the hit is still an alert, shown with its exemption
        JsonNode covered = screenPayment(analyst, payment("E2E-EX-1", "Railway survey, exemption 1718-EX-2025-07"));
        assertThat(covered.get("verdict").asText()).isEqualTo("hit");
        assertThat(covered.get("action").asText()).isEqualTo("covered");
        JsonNode match = covered.get("alerts").get(0).get("match");
        assertThat(match.get("action").asText()).isEqualTo("covered");
        assertThat(match.get("exemption").asText()).contains(id).contains("1718-EX-2025-07");
        assertThat(covered.get("licences").get(0).get("status").asText()).isEqualTo("covers");
        assertThat(covered.get("hold").get("status").asText()).isEqualTo("released");
        assertThat(covered.get("hold").get("alerts")).isNotEmpty();

        // the exemption states a purpose: a payment that does not cite it is not covered
        assertThat(screenPayment(analyst, payment("E2E-EX-2", "Invoice 4711")).get("action").asText()).isEqualTo("hold");

        // one that ended the day before the value date: held, and the citation says why
        JsonNode ended = screenPayment(analyst, payment("E2E-EX-3", "Railway survey, exemption 1718-EX-2025-06"));
        assertThat(ended.get("action").asText()).isEqualTo("hold");
        assertThat(ended.get("licences").get(0).get("status").asText()).isEqualTo("not_valid");
        assertThat(ended.get("licences").get(0).get("detail").asText()).contains("2025-03-09").contains("2025-03-10");
        assertThat(ended.get("hold").get("status").asText()).isEqualTo("held");

        // a licence nobody recorded
        JsonNode unknown = screenPayment(analyst, payment("E2E-EX-4", "paid under licence no. GL-9999"));
        assertThat(unknown.get("licences")).extracting(c -> c.get("status").asText()).contains("not_found");
        assertThat(unknown.get("action").asText()).isEqualTo("hold");

        // another agency cannot see it nor rely on it
        assertThat(f.get("/v1/exemptions/" + id, otherAnalyst).status()).isEqualTo(404);
        assertThat(f.get("/v1/exemptions", otherAnalyst).body().get("exemptions")).isEmpty();
        assertThat(screenPayment(otherAnalyst, payment("E2E-EX-5", "Railway survey, exemption 1718-EX-2025-07")).get("action").asText())
                .isEqualTo("hold");
        assertThat(f.get("/v1/exemptions/" + id, auditor).body().get("reference").asText()).isEqualTo("1718-EX-2025-07");
        assertThat(f.post("/v1/exemptions/" + id + "/revoke", otherAnalyst, Map.of("reason", "not mine")).status()).isEqualTo(404);

        // revoked: covered no more
        ServerFixture.Response revoked = f.post("/v1/exemptions/" + id + "/revoke", analyst, Map.of("reason", "survey cancelled"));
        assertThat(revoked.status()).as(revoked.text()).isEqualTo(200);
        assertThat(revoked.body().get("revoked_at")).isNotNull();
        assertThat(screenPayment(analyst, payment("E2E-EX-6", "Railway survey, exemption 1718-EX-2025-07")).get("action").asText())
                .isEqualTo("hold");
        assertThat(f.get("/v1/audit?action=exemption.create", auditor).text()).contains("1718-EX-2025-07");
    }

    @Test
    void anExemptionWithNoConditionsCoversAPlainScreening() {
        String third = f.agency("third-bank", "analyst").getFirst();
        Map<String, Object> e = unconditioned("OFSI", "INT/2025/0001", "entities", List.of("un:KPe.001"));
        assertThat(f.post("/v1/exemptions", third, e).status()).isEqualTo(201);
        JsonNode m = f.post("/v1/screen", third, Map.of("name", "Korea Mining Development Trading Corporation")).body()
                .get("matches").get(0);
        assertThat(m.get("id").asText()).isEqualTo("un:KPe.001");
        assertThat(m.get("action").asText()).isEqualTo("covered");
        assertThat(f.post("/v1/screen", analyst, Map.of("name", "Korea Mining Development Trading Corporation")).body()
                .get("matches").get(0).get("action").asText()).isEqualTo("hold");
    }

    @Test
    void aMonitoredSubjectsCoveredAlertIsOutOfTheQueueUntilItsExemptionIsRevoked() {
        String watcher = f.agency("watch-bank", "analyst").getFirst();
        Map<String, Object> e = unconditioned("UN Security Council Committee established pursuant to resolution 1718 (2006)",
                "1718-EX-WATCH", "regimes", List.of("un-1718"));
        String id = f.post("/v1/exemptions", watcher, e).body().get("id").asText();
        var put = f.put("/v1/subjects/kmdtc", watcher, Map.of("name", "Korea Mining Development Trading Corporation",
                "schema", "Organization"), null);
        assertThat(put.status()).as(put.text()).isIn(200, 201);
        JsonNode alert = f.get("/v1/alerts?subject=kmdtc", watcher).body().get("alerts").get(0);
        assertThat(alert.get("entity_id").asText()).isEqualTo("un:KPe.001");
        assertThat(alert.get("state").asText()).isEqualTo("covered");
        assertThat(f.get("/v1/alerts?state=open", watcher).body().get("alerts")).isEmpty();

        assertThat(f.post("/v1/exemptions/" + id + "/revoke", watcher, Map.of("reason", "committee withdrew it")).status()).isEqualTo(200);
        JsonNode reopened = f.get("/v1/alerts/" + alert.get("id").asText(), watcher).body();
        assertThat(reopened.get("state").asText()).isEqualTo("open");
        assertThat(reopened.toString()).contains("reopened").contains(id);
    }

    @Test
    void aSharedExemptionCoversThePeersItNamesOnly() {
        String owner = f.agency("share-owner", "analyst").getFirst();
        String peer = f.agency("share-peer", "analyst").getFirst();
        String outsider = f.agency("share-outsider", "analyst").getFirst();
        Map<String, Object> e = unconditioned("OFSI", "INT/2025/0002", "entities", List.of("un:KPe.001"));
        e.put("sharing", List.of("share-peer"));
        String id = f.post("/v1/exemptions", owner, e).body().get("id").asText();
        assertThat(f.get("/v1/exemptions/" + id, peer).status()).isEqualTo(200);
        assertThat(f.get("/v1/exemptions/" + id, outsider).status()).isEqualTo(404);
        Map<String, Object> q = Map.of("queries", List.of(Map.of("name", "Korea Mining Development Trading Corporation")));
        assertThat(f.post("/v1/screen/batch", peer, q).body().toString()).contains("\"action\":\"covered\"");
        assertThat(f.post("/v1/screen/batch", outsider, q).body().toString()).contains("\"action\":\"hold\"")
                .doesNotContain("covered");
        // only its owner revokes it
        assertThat(f.post("/v1/exemptions/" + id + "/revoke", peer, Map.of("reason", "mine now")).status()).isEqualTo(404);
    }

    @Test
    void badExemptionsAreRefusedNamingTheFieldAndNothingIsStored() {
        int before = f.get("/v1/exemptions", analyst).body().get("exemptions").size();
        Map<String, Object> backwards = exemption("BAD-1", "2025-03-10", "2025-01-01");
        assertProblem(f.post("/v1/exemptions", analyst, backwards), "valid_to");
        Map<String, Object> regime = exemption("BAD-2", "2025-01-01", "2025-12-31");
        regime.put("regimes", List.of("un-9999"));
        assertProblem(f.post("/v1/exemptions", analyst, regime), "regimes");
        Map<String, Object> entity = exemption("BAD-3", "2025-01-01", "2025-12-31");
        entity.put("entities", List.of("un:KPe.999"));
        assertProblem(f.post("/v1/exemptions", analyst, entity), "entities");
        Map<String, Object> date = exemption("BAD-4", "2025-02-30", "2025-12-31");
        assertProblem(f.post("/v1/exemptions", analyst, date), "valid_from");
        Map<String, Object> url = exemption("BAD-5", "2025-01-01", "2025-12-31");
        url.put("document_url", "file:///etc/passwd");
        assertProblem(f.post("/v1/exemptions", analyst, url), "document_url");
        assertThat(f.get("/v1/exemptions", analyst).body().get("exemptions").size()).isEqualTo(before);
        assertThat(f.post("/v1/exemptions", auditor, exemption("BAD-6", "2025-01-01", "2025-12-31")).status()).isEqualTo(403);
    }

    static void assertProblem(ServerFixture.Response r, String field) {
        assertThat(r.status()).as(r.text()).isEqualTo(400);
        assertThat(r.body().get("field").asText()).isEqualTo(field);
    }
}
