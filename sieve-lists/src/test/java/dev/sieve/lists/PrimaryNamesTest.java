package dev.sieve.lists;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sieve.model.Entity;
import dev.sieve.model.Name;
import dev.sieve.model.NameKind;
import dev.sieve.testing.SharedData;
import java.nio.charset.Charset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Which name each reader files an entity under: the one the list itself calls primary. */
class PrimaryNamesTest {

    @Test
    void everyReaderGivesEveryEntityExactlyOnePrimaryNameFirst() throws Exception {
        for (String rel : List.of("un_sc/consolidated.xml", "ofac_sdn/2021-07_complete_set/sdn.csv",
                "ofac_consolidated_non_sdn/consolidated.xml", "uk_ofsi/sanctionsconlist.csv",
                "opensanctions_ftm/yente_t1/entities.ftm.json", "opensanctions_ftm/yente_zala/entities.ftm.json",
                "opensanctions_ftm/sa_wiki_peps_v2/entities.ftm.json")) {
            Read read = Read.shared(rel);
            assertThat(read.entities()).as(rel).isNotEmpty();
            for (Entity e : read.entities().values()) {
                assertThat(e.names().stream().filter(n -> n.kind() == NameKind.PRIMARY)).as(rel + " " + e.id()).hasSize(1);
                assertThat(e.names().getFirst().kind()).as(rel + " " + e.id()).isEqualTo(NameKind.PRIMARY);
            }
        }
    }

    @Test
    void ukPrimaryNameIsTheGroupsPrimeAliasRowNotItsFirstRow() throws Exception {
        Read uk = Read.shared("uk_ofsi/sanctionsconlist.csv");
        assertThat(uk.get("uk:7612").primaryName().value()).isEqualTo("Saddam Hussein AL-TIKRITI");
        assertThat(uk.get("uk:7612").aliases()).extracting(Name::value).contains("ABU ALI");
        assertThat(uk.get("uk:11688").primaryName().value()).isEqualTo("Doku Khamatovich UMAROV");
        assertThat(uk.get("uk:11688").aliases()).extracting(Name::value).contains("Lom-ali BUTAYEV (BUTAEV)");

        // Every group against its own "Prime Alias" row, read from the file here (Name 1..5, then Name 6).
        Map<String, String> primeRow = new HashMap<>();
        int groupsWherePrimeIsNotFirst = 0;
        Map<String, Boolean> firstRowSeen = new HashMap<>();
        try (CsvParser csv = new CsvParser(java.nio.file.Files.newBufferedReader(
                SharedData.list("uk_ofsi/sanctionsconlist.csv"), Charset.forName("windows-1252")), "uk")) {
            csv.next();
            List<String> header = csv.next().fields();
            int type = header.indexOf("Alias Type");
            int group = header.indexOf("Group ID");
            CsvParser.Row row;
            while ((row = csv.next()) != null) {
                if (row.fields().size() < header.size()) continue;
                String id = "uk:" + row.get(group).strip();
                boolean first = firstRowSeen.putIfAbsent(id, true) == null;
                if (!"Prime Alias".equals(row.get(type).strip())) continue;
                if (!first) groupsWherePrimeIsNotFirst++;
                StringBuilder name = new StringBuilder();
                for (String col : List.of("Name 1", "Name 2", "Name 3", "Name 4", "Name 5", "Name 6")) {
                    String v = row.get(header.indexOf(col)).strip();
                    if (!v.isEmpty()) name.append(name.isEmpty() ? "" : " ").append(v);
                }
                primeRow.put(id, name.toString());
            }
        }
        assertThat(groupsWherePrimeIsNotFirst).as("groups whose first row is not the Prime Alias").isGreaterThan(500);
        assertThat(primeRow).hasSize(uk.entities().size());
        // the Prime Alias row's name, less a trailing acronym or remark (PackedNames)
        primeRow.forEach((id, name) -> assertThat(uk.get(id).primaryName().value()).as(id)
                .isEqualTo(PackedNames.of(name, NameKind.PRIMARY, false).getFirst().value()));
    }
}
