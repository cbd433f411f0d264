package dev.sieve.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ModelTest {
    @Test
    void partialDatesParseAndPrintAtTheirPrecision() {
        assertThat(PartialDate.parse("1984")).isEqualTo(PartialDate.ofYear(1984));
        assertThat(PartialDate.parse("1984-01").toString()).isEqualTo("1984-01");
        assertThat(PartialDate.parse("1984-01-08").precision()).isEqualTo(PartialDate.Precision.DAY);
        assertThatThrownBy(() -> PartialDate.parse("1984-02-30")).hasMessageContaining("1984-02-30");
        assertThatThrownBy(() -> PartialDate.parse("08 Jan 1984")).hasMessageContaining("expected YYYY");
        assertThat(PartialDate.parse("1960").compareTo(PartialDate.parse("1960-05"))).isNegative();
    }

    @Test
    void partialDatesPrintZeroPaddedIsoForms() {
        assertThat(new PartialDate(7, null, null)).hasToString("0007");
        assertThat(new PartialDate(987, 3, null)).hasToString("0987-03");
        assertThat(new PartialDate(1964, 3, 8)).hasToString("1964-03-08");
        assertThat(new PartialDate(9999, 12, 31)).hasToString("9999-12-31");
        for (String iso : new String[] {"0001", "1984-11", "2000-02-29"}) {
            assertThat(PartialDate.parse(iso)).hasToString(iso);
        }
    }

    @Test
    void birthDateRangesAndCirca() {
        BirthDate range = new BirthDate(PartialDate.ofYear(1960), PartialDate.ofYear(1962), true);
        assertThat(range.isRange()).isTrue();
        assertThat(range).hasToString("circa 1960..1962");
        assertThat(new BirthDate(PartialDate.ofYear(1960), PartialDate.ofYear(1960), false).isRange()).isFalse();
        assertThatThrownBy(() -> new BirthDate(PartialDate.ofYear(1962), PartialDate.ofYear(1960), false))
                .hasMessageContaining("ends before it starts");
    }

    @Test
    void countriesFromNamesAndCodes() {
        assertThat(Countries.toIso2("Democratic People's Republic of Korea")).contains("KP");
        assertThat(Countries.toIso2("Iran (Islamic Republic of)")).contains("IR");
        assertThat(Countries.toIso2("Russian Federation")).contains("RU");
        assertThat(Countries.toIso2("Türkiye")).contains("TR");
        assertThat(Countries.toIso2("Korea, North")).contains("KP");
        assertThat(Countries.toIso2("PRK")).contains("KP");
        assertThat(Countries.toIso2("gb")).contains("GB");
        assertThat(Countries.toIso2("Atlantis")).isEmpty();
        assertThat(Countries.isIso2("XX")).isFalse();
    }

    @Test
    void builderKeepsPrimaryFirstAndDropsDuplicates() {
        Entity e = Entity.builder("un:QDi.001", "un", Schema.PERSON)
                .alias("Sayf-Al Adl", false)
                .primaryName("MOHAMMED ZIDANE")
                .alias("Sayf-Al Adl", true)
                .nationality("EG").nationality("EG")
                .build();
        assertThat(e.primaryName().value()).isEqualTo("MOHAMMED ZIDANE");
        assertThat(e.names()).hasSize(2);
        assertThat(e.names().getFirst().kind()).isEqualTo(NameKind.PRIMARY);
        assertThat(e.nationalities()).containsExactly("EG");
        assertThatThrownBy(() -> Entity.builder("x:1", "x", Schema.PERSON).build()).hasMessageContaining("no name");
    }

    @Test
    void schemaLabelsAndSynonyms() {
        assertThat(Schema.parse("individual")).isEqualTo(Schema.PERSON);
        assertThat(Schema.parse("Aircraft")).isEqualTo(Schema.AIRPLANE);
        assertThatThrownBy(() -> Schema.parse("Planet")).hasMessageContaining("Person, Organization, Vessel or Airplane");
    }
}
