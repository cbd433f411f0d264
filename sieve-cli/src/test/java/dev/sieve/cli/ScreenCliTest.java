package dev.sieve.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sieve.testing.SharedData;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** `sieve screen` and `sieve compare` end to end on a databank holding the UN and OFAC 2021-07 lists. */
class ScreenCliTest {
    @TempDir
    static Path dir;

    static CliRun sieve(String... args) {
        return CliRun.sieve(dir.resolve("data"), args);
    }

    @BeforeAll
    static void load() {
        CliRun r = sieve("lists", "load", SharedData.list("un_sc/consolidated.xml").toString(),
                SharedData.list("ofac_sdn/2021-07_complete_set").toString());
        assertThat(r.code()).as(r.err()).isZero();
    }

    @Test
    void screensOneNameWithExplanations() throws Exception {
        CliRun text = sieve("screen", "Kim Jong-un", "--dob", "1984-01-08", "--nationality", "kp", "--schema", "Person");
        assertThat(text.code()).as(text.err()).isZero();
        assertThat(text.out()).contains("us-ofac:20157").contains("KIM, Jong Un").contains("exact")
                .contains("birth_date: query 1984-01-08 agrees");
        CliRun json = sieve("screen", "김정은", "--json");
        assertThat(json.json().at("/matches/0/id").asText()).isEqualTo("us-ofac:20157");
        assertThat(json.json().at("/matches/0/explanation/parts")).isNotEmpty();
        assertThat(sieve("screen", "Zxqvbn Plokijuh").out()).contains("no alerts");
    }

    @Test
    void screensACaseFileToJsonLines() throws Exception {
        Path cases = Files.writeString(dir.resolve("cases.csv"), """
                case_id,query_name,schema,birth_date,nationality,comment
                a1,"KIM, Jong Un",Person,1984,,exact
                a2,Banco Nacional de Cuba,Organization,,,
                a3,Jane Doe-Smithers,Person,1990-02-03,gb,nobody
                """);
        Path results = dir.resolve("results.jsonl");
        CliRun r = sieve("screen", "--input", cases.toString(), "--output", results.toString());
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.err()).contains("screened 3 rows");
        List<String> lines = Files.readAllLines(results, StandardCharsets.UTF_8);
        assertThat(lines).hasSize(3);
        ObjectMapper m = new ObjectMapper();
        assertThat(m.readTree(lines.get(0)).get("case_id").asText()).isEqualTo("a1");
        assertThat(m.readTree(lines.get(0)).at("/matches/0/id").asText()).isEqualTo("us-ofac:20157");
        assertThat(m.readTree(lines.get(0)).at("/matches/0/explanation/listedName").asText()).isEqualTo("KIM, Jong Un");
        assertThat(m.readTree(lines.get(1)).at("/matches/0/id").asText()).isEqualTo("us-ofac:306");
        assertThat(m.readTree(lines.get(2)).get("matches")).isEmpty();
    }

    @Test
    void badCaseFilesNameTheLineAndWriteNothing() throws Exception {
        Path cases = Files.writeString(dir.resolve("bad.csv"), "case_id,query_name,birth_date\nb1,John Smith,1990\nb2,Ann Lee,31/02/1990\n");
        Path results = dir.resolve("bad.jsonl");
        CliRun r = sieve("screen", "--input", cases.toString(), "--output", results.toString());
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.err()).contains("bad.csv: line 3").contains("31/02/1990");
        assertThat(results).doesNotExist();
        Path noName = Files.writeString(dir.resolve("noname.csv"), "case_id,name\n1,x\n");
        assertThat(sieve("screen", "--input", noName.toString(), "--output", results.toString()).err())
                .contains("column 'query_name' is missing");
        assertThat(sieve("screen", "X", "--nationality", "Utopia").err()).contains("not an ISO 3166-1 alpha-2");
    }

    @Test
    void comparesOnePair() throws Exception {
        CliRun r = sieve("compare", "Usama bin Ladin", "Osama bin Laden", "--schema", "Person", "--json");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.json().get("alert").asBoolean()).isTrue();
        assertThat(r.json().get("score").asDouble()).isBetween(0.8, 1.0);
        assertThat(r.json().at("/explanation/parts")).isNotEmpty();
        CliRun no = sieve("compare", "SEA PONY 2", "SEA PONY 1", "--schema", "Vessel");
        assertThat(no.out()).contains("no alert");
    }
}
