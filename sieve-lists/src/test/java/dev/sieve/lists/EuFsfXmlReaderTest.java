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
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** The EU FSF reader on a hand-written fixture in the published XML 1.1 layout. */
class EuFsfXmlReaderTest {
    @Test
    void readsPersonsAndEnterprises() throws Exception {
        Path fixture = Path.of(getClass().getResource("/eu/fsf-sample.xml").toURI());
        assertThat(FormatDetector.detect(fixture)).isEqualTo(ListFormat.EU_FSF_XML);
        Read eu = Read.path(fixture);
        assertThat(eu.result().problems()).isEmpty();
        assertThat(eu.result().publishedAt()).isEqualTo(Instant.parse("2026-03-02T09:15:00Z"));
        assertThat(eu.entities()).hasSize(2);

        Entity p = eu.get("eu:900001");
        assertThat(p.schema()).isEqualTo(Schema.PERSON);
        assertThat(p.source()).isEqualTo("eu-fsf");
        assertThat(p.names()).containsExactly(
                new Name("Ivan Petrovich TESTOV", NameKind.PRIMARY, false, false),
                new Name("Иван Петрович ТЕСТОВ", NameKind.ALIAS, false, true),
                new Name("Vanya Testov", NameKind.ALIAS, true, false));
        assertThat(p.gender()).isEqualTo(Gender.MALE);
        assertThat(p.nationalities()).containsExactly("RU");
        assertThat(p.birthDates()).containsExactly(BirthDate.exact(new PartialDate(1970, 5, 17)),
                new BirthDate(PartialDate.ofYear(1971), null, true));
        assertThat(p.identifiers()).containsExactly(
                new Identifier(IdentifierType.PASSPORT, "National passport", "7512345678", "RU"));
        assertThat(p.programs()).containsExactly("UKR");
        assertThat(p.listedOn()).isEqualTo(LocalDate.of(2022, 2, 24));
        assertThat(p.addresses().getFirst().city()).isEqualTo("Moscow");

        Entity org = eu.get("eu:900002");
        assertThat(org.schema()).isEqualTo(Schema.ORGANIZATION);
        assertThat(org.primaryName().value()).isEqualTo("Joint Stock Company \"Example Arms\"");
        assertThat(org.identifiers()).extracting(Identifier::type).containsExactly(IdentifierType.REGISTRATION);
    }
}
