package dev.sieve.yente;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sieve.model.BirthDate;
import dev.sieve.model.Entity;
import dev.sieve.model.Gender;
import dev.sieve.model.Identifier;
import dev.sieve.model.IdentifierType;
import dev.sieve.model.Name;
import dev.sieve.model.PartialDate;
import dev.sieve.model.Schema;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FtmQueryTest {
    @Test
    void theExamplesOfYentesDocumentationReadAsSieveScreensThem() {
        // from yente's /match documentation
        FtmQuery person = FtmQuery.read("Person", Map.of("name", List.of("John Doe"), "birthDate", List.of("1975-04-21"),
                "nationality", List.of("us")));
        assertThat(person.schema()).isEqualTo(Schema.PERSON);
        assertThat(person.names()).containsExactly("John Doe");
        assertThat(person.birthDate()).isEqualTo(PartialDate.parse("1975-04-21"));
        assertThat(person.country()).isEqualTo("US");
        FtmQuery company = FtmQuery.read("Company", Map.of("name", List.of("Brilliant Amazing Limited"), "jurisdiction", List.of("hk"),
                "registrationNumber", List.of("84BA99810")));
        assertThat(company.schema()).isEqualTo(Schema.ORGANIZATION);
        assertThat(company.country()).isEqualTo("HK");
        assertThat(company.identifiers()).containsExactly(new Identifier(IdentifierType.REGISTRATION, "registrationNumber", "84BA99810", null));
    }

    @Test
    void namesFromEveryNamePropertyAndNamePartsAndAnyEntityForLegalEntity() {
        FtmQuery q = FtmQuery.read("LegalEntity", Map.of("firstName", "Vladimir", "lastName", List.of("Putin"),
                "alias", List.of("V. Putin", ""), "address", List.of("Moscow"), "birthDate", "1952-10-07T00:00:00"));
        assertThat(q.schema()).isNull();
        assertThat(q.names()).containsExactly("V. Putin", "Vladimir Putin");
        assertThat(q.birthDate()).isEqualTo(PartialDate.parse("1952-10-07"));
        assertThat(q.unused()).containsExactly("address");
        assertThat(FtmQuery.read("Vessel", Map.of("imoNumber", "9990014")).identifiers())
                .containsExactly(new Identifier(IdentifierType.IMO, "imoNumber", "9990014", null));
    }

    @Test
    void badQueriesAreRefusedNamingTheProperty() {
        assertThatThrownBy(() -> FtmQuery.read("Person", Map.of("birthDate", "1975"))).hasMessageContaining("no name");
        assertThatThrownBy(() -> FtmQuery.read("Person", Map.of("name", "X", "birthDate", "21/04/1975")))
                .hasMessageContaining("properties.birthDate");
        assertThatThrownBy(() -> FtmQuery.read("Person", Map.of("name", "X", "nationality", "Atlantis"))).hasMessageContaining("properties.nationality");
        assertThatThrownBy(() -> FtmQuery.read("Person", Map.of("name", List.of(1, 2)))).hasMessageContaining("properties.name");
        assertThatThrownBy(() -> FtmQuery.read("Person", Map.of("name", Map.of("a", "b")))).hasMessageContaining("string or a list");
        assertThatThrownBy(() -> FtmQuery.read("Dragon", Map.of("name", "X"))).hasMessageContaining("Dragon");
        assertThatThrownBy(() -> FtmQuery.read(null, Map.of("name", "X"))).hasMessageContaining("'schema' is required");
        assertThatThrownBy(() -> FtmQuery.read("Person", Map.of())).hasMessageContaining("'properties' is empty");
    }

    @Test
    void anEntityIsRenderedWithFollowTheMoneyProperties() {
        Entity e = Entity.builder("un:KPi.033", "un", Schema.PERSON).name(Name.primary("KIM Jong Un")).name(Name.alias("Kim Jong-un", false))
                .name(Name.originalScript("김정은")).name(Name.alias("Kim Jong Eun", true)).gender(Gender.MALE)
                .birthDate(BirthDate.exact(PartialDate.parse("1984-01-08"))).nationality("KP")
                .identifier(new Identifier(IdentifierType.PASSPORT, "Passport", "836110034", "KP")).program("KPi").remark("Supreme Leader")
                .build();
        Map<String, Object> m = FtmEntity.of(e, new FtmEntity.Seen(java.time.Instant.parse("2017-06-02T00:00:00Z"), null, null));
        assertThat(m.get("caption")).isEqualTo("KIM Jong Un");
        assertThat(m.get("schema")).isEqualTo("Person");
        assertThat(m.get("datasets")).isEqualTo(List.of("un"));
        assertThat(m.get("first_seen")).isEqualTo("2017-06-02T00:00:00Z");
        @SuppressWarnings("unchecked")
        Map<String, List<String>> p = (Map<String, List<String>>) m.get("properties");
        assertThat(p.get("name")).containsExactly("KIM Jong Un");
        assertThat(p.get("alias")).containsExactly("Kim Jong-un", "김정은");
        assertThat(p.get("weakAlias")).containsExactly("Kim Jong Eun");
        assertThat(p.get("birthDate")).containsExactly("1984-01-08");
        assertThat(p.get("nationality")).containsExactly("kp");
        assertThat(p.get("passportNumber")).containsExactly("836110034");
        assertThat(p.get("gender")).containsExactly("male");
        assertThat(p.get("programId")).containsExactly("KPi");
        assertThat(p.get("topics")).containsExactly("sanction");
    }
}
