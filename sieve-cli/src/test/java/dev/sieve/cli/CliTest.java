package dev.sieve.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sieve.testing.SharedData;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The CLI end to end on a real embedded database, as a user or a script would call it. */
class CliTest {
    @TempDir
    Path dir;

    CliRun sieve(String... args) {
        return CliRun.sieve(dir.resolve("data"), args);
    }

    @Test
    void loadListDiffEntityAndAsOf() throws Exception {
        CliRun load = sieve("lists", "load", "--published", "2021-07-07",
                SharedData.list("ofac_sdn/2021-07_complete_set").toString(), "--json");
        assertThat(load.code()).as(load.err()).isZero();
        assertThat(load.json().at("/loaded/0/publication/record_count").asInt()).isEqualTo(8976);
        CliRun second = sieve("lists", "load", "--published", "2024-05-03", SharedData.list("ofac_sdn/2024-05-03/sdn.csv").toString());
        assertThat(second.code()).as(second.err()).isZero();
        assertThat(second.out()).contains("loaded").contains("14,965 records").contains("us-ofac-sdn");

        CliRun pubs = sieve("lists", "--json");
        assertThat(pubs.json()).hasSize(2);
        assertThat(pubs.json().get(0).get("sha256").asText()).hasSize(64);
        assertThat(pubs.json().get(0).get("published_at").asText()).isEqualTo("2021-07-07T00:00:00Z");

        CliRun diff = sieve("lists", "diff", "us-ofac-sdn", "--json");
        assertThat(diff.code()).isZero();
        assertThat(diff.json().get("added")).hasSize(6870);
        assertThat(diff.json().get("removed")).hasSize(881);
        assertThat(diff.json().get("changed")).hasSize(6871);
        CliRun diffText = sieve("lists", "diff", "us-ofac-sdn", "--limit", "2");
        assertThat(diffText.out()).contains("added 6,870, removed 881, changed 6,871");

        CliRun entity = sieve("entity", "us-ofac:20157", "--json");
        assertThat(entity.code()).isZero();
        assertThat(entity.json().at("/entity/names/0/value").asText()).isEqualTo("KIM, Jong Un");
        assertThat(entity.json().at("/entity/birth_dates/0/date").asText()).isEqualTo("1984-01-08");
        assertThat(entity.json().at("/delisted").asBoolean()).isFalse();

        CliRun asOf = sieve("entities", "--as-of", "2022-06-01", "--source", "us-ofac-sdn", "--json");
        assertThat(asOf.json().at("/sources/us-ofac-sdn/count").asInt()).isEqualTo(8976);
        CliRun now = sieve("entities", "--source", "us-ofac-sdn");
        assertThat(now.out()).contains("14965");
        CliRun before = sieve("entities", "--as-of", "2020-01-01");
        assertThat(before.out()).contains("(not yet published then)");
    }

    @Test
    void reloadingIdenticalBytesSaysUnchanged() {
        String un = SharedData.list("un_sc/consolidated.xml").toString();
        assertThat(sieve("lists", "load", un).code()).isZero();
        CliRun again = sieve("lists", "load", un);
        assertThat(again.out()).contains("unchanged").contains("loaded before");
    }

    @Test
    void errorsNameTheFileAndExitNonZero() throws Exception {
        Path bad = Files.writeString(dir.resolve("customers.csv"), "id,name\n1,John Smith\n");
        CliRun r = sieve("lists", "load", bad.toString());
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.err()).contains("customers.csv").contains("not a supported list format").contains("un-xml");

        Path broken = Files.writeString(dir.resolve("sdn.csv"),
                "36,\"AEROCARIBBEAN AIRLINES\",-0- ,\"CUBA\",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- \n37,\"SHORT\"\n");
        Path good = Files.writeString(Files.createDirectories(dir.resolve("good")).resolve("sdn.csv"),
                "36,\"AEROCARIBBEAN AIRLINES\",-0- ,\"CUBA\",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- \n");
        CliRun undated = sieve("lists", "load", good.toString());
        assertThat(undated.code()).isEqualTo(1);
        assertThat(undated.err()).contains("sdn.csv").contains("no publication date").contains("--published");
        CliRun strict = sieve("lists", "load", "--published", "2026-01-01", broken.toString());
        assertThat(strict.code()).isEqualTo(1);
        assertThat(strict.err()).contains("sdn.csv: line 2 [record us-ofac:37]").contains("nothing was loaded");
        assertThat(sieve("lists", "--json").out().strip()).isEqualTo("[ ]");

        CliRun lenient = sieve("lists", "load", "--lenient", "--published", "2026-01-01", broken.toString());
        assertThat(lenient.code()).isZero();
        assertThat(lenient.err()).contains("rejected sdn.csv: line 2");

        assertThat(sieve("entity", "un:nope").err()).contains("no entity 'un:nope'");
        assertThat(sieve("entities", "--as-of", "yesterday").err()).contains("--as-of").contains("not a date");
        assertThat(sieve("lists", "diff", "nosuch").err()).contains("no publications of source 'nosuch'");
    }

    /** Errors a person can act on: each names the file or option and what is wrong with it. */
    @Test
    void mistakesOfTheFirstHourAreNamed() throws Exception {
        java.io.StringWriter out = new java.io.StringWriter();
        java.io.StringWriter err = new java.io.StringWriter();
        Path typo = dir.resolve("sieve-dta");
        int code = SieveCommand.run(new String[] {"--data", typo.toString(), "lists"}, new java.io.PrintWriter(out),
                new java.io.PrintWriter(err));
        assertThat(code).isEqualTo(1);
        assertThat(err.toString()).contains("--data " + typo).contains("no such folder").contains("--create");
        assertThat(typo).doesNotExist();

        java.io.StringWriter usage = new java.io.StringWriter();
        assertThat(SieveCommand.run(new String[0], new java.io.PrintWriter(new java.io.StringWriter()), new java.io.PrintWriter(usage)))
                .isEqualTo(2);
        assertThat(usage.toString()).contains("Usage: sieve");

        Path companions = Files.createDirectories(dir.resolve("companions"));
        Files.copy(SharedData.list("ofac_sdn/2021-07_complete_set").resolve("alt.csv"), companions.resolve("alt.csv"));
        CliRun onlyCompanions = sieve("lists", "load", "--published", "2021-07-07", companions.toString());
        assertThat(onlyCompanions.code()).isEqualTo(1);
        assertThat(onlyCompanions.err()).contains("alt.csv").contains("companion").contains("nothing was loaded");

        CliRun folderAsMessage = sieve("screen-payment", "--lists", SharedData.list("un_sc/consolidated.xml").toString(),
                companions.toString());
        assertThat(folderAsMessage.err()).contains("companions").contains("is a folder");
    }

    @Test
    void aSourceIsRemovedOnlyWhenConfirmedAndTheRemovalIsAudited() throws Exception {
        String peps = SharedData.list("opensanctions_ftm/sa_wiki_peps_v2/entities.ftm.json").toString();
        String un = SharedData.list("un_sc/consolidated.xml").toString();
        assertThat(sieve("lists", "load", un, peps).code()).isZero();
        assertThat(sieve("screen", "Mohammed bin Salman").out()).contains("ftm:sa_wiki_peps_v2");

        CliRun unconfirmed = sieve("lists", "remove", "ftm:sa_wiki_peps_v2");
        assertThat(unconfirmed.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(unconfirmed.out()).contains("ftm:sa_wiki_peps_v2");
        assertThat(unconfirmed.err()).contains("add --yes");
        assertThat(sieve("lists").out()).contains("ftm:sa_wiki_peps_v2");

        CliRun unknown = sieve("lists", "remove", "ftm:nosuch", "--yes");
        assertThat(unknown.code()).isEqualTo(ExitCodes.ERROR);
        assertThat(unknown.err()).contains("no source 'ftm:nosuch'").contains("un");

        CliRun removed = sieve("lists", "remove", "ftm:sa_wiki_peps_v2", "--yes", "--json");
        assertThat(removed.code()).as(removed.err()).isZero();
        assertThat(removed.json().get("publications")).hasSize(1);
        assertThat(removed.json().get("entity_versions").asInt()).isEqualTo(423);
        assertThat(sieve("lists").out()).doesNotContain("ftm:sa_wiki_peps_v2").contains("un");
        assertThat(sieve("screen", "Mohammed bin Salman").out()).doesNotContain("ftm:sa_wiki_peps_v2");
        assertThat(sieve("entity", "un:KPi.033").code()).isZero();

        try (var store = dev.sieve.store.SieveStore.open(dev.sieve.store.StoreConfig.h2(dir.resolve("data")))) {
            var events = store.audit().events(null, 0, null, null, "list.remove", 10);
            assertThat(events).singleElement().satisfies(e -> {
                assertThat(e.target()).isEqualTo("ftm:sa_wiki_peps_v2");
                assertThat(e.agency()).isEqualTo("operator");
                assertThat(e.detail()).contains("\"sha256\"").contains("\"records\":423");
            });
            assertThat(store.audit().verify().intact()).isTrue();
        }
        // the same file can be loaded again: nothing of the removed source is left to say "unchanged"
        CliRun again = sieve("lists", "load", peps);
        assertThat(again.code()).as(again.err()).isZero();
        assertThat(again.out()).doesNotContain("unchanged");
    }
}
