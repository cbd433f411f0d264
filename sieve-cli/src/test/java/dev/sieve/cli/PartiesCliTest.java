package dev.sieve.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sieve.testing.SharedData;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** `sieve screen` groups a party's listings and filters by topic; `sieve parties` counts links per rule. */
class PartiesCliTest {
    @TempDir
    static Path dir;

    static CliRun sieve(String... args) {
        return CliRun.sieve(dir.resolve("data"), args);
    }

    private static final String UN = SharedData.list("un_sc/consolidated.xml").toString();
    private static final String UK = SharedData.list("uk_ofsi/sanctionsconlist.csv").toString();
    private static final String PEPS = SharedData.list("opensanctions_ftm/sa_wiki_peps_v2/entities.ftm.json").toString();

    @Test
    void alertsOfOnePartyAreGroupedAndCounted() {
        CliRun r = sieve("screen", "--lists", UN, "--lists", UK, "Jo Yong Chol", "--dob", "1973-09-30");
        assertThat(r.code()).as(r.err()).isEqualTo(ExitCodes.NOT_CLEAR);
        assertThat(r.out()).containsPattern("\\d+ alerts: \\d+ part(y|ies) \\(\\d+ listings\\)")
                .contains("party:un:KPi.034").contains("un:KPi.034").contains("uk:13419").contains("sanction");
    }

    @Test
    void topicsAreShownAndFiltered() {
        CliRun all = sieve("screen", "--lists", UN, "--lists", PEPS, "Mohammed bin Salman");
        assertThat(all.out()).contains("ftm:sa_wiki_peps_v2, PEP)");
        CliRun sanctions = sieve("screen", "--lists", UN, "--lists", PEPS, "--topic", "sanction", "Mohammed bin Salman");
        assertThat(sanctions.code()).as(sanctions.err()).isZero();
        assertThat(sanctions.out()).doesNotContain("ftm:sa_wiki_peps_v2");
        CliRun bad = sieve("screen", "--lists", UN, "--topic", "no such;topic", "Kim");
        assertThat(bad.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(bad.err()).contains("--topic").contains("not a topic");
    }

    @Test
    void partiesCountsLinksPerRuleAndShowsTheRefused() {
        CliRun r = sieve("parties", "--lists", UN, "--lists", UK, "--refused");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).containsPattern("[\\d,]+ listings are [\\d,]+ parties")
                .containsPattern("un-reference\\s+\\d+\\s+\\d+\\s+\\d+")
                .contains("refused uk:13349 ~ un:QDe.004").contains("one is Person, the other Organization");
    }
}
