package dev.sieve.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sieve.store.Actor;
import dev.sieve.store.JobStore;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Customer-file jobs: submitted, screened in the background, read back; resumed after a stop without duplicates. */
@Tag("database")
class JobsTest {
    static JsonNode await(ServerFixture f, String key, String id) throws InterruptedException {
        for (int i = 0; i < 600; i++) {
            var r = f.get("/v1/jobs/" + id + "?limit=10000", key);
            String status = r.body().get("status").asText();
            if (status.equals("done") || status.equals("failed")) return r.body();
            Thread.sleep(50);
        }
        throw new AssertionError("job " + id + " did not finish");
    }

    @Test
    void aCustomerFileJobGivesAVerdictPerRow() throws Exception {
        try (ServerFixture f = new ServerFixture()) {
            String analyst = f.agency("bank-a", "analyst").getFirst();
            String other = f.agency("bank-b", "analyst").getFirst();
            String csv = "customer_id,full_name,dob,nationality\nc1,Kim Kwang Il,1969-09-01,KP\nc2,Jane Doe-Smithers,1990-02-03,GB\n"
                    + "c3,Ann Lee,31/02/1990,GB\n";
            var submitted = f.postRaw("/v1/jobs?filename=customers.csv", analyst, csv.getBytes(StandardCharsets.UTF_8), "text/csv");
            assertThat(submitted.status()).as(submitted.text()).isEqualTo(202);
            String id = submitted.body().get("id").asText();
            JsonNode done = await(f, analyst, id);
            assertThat(done.get("status").asText()).isEqualTo("done");
            assertThat(done.get("rows_done").asLong()).isEqualTo(3);
            assertThat(done.get("rows_total").asLong()).isEqualTo(3);
            assertThat(done.get("problems").asLong()).isZero();
            JsonNode results = done.get("results");
            assertThat(results).hasSize(3);
            assertThat(results.get(0).get("verdict").asText()).isEqualTo("hit");
            assertThat(results.get(0).get("matches").get(0).get("id").asText()).isEqualTo("un:KPi.009");
            assertThat(results.get(1).get("verdict").asText()).isEqualTo("clear");
            // an impossible date is reported, and the name is still screened
            assertThat(results.get(2).get("verdict").asText()).isEqualTo("clear");
            assertThat(results.get(2).get("name").asText()).isEqualTo("Ann Lee");
            assertThat(results.get(2).get("warnings").get(0).asText()).contains("customers.csv: line 4").contains("31/02/1990");
            assertThat(f.get("/v1/jobs/" + id, other).status()).isEqualTo(404);
            var refused = f.postRaw("/v1/jobs?filename=x.csv", analyst, "id,label\n1,x\n".getBytes(StandardCharsets.UTF_8), "text/csv");
            assertThat(refused.status()).isEqualTo(400);
            assertThat(refused.body().get("detail").asText()).contains("no name column");
        }
    }

    @Test
    void aJobWithMonitorEnrolsEveryRowAsASubjectAndAgainKeepsUnchangedOnesAsTheyAre() throws Exception {
        try (ServerFixture f = new ServerFixture()) {
            String analyst = f.agency("bank-m", "analyst").getFirst();
            String csv = "customer_id;full_name;dob;nationality\r\nm1;Kim Kwang Il;1969-09-01;KP\r\nm2;Jane Doe-Smithers;1990-02-03;GB\r\n"
                    + "m3;;1990-02-03;GB\r\n";
            var submitted = f.postRaw("/v1/jobs?filename=portfolio.csv&monitor=true", analyst, csv.getBytes(StandardCharsets.UTF_8),
                    "text/csv");
            assertThat(submitted.status()).as(submitted.text()).isEqualTo(202);
            JsonNode done = await(f, analyst, submitted.body().get("id").asText());
            JsonNode results = done.get("results");
            assertThat(results.get(0).get("verdict").asText()).isEqualTo("hit");
            assertThat(results.get(0).get("subject_version").asInt()).isEqualTo(1);
            String alert = results.get(0).get("alerts_raised").get(0).asText();
            assertThat(results.get(1).get("alerts_raised")).isEmpty();
            // a row with no name cannot be screened, so it is not enrolled either
            assertThat(results.get(2).get("verdict").asText()).isEqualTo("could_not_screen");
            assertThat(f.get("/v1/subjects/m3", analyst).status()).isEqualTo(404);
            assertThat(f.get("/v1/subjects/m2", analyst).body().get("name").asText()).isEqualTo("Jane Doe-Smithers");
            assertThat(f.get("/v1/alerts?subject=m1", analyst).body().get("alerts")).extracting(a -> a.get("id").asText())
                    .containsExactly(alert);

            // the same file tomorrow: no new versions, no alert twice
            var again = f.postRaw("/v1/jobs?filename=portfolio.csv&monitor=true", analyst, csv.getBytes(StandardCharsets.UTF_8),
                    "text/csv");
            JsonNode second = await(f, analyst, again.body().get("id").asText()).get("results");
            assertThat(second.get(0).get("subject_version").asInt()).isEqualTo(1);
            assertThat(second.get(0).get("alerts_raised")).isEmpty();
            assertThat(f.get("/v1/subjects/m1/screenings", analyst).body().get("screenings")).hasSize(2);

            // every row needs the bank's id for it; nothing is queued when one lacks it
            var noId = f.postRaw("/v1/jobs?filename=portfolio.csv&monitor=true", analyst,
                    "customer_id,full_name\nm4,Ann Lee\n,Bob Stone\n".getBytes(StandardCharsets.UTF_8), "text/csv");
            assertThat(noId.status()).isEqualTo(400);
            assertThat(noId.body().get("field").asText()).isEqualTo("monitor");
            assertThat(noId.body().get("detail").asText()).contains("portfolio.csv, line 3");
            assertThat(f.get("/v1/subjects/m4", analyst).status()).isEqualTo(404);
            var badFlag = f.postRaw("/v1/jobs?filename=p.csv&monitor=yes", analyst, csv.getBytes(StandardCharsets.UTF_8), "text/csv");
            assertThat(badFlag.status()).isEqualTo(400);
            assertThat(badFlag.body().get("field").asText()).isEqualTo("monitor");
        }
    }

    @Test
    void aFileAsABankExportsItIsReadAsWritten() throws Exception {
        try (ServerFixture f = new ServerFixture()) {
            String analyst = f.agency("bank-c", "analyst").getFirst();
            byte[] cp1252 = "Kunden-Nr;Name;Geburtsdatum\r\nK1;Kim Kwang Il;01/09/1969\r\nK2;Jürgen Müller;07/10/1952\r\n"
                    .getBytes(java.nio.charset.Charset.forName("windows-1252"));
            var submitted = f.postRaw("/v1/jobs?filename=kunden.csv&column=id=Kunden-Nr&date_format=dd/MM/yyyy", analyst, cp1252, "text/csv");
            assertThat(submitted.status()).as(submitted.text()).isEqualTo(202);
            JsonNode done = await(f, analyst, submitted.body().get("id").asText());
            JsonNode results = done.get("results");
            assertThat(results.get(0).get("customer_id").asText()).isEqualTo("K1");
            assertThat(results.get(0).get("verdict").asText()).isEqualTo("hit");
            assertThat(results.get(1).get("name").asText()).isEqualTo("Jürgen Müller");
            assertThat(results.get(1).has("warnings")).isFalse();
            // declared UTF-8 but not: refused naming the line, nothing screened with replacement characters
            var wrong = f.postRaw("/v1/jobs?filename=kunden.csv&encoding=UTF-8", analyst, cp1252, "text/csv");
            assertThat(wrong.status()).isEqualTo(400);
            assertThat(wrong.body().get("detail").asText()).contains("kunden.csv: line 3");
            var badDelimiter = f.postRaw("/v1/jobs?filename=kunden.csv&delimiter=;;", analyst, cp1252, "text/csv");
            assertThat(badDelimiter.status()).isEqualTo(400);
            assertThat(badDelimiter.text()).contains("delimiter");
        }
    }

    @Test
    void aJobStoppedMidwayResumesWithoutDuplicatingOrLosingRows() throws Exception {
        try (ServerFixture f = new ServerFixture()) {
            String analyst = f.agency("bank-r", "analyst").getFirst();
            StringBuilder csv = new StringBuilder("id,name\n");
            int rows = 3 * JobRunner.CHUNK + 137;
            for (int i = 1; i <= rows; i++) csv.append("r").append(i).append(",Customer Number").append(i).append(" Example\n");
            // created straight in the store, so only this test drives it
            JobStore.Job job = f.store.jobs().create(new Actor("bank-r", "test"), "big.csv", "", csv.toString(), rows);
            assertThat(f.server.runJob(job.id(), 1)).isFalse(); // one chunk, then the "server" stops
            assertThat(f.store.jobs().job(job.id()).orElseThrow().rowsDone()).isEqualTo(JobRunner.CHUNK);

            f.server.close(); // a new server resumes unfinished jobs when it starts
            try (SieveServer restarted = new SieveServer(f.store, new SieveServer.Options("127.0.0.1", 0, Duration.ZERO)).start()) {
                assertThat(restarted.port()).isPositive();
                JobStore.Job done = null;
                for (int i = 0; i < 600 && done == null; i++) {
                    JobStore.Job j = f.store.jobs().job(job.id()).orElseThrow();
                    if (j.status().equals("done")) done = j;
                    else Thread.sleep(50);
                }
                assertThat(done).as("the job finished after the restart").isNotNull();
            }
            var results = f.store.jobs().results(job.id(), 0, 100_000);
            assertThat(results).hasSize(rows);
            Set<Long> seen = new HashSet<>();
            for (JobStore.Row r : results) assertThat(seen.add(r.row())).isTrue();
            assertThat(seen).contains(1L, (long) rows);
            assertThat(f.count("job_result WHERE job_id = '" + job.id() + "'")).isEqualTo(rows);
            assertThat(f.store.audit().verify().intact()).isTrue();
        }
    }
}
