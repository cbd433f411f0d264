package dev.sieve.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sieve.testing.SharedData;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code sieve screen --input F --monitor}, {@code sieve subjects} and {@code sieve alerts} on a real embedded
 * databank: a customer file enrolled (and again, unchanged), its alerts listed and shown, a subject added, shown
 * and removed, and files or options that cannot be used refused before anything is stored.
 */
class MonitoringCliTest {
    @TempDir
    Path dir;

    CliRun sieve(String... args) {
        return CliRun.sieve(dir.resolve("data"), args);
    }

    @Test
    void aCustomerFileIsEnrolledItsAlertsListedAndEnrollingItAgainChangesNothing() throws Exception {
        assertThat(sieve("lists", "load", SharedData.list("un_sc/consolidated.xml").toString()).code()).isZero();
        Path customers = dir.resolve("portfolio.csv");
        Files.writeString(customers, "Kunden-Nr;Name;Geburtsdatum;Land\r\nK-100;Kim Kwang Il;01.09.1969;KP\r\n"
                + "K-200;Jane Doe-Smithers;03.02.1990;GB\r\nK-300;;03.02.1990;GB\r\n", StandardCharsets.UTF_8);
        Path results = dir.resolve("enrolled.jsonl");
        CliRun enrolled = sieve("screen", "--input", customers.toString(), "--monitor", "--column", "id=Kunden-Nr",
                "--column", "birth_date=Geburtsdatum", "--column", "nationality=Land", "--output", results.toString());
        assertThat(enrolled.code()).as(enrolled.err()).isEqualTo(4);
        assertThat(enrolled.err()).contains("2 new, 0 changed, 0 unchanged").contains("1 row(s) could not be screened");
        List<String> lines = Files.readAllLines(results);
        assertThat(lines).hasSize(3);
        JsonNode first = new ObjectMapper().readTree(lines.getFirst());
        assertThat(first.get("customer_id").asText()).isEqualTo("K-100");
        String alertId = first.get("alerts_raised").get(0).asText();

        JsonNode subjects = sieve("subjects", "--json").json();
        assertThat(subjects).extracting(s -> s.get("id").asText()).containsExactly("K-100", "K-200");
        JsonNode open = sieve("alerts", "--state", "open", "--json").json();
        assertThat(open).extracting(a -> a.get("id").asText()).contains(alertId);
        assertThat(open.get(0).get("subject").asText()).isEqualTo("K-100");
        CliRun show = sieve("alerts", "show", alertId);
        assertThat(show.code()).isZero();
        assertThat(show.out()).contains("K-100").contains("un:KPi.009").contains("created");
        CliRun table = sieve("alerts");
        assertThat(table.out()).contains(alertId).contains("open");

        CliRun again = sieve("screen", "--input", customers.toString(), "--monitor", "--column", "id=Kunden-Nr",
                "--column", "birth_date=Geburtsdatum", "--column", "nationality=Land");
        assertThat(again.err()).contains("0 new, 0 changed, 2 unchanged").contains("0 alert(s) raised");
        assertThat(sieve("alerts", "--json").json()).hasSize(open.size());

        // a birth date corrected, and a row given twice: the last one stands, each change a version
        Files.writeString(customers, "Kunden-Nr;Name;Geburtsdatum;Land\r\nK-100;Kim Kwang Il;01.09.1969;KP\r\n"
                + "K-200;Jane Doe-Smithers;04.02.1990;GB\r\nK-400;Ann Lee;01.01.1980;GB\r\nK-400;Ann Lee;02.01.1980;GB\r\n",
                StandardCharsets.UTF_8);
        CliRun changed = sieve("screen", "--input", customers.toString(), "--monitor", "--column", "id=Kunden-Nr",
                "--column", "birth_date=Geburtsdatum", "--column", "nationality=Land");
        assertThat(changed.err()).contains("1 new, 2 changed, 1 unchanged");
        assertThat(sieve("subjects", "show", "K-200", "--json").json().get("version").asInt()).isEqualTo(2);
        JsonNode annLee = sieve("subjects", "show", "K-400", "--json").json();
        assertThat(annLee.get("version").asInt()).isEqualTo(2);
        assertThat(annLee.get("birth_date").asText()).isEqualTo("1980-01-02");
    }

    @Test
    void aSubjectIsAddedShownAndRemoved() throws Exception {
        assertThat(sieve("lists", "load", SharedData.list("un_sc/consolidated.xml").toString()).code()).isZero();
        CliRun added = sieve("subjects", "add", "watch-1", "--name", "Hwang Sok Hwa", "--dob", "1943-09-26", "--schema", "Person");
        assertThat(added.code()).as(added.err()).isEqualTo(4);
        assertThat(added.out()).contains("enrolled subject watch-1").contains("1 alert raised");
        JsonNode shown = sieve("subjects", "show", "watch-1", "--json").json();
        assertThat(shown.get("birth_date").asText()).isEqualTo("1943-09-26");
        assertThat(shown.get("screenings")).hasSize(1);
        assertThat(sieve("subjects", "remove", "watch-1").out()).contains("stopped monitoring watch-1");
        assertThat(sieve("subjects", "--json").json()).isEmpty();
        assertThat(sieve("subjects", "remove", "watch-1").code()).isEqualTo(1);
        assertThat(sieve("alerts", "--json").json()).extracting(a -> a.get("subject").asText()).containsExactly("watch-1");
    }

    @Test
    void whatCannotBeUsedIsRefusedBeforeAnythingIsStored() throws Exception {
        assertThat(sieve("lists", "load", SharedData.list("un_sc/consolidated.xml").toString()).code()).isZero();
        Path noIds = dir.resolve("no-ids.csv");
        Files.writeString(noIds, "customer_id,full_name\nc1,Ann Lee\n,Bob Stone\n");
        CliRun refused = sieve("screen", "--input", noIds.toString(), "--monitor");
        assertThat(refused.code()).isEqualTo(1);
        assertThat(refused.err()).contains("no-ids.csv, line 3").contains("nothing was enrolled");
        assertThat(sieve("subjects", "--json").json()).isEmpty();
        assertThat(sieve("screen", "--monitor").code()).isEqualTo(2);
        assertThat(sieve("screen", "--input", noIds.toString(), "--monitor", "--lists", "x").code()).isEqualTo(2);
        assertThat(sieve("alerts", "--agency", "nobody").code()).isEqualTo(1);
        assertThat(sieve("alerts", "--state", "closed").code()).isEqualTo(2);
        assertThat(sieve("subjects", "add", " padded", "--name", "Ann Lee").code()).isEqualTo(2);
    }
}
