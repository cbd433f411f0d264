package dev.sieve.channels.travel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sieve.testing.SharedData;
import java.nio.file.Files;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The ICAO Doc 9303 specimens, and the same zones with one character changed. */
class MrzTest {
    static Map<String, String> specimens() throws Exception {
        Map<String, String> out = new LinkedHashMap<>();
        String id = null;
        StringBuilder block = new StringBuilder();
        for (String line : Files.readAllLines(SharedData.root().resolve("data/messages/icao_mrz/icao9303_specimens.txt"))) {
            if (line.startsWith("## ")) {
                if (id != null) out.put(id, block.toString());
                id = line.substring(3).split(" ")[0];
                block.setLength(0);
            } else if (!line.startsWith("#") && !line.isBlank()) {
                block.append(line).append('\n');
            }
        }
        if (id != null) out.put(id, block.toString());
        return out;
    }

    @Test
    void everySpecimenReadsWithItsFields() throws Exception {
        Map<String, String> s = specimens();
        assertThat(s).hasSizeGreaterThanOrEqualTo(6);
        Mrz td3 = Mrz.parse(s.get("td3_icao9303_7th_ed"));
        assertThat(td3.format()).isEqualTo("TD3");
        assertThat(td3.documentCode()).isEqualTo("P");
        assertThat(td3.surname()).isEqualTo("ERIKSSON");
        assertThat(td3.givenNames()).isEqualTo("ANNA MARIA");
        assertThat(td3.fullName()).isEqualTo("ANNA MARIA ERIKSSON");
        assertThat(td3.documentNumber()).isEqualTo("L898902C3");
        assertThat(td3.nationality()).isEqualTo("UTO");
        assertThat(td3.birthDate()).isEqualTo(LocalDate.of(1974, 8, 12));
        assertThat(td3.sex()).isEqualTo("F");
        assertThat(td3.expiryDate()).isEqualTo(LocalDate.of(2012, 4, 15));
        assertThat(td3.optionalData()).isEqualTo("ZE184226B");
        assertThat(Mrz.parse(s.get("td3_icao9303_6th_ed")).documentNumber()).isEqualTo("L898902C");
        Mrz td2 = Mrz.parse(s.get("td2_icao9303"));
        assertThat(td2.format()).isEqualTo("TD2");
        assertThat(td2.documentNumber()).isEqualTo("D23145890");
        Mrz td1 = Mrz.parse(s.get("td1_icao9303"));
        assertThat(td1.format()).isEqualTo("TD1");
        assertThat(td1.documentNumber()).isEqualTo("D23145890");
        assertThat(td1.birthDate()).isEqualTo(LocalDate.of(1974, 8, 12));
        assertThat(td1.fullName()).isEqualTo("ANNA MARIA ERIKSSON");
        assertThat(Mrz.parse(s.get("mrva_icao9303")).format()).isEqualTo("MRV-A");
        assertThat(Mrz.parse(s.get("mrvb_icao9303")).format()).isEqualTo("MRV-B");
        for (var e : s.entrySet()) assertThat(Mrz.parse(e.getValue()).surname()).as(e.getKey()).isEqualTo("ERIKSSON");
    }

    @Test
    void aWrongCheckDigitOrCharacterIsRefusedNamingTheField() throws Exception {
        String td3 = specimens().get("td3_icao9303_7th_ed");
        assertThatThrownBy(() -> Mrz.parse(td3.replace("L898902C36", "L898902C46")))
                .isInstanceOf(MrzException.class).hasMessageContaining("document number");
        assertThatThrownBy(() -> Mrz.parse(td3.replace("7408122F", "7408132F")))
                .isInstanceOf(MrzException.class).hasMessageContaining("date of birth");
        assertThatThrownBy(() -> Mrz.parse(td3.replace("P<UTO", "P<UT0").replace("L898902C36UTO", "L898902C36UT0")))
                .isInstanceOf(MrzException.class).hasMessageContaining("issuing state");
        assertThatThrownBy(() -> Mrz.parse(td3.replace("ANNA", "ANNä")))
                .isInstanceOf(MrzException.class).hasMessageContaining("line 1");
        assertThatThrownBy(() -> Mrz.parse("P<UTOERIKSSON")).isInstanceOf(MrzException.class).hasMessageContaining("not a machine-readable zone");
        String td1 = specimens().get("td1_icao9303");
        assertThatThrownBy(() -> Mrz.parse(td1.replace("UTO<<<<<<<<<<<6", "UTO<<<<<<<<<<<7")))
                .isInstanceOf(MrzException.class).hasMessageContaining("composite");
    }

    @Test
    void aZoneIsAOneTravellerManifestAndABrokenOneIsRefused() throws Exception {
        Manifest m = ManifestReader.read("passport.txt", specimens().get("td3_icao9303_7th_ed"));
        assertThat(m.travellers()).hasSize(1);
        Manifest.Traveller t = m.travellers().getFirst();
        assertThat(t.fullName()).isEqualTo("ANNA MARIA ERIKSSON");
        assertThat(t.documents().getFirst().number()).isEqualTo("L898902C3");
        assertThat(t.birthDate()).isEqualTo(LocalDate.of(1974, 8, 12));
        String wrong = specimens().get("td1_icao9303").replace("7408122F", "7408121F");
        assertThatThrownBy(() -> ManifestReader.read("card.txt", wrong)).isInstanceOf(ManifestFormatException.class)
                .hasMessageContaining("card.txt").hasMessageContaining("date of birth");
        assertThatThrownBy(() -> ManifestReader.read("x.txt", "hello")).isInstanceOf(ManifestFormatException.class);
    }

    @Test
    void checkDigitsFollowTheIcaoWeights() {
        assertThat(Mrz.checkDigit("L898902C3")).isEqualTo(6);
        assertThat(Mrz.checkDigit("740812")).isEqualTo(2);
        assertThat(Mrz.checkDigit("120415")).isEqualTo(9);
    }
}
