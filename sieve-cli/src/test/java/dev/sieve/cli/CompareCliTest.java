package dev.sieve.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** `sieve compare` says what it compared and shows every penalty it applied. */
class CompareCliTest {
    @TempDir
    Path dir;

    @Test
    void everyPenaltyIsShownAndNoPlaceholder() throws Exception {
        CliRun swap = CliRun.sieve(dir.resolve("data"), "compare", "--neutral", "Mohammed bin Salman", "Salman bin Mohammed");
        assertThat(swap.code()).as(swap.err()).isZero();
        assertThat(swap.out()).contains("\"Mohammed bin Salman\" ~ \"Salman bin Mohammed\" as Person")
                .contains("lineage_swap").contains("x0.70").doesNotContain("compare:2").doesNotContain(", compare)");
        CliRun json = CliRun.sieve(dir.resolve("data"), "compare", "--neutral", "--json", "Mohammed bin Salman", "Salman bin Mohammed");
        assertThat(json.json().at("/explanation/evidence/0/kind").asText()).isEqualTo("lineage_swap");
        assertThat(json.json().at("/explanation/evidence/0/effect").asDouble()).isNegative();

        CliRun bank = CliRun.sieve(dir.resolve("data"), "compare", "--neutral", "--json", "Deutsche Bank AG", "Deutsche Bank");
        assertThat(bank.json().get("compared_as").asText()).isEqualTo("Organization");
        CliRun person = CliRun.sieve(dir.resolve("data"), "compare", "--neutral", "--json", "Kim Jong Un", "Kim Jong-un");
        assertThat(person.json().get("compared_as").asText()).isEqualTo("Person");
    }
}
