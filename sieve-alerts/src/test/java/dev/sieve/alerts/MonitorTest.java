package dev.sieve.alerts;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sieve.databank.ListLoader;
import dev.sieve.databank.LoadListener;
import dev.sieve.databank.LoadOptions;
import dev.sieve.model.PartialDate;
import dev.sieve.model.Schema;
import dev.sieve.screening.ScreeningService;
import dev.sieve.store.Actor;
import dev.sieve.store.SieveStore;
import dev.sieve.store.StoreConfig;
import dev.sieve.testing.SharedData;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Monitoring over real lists: the UN list, then OFAC's SDN list of July 2021, then that of May 2024. Each
 * run screens the subjects against what changed only, resumes where a killed run stopped without raising an
 * alert twice, and marks delisted the alerts on entities that left their list.
 */
class MonitorTest {
    @TempDir
    Path dir;

    static final Actor BANK = new Actor("bank", "k1");

    static SubjectData person(String name) {
        return new SubjectData(name, List.of(), Schema.PERSON, null, null, List.of(), Map.of("branch", "Zurich"));
    }

    /** A fresh databank with the agency "bank" and the UN list loaded. */
    SieveStore withUnList() throws Exception {
        SieveStore store = SieveStore.open(StoreConfig.h2(dir));
        store.agencies().create(Actor.cli(), "bank", "A bank");
        new ListLoader(store).load(List.of(SharedData.list("un_sc/consolidated.xml")), LoadOptions.strict(), LoadListener.NONE);
        return store;
    }

    @Test
    void runsScreenTheDeltaResumeAfterAKillAndDelist() throws Exception {
        try (SieveStore store = withUnList()) {
            ListLoader loader = new ListLoader(store);
            ScreeningService screening = new ScreeningService();
            screening.reload(store, List.of());
            Monitor monitor = new Monitor(store, screening, 2, false);
            assertThat(monitor.catchUp()).get().satisfies(r -> assertThat(r.subjects()).isZero()); // the baseline
            assertThat(monitor.catchUp()).isEmpty();

            // listed by OFAC in 2021 and delisted by 2024; listed by OFAC only after 2021
            assertThat(monitor.enrol(BANK, "c-noriega", person("Manuel Antonio Noriega")).raised()).isEmpty();
            assertThat(monitor.enrol(BANK, "c-hijazi", person("Khalil Ahmad Hijazi")).raised()).isEmpty();
            for (String n : List.of("Margarethe Vollenweider", "Theodor Kleinschmidt", "Annelise Brunnhuber")) {
                assertThat(monitor.enrol(BANK, "c-" + n.split(" ")[1].toLowerCase(), person(n)).raised()).isEmpty();
            }

            loader.load(List.of(SharedData.list("ofac_sdn/2021-07_complete_set")),
                    LoadOptions.strict().withDatedPaths(SharedData.undatedPublishedPaths()), LoadListener.NONE);
            screening.reload(store, List.of());
            // killed after the first chunk of two subjects: the run stays open with its cursor
            Monitor.RunSummary stopped = monitor.catchUp(1).orElseThrow();
            assertThat(stopped.status()).isEqualTo("running");
            assertThat(stopped.subjects()).isEqualTo(2);
            // a full re-screen waits for no run: refused while one is unfinished
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> monitor.startFullRescreen(Actor.cli()))
                    .isInstanceOf(dev.sieve.store.ConflictException.class).hasMessageContaining("run " + stopped.id());
            Monitor.RunSummary resumed = monitor.catchUp().orElseThrow();
            assertThat(resumed.id()).isEqualTo(stopped.id());
            assertThat(resumed.status()).isEqualTo("completed");
            assertThat(resumed.subjects()).isEqualTo(5);
            List<Alert> noriega = monitor.alerts().alerts("bank", new AlertFilter(null, "c-noriega", null, null, null, null, null, 10));
            assertThat(noriega).extracting(Alert::entityId).containsExactly("us-ofac:1572");
            assertThat(noriega.getFirst().runId()).isEqualTo(resumed.id());
            assertThat(monitor.alerts().alerts("bank", AlertFilter.all(100))).hasSize(1);
            assertThat(monitor.catchUp()).isEmpty();
            assertThat(monitor.alerts().alerts("bank", AlertFilter.all(100))).hasSize(1); // resumed, not raised twice

            loader.load(List.of(SharedData.list("ofac_sdn/2024-05-03")),
                    LoadOptions.strict().withDatedPaths(SharedData.undatedPublishedPaths()), LoadListener.NONE);
            screening.reload(store, List.of());
            Monitor.RunSummary update = monitor.catchUp().orElseThrow();
            // the delta only: what the 2024 publication added or changed, what it removed
            var diff = store.diff(update.from().get("us-ofac-sdn"), update.to().get("us-ofac-sdn"));
            assertThat(update.entitiesScreened()).isEqualTo(diff.added().size() + diff.changed().size())
                    .isLessThan(screening.snapshot().engine().entityCount());
            assertThat(update.entitiesRemoved()).isEqualTo(diff.removed().size()).isPositive();
            List<Alert> hijazi = monitor.alerts().alerts("bank", new AlertFilter(null, "c-hijazi", null, null, null, null, null, 10));
            assertThat(hijazi).extracting(Alert::entityId).containsExactly("us-ofac:28444");
            assertThat(monitor.alerts().alert("bank", noriega.getFirst().id()).orElseThrow().state()).isEqualTo(AlertState.DELISTED);
            assertThat(update.delisted()).isEqualTo(1);

            // the evidence: enrolled and screened in full, then covered by the three runs after it
            List<SubjectStore.Screening> evidence = monitor.subjects().screenings("bank", "c-hijazi");
            assertThat(evidence).extracting(SubjectStore.Screening::kind).containsExactly("full", "monitoring", "monitoring");
            assertThat(evidence.getLast().runId()).isEqualTo(update.id());
            assertThat(evidence.getLast().entities()).containsExactly("us-ofac:28444");
            assertThat(evidence.get(1).entities()).isEmpty();
            assertThat(evidence.getLast().publications()).contains("us-ofac-sdn");
        }
    }

    @Test
    void anAlertNamesThePublicationItsEntityWasFoundInAmongThoseScreened() throws Exception {
        try (SieveStore store = withUnList()) {
            new ListLoader(store).load(List.of(SharedData.list("ofac_sdn/2021-07_complete_set")),
                    LoadOptions.strict().withDatedPaths(SharedData.undatedPublishedPaths()), LoadListener.NONE);
            ScreeningService screening = new ScreeningService();
            screening.reload(store, List.of());
            Monitor monitor = new Monitor(store, screening, 2, false);
            List<Alert> raised = monitor.enrol(BANK, "c-noriega", person("Manuel Antonio Noriega")).raised();
            assertThat(raised).extracting(Alert::entityId).containsExactly("us-ofac:1572");
            var detail = new com.fasterxml.jackson.databind.ObjectMapper().readTree(raised.getFirst().detail());
            // found in OFAC's publication, screened against the UN's too
            assertThat(detail.get("publications").findValuesAsText("source")).containsExactly("us-ofac-sdn");
            assertThat(detail.get("screened_against").findValuesAsText("source")).containsExactlyInAnyOrder("un", "us-ofac-sdn");
        }
    }

    @Test
    void aClearedPairStaysClearedUntilEitherSideChanges() throws Exception {
        try (SieveStore store = withUnList()) {
            ScreeningService screening = new ScreeningService();
            screening.reload(store, List.of());
            Monitor monitor = new Monitor(store, screening);
            SubjectData kim = new SubjectData("Hwang Sok Hwa", List.of(), Schema.PERSON, PartialDate.parse("1943-09-26"), null,
                    List.of(), Map.of());
            Monitor.Enrolment first = monitor.enrol(BANK, "c-1", kim);
            assertThat(first.created()).isTrue();
            assertThat(first.raised()).isNotEmpty();
            Alert alert = first.raised().getFirst();
            Alert cleared = monitor.alerts().decide(new Actor("bank", "k2"), alert.id(), alert.version(), Decision.FALSE_POSITIVE,
                    "our customer is a namesake born in 1990");
            assertThat(cleared.state()).isEqualTo(AlertState.FALSE_POSITIVE);

            // the same subject again, attributes aside: the decision holds
            SubjectData renamedBranch = new SubjectData(kim.name(), kim.aliases(), kim.schema(), kim.birthDate(), null, List.of(),
                    Map.of("branch", "Geneva"));
            Monitor.Enrolment again = monitor.enrol(BANK, "c-1", renamedBranch);
            assertThat(again.created()).isFalse();
            assertThat(again.subject().version()).isEqualTo(2);
            assertThat(again.raised()).extracting(Alert::entityId).doesNotContain(alert.entityId());

            // a changed birth date is a new comparison: the pair alerts again, linked to the decision before
            SubjectData otherBirth = new SubjectData(kim.name(), List.of(), Schema.PERSON, PartialDate.parse("1943"), null,
                    List.of(), Map.of());
            Alert next = monitor.enrol(BANK, "c-1", otherBirth).raised().stream()
                    .filter(a -> a.entityId().equals(alert.entityId())).findFirst().orElseThrow();
            assertThat(next.previousAlert()).isEqualTo(alert.id());
            assertThat(next.round()).isEqualTo(2);
            assertThat(monitor.alerts().history(next).getFirst().note()).contains(alert.id()).contains("false_positive");
        }
    }

    @Test
    void databankEntriesAreFollowedAsTheListsAreAndOnlyWhereTheirSharingReaches() throws Exception {
        try (SieveStore store = SieveStore.open(StoreConfig.h2(dir))) {
            store.agencies().create(Actor.cli(), "bank", "A bank");
            store.agencies().create(Actor.cli(), "police", "A police agency");
            store.agencies().create(Actor.cli(), "other", "Another bank");
            new ListLoader(store).load(List.of(SharedData.list("un_sc/consolidated.xml")), LoadOptions.strict(), LoadListener.NONE);
            ScreeningService screening = new ScreeningService();
            screening.reload(store, List.of());
            screening.reloadDatabank(store);
            Monitor monitor = new Monitor(store, screening);
            monitor.catchUp(); // the baseline
            SubjectData subject = person("Oskar Brennecke-Vaillant");
            assertThat(monitor.enrol(BANK, "c-oskar", subject).raised()).isEmpty();
            assertThat(monitor.enrol(new Actor("other", "k9"), "o-oskar", subject).raised()).isEmpty();

            // the police agency contributes a person of interest, shared with the bank only
            dev.sieve.model.Entity draft = dev.sieve.model.Entity.builder("db:new", "db", Schema.PERSON)
                    .primaryName("Oskar Brennecke-Vaillant").build();
            var entry = store.databank().create(new Actor("police", "p1"), draft,
                    dev.sieve.model.Sharing.with(List.of("bank")), "investigation 17");
            screening.reloadDatabank(store);
            Monitor.RunSummary run = monitor.catchUp().orElseThrow();
            assertThat(run.entitiesScreened()).isEqualTo(1);
            assertThat(run.to()).doesNotContainKey(Monitor.DATABANK_KEY + entry.id()); // the summary names lists only
            assertThat(monitor.alerts().alerts("bank", AlertFilter.all(10))).extracting(Alert::entityId).containsExactly(entry.id());
            assertThat(monitor.alerts().alerts("other", AlertFilter.all(10))).isEmpty();
            assertThat(monitor.catchUp()).isEmpty();

            // delisted: the bank's alert follows
            store.databank().delist(new Actor("police", "p1"), entry.id(), null, "closed");
            screening.reloadDatabank(store);
            Monitor.RunSummary delist = monitor.catchUp().orElseThrow();
            assertThat(delist.delisted()).isEqualTo(1);
            assertThat(monitor.alerts().alerts("bank", AlertFilter.all(10))).extracting(a -> a.state().label())
                    .containsExactly("delisted");
        }
    }

    /** Whether each chunk a run recorded covered every subject (a run from memory) rather than a key range. */
    static List<Boolean> everySubjectChunks(SieveStore store, long runId) throws Exception {
        try (var c = store.dataSource().getConnection();
             var ps = c.prepareStatement("SELECT every_subject FROM monitoring_chunk WHERE run_id = ? ORDER BY chunk_no")) {
            ps.setLong(1, runId);
            List<Boolean> out = new java.util.ArrayList<>();
            try (var rs = ps.executeQuery()) {
                while (rs.next()) out.add(rs.getBoolean(1));
            }
            return out;
        }
    }

    @Test
    void subjectsKeptInMemoryAreScreenedAsFromTheDatabaseAndAnotherProcesssChangesAreRead() throws Exception {
        try (SieveStore store = withUnList()) {
            ListLoader loader = new ListLoader(store);
            ScreeningService screening = new ScreeningService();
            screening.reload(store, List.of());
            screening.reloadDatabank(store);
            Monitor monitor = new Monitor(store, screening, 2, true);
            monitor.catchUp(); // the baseline
            monitor.enrol(BANK, "c-noriega", person("Manuel Antonio Noriega"));
            for (String n : List.of("Margarethe Vollenweider", "Theodor Kleinschmidt", "Annelise Brunnhuber", "Oskar Brennecke")) {
                monitor.enrol(BANK, "c-" + n.split(" ")[1].toLowerCase(), person(n));
            }
            monitor.warm();

            loader.load(List.of(SharedData.list("ofac_sdn/2021-07_complete_set")),
                    LoadOptions.strict().withDatedPaths(SharedData.undatedPublishedPaths()), LoadListener.NONE);
            screening.reload(store, List.of());
            // killed after one chunk: the alerts of that chunk are kept, the run is open and covers no subject yet
            Monitor.RunSummary stopped = monitor.catchUp(1).orElseThrow();
            assertThat(stopped.status()).isEqualTo("running");
            assertThat(everySubjectChunks(store, stopped.id())).isEmpty();
            Monitor.RunSummary resumed = monitor.catchUp().orElseThrow();
            assertThat(resumed.id()).isEqualTo(stopped.id());
            assertThat(resumed.subjects()).isEqualTo(5);
            assertThat(everySubjectChunks(store, resumed.id())).containsExactly(true);
            List<Alert> noriega = monitor.alerts().alerts("bank", new AlertFilter(null, "c-noriega", null, null, null, null, null, 10));
            assertThat(noriega).extracting(Alert::entityId).containsExactly("us-ofac:1572"); // once, though screened twice
            // the run's alert says what the listing obliges, as a screening's answer does
            assertThat(noriega.getFirst().detail()).contains("\"regimes\":[\"us-ofac-").contains("\"action\":\"");
            assertThat(noriega.getFirst().runId()).isEqualTo(resumed.id());
            assertThat(monitor.subjects().screenings("bank", "c-vollenweider")).extracting(SubjectStore.Screening::runId)
                    .contains(resumed.id());

            // stopped in this process, enrolled by another (the command line): the next run reads the database
            monitor.subjects().delete(BANK, "c-noriega");
            new Monitor(store, screening).enrol(BANK, "c-hijazi", person("Khalil Ahmad Hijazi"));
            loader.load(List.of(SharedData.list("ofac_sdn/2024-05-03")),
                    LoadOptions.strict().withDatedPaths(SharedData.undatedPublishedPaths()), LoadListener.NONE);
            screening.reload(store, List.of());
            Monitor.RunSummary update = monitor.catchUp().orElseThrow();
            assertThat(everySubjectChunks(store, update.id())).containsOnly(false).hasSize(3); // five subjects, two a chunk
            assertThat(monitor.alerts().alerts("bank", new AlertFilter(null, "c-hijazi", null, null, null, null, null, 10)))
                    .extracting(Alert::entityId).containsExactly("us-ofac:28444");

            // read as it ran: the run after it screens from memory again, the deleted subject not at all
            dev.sieve.model.Entity draft = dev.sieve.model.Entity.builder("db:new", "db", Schema.PERSON)
                    .primaryName("Oskar Brennecke").build();
            store.agencies().create(Actor.cli(), "police", "A police agency");
            var entry = store.databank().create(new Actor("police", "p1"), draft, dev.sieve.model.Sharing.with(List.of("bank")),
                    "investigation 17");
            screening.reloadDatabank(store);
            Monitor.RunSummary next = monitor.catchUp().orElseThrow();
            assertThat(everySubjectChunks(store, next.id())).containsExactly(true);
            assertThat(next.subjects()).isEqualTo(5);
            assertThat(monitor.alerts().alerts("bank", new AlertFilter(null, "c-brennecke", null, null, null, null, null, 10)))
                    .extracting(Alert::entityId).containsExactly(entry.id());
            assertThat(monitor.subjects().screenings("bank", "c-noriega")).extracting(SubjectStore.Screening::runId)
                    .doesNotContain(next.id());
        }
    }
}
