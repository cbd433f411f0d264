package dev.sieve.regimes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sieve.lists.ListFiles;
import dev.sieve.model.Entity;
import dev.sieve.testing.SharedData;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The shipped catalogue against the real lists: every programme maps, and measures follow their history. */
class RegimeCatalogueTest {
    static final RegimeCatalogue CATALOGUE = RegimeCatalogue.standard();
    static final LocalDate TODAY = LocalDate.of(2026, 12, 6);

    @Test
    void everyUnListedEntityMapsToItsRegimeInTheNumbersTheFileGives() throws Exception {
        // counted from the file itself, by its own list types: the reader and the catalogue are not consulted
        String xml = Files.readString(SharedData.list("un_sc/consolidated.xml"));
        Map<String, String> regimeOfListType = Map.ofEntries(Map.entry("Al-Qaida", "un-1267"), Map.entry("Taliban", "un-1988"),
                Map.entry("DPRK", "un-1718"), Map.entry("Iran", "un-1737"), Map.entry("Iraq", "un-1518"),
                Map.entry("DRC", "un-1533"), Map.entry("Libya", "un-1970"), Map.entry("Somalia", "un-751"),
                Map.entry("CAR", "un-2127"), Map.entry("Haiti", "un-2653"), Map.entry("Yemen", "un-2140"),
                Map.entry("GB", "un-2048"), Map.entry("Sudan", "un-1591"), Map.entry("SouthSudan", "un-2206"));
        Map<String, Integer> expected = new TreeMap<>();
        Matcher m = Pattern.compile("<UN_LIST_TYPE>([^<]+)</UN_LIST_TYPE>").matcher(xml);
        while (m.find()) expected.merge(regimeOfListType.get(m.group(1).strip()), 1, Integer::sum);
        assertThat(expected).doesNotContainKey(null).hasSize(14);

        List<Entity> un = ListFiles.read(List.of(SharedData.list("un_sc/consolidated.xml")));
        Map<String, Integer> counted = new TreeMap<>();
        for (Entity e : un) {
            List<RegimeCatalogue.Listing> listings = CATALOGUE.listings(e);
            assertThat(listings).as(e.id()).hasSize(1);
            counted.merge(listings.getFirst().regime().id(), 1, Integer::sum);
        }
        assertThat(counted).isEqualTo(expected);
    }

    @Test
    void everyUkListingMapsToItsRegimeInTheNumbersTheFileGives() throws Exception {
        // counted from the file with a plain CSV parser: distinct group ids per "Regime" value
        Map<String, java.util.Set<String>> groups = new TreeMap<>();
        try (var in = Files.newBufferedReader(SharedData.list("uk_ofsi/sanctionsconlist.csv"), java.nio.charset.Charset.forName("windows-1252"));
             var csv = new dev.sieve.lists.CsvParser(in, "sanctionsconlist.csv")) {
            csv.next(); // "Last Updated"
            List<String> header = csv.next().fields();
            int regime = header.indexOf("Regime");
            int group = header.indexOf("Group ID");
            for (var row = csv.next(); row != null; row = csv.next()) {
                if (row.fields().size() <= group || row.get(group).isBlank()) continue;
                groups.computeIfAbsent(row.get(regime).strip(), k -> new java.util.HashSet<>()).add(row.get(group).strip());
            }
        }
        Map<String, Integer> expected = new TreeMap<>();
        groups.forEach((r, ids) -> expected.put(r, ids.size()));

        Map<String, Integer> counted = new TreeMap<>();
        for (Entity e : ListFiles.read(List.of(SharedData.list("uk_ofsi/sanctionsconlist.csv")))) {
            // a group may be listed under several regimes (one under Somalia and ISIL/Al-Qaida): one regime per programme
            List<RegimeCatalogue.Listing> listings = CATALOGUE.listings(e);
            assertThat(listings).as(e.id()).hasSize(e.programs().size())
                    .allSatisfy(l -> assertThat(l.regime().id()).startsWith("uk-"));
            for (String p : e.programs()) counted.merge(p.strip(), 1, Integer::sum);
        }
        assertThat(counted).isEqualTo(expected);
    }

    @Test
    void everyOfacSdnListingMapsToARegimePerProgrammeInTheNumbersTheFileGives() throws Exception {
        // counted from sdn.csv with a plain CSV parser: its fourth column, "[A] [B]" for several programmes
        Map<String, Integer> expected = new TreeMap<>();
        Path sdn = SharedData.list("ofac_sdn/2024-05-03").resolve("sdn.csv");
        try (var in = Files.newBufferedReader(sdn, java.nio.charset.Charset.forName("windows-1252"));
             var csv = new dev.sieve.lists.CsvParser(in, "sdn.csv")) {
            for (var row = csv.next(); row != null; row = csv.next()) {
                if (row.fields().size() < 4 || row.get(3).isBlank() || row.get(3).strip().equals("-0-")) continue;
                for (String p : row.get(3).split("\\] \\[")) expected.merge(p.replace("[", "").replace("]", "").strip(), 1, Integer::sum);
            }
        }
        Map<String, Integer> counted = new TreeMap<>();
        for (Entity e : ListFiles.read(List.of(SharedData.list("ofac_sdn/2024-05-03")))) {
            assertThat(CATALOGUE.listings(e)).as(e.id()).hasSize(e.programs().size())
                    .allSatisfy(l -> assertThat(l.regime().id()).startsWith("us-ofac-"));
            for (String p : e.programs()) counted.merge(p.strip(), 1, Integer::sum);
        }
        assertThat(counted).isEqualTo(expected);
    }

    @Test
    void everyProgrammeOfTheSharedOfficialListsNamesARegime() throws Exception {
        List<Entity> all = ListFiles.read(List.of(SharedData.list("un_sc/consolidated.xml"), SharedData.list("ofac_sdn/2024-05-03"),
                SharedData.list("ofac_sdn/2021-07_complete_set"), SharedData.list("ofac_consolidated_non_sdn/consolidated.xml"),
                SharedData.list("uk_ofsi/sanctionsconlist.csv")));
        assertThat(CATALOGUE.unmapped(all)).isEmpty();
        long withPrograms = all.stream().filter(e -> !e.programs().isEmpty()).count();
        assertThat(all.stream().filter(e -> !CATALOGUE.listings(e).isEmpty()).count()).isEqualTo(withPrograms).isPositive();
    }

    @Test
    void measuresFollowTheirHistory() {
        Regime iran = CATALOGUE.regime("un-1737").orElseThrow();
        Measure freeze = iran.measure(MeasureType.ASSET_FREEZE).orElseThrow();
        assertThat(freeze.bindsOn(LocalDate.of(2006, 12, 22))).isFalse(); // before the resolution
        assertThat(freeze.bindsOn(LocalDate.of(2010, 1, 1))).isTrue();
        assertThat(freeze.bindsOn(LocalDate.of(2016, 1, 16))).isFalse(); // terminated on Implementation Day
        assertThat(freeze.on(LocalDate.of(2020, 1, 1))).get().extracting(Change::status).isEqualTo(MeasureStatus.LIFTED);
        assertThat(freeze.on(LocalDate.of(2025, 9, 28))).get().extracting(Change::status).isEqualTo(MeasureStatus.REIMPOSED);
        assertThat(iran.bindingOn(TODAY)).contains(MeasureType.ASSET_FREEZE, MeasureType.TRAVEL_BAN, MeasureType.ARMS_EMBARGO);
        assertThat(CATALOGUE.regime("un-1521").orElseThrow().bindingOn(LocalDate.of(2016, 5, 25))).isEmpty(); // Liberia, lifted
        assertThat(CATALOGUE.regime("un-1521").orElseThrow().bindingOn(LocalDate.of(2016, 5, 24))).isNotEmpty();
    }

    @Test
    void theActionPerChannelFollowsTheMeasuresThatBind() throws Exception {
        List<Entity> un = ListFiles.read(List.of(SharedData.list("un_sc/consolidated.xml")));
        Entity dprk = un.stream().filter(e -> e.programs().contains("UN DPRK 1718")).findFirst().orElseThrow();
        RegimeCatalogue.Applied applied = CATALOGUE.applied(dprk, TODAY);
        assertThat(applied.regimes()).containsExactly("un-1718");
        assertThat(applied.action(Action.Channel.PAYMENT)).isEqualTo(Action.HOLD);
        assertThat(applied.action(Action.Channel.TRAVELLER)).isEqualTo(Action.DENY_BOARDING_REFER);
        Entity iraq = un.stream().filter(e -> e.programs().contains("UN Iraq 1518")).findFirst().orElseThrow();
        assertThat(CATALOGUE.applied(iraq, TODAY).measures()).containsExactly(MeasureType.ASSET_FREEZE);
        assertThat(CATALOGUE.applied(iraq, TODAY).action(Action.Channel.TRAVELLER)).isEqualTo(Action.NOTIFY);
        Entity bissau = un.stream().filter(e -> e.programs().contains("UN Guinea-Bissau 2048")).findFirst().orElseThrow();
        assertThat(CATALOGUE.applied(bissau, TODAY).action(Action.Channel.PAYMENT)).isEqualTo(Action.REVIEW);
        assertThat(CATALOGUE.applied(bissau, TODAY).action(Action.Channel.TRAVELLER)).isEqualTo(Action.DENY_BOARDING_REFER);
        // an Iran listing before 2016 froze; in 2020 nothing of the UN's bound it
        Entity iran = un.stream().filter(e -> e.programs().contains("UN Iran 2231")).findFirst().orElseThrow();
        assertThat(CATALOGUE.applied(iran, LocalDate.of(2020, 1, 1)).action(Action.Channel.PAYMENT)).isEqualTo(Action.REVIEW);
        assertThat(CATALOGUE.applied(iran, TODAY).action(Action.Channel.PAYMENT)).isEqualTo(Action.HOLD);

        // OFAC's non-SDN lists restrict without blocking
        List<Entity> cons = ListFiles.read(List.of(SharedData.list("ofac_consolidated_non_sdn/consolidated.xml")));
        Entity ssi = cons.stream().filter(e -> e.programs().equals(List.of("UKRAINE-EO13662"))).findFirst().orElseThrow();
        assertThat(CATALOGUE.applied(ssi, TODAY).measures()).containsExactly(MeasureType.SECTORAL);
        assertThat(CATALOGUE.applied(ssi, TODAY).action(Action.Channel.PAYMENT)).isEqualTo(Action.RESTRICTED);
    }

    static RegimeCatalogue parse(String yaml) throws Exception {
        return RegimeCatalogue.read(new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8)), "test.yaml");
    }

    @Test
    void aMistakeInTheCatalogueNamesTheRegimeAndTheField() {
        String head = "regimes:\n  - id: x-1\n    authority: A\n    title: T\n    acts: [{id: R1, date: 2020-01-01}]\n";
        assertThatThrownBy(() -> parse(head + "    measures: {asset_freeze: [{date: 2020-01-01, status: in_force, act: R2}]}\n"))
                .hasMessageContaining("test.yaml: regime 'x-1': measure asset_freeze: act 'R2' is not among the regime's acts");
        assertThatThrownBy(() -> parse(head + "    measures: {asset_freeze: [{date: 2020-01-01, status: paused, act: R1}]}\n"))
                .hasMessageContaining("regime 'x-1'").hasMessageContaining("unknown status 'paused'");
        assertThatThrownBy(() -> parse(head + "    measures: {visa_ban: [{date: 2020-01-01, status: in_force, act: R1}]}\n"))
                .hasMessageContaining("unknown measure 'visa_ban'");
        assertThatThrownBy(() -> parse(head + "    measures: {asset_freeze: [{date: 2020-01-01, status: in_force, act: R1},"
                + " {date: 2019-01-01, status: lifted, act: R1}]}\n")).hasMessageContaining("in date order");
        assertThatThrownBy(() -> parse(head + "    measures: {asset_freeze: [{date: 2020-13-01, status: in_force, act: R1}]}\n"))
                .hasMessageContaining("'date' is not a date (YYYY-MM-DD): 2020-13-01");
    }

    @Test
    void theUkSanctionsListNamesItsProgrammesAsTheOfsiListItReplacedDidAndItsOwnNamesToo() {
        RegimeCatalogue c = RegimeCatalogue.standard();
        java.util.function.Function<String, Entity> uk = program -> Entity.builder("uk:T1", "uk", dev.sieve.model.Schema.PERSON)
                .primaryName("Test Person").program(program).build();
        assertThat(c.listings(uk.apply("Russia"))).extracting(l -> l.regime().id()).containsExactly("uk-russia");
        assertThat(c.listings(uk.apply("ISIL (Da'esh) and Al-Qaida"))).extracting(l -> l.regime().id()).containsExactly("uk-isil-al-qaida");
        assertThat(c.listings(uk.apply("The ISIL (Da'esh) and Al-Qaida organisations"))).extracting(l -> l.regime().id())
                .containsExactly("uk-isil-al-qaida");
        assertThat(c.listings(uk.apply("Democratic People's Republic of Korea"))).extracting(l -> l.regime().id()).containsExactly("uk-dprk");
        assertThat(c.unmapped(uk.apply("Cyber"))).containsExactly("Cyber");
    }

    @Test
    void aSourceBorrowingTheProgrammesOfAnUnknownSourceIsNamed() {
        String yaml = "sources:\n  uk: {programs_of: nowhere}\nregimes:\n  - id: x\n    authority: A\n    title: T\n    acts: [{id: a, date: null}]\n"
                + "    measures:\n      asset_freeze: [{date: null, status: in_force, act: a}]\n    programs: {un: [X]}\n";
        assertThatThrownBy(() -> RegimeCatalogue.read(new java.io.ByteArrayInputStream(yaml.getBytes(java.nio.charset.StandardCharsets.UTF_8)), "test.yaml"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("sources.uk.programs_of").hasMessageContaining("nowhere");
    }
}
