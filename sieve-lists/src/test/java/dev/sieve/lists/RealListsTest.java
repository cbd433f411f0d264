package dev.sieve.lists;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sieve.model.BirthDate;
import dev.sieve.model.Entity;
import dev.sieve.model.Gender;
import dev.sieve.model.Identifier;
import dev.sieve.model.IdentifierType;
import dev.sieve.model.Name;
import dev.sieve.model.NameKind;
import dev.sieve.model.PartialDate;
import dev.sieve.model.Schema;
import dev.sieve.testing.SharedData;
import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** Real counts and real records, read from the official files in ../shared/data/lists. */
class RealListsTest {

    @Test
    void unConsolidatedList() throws Exception {
        Read un = Read.shared("un_sc/consolidated.xml");
        assertThat(un.result().problems()).isEmpty();
        assertThat(un.result().publishedAt()).isEqualTo(Instant.parse("2026-02-27T00:00:09.554Z"));
        assertThat(un.entities().values().stream().filter(e -> e.schema() == Schema.PERSON)).hasSize(730);
        assertThat(un.entities().values().stream().filter(e -> e.schema() == Schema.ORGANIZATION)).hasSize(273);

        Entity ri = un.get("un:KPi.033");
        assertThat(ri.primaryName().value()).isEqualTo("RI WON HO");
        assertThat(ri.programs()).containsExactly("UN DPRK 1718");
        assertThat(ri.listedOn()).isEqualTo(LocalDate.of(2016, 11, 30));
        assertThat(ri.nationalities()).containsExactly("KP");
        assertThat(ri.birthDates()).containsExactly(BirthDate.exact(new PartialDate(1964, 7, 17)));
        assertThat(ri.identifiers()).containsExactly(
                new Identifier(IdentifierType.PASSPORT, "Passport", "381310014", null));

        // an alias's own birth date and place are the person's too (the UK list gives them as his dates)
        Entity moustfa = un.get("un:QDi.129");
        assertThat(moustfa.birthDates().getFirst()).isEqualTo(BirthDate.exact(new PartialDate(1973, 9, 28)));
        assertThat(moustfa.birthDates()).contains(
                BirthDate.exact(new PartialDate(1979, 12, 31)), BirthDate.exact(new PartialDate(1982, 6, 10)),
                BirthDate.exact(new PartialDate(1973, 8, 22)));
        assertThat(moustfa.birthPlaces()).contains("Tiaret, Algeria", "Maskara, Algeria", "Algiers, Algeria");

        Entity badege = un.get("un:CDi.001");
        assertThat(badege.birthDates()).containsExactly(BirthDate.exact(PartialDate.ofYear(1971)));
        assertThat(badege.gender()).isEqualTo(Gender.MALE);
        assertThat(badege.nationalities()).containsExactly("CD");
    }

    @Test
    void unArabicOriginalScriptSurvivesIntact() throws Exception {
        Read un = Read.shared("un_sc/consolidated.xml");
        // What the file holds, byte for byte (one name carries U+FFFD in the UN's own file).
        String raw = java.nio.file.Files.readString(SharedData.list("un_sc/consolidated.xml"));
        java.util.Set<String> published = new java.util.HashSet<>();
        var m = java.util.regex.Pattern.compile("<NAME_ORIGINAL_SCRIPT>([^<]+)</NAME_ORIGINAL_SCRIPT>").matcher(raw);
        while (m.find()) {
            if (Text.hasNonLatinLetters(m.group(1))) published.add(m.group(1).strip());
        }
        assertThat(published).hasSizeGreaterThan(300);
        java.util.Set<String> read = new java.util.HashSet<>();
        un.entities().values().forEach(e -> e.names().stream().filter(Name::originalScript)
                .forEach(n -> read.add(n.value())));
        assertThat(read).containsAll(published);
        assertThat(published.stream().filter(v -> v.matches(".*\\p{IsArabic}.*"))).hasSizeGreaterThan(300);
    }

    @Test
    void ofacSdn2021CompleteSet() throws Exception {
        Read ofac = Read.shared("ofac_sdn/2021-07_complete_set/sdn.csv");
        assertThat(ofac.result().problems()).isEmpty();
        assertThat(ofac.entities()).hasSize(8976);
        Entity kim = ofac.get("us-ofac:20157");
        assertThat(kim.primaryName().value()).isEqualTo("KIM, Jong Un");
        assertThat(kim.schema()).isEqualTo(Schema.PERSON);
        assertThat(kim.programs()).containsExactly("DPRK3");
        assertThat(kim.birthDates()).containsExactly(BirthDate.exact(new PartialDate(1984, 1, 8)));

        Entity bnc = ofac.get("us-ofac:306");
        assertThat(bnc.primaryName().value()).isEqualTo("BANCO NACIONAL DE CUBA");
        assertThat(bnc.schema()).isEqualTo(Schema.ORGANIZATION);
        assertThat(bnc.programs()).containsExactly("CUBA");
        assertThat(bnc.names()).contains(new Name("NATIONAL BANK OF CUBA", NameKind.ALIAS, false, false),
                new Name("BNC", NameKind.ALIAS, true, false));
        assertThat(bnc.addresses()).hasSize(4);
        assertThat(bnc.addresses().getFirst().city()).isEqualTo("Zurich CH-8022");
        assertThat(bnc.addresses().getFirst().country()).isEqualTo("CH");

        Entity li = ofac.get("us-ofac:28264");
        assertThat(li.programs()).containsExactly("DPRK3", "CYBER2");
        assertThat(li.nationalities()).containsExactly("CN");
        assertThat(li.gender()).isEqualTo(Gender.MALE);
        // sdn_comments.csv continues the remarks: the weak aliases in the continuation are read too.
        assertThat(li.names()).extracting(Name::value).contains("blackjack1987", "khaleesi");
        assertThat(li.identifiers()).contains(
                new Identifier(IdentifierType.NATIONAL_ID, "Identification Number", "210302198701102136", "CN"));
    }

    @Test
    void ofacAltRowsAllJoinTheirRecords() throws Exception {
        Read ofac = Read.shared("ofac_sdn/2021-07_complete_set/sdn.csv");
        // No alias or address points at a missing record (those would be problems).
        assertThat(ofac.result().problems()).isEmpty();
        long strongAliases = ofac.entities().values().stream().flatMap(e -> e.names().stream())
                .filter(n -> n.kind() != NameKind.PRIMARY && !n.weak()).count();
        // 11,910 alt.csv rows; the few that repeat another name of the same record are merged.
        assertThat(strongAliases).isBetween(11_800L, 11_910L);
    }

    @Test
    void ofacSdn2024() throws Exception {
        Read ofac = Read.shared("ofac_sdn/2024-05-03/sdn.csv");
        assertThat(ofac.result().problems()).isEmpty();
        assertThat(ofac.entities()).hasSize(14_965);
        assertThat(ofac.entities().values().stream().filter(e -> e.schema() == Schema.VESSEL)).hasSize(851);
        assertThat(ofac.entities().values().stream().filter(e -> e.schema() == Schema.AIRPLANE)).hasSize(376);
        assertThat(ofac.entities().values().stream().filter(e -> e.programs().stream().anyMatch(p -> p.contains("RUSSIA-EO14024"))))
                .hasSize(4440);
        Entity vessel = ofac.entities().values().stream()
                .filter(e -> e.schema() == Schema.VESSEL && e.identifiers().stream()
                        .anyMatch(i -> i.type() == IdentifierType.IMO))
                .findFirst().orElseThrow();
        assertThat(vessel.identifiers().stream().filter(i -> i.type() == IdentifierType.IMO).findFirst()
                .orElseThrow().number()).matches("\\d{7}");
    }

    @Test
    void ofacNonSdnXml() throws Exception {
        Read cons = Read.shared("ofac_consolidated_non_sdn/consolidated.xml");
        assertThat(cons.result().problems()).isEmpty();
        assertThat(cons.result().source()).isEqualTo("us-ofac-cons");
        assertThat(cons.result().publishedAt()).isEqualTo(Instant.parse("2026-01-08T00:00:00Z"));
        assertThat(cons.entities()).hasSize(442);
        Entity haniya = cons.get("us-ofac-cons:9639");
        assertThat(haniya.primaryName().value()).isEqualTo("HANIYA, Ismail Abdul Salah");
        assertThat(haniya.programs()).containsExactly("NS-PLC");
        assertThat(haniya.names()).extracting(Name::value).contains("HANIYYA, Ismaeel");
        assertThat(haniya.birthDates()).containsExactly(BirthDate.exact(PartialDate.ofYear(1962)));
        assertThat(haniya.birthPlaces()).containsExactly("Shati");
    }

    @Test
    void ukConList2018() throws Exception {
        Read uk = Read.shared("uk_ofsi/sanctionsconlist.csv");
        assertThat(uk.result().problems()).isEmpty();
        assertThat(uk.result().publishedAt()).isEqualTo(Instant.parse("2018-04-13T00:00:00Z"));
        assertThat(uk.entities()).hasSize(2106);
        assertThat(uk.entities().values().stream().filter(e -> e.schema() == Schema.PERSON)).hasSize(1426);
        Entity q = uk.get("uk:13349");
        assertThat(q.names()).extracting(Name::value).contains("Sheikh Farooq AL-QAHTANI", "Faruq AL-QAHTANI");
        assertThat(q.birthDates()).extracting(BirthDate::date)
                .contains(PartialDate.ofYear(1980), PartialDate.ofYear(1981));
        assertThat(q.nationalities()).containsExactly("SA", "QA");
        assertThat(q.identifiers()).extracting(Identifier::number).contains("592667");
        assertThat(q.programs()).containsExactly("The ISIL (Da'esh) and Al-Qaida organisations");
        assertThat(q.listedOn()).isEqualTo(LocalDate.of(2016, 4, 1));
    }

    @Test
    void followTheMoney() throws Exception {
        Read t1 = Read.shared("opensanctions_ftm/yente_t1/entities.ftm.json");
        assertThat(t1.result().problems()).isEmpty();
        assertThat(t1.result().source()).isEqualTo("ftm:eu_fsf");
        assertThat(t1.entities()).hasSize(6);
        assertThat(t1.result().skipped()).isEqualTo(1);
        Entity kuzmenko = t1.get("eu_fsf:NK-2Ka3UvopqbpZmVDFjWd4LA");
        assertThat(kuzmenko.primaryName().value()).isEqualTo("Vitaly Yurievich KUZMENKO");
        assertThat(kuzmenko.names()).extracting(Name::value).contains("Виталий Юрьевич КУЗЬМЕНКО");
        assertThat(kuzmenko.birthDates()).containsExactly(BirthDate.exact(new PartialDate(1971, 1, 22)));
        assertThat(kuzmenko.nationalities()).containsExactly("RU");
        assertThat(kuzmenko.identifiers()).contains(new Identifier(IdentifierType.TAX_ID, "taxNumber", "366510784303", null));

        Read zala = Read.shared("opensanctions_ftm/yente_zala/entities.ftm.json");
        assertThat(zala.result().problems()).isEmpty();
        assertThat(zala.entities().values()).allSatisfy(e -> assertThat(e.schema()).isIn(Schema.PERSON, Schema.ORGANIZATION));
        // Sanction objects lend their programmes to the entity they name.
        assertThat(zala.entities().values().stream().flatMap(e -> e.programs().stream())).isNotEmpty();
    }
}
