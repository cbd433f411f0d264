package dev.sieve.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
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
        List<String> args = new java.util.ArrayList<>(List.of("lists", "load", SharedData.list("un_sc/consolidated.xml").toString(),
                SharedData.list("ofac_sdn/2021-07_complete_set").toString()));
        args.addAll(SharedData.publishedArguments());
        CliRun r = sieve(args.toArray(String[]::new));
        assertThat(r.code()).as(r.err()).isZero();
    }

    @Test
    void screensOneNameWithExplanations() throws Exception {
        CliRun text = sieve("screen", "Kim Jong-un", "--dob", "1984-01-08", "--nationality", "kp", "--schema", "Person");
        assertThat(text.code()).as(text.err()).isEqualTo(ExitCodes.NOT_CLEAR);
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
        assertThat(r.code()).as(r.err()).isEqualTo(ExitCodes.NOT_CLEAR);
        assertThat(r.err()).contains("screened 3 rows").contains("2 row(s) with alerts");
        List<String> lines = Files.readAllLines(results, StandardCharsets.UTF_8);
        assertThat(lines).hasSize(3);
        ObjectMapper m = new ObjectMapper();
        assertThat(m.readTree(lines.get(0)).get("case_id").asText()).isEqualTo("a1");
        assertThat(m.readTree(lines.get(0)).at("/matches/0/id").asText()).isEqualTo("us-ofac:20157");
        assertThat(m.readTree(lines.get(0)).at("/matches/0/explanation/listed_name").asText()).isEqualTo("KIM, Jong Un");
        assertThat(m.readTree(lines.get(1)).at("/matches/0/id").asText()).isEqualTo("us-ofac:306");
        assertThat(m.readTree(lines.get(2)).get("matches")).isEmpty();
    }

    @Test
    void badRowsAreReportedWithTheirLineAndTheOthersScreened() throws Exception {
        Path cases = Files.writeString(dir.resolve("bad.csv"),
                "case_id,query_name,birth_date\nb1,John Smith,1990\nb2,Ann Lee,31/02/1990\nb3,,1970\n");
        Path results = dir.resolve("bad.jsonl");
        CliRun r = sieve("screen", "--input", cases.toString(), "--output", results.toString());
        assertThat(r.code()).isEqualTo(ExitCodes.NOT_CLEAR);
        assertThat(r.err()).contains("1 row(s) could not be screened").contains("1 row(s) screened with a warning");
        List<String> lines = Files.readAllLines(results, StandardCharsets.UTF_8);
        assertThat(lines).hasSize(3);
        ObjectMapper m = new ObjectMapper();
        // an unreadable date does not stop the name being screened
        assertThat(m.readTree(lines.get(1)).get("verdict").asText()).isEqualTo("clear");
        assertThat(m.readTree(lines.get(1)).get("name").asText()).isEqualTo("Ann Lee");
        assertThat(m.readTree(lines.get(1)).at("/warnings/0").asText()).contains("bad.csv: line 3").contains("31/02/1990");
        assertThat(m.readTree(lines.get(2)).get("verdict").asText()).isEqualTo("could_not_screen");
        assertThat(m.readTree(lines.get(2)).get("problem").asText()).contains("bad.csv: line 4").contains("name is empty");
        Path noName = Files.writeString(dir.resolve("noname.csv"), "case_id,label\n1,x\n");
        CliRun refused = sieve("screen", "--input", noName.toString(), "--output", dir.resolve("none.jsonl").toString());
        assertThat(refused.code()).isEqualTo(1);
        assertThat(refused.err()).contains("noname.csv: line 1: no name column");
        assertThat(dir.resolve("none.jsonl")).doesNotExist();
    }

    @Test
    void aBankExportIsReadAsWrittenAndResultsCanBeASpreadsheet() throws Exception {
        byte[] export = "\uFEFFKunden-Nr;Name;Geburtsdatum\r\nK1;KIM, Jong Un;08/01/1984\r\nK2;Jürgen Müller;07/10/1952\r\n"
                .getBytes(java.nio.charset.Charset.forName("windows-1252"));
        Path in = Files.write(dir.resolve("kunden.csv"), java.util.Arrays.copyOfRange(export, 1, export.length));
        Path out = dir.resolve("kunden-results.csv");
        CliRun r = sieve("screen", "--input", in.toString(), "--output", out.toString(), "--column", "id=Kunden-Nr",
                "--date-format", "dd/MM/yyyy");
        assertThat(r.code()).as(r.err()).isEqualTo(ExitCodes.NOT_CLEAR);
        assertThat(r.err()).contains("windows-1252").contains("semicolons").contains("1 row(s) with alerts");
        List<String> rows = Files.readAllLines(out, StandardCharsets.UTF_8);
        assertThat(rows.getFirst()).startsWith("case_id,row,name,verdict");
        assertThat(rows.get(1)).startsWith("K1,1,\"KIM, Jong Un\",hit,").contains("us-ofac:20157");
        assertThat(rows.get(2)).startsWith("K2,2,Jürgen Müller,clear,0");

        CliRun missing = sieve("screen", "--input", dir.resolve("nosuch.csv").toString(), "--output", out.toString());
        assertThat(missing.code()).isEqualTo(1);
        assertThat(missing.err()).contains("nosuch.csv: no such file");
        CliRun outIsFolder = sieve("screen", "--input", in.toString(), "--output", dir.toString());
        assertThat(outIsFolder.err()).contains("--output").contains("is a folder");
        assertThat(dir.resolve(dir.getFileName() + ".partial")).doesNotExist();
        CliRun wrongEncoding = sieve("screen", "--input", in.toString(), "--output", out.toString(), "--encoding", "UTF-8");
        // the option is fine, the file does not match it: an error in the data, not in the command line
        assertThat(wrongEncoding.code()).isEqualTo(1);
        assertThat(wrongEncoding.err()).contains("kunden.csv: line 3").contains("--encoding");
    }

    @Test
    void customerFilesInJsonLinesAndWithMappedColumns() throws Exception {
        Path jsonl = Files.writeString(dir.resolve("customers.jsonl"), """
                {"customer_id": "c-1", "full_name": "Banco Nacional de Cuba", "type": "Organization"}
                {"customer_id": "c-2", "full_name": "Jane Doe-Smithers", "dob": "1990-02-03", "nationality": "GB"}
                {"customer_id": "c-3", "full_name": 
                """);
        Path out = dir.resolve("customers.out.jsonl");
        CliRun r = sieve("screen", "--input", jsonl.toString(), "--output", out.toString());
        List<String> lines = Files.readAllLines(out, StandardCharsets.UTF_8);
        ObjectMapper m = new ObjectMapper();
        assertThat(lines).hasSize(3);
        assertThat(m.readTree(lines.get(0)).at("/matches/0/id").asText()).isEqualTo("us-ofac:306");
        assertThat(m.readTree(lines.get(1)).get("matches")).isEmpty();
        assertThat(m.readTree(lines.get(2)).get("problem").asText()).contains("customers.jsonl: line 3").contains("JSON");
        assertThat(r.code()).isEqualTo(ExitCodes.NOT_CLEAR);

        Path csv = Files.writeString(dir.resolve("bank.csv"), "Kunde;Vollname\n1;x\n".replace(';', ',').replace("1,x", "K-9,\"KIM, Jong Un\""));
        CliRun mapped = sieve("screen", "--input", csv.toString(), "--output", out.toString(), "--column", "id=Kunde",
                "--column", "name=Vollname");
        assertThat(mapped.code()).as(mapped.err()).isEqualTo(ExitCodes.NOT_CLEAR);
        JsonNode row = m.readTree(Files.readAllLines(out, StandardCharsets.UTF_8).getFirst());
        assertThat(row.get("case_id").asText()).isEqualTo("K-9");
        assertThat(row.at("/matches/0/id").asText()).isEqualTo("us-ofac:20157");
    }

    @Test
    void oneContractForScriptsExitCodesCountriesAndEmptyNames() throws Exception {
        assertThat(sieve("screen", "KIM, Jong Un").code()).isEqualTo(ExitCodes.NOT_CLEAR);
        assertThat(sieve("screen", "Zxqvbn Plokijuh").code()).isEqualTo(ExitCodes.CLEAR);
        assertThat(sieve("screen", "Zxqvbn Plokijuh", "--json").code()).isEqualTo(ExitCodes.CLEAR);
        Path clean = Files.writeString(dir.resolve("clean.csv"), "id,name\n1,Zxqvbn Plokijuh\n");
        assertThat(sieve("screen", "--input", clean.toString(), "--output", dir.resolve("clean.jsonl").toString()).code())
                .isEqualTo(ExitCodes.CLEAR);

        // countries as the API reads them: codes of two or three letters, or names
        CliRun named = sieve("screen", "KIM, Jong Un", "--nationality", "North Korea", "--json");
        assertThat(named.json().at("/query/nationality").asText()).isEqualTo("KP");
        assertThat(sieve("screen", "Zxqvbn Plokijuh", "--nationality", "Germany").code()).isEqualTo(ExitCodes.CLEAR);
        assertThat(sieve("screen", "Zxqvbn Plokijuh", "--nationality", "DEU").code()).isEqualTo(ExitCodes.CLEAR);
        CliRun utopia = sieve("screen", "X", "--nationality", "Utopia");
        assertThat(utopia.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(utopia.err()).contains("--nationality: 'Utopia' is not a country").contains("North Korea");

        CliRun empty = sieve("screen", "  ");
        assertThat(empty.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(empty.err()).contains("NAME is empty");
        assertThat(sieve("screen").code()).isEqualTo(ExitCodes.USAGE);
        CliRun badDate = sieve("screen", "X", "--dob", "08/01/1984");
        assertThat(badDate.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(badDate.err()).contains("--dob");
        assertThat(sieve("screen", "X", "--schema", "Cat").err()).contains("--schema");
        assertThat(sieve("screen", "X", "--threshold", "2").code()).isEqualTo(ExitCodes.USAGE);
        assertThat(sieve("screen", "--input", clean.toString(), "--output", dir.resolve("c.jsonl").toString(), "--delimiter", "ab")
                .code()).isEqualTo(ExitCodes.USAGE);
        assertThat(sieve("screen", "--help").out()).contains("Exit codes:").contains("4").contains("an alert");
    }

    @Test
    void onATerminalHitsAreColouredAndLinesFitItsWidth() {
        Terminal tty = new Terminal(80, true);
        CliRun hit = CliRun.sieveOn(tty, dir.resolve("data"), "screen", "Kim Jong-un");
        assertThat(hit.out()).contains("\u001B[1;31m");
        CliRun clear = CliRun.sieveOn(tty, dir.resolve("data"), "screen", "Zxqvbn Plokijuh");
        assertThat(clear.out()).contains("\u001B[32mno alerts");
        assertThat(CliRun.sieveOn(tty, dir.resolve("data"), "--color", "never", "screen", "Kim Jong-un").out()).doesNotContain("\u001B[");
        assertThat(sieve("screen", "Kim Jong-un").out()).doesNotContain("\u001B[");
        for (String[] args : List.of(new String[] {"lists"}, new String[] {"entities", "--source", "un", "--list"},
                new String[] {"entity", "un:KPi.033"}, new String[] {"screen", "Kim Jong-un"}, new String[] {"parties", "--links"},
                new String[] {"entity", "us-ofac:10391"})) {
            CliRun r = CliRun.sieveOn(new Terminal(80, false), dir.resolve("data"), args);
            assertThat(r.out().lines()).as(String.join(" ", args)).isNotEmpty()
                    .allSatisfy(l -> assertThat(Terminal.columns(l)).as(l).isLessThanOrEqualTo(80));
        }
        // into a pipe nothing is cut: scripts and grep see whole lines
        assertThat(sieve("lists").out()).contains("SHA-256").contains("LOADED (UTC)");
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
