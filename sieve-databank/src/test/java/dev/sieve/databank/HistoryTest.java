package dev.sieve.databank;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sieve.model.Entity;
import dev.sieve.model.Publication;
import dev.sieve.model.StoredEntity;
import dev.sieve.store.EntityDiff;
import dev.sieve.store.SieveStore;
import dev.sieve.store.StoreConfig;
import dev.sieve.testing.SharedData;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Publications, identical reloads, diffs, delisting and as-of queries on the real OFAC and UN files. */
class HistoryTest {
    @TempDir
    Path dir;
    SieveStore store;
    ListLoader loader;

    @BeforeEach
    void open() {
        store = SieveStore.open(StoreConfig.h2(dir));
        loader = new ListLoader(store);
    }

    @AfterEach
    void close() {
        store.close();
    }

    private LoadReport.Loaded load(String relative, Instant published) throws Exception {
        return loader.load(List.of(SharedData.list(relative)), new LoadOptions(false, null, published),
                LoadListener.NONE).loaded().getFirst();
    }

    @Test
    void ofac2021Then2024AsTwoPublicationsOfOneSource() throws Exception {
        var first = load("ofac_sdn/2021-07_complete_set", Instant.parse("2021-07-07T00:00:00Z"));
        var second = load("ofac_sdn/2024-05-03", Instant.parse("2024-05-03T18:43:23Z"));
        assertThat(first.publication().source()).isEqualTo("us-ofac-sdn");
        assertThat(second.publication().source()).isEqualTo("us-ofac-sdn");
        assertThat(first.publication().recordCount()).isEqualTo(8976);
        assertThat(second.publication().recordCount()).isEqualTo(14_965);
        assertThat(first.publication().sha256()).hasSize(64).isNotEqualTo(second.publication().sha256());

        EntityDiff diff = store.diff(first.publication().id(), second.publication().id());
        // Counted independently from the two sdn.csv files.
        assertThat(diff.added()).hasSize(6870);
        assertThat(diff.removed()).hasSize(881);
        // 8,095 are in both. The 2024 set has no add.csv, so those with an address lost it; the 1,224 whose
        // add.csv rows are all "-0-" and whose sdn.csv row is the same are unchanged: 6,871 changed.
        assertThat(diff.changed()).hasSize(6871);
        EntityDiff.Change kim = diff.changed().stream().filter(c -> c.id().equals("us-ofac:20157")).findFirst()
                .orElseThrow();
        assertThat(kim.name()).isEqualTo("KIM, Jong Un");
        assertThat(kim.fields()).extracting(EntityDiff.FieldChange::field).containsExactly("addresses");

        // Delisted: in 2021, gone in 2024.
        String removedId = diff.removed().getFirst().id();
        StoredEntity gone = store.entity(removedId).orElseThrow();
        assertThat(gone.delisted()).isTrue();
        assertThat(gone.firstSeen().id()).isEqualTo(first.publication().id());
        assertThat(gone.lastSeen().id()).isEqualTo(first.publication().id());
        StoredEntity kimNow = store.entity("us-ofac:20157").orElseThrow();
        assertThat(kimNow.delisted()).isFalse();
        assertThat(kimNow.firstSeen().id()).isEqualTo(first.publication().id());
        assertThat(kimNow.lastSeen().id()).isEqualTo(second.publication().id());
        assertThat(kimNow.entity().addresses()).isEmpty();

        // As of a date: what the list was then.
        Publication in2022 = store.publicationAsOf("us-ofac-sdn", Instant.parse("2022-01-01T00:00:00Z")).orElseThrow();
        assertThat(in2022.id()).isEqualTo(first.publication().id());
        List<Entity> then = new ArrayList<>();
        store.entitiesOf(in2022.id(), then::add);
        assertThat(then).hasSize(8976);
        assertThat(then).anyMatch(e -> e.id().equals(removedId));
        assertThat(store.publicationAsOf("us-ofac-sdn", Instant.parse("2020-01-01T00:00:00Z"))).isEmpty();
    }

    @Test
    void identicalBytesChangeNothing() throws Exception {
        var first = load("un_sc/consolidated.xml", null);
        var again = load("un_sc/consolidated.xml", null);
        assertThat(first.unchanged()).isFalse();
        assertThat(again.unchanged()).isTrue();
        assertThat(again.publication().id()).isEqualTo(first.publication().id());
        assertThat(store.publications(null)).hasSize(1);
        // The UN file carries its own date, which is the publication date.
        assertThat(first.publication().publishedAt()).isEqualTo(Instant.parse("2026-02-27T00:00:09.554Z"));
        assertThat(store.publicationAsOf("un", Instant.parse("2026-02-26T00:00:00Z"))).isEmpty();
        assertThat(store.publicationAsOf("un", Instant.parse("2026-02-28T00:00:00Z"))).isPresent();
    }

    @Test
    void storedEntityRoundTripsFieldByField() throws Exception {
        load("un_sc/consolidated.xml", null);
        StoredEntity ri = store.entity("un:KPi.033").orElseThrow();
        assertThat(ri.entity().primaryName().value()).isEqualTo("RI WON HO");
        assertThat(ri.entity().birthDates()).hasToString("[1964-07-17]");
        assertThat(ri.entity().programs()).containsExactly("UN DPRK 1718");
        assertThat(ri.delisted()).isFalse();
        assertThat(ri.publication().source()).isEqualTo("un");
    }

    @Test
    void anOlderPublicationLoadedLaterIsHistoryAndNeverBecomesCurrent() throws Exception {
        LoadReport.Loaded newer = load("ofac_sdn/2024-05-03", Instant.parse("2024-05-03T18:43:23Z"));
        LoadReport.Loaded older = load("ofac_sdn/2021-07_complete_set", Instant.parse("2021-07-07T00:00:00Z"));
        assertThat(newer.history()).isFalse();
        assertThat(older.history()).isTrue();
        assertThat(older.current().id()).isEqualTo(newer.publication().id());
        assertThat(store.latestPublication("us-ofac-sdn").orElseThrow().id()).isEqualTo(newer.publication().id());
        // Lavrov (listed in 2022, so only in the 2024 file) stays listed, whichever order the files came in
        assertThat(store.entity("us-ofac:35233").orElseThrow().delisted()).isFalse();
        // as-of follows the publications' own dates
        assertThat(store.publicationAsOf("us-ofac-sdn", Instant.parse("2025-01-01T00:00:00Z")).orElseThrow().id())
                .isEqualTo(newer.publication().id());
        assertThat(store.publicationAsOf("us-ofac-sdn", Instant.parse("2022-01-01T00:00:00Z")).orElseThrow().id())
                .isEqualTo(older.publication().id());
        assertThat(store.publicationAsOf("us-ofac-sdn", Instant.parse("2021-01-01T00:00:00Z"))).isEmpty();
        // the publications are listed in their own order, so the default diff runs from 2021 to 2024
        assertThat(store.publications("us-ofac-sdn")).extracting(Publication::id)
                .containsExactly(older.publication().id(), newer.publication().id());
        assertThat(store.publications("us-ofac-sdn")).extracting(Publication::dateSource).containsOnly(Publication.DATE_GIVEN);
    }

    @Test
    void anUndatedFileIsRefusedUnlessItsDateIsGiven() throws Exception {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> loader.load(
                        List.of(SharedData.list("un_sc/consolidated.xml"), SharedData.list("ofac_sdn/2024-05-03")),
                        LoadOptions.strict(), LoadListener.NONE))
                .isInstanceOf(UndatedPublicationException.class)
                .hasMessageContaining("2024-05-03").hasMessageContaining("sdn.csv").hasMessageContaining("--published");
        assertThat(store.publications(null)).isEmpty(); // nothing half written: not even the dated UN list
        // the UN file's date comes from inside it, and says so
        LoadReport.Loaded un = loader.load(List.of(SharedData.list("un_sc/consolidated.xml")), LoadOptions.strict(),
                LoadListener.NONE).loaded().getFirst();
        assertThat(un.publication().dateSource()).isEqualTo(Publication.DATE_IN_FILE);
        assertThat(un.publication().publishedAt()).isEqualTo(Instant.parse("2026-02-27T00:00:09.554Z"));
        // a date for a folder dates the undated files under it; the most specific path wins
        LoadOptions dated = LoadOptions.strict().withDatedPaths(java.util.Map.of(
                SharedData.lists(), Instant.parse("2020-01-01T00:00:00Z"),
                SharedData.list("ofac_sdn/2024-05-03"), Instant.parse("2024-05-03T00:00:00Z")));
        Publication p = loader.load(List.of(SharedData.list("ofac_sdn/2024-05-03")), dated, LoadListener.NONE)
                .loaded().getFirst().publication();
        assertThat(p.publishedAt()).isEqualTo(Instant.parse("2024-05-03T00:00:00Z"));
    }

    @Test
    void aPartyOnTheSdnAndANonSdnListKeepsBothListingsUnderTheirOwnIds() throws Exception {
        load("ofac_sdn/2024-05-03", Instant.parse("2024-05-03T18:43:23Z"));
        loader.load(List.of(SharedData.list("ofac_consolidated_non_sdn/consolidated.xml")), LoadOptions.strict(),
                LoadListener.NONE);
        StoredEntity sdn = store.entity("us-ofac:17018").orElseThrow();
        assertThat(sdn.entity().source()).isEqualTo("us-ofac-sdn");
        assertThat(sdn.entity().programs()).contains("RUSSIA-EO14024");
        StoredEntity nonSdn = store.entity("us-ofac-cons:17018").orElseThrow();
        assertThat(nonSdn.entity().source()).isEqualTo("us-ofac-cons");
        assertThat(nonSdn.entity().primaryName().value()).isEqualTo(sdn.entity().primaryName().value());
    }

    @Test
    void everySharedListLoadsInOneCommand() throws Exception {
        LoadReport report = loader.load(List.of(SharedData.lists()), LoadOptions.strict().withDatedPaths(SharedData.undatedPublishedPaths()), LoadListener.NONE);
        assertThat(report.loaded()).extracting(l -> l.publication().source()).contains("un", "us-ofac-sdn",
                "us-ofac-cons", "uk-ofsi", "ftm:eu_fsf", "ftm:sa_wiki_peps_v2");
        // The enhanced-XML subset and the OFAC alias/address files without their sdn.csv are passed over, with why.
        assertThat(report.skipped()).anyMatch(s -> s.contains("IRGC_sanctions.xml") && s.contains("not a supported"));
        assertThat(report.skipped()).anyMatch(s -> s.contains("2026-06_alt_add_only") && s.contains("companion"));
        // UN 1,003 + OFAC 8,976 + 14,965 + non-SDN 442 + UK 2,106 + FtM targets 6 + 14 + 423.
        assertThat(report.newRecords()).isEqualTo(27_935);
    }

    @Test
    void anEntitysTimelineAcrossPublicationsAgreesWithTheDiffs() throws Exception {
        var first = load("ofac_sdn/2021-07_complete_set", Instant.parse("2021-07-07T00:00:00Z"));
        var second = load("ofac_sdn/2024-05-03", Instant.parse("2024-05-03T18:43:23Z"));
        EntityDiff diff = store.diff(first.publication().id(), second.publication().id());

        List<SieveStore.TimelineEvent> kim = store.timeline("us-ofac:20157");
        assertThat(kim).extracting(SieveStore.TimelineEvent::kind).containsExactly("listed", "amended");
        assertThat(kim.get(0).publication().id()).isEqualTo(first.publication().id());
        assertThat(kim.get(1).publication().id()).isEqualTo(second.publication().id());
        assertThat(kim.get(1).changes()).extracting(EntityDiff.FieldChange::field).containsExactly("addresses");
        assertThat(kim.get(1).changes().getFirst().after()).isEqualTo(List.of());

        String removed = diff.removed().getFirst().id();
        assertThat(store.timeline(removed)).extracting(SieveStore.TimelineEvent::kind).containsExactly("listed", "delisted");
        String added = diff.added().getFirst().id();
        assertThat(store.timeline(added)).extracting(SieveStore.TimelineEvent::kind).containsExactly("listed");
        assertThat(store.timeline(added).getFirst().publication().id()).isEqualTo(second.publication().id());
        // unchanged in both: listed once, no event for the publication that repeated it
        var inBoth = new java.util.HashSet<String>();
        store.entitiesOf(first.publication().id(), e -> inBoth.add(e.id()));
        diff.removed().forEach(e -> inBoth.remove(e.id()));
        diff.changed().forEach(c -> inBoth.remove(c.id()));
        String unchanged = inBoth.iterator().next();
        assertThat(store.timeline(unchanged)).extracting(SieveStore.TimelineEvent::kind).containsExactly("listed");
        assertThat(store.timeline("us-ofac:no-such")).isEmpty();
    }

    @Test
    void anEntityDroppedAndListedAgainIsRelisted() {
        Entity v1 = Entity.builder("t:1", "test", dev.sieve.model.Schema.PERSON).primaryName("Ivan Petrov").build();
        Entity v2 = Entity.builder("t:1", "test", dev.sieve.model.Schema.PERSON).primaryName("Ivan Petrov").remark("re-listed").build();
        Entity other = Entity.builder("t:2", "test", dev.sieve.model.Schema.PERSON).primaryName("Anna Sidorova").build();
        publish("2020-01-01", "a", List.of(v1, other));
        publish("2021-01-01", "b", List.of(other));
        publish("2022-01-01", "c", List.of(v2, other));
        publish("2023-01-01", "d", List.of(v2, other));
        var events = store.timeline("t:1");
        assertThat(events).extracting(SieveStore.TimelineEvent::kind).containsExactly("listed", "delisted", "relisted");
        assertThat(events).extracting(e -> e.publication().publishedAt().toString())
                .containsExactly("2020-01-01T00:00:00Z", "2021-01-01T00:00:00Z", "2022-01-01T00:00:00Z");
        assertThat(store.timeline("t:2")).extracting(SieveStore.TimelineEvent::kind).containsExactly("listed");
    }

    private void publish(String day, String sha, List<Entity> entities) {
        try (var load = store.beginLoad()) {
            load.start("test", "test", Instant.parse(day + "T00:00:00Z"), Publication.DATE_GIVEN, sha.repeat(64), null);
            entities.forEach(load::add);
            load.finish(0);
            load.commit();
        }
    }
}
