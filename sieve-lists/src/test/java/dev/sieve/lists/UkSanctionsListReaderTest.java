package dev.sieve.lists;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sieve.model.BirthDate;
import dev.sieve.model.Entity;
import dev.sieve.model.Gender;
import dev.sieve.model.Identifier;
import dev.sieve.model.IdentifierType;
import dev.sieve.model.Name;
import dev.sieve.model.NameKind;
import dev.sieve.model.PartialDate;
import dev.sieve.model.Schema;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The UK Sanctions List reader on a hand-written fixture in the FCDO's XML layout. */
class UkSanctionsListReaderTest {
    @TempDir
    Path dir;

    private Read fixture() throws Exception {
        Path file = dev.sieve.testing.Fixtures.ukSanctionsList();
        assertThat(FormatDetector.detect(file)).isEqualTo(ListFormat.UK_SANCTIONS_XML);
        return Read.path(file);
    }

    @Test
    void individualsEntitiesAndShipsInTheOneEntityModel() throws Exception {
        Read uk = fixture();
        assertThat(uk.result().problems()).isEmpty();
        assertThat(uk.result().source()).isEqualTo("uk");
        assertThat(uk.result().publishedAt()).isEqualTo(Instant.parse("2026-11-27T09:14:52Z"));
        assertThat(uk.entities()).hasSize(4);

        // a UN-mirrored designation: its UN reference in the form the party rules read, Arabic name, two birth dates
        Entity un = uk.get("uk:AQD0081");
        assertThat(un.schema()).isEqualTo(Schema.PERSON);
        assertThat(un.names()).containsExactly(
                new Name("Ramzi Mohamed Abdullah BINALSHIBH", NameKind.PRIMARY, false, false),
                new Name("Ramzi OMAR", NameKind.ALIAS, false, false),
                new Name("Abu UBAYDAH", NameKind.ALIAS, true, false),
                new Name("رمزي محمد عبد الله بن الشيبة", NameKind.ALIAS, false, true));
        assertThat(un.birthDates()).containsExactly(BirthDate.exact(new PartialDate(1972, 5, 1)),
                BirthDate.exact(new PartialDate(1973, 9, 16)));
        assertThat(un.nationalities()).containsExactly("YE");
        assertThat(un.birthPlaces()).containsExactly("Gheil Bawazir, Hadramawt, Yemen");
        assertThat(un.identifiers()).containsExactly(new Identifier(IdentifierType.PASSPORT, "Passport", "00085243", null));
        assertThat(un.gender()).isEqualTo(Gender.MALE);
        assertThat(un.programs()).containsExactly("ISIL (Da'esh) and Al-Qaida");
        assertThat(un.listedOn()).isEqualTo(LocalDate.of(2002, 9, 30));
        assertThat(un.remarks()).contains("UN Ref QDi.081", "OFSI Group ID: 7053", "Designation source: UN",
                "Sanctions imposed: Asset freeze, Travel ban, Arms embargo");

        // unknown day and month ("dd/mm/1965", "dd/08/1966") are left out, never guessed
        Entity ru = uk.get("uk:RUS9901");
        assertThat(ru.birthDates()).containsExactly(BirthDate.exact(PartialDate.ofYear(1965)),
                BirthDate.exact(new PartialDate(1966, 8, null)), BirthDate.exact(new PartialDate(1966, 8, 14)));
        assertThat(ru.names()).extracting(Name::value).containsExactly("Pavel Sergeyevich EXAMPLOV", "Pavel Sergeevich EKZAMPLOV",
                "Павел Сергеевич ЭКЗАМПЛОВ");
        assertThat(ru.identifiers()).containsExactly(new Identifier(IdentifierType.PASSPORT, "Passport", "751234567", null),
                new Identifier(IdentifierType.NATIONAL_ID, "National identifier", "590412345678", null));
        assertThat(ru.remarks()).contains("Position: Chief Executive Officer, Joint Stock Company Example Metals",
                "National identifier 590412345678: Taxpayer identification number (INN)");
        assertThat(ru.remarks()).anyMatch(r -> r.startsWith("UK statement of reasons: Involved in obtaining a benefit"));
        assertThat(ru.addresses().getFirst().city()).isEqualTo("Moscow");
        assertThat(ru.addresses().getFirst().country()).isEqualTo("RU");

        Entity org = uk.get("uk:RUS9902");
        assertThat(org.schema()).isEqualTo(Schema.ORGANIZATION);
        assertThat(org.primaryName().value()).isEqualTo("JOINT STOCK COMPANY EXAMPLE METALS");
        assertThat(org.identifiers()).extracting(Identifier::type).containsExactly(IdentifierType.EMAIL, IdentifierType.REGISTRATION);
        assertThat(org.remarks()).contains("Parent company: Example Holding LLC", "Phone: +7 812 000 0000");

        Entity ship = uk.get("uk:RUS9903");
        assertThat(ship.schema()).isEqualTo(Schema.VESSEL);
        assertThat(ship.identifiers()).containsExactly(new Identifier(IdentifierType.IMO, "IMO number", "9990014", null));
        assertThat(ship.remarks()).contains("Flag: Gabon", "Previous flag: Liberia", "Type of ship: Crude oil tanker");
    }

    @Test
    void aBrokenDesignationIsNamedByItsIdAndLineAndTheRestRead() throws Exception {
        String xml = Files.readString(dev.sieve.testing.Fixtures.ukSanctionsList())
                .replace("<IndividualEntityShip>Ship</IndividualEntityShip>", "<IndividualEntityShip>Boat</IndividualEntityShip>")
                .replace("<DOB>16/09/1973</DOB>", "<DOB>16 Sept 1973</DOB>");
        Path file = dir.resolve("uk.xml");
        Files.writeString(file, xml, StandardCharsets.UTF_8);
        Read uk = Read.path(file);
        assertThat(uk.result().problems()).hasSize(2);
        assertThat(uk.result().problems().get(0).recordId()).isEqualTo("uk:AQD0081");
        assertThat(uk.result().problems().get(0).message()).contains("16 Sept 1973");
        assertThat(uk.result().problems().get(1).recordId()).isEqualTo("uk:RUS9903");
        assertThat(uk.result().problems().get(1).message()).contains("Boat");
        assertThat(uk.result().problems().get(1).place()).startsWith("line ");
        assertThat(uk.entities()).hasSize(2);
    }

    @Test
    void aBadFileDateIsRefusedNamingIt() throws Exception {
        Path file = dir.resolve("uk.xml");
        Files.writeString(file, "<Designations><DateGenerated>yesterday</DateGenerated></Designations>", StandardCharsets.UTF_8);
        assertThatThrownBy(() -> Read.path(file)).isInstanceOf(ListFormatException.class).hasMessageContaining("DateGenerated")
                .hasMessageContaining("yesterday");
    }
}
