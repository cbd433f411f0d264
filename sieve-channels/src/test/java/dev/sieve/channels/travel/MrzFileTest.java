package dev.sieve.channels.travel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sieve.testing.SharedData;
import java.nio.file.Files;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A file of several machine-readable zones, as a document reader logs them: each zone is a traveller. */
class MrzFileTest {
    @Test
    void theIcaoSpecimenFileIsSixTravellersEachFoundByItsLine() throws Exception {
        String text = Files.readString(SharedData.root().resolve("data/messages/icao_mrz/icao9303_specimens.txt"));
        Manifest m = ManifestReader.read("icao9303_specimens.txt", text);
        assertThat(m.legs()).isEmpty();
        assertThat(m.travellers()).hasSize(6);
        assertThat(m.travellers()).allSatisfy(t -> {
            assertThat(t.problem()).isNull();
            assertThat(t.fullName()).isEqualTo("ANNA MARIA ERIKSSON");
        });
        List<String> lines = text.lines().toList();
        for (Manifest.Traveller t : m.travellers()) {
            // the traveller's segment is the file line its zone starts on
            assertThat(lines.get(t.segment() - 1)).matches("[PIV]<UTO.*");
        }
        assertThat(m.travellers().stream().map(t -> t.documents().getFirst().number()))
                .containsExactly("L898902C3", "L898902C", "D23145890", "D23145890", "L8988901C", "L8988901C");
        assertThat(m.travellers().get(1).birthDate()).isEqualTo(LocalDate.of(1969, 8, 6));
    }

    @Test
    void aBrokenZoneAmongOthersIsReportedWithItsLineAndTheOthersRead() {
        String text = """
                P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<
                L898902C36UTO7408122F1204159ZE184226B<<<<<10
                P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<
                L898902C36UTO7408121F1204159ZE184226B<<<<<10
                I<UTOD231458907<<<<<<<<<<<<<<<
                7408122F1204159UTO<<<<<<<<<<<6
                ERIKSSON<<ANNA<MARIA<<<<<<<<<<
                """;
        Manifest m = ManifestReader.read("desk3.log", text);
        assertThat(m.travellers()).hasSize(3);
        assertThat(m.travellers().get(0).problem()).isNull();
        assertThat(m.travellers().get(1).problem()).contains("desk3.log: line 3").contains("date of birth");
        assertThat(m.travellers().get(2).problem()).isNull();
        assertThat(m.travellers().get(2).segment()).isEqualTo(5);
    }

    @Test
    void oneZoneOnItsOwnIsStillOneTravellerAndOtherTextIsRefused() {
        Manifest one = ManifestReader.read("one.txt", "I<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<\nD231458907UTO7408122F1204159<<<<<<<6\n");
        assertThat(one.travellers()).singleElement().satisfies(t -> assertThat(t.surname()).isEqualTo("ERIKSSON"));
        assertThatThrownBy(() -> ManifestReader.read("one.txt", "I<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<\nD231458907UTO7408122F1204159<<<<<<<7\n"))
                .hasMessageContaining("one.txt").hasMessageContaining("composite");
        assertThatThrownBy(() -> ManifestReader.read("notes.txt", "P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<\nsee passport\n"))
                .isInstanceOf(ManifestFormatException.class).hasMessageContaining("notes.txt").hasMessageContaining("machine-readable zones");
    }
}
