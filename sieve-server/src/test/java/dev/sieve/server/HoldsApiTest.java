package dev.sieve.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sieve.testing.SharedData;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Payments and travellers that hit are held, their hits alerts; deciding the alerts releases or rejects them
 * (under four eyes only once confirmed); a false positive covers the same name against the same entity in
 * later messages; another agency sees none of it. Real messages from the shared data, with a listed name put in.
 */
@Tag("database")
class HoldsApiTest {
    static ServerFixture f;
    static String analyst1;
    static String analyst2;
    static String auditor;
    static String admin;
    static String otherAnalyst;
    static String pacs008;

    @BeforeAll
    static void start() throws Exception {
        f = new ServerFixture();
        List<String> keys = f.agency("payments-bank", "analyst", "analyst", "auditor", "admin");
        analyst1 = keys.get(0);
        analyst2 = keys.get(1);
        auditor = keys.get(2);
        admin = keys.get(3);
        otherAnalyst = f.agency("another-bank", "analyst").getFirst();
        pacs008 = Files.readString(SharedData.root().resolve(
                "data/messages/iso20022_pacs008/CustomerCreditTransfer_Scenario1_Step1_pacs.008.xml"));
    }

    @AfterAll
    static void stop() throws Exception {
        f.close();
    }

    /** The real message with its creditor renamed (and its ids, so each call is another payment). */
    static String payment(String creditor, String reference) {
        return pacs008.replace("<Nm>Corporation B</Nm>", "<Nm>" + creditor + "</Nm>")
                .replaceAll("<EndToEndId>[^<]*</EndToEndId>", "<EndToEndId>" + reference + "</EndToEndId>");
    }

    static JsonNode screenPayment(String key, String message) {
        var r = f.postRaw("/v1/screen/payment", key, message.getBytes(StandardCharsets.UTF_8), "application/xml");
        assertThat(r.status()).as(r.text()).isEqualTo(200);
        return r.body().get("payments").get(0);
    }

    static ServerFixture.Response decide(String key, String alertId, String decision) {
        String etag = f.get("/v1/alerts/" + alertId, key).headers().firstValue("ETag").orElseThrow();
        return f.send(HttpRequest.newBuilder(URI.create(f.base + "/v1/alerts/" + alertId + "/decision"))
                .header("Content-Type", "application/json").header("If-Match", etag)
                .POST(HttpRequest.BodyPublishers.ofString(ServerFixture.json(Map.of("decision", decision, "reason",
                        "checked by hand")))), key);
    }

    static ServerFixture.Response patch(String key, String path, Object body) {
        return f.send(HttpRequest.newBuilder(URI.create(f.base + path)).header("Content-Type", "application/json")
                .method("PATCH", HttpRequest.BodyPublishers.ofString(ServerFixture.json(body))), key);
    }

    @Test
    void aPaymentThatHitsIsHeldUntilItsAlertsAreDecidedAndAClearedNameStaysCleared() {
        JsonNode p = screenPayment(analyst1, payment("KOREA MINING DEVELOPMENT TRADING CORPORATION", "E2E-HOLD-1"));
        assertThat(p.get("verdict").asText()).isEqualTo("hit");
        // listed under the DPRK regime, whose asset freeze binds: the payment's action is to hold it
        assertThat(p.get("action").asText()).isEqualTo("hold");
        JsonNode kpe = p.get("alerts").get(0).get("match");
        assertThat(kpe.get("regimes")).extracting(JsonNode::asText).contains("un-1718");
        assertThat(kpe.get("measures")).extracting(JsonNode::asText).contains("asset_freeze");
        assertThat(kpe.get("action").asText()).isEqualTo("hold");
        JsonNode hold = p.get("hold");
        assertThat(hold.get("status").asText()).isEqualTo("held");
        String holdId = hold.get("id").asText();
        assertThat(holdId).startsWith("pay_");
        assertThat(hold.get("alerts")).extracting(a -> a.get("entity_id").asText()).contains("un:KPe.001");
        String alertId = hold.get("alerts").get(0).get("id").asText();

        // the alert is one of the agency's alerts, with where in the payment it was found
        JsonNode alert = f.get("/v1/alerts/" + alertId, analyst1).body();
        assertThat(alert.get("source").asText()).isEqualTo("payment");
        assertThat(alert.get("subject").asText()).isEqualTo(holdId);
        assertThat(alert.get("context").get("found_in").get(0).get("field").asText()).isEqualTo("Cdtr");
        assertThat(f.get("/v1/alerts?source=payment&state=open", analyst1).body().get("alerts"))
                .extracting(a -> a.get("id").asText()).contains(alertId);
        assertThat(f.get("/v1/holds?status=held&kind=payment", analyst1).body().get("holds"))
                .extracting(h -> h.get("id").asText()).contains(holdId);

        // reviewing does not release it; closing every alert as a false positive does, in the same step
        assertThat(decide(analyst1, alertId, "review").status()).isEqualTo(200);
        assertThat(f.get("/v1/holds/" + holdId, analyst1).body().get("status").asText()).isEqualTo("held");
        for (JsonNode a : hold.get("alerts")) assertThat(decide(analyst1, a.get("id").asText(), "false_positive").status()).isEqualTo(200);
        JsonNode released = f.get("/v1/holds/" + holdId, analyst1).body();
        assertThat(released.get("status").asText()).isEqualTo("released");
        assertThat(released.get("settled").get("by").asText()).isEqualTo(AlertsApiTest.keyId(analyst1));
        assertThat(released.get("alerts")).allSatisfy(a -> assertThat(a.get("state").asText()).isEqualTo("false_positive"));

        // the same creditor in the next payment: covered by the decision, released at once, no new alert
        JsonNode next = screenPayment(analyst1, payment("Korea  Mining Development Trading Corporation", "E2E-HOLD-2"));
        assertThat(next.get("hold").get("status").asText()).isEqualTo("released");
        assertThat(next.get("hold").get("alerts")).isEmpty();
        assertThat(next.get("hold").get("covered")).extracting(c -> c.get("alert").asText()).contains(alertId);

        // another agency's decisions cover nothing of this one's, and its holds are not there for it
        JsonNode others = screenPayment(otherAnalyst, payment("KOREA MINING DEVELOPMENT TRADING CORPORATION", "E2E-HOLD-3"));
        assertThat(others.get("hold").get("status").asText()).isEqualTo("held");
        assertThat(f.get("/v1/holds/" + holdId, otherAnalyst).status()).isEqualTo(404);
        assertThat(f.get("/v1/holds", otherAnalyst).body().get("holds")).extracting(h -> h.get("id").asText())
                .doesNotContain(holdId);
        assertThat(f.get("/v1/alerts/" + alertId, otherAnalyst).status()).isEqualTo(404);

        // the trail: held, then released by the decision
        List<String> actions = new ArrayList<>();
        f.get("/v1/audit?limit=1000", auditor).body().get("events").forEach(e -> {
            if (holdId.equals(e.path("target").asText())) actions.add(e.get("action").asText());
        });
        assertThat(actions).containsExactly("payment.hold", "payment.release");
    }

    @Test
    void aTrueMatchRejectsThePaymentAndUnderFourEyesOnlyOnceConfirmed() {
        assertThat(patch(admin, "/v1/agencies/payments-bank", Map.of("four_eyes", true)).status()).isEqualTo(200);
        try {
            JsonNode p = screenPayment(analyst1, payment("KOREA KWANGSON BANKING CORP", "E2E-HOLD-4"));
            assertThat(p.get("hold").get("status").asText()).isEqualTo("held");
            String holdId = p.get("hold").get("id").asText();
            String alertId = p.get("hold").get("alerts").get(0).get("id").asText();
            assertThat(decide(analyst1, alertId, "true_match").status()).isEqualTo(202);
            assertThat(f.get("/v1/holds/" + holdId, analyst1).body().get("status").asText()).isEqualTo("held");
            assertThat(decide(analyst1, alertId, "true_match").status()).isEqualTo(403);
            for (JsonNode a : p.get("hold").get("alerts")) {
                String id = a.get("id").asText();
                if (!id.equals(alertId)) assertThat(decide(analyst1, id, "false_positive").status()).isEqualTo(202);
            }
            assertThat(decide(analyst2, alertId, "true_match").status()).isEqualTo(200);
            for (JsonNode a : p.get("hold").get("alerts")) {
                String id = a.get("id").asText();
                if (!id.equals(alertId)) assertThat(decide(analyst2, id, "false_positive").status()).isEqualTo(200);
            }
            JsonNode rejected = f.get("/v1/holds/" + holdId, auditor).body();
            assertThat(rejected.get("status").asText()).isEqualTo("rejected");
            assertThat(rejected.get("settled").get("by").asText()).isEqualTo(AlertsApiTest.keyId(analyst2));
            assertThat(f.get("/v1/holds?status=rejected", auditor).body().get("holds")).extracting(h -> h.get("id").asText())
                    .contains(holdId);
        } finally {
            patch(admin, "/v1/agencies/payments-bank", Map.of("four_eyes", false));
        }
    }

    @Test
    void aListedTravellerIsHeldAndTheOthersAreNot() throws Exception {
        String manifest = Files.readString(SharedData.root().resolve("data/messages/paxlst/Test1.txt"))
                .replace("NAD+FM+++Steur:Andrea:Pat'ATT+2++F'DTM+329:780706'", "NAD+FM+++HWANG:SOK HWA'ATT+2++M'DTM+329:430926'");
        var r = f.postRaw("/v1/screen/manifest", analyst1, manifest.getBytes(StandardCharsets.UTF_8), "text/plain");
        assertThat(r.status()).as(r.text()).isEqualTo(200);
        JsonNode travellers = r.body().get("travellers");
        JsonNode hwang = travellers.get(0);
        assertThat(hwang.get("verdict").asText()).isEqualTo("hit");
        assertThat(hwang.get("hold").get("id").asText()).startsWith("trv_");
        assertThat(hwang.get("hold").get("status").asText()).isEqualTo("held");
        assertThat(hwang.get("hold").get("alerts")).extracting(a -> a.get("entity_id").asText()).contains("un:KPi.003");
        for (int i = 1; i < travellers.size(); i++) {
            if (travellers.get(i).get("verdict").asText().equals("clear")) assertThat(travellers.get(i).has("hold")).isFalse();
        }
        JsonNode held = f.get("/v1/holds/" + hwang.get("hold").get("id").asText(), analyst1).body();
        assertThat(held.get("kind").asText()).isEqualTo("traveller");
        assertThat(held.get("reference").asText()).isEqualTo("SOK HWA HWANG");
        assertThat(held.get("screened").get("birth_date").asText()).isEqualTo("1943-09-26");
    }

    @Test
    void badParametersNameTheParameter() {
        var kind = f.get("/v1/holds?kind=invoice", analyst1);
        assertThat(kind.status()).isEqualTo(400);
        assertThat(kind.body().get("field").asText()).isEqualTo("kind");
        var status = f.get("/v1/holds?status=paid", analyst1);
        assertThat(status.status()).isEqualTo(400);
        assertThat(status.body().get("field").asText()).isEqualTo("status");
        assertThat(f.get("/v1/holds/pay_doesnotexist", analyst1).status()).isEqualTo(404);
    }
}
