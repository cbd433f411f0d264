package dev.sieve.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sieve.testing.SharedData;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Every administrative route, tried by one agency's administrator against another agency: the operator
 * administers the databank (agencies, official lists, any agency's keys); an agency's administrator only
 * its own keys. What is done to an agency is on that agency's audit trail too.
 */
@Tag("database")
class AdminScopeTest {
    ServerFixture f;
    String aaAdmin;
    String aaContributor;
    String aaAuditor;
    String bbAdmin;

    @BeforeEach
    void start() throws Exception {
        f = new ServerFixture();
        List<String> aa = f.agency("aa", "admin", "contributor", "auditor");
        aaAdmin = aa.get(0);
        aaContributor = aa.get(1);
        aaAuditor = aa.get(2);
        bbAdmin = f.agency("bb", "admin").getFirst();
    }

    @AfterEach
    void stop() throws Exception {
        f.close();
    }

    @Test
    void anAgencysAdministratorCannotActForAnotherAgencyOrTheOperator() throws Exception {
        long events = f.requestEvents();
        long keys = f.count("api_key");
        String aaKeyId = f.get("/v1/agencies/aa/keys", aaAdmin).body().get("keys").get(0).get("id").asText();
        List<ServerFixture.Response> refused = new ArrayList<>();
        refused.add(f.post("/v1/agencies/aa/keys", bbAdmin, Map.of("role", "contributor")));
        refused.add(f.post("/v1/agencies/operator/keys", bbAdmin, Map.of("role", "admin")));
        refused.add(f.delete("/v1/agencies/aa/keys/" + aaKeyId, bbAdmin, null));
        refused.add(f.delete("/v1/agencies/aa/keys/nosuchkey", bbAdmin, null));
        refused.add(f.get("/v1/agencies/aa/keys", bbAdmin));
        refused.add(f.post("/v1/agencies", bbAdmin, Map.of("name", "Rogue")));
        refused.add(f.post("/v1/agencies/aa/disable", bbAdmin, Map.of()));
        refused.add(f.post("/v1/agencies/bb/enable", bbAdmin, Map.of()));
        refused.add(f.postRaw("/v1/lists/un/publications?published_at=2030-01-01", bbAdmin,
                Files.readAllBytes(SharedData.list("un_sc/consolidated.xml")), "application/xml"));
        for (ServerFixture.Response r : refused) {
            assertThat(r.status()).as(r.text()).isEqualTo(403);
            assertThat(r.body().get("detail").asText()).contains("'bb'");
        }
        assertThat(f.count("api_key")).isEqualTo(keys);
        assertThat(f.requestEvents()).isEqualTo(events);
        // the members' directory is every member's; when they joined and who is disabled is the operator's
        var directory = f.get("/v1/agencies", bbAdmin).body().get("agencies");
        assertThat(directory.findValuesAsText("id")).contains("aa", "bb");
        assertThat(directory.findValues("created_at")).isEmpty();
    }

    @Test
    void anAgencysAdministratorManagesItsOwnKeys() {
        var k = f.post("/v1/agencies/aa/keys", aaAdmin, Map.of("role", "analyst"));
        assertThat(k.status()).isEqualTo(201);
        String keyId = k.body().get("key_id").asText();
        JsonNode listed = f.get("/v1/agencies/aa/keys", aaAdmin).body().get("keys");
        assertThat(listed).anySatisfy(x -> {
            assertThat(x.get("id").asText()).isEqualTo(keyId);
            assertThat(x.get("role").asText()).isEqualTo("analyst");
            assertThat(x.has("revoked_at")).isFalse();
        });
        assertThat(listed.toString()).doesNotContain("sk_");
        assertThat(f.delete("/v1/agencies/aa/keys/" + keyId, aaAdmin, null).status()).isEqualTo(200);
        assertThat(f.post("/v1/screen", k.body().get("key").asText(), Map.of("name", "Kim")).status()).isEqualTo(401);
        assertThat(f.get("/v1/agencies/aa/keys", aaAdmin).body().get("keys"))
                .anySatisfy(x -> assertThat(x.get("id").asText().equals(keyId) && x.has("revoked_at")).isTrue());
    }

    @Test
    void theOperatorActsForAnyAgencyAndThatAgencysAuditorsSeeIt() {
        var k = f.post("/v1/agencies/aa/keys", f.adminKey, Map.of("role", "analyst"));
        assertThat(k.status()).isEqualTo(201);
        String keyId = k.body().get("key_id").asText();
        assertThat(f.delete("/v1/agencies/aa/keys/" + keyId, f.adminKey, null).status()).isEqualTo(200);
        JsonNode seen = f.get("/v1/audit?limit=1000", aaAuditor).body().get("events");
        assertThat(seen).anySatisfy(e -> {
            assertThat(e.get("action").asText()).isEqualTo("key.create");
            assertThat(e.get("agency").asText()).isEqualTo("operator");
            assertThat(e.get("subject_agency").asText()).isEqualTo("aa");
            assertThat(e.get("detail").get("key_id").asText()).isEqualTo(keyId);
        });
        assertThat(seen).anySatisfy(e -> assertThat(e.get("action").asText()).isEqualTo("key.revoke"));
        assertThat(f.store.audit().verify().intact()).isTrue();
    }

    @Test
    void aDisabledAgencysKeysStopWorkingAndItsEntriesStay() {
        var entry = f.post("/v1/databank/entries", aaContributor, Map.of("schema", "Person", "name", "Dorian Disabled",
                "sharing", "all", "reason", "test"));
        assertThat(entry.status()).isEqualTo(201);
        String id = entry.body().get("entity").get("id").asText();
        var disabled = f.post("/v1/agencies/aa/disable", f.adminKey, Map.of());
        assertThat(disabled.status()).as(disabled.text()).isEqualTo(200);
        assertThat(disabled.body().has("disabled_at")).isTrue();
        for (String key : List.of(aaAdmin, aaContributor, aaAuditor)) {
            assertThat(f.post("/v1/screen", key, Map.of("name", "Kim")).status()).isEqualTo(401);
        }
        String ccContributor = f.agency("cc", "contributor").getFirst();
        assertThat(f.get("/v1/entities/" + id, ccContributor).status()).isEqualTo(200);
        assertThat(f.get("/v1/agencies", ccContributor).body().get("agencies").findValuesAsText("id")).doesNotContain("aa");
        var share = f.post("/v1/databank/entries", ccContributor, Map.of("schema", "Person", "name", "Sharing Sam",
                "sharing", List.of("aa"), "reason", "test"));
        assertThat(share.status()).isEqualTo(400);
        assertThat(share.body().get("detail").asText()).contains("sharing[0]", "no member agency");
        assertThat(f.post("/v1/agencies/operator/disable", f.adminKey, Map.of()).status()).isEqualTo(409);
        assertThat(f.post("/v1/agencies/nosuch/disable", f.adminKey, Map.of()).status()).isEqualTo(404);
        assertThat(f.post("/v1/agencies/aa/enable", f.adminKey, Map.of()).status()).isEqualTo(200);
        assertThat(f.post("/v1/screen", aaContributor, Map.of("name", "Kim")).status()).isIn(200, 403);
        assertThat(f.get("/v1/audit?action=agency.disable", aaAuditor).body().get("events")).hasSize(1);
    }
}
