package dev.sieve.channels.travel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sieve.channels.Verdict;
import dev.sieve.lists.ListFiles;
import dev.sieve.match.MatchEngine;
import dev.sieve.testing.SharedData;
import java.nio.file.Files;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The real PAXLST samples, and one with listed people put in. */
class ManifestScreeningTest {
    static ManifestScreening screening;

    @BeforeAll
    static void engine() throws Exception {
        MatchEngine engine = MatchEngine.build(ListFiles.read(List.of(SharedData.list("un_sc/consolidated.xml"))));
        screening = new ManifestScreening(engine::screen);
    }

    static String sample(String name) throws Exception {
        return Files.readString(SharedData.root().resolve("data/messages/paxlst").resolve(name));
    }

    @Test
    void everySampleReadsWithFlightsAndTravellers() throws Exception {
        Manifest apis = PaxlstReader.read("apisMessage.txt", sample("apisMessage.txt"));
        assertThat(apis.legs()).extracting(Manifest.Leg::flight).containsExactly("AA123", "AA124");
        assertThat(apis.legs().getFirst().from()).isEqualTo("ATL");
        assertThat(apis.legs().getFirst().to()).isEqualTo("ORD");
        assertThat(apis.legs().getFirst().departure()).isEqualTo(LocalDateTime.of(2007, 2, 19, 15, 40));
        assertThat(apis.travellers()).hasSize(2);
        Manifest.Traveller clark = apis.travellers().getFirst();
        assertThat(clark.surname()).isEqualTo("CLARK");
        assertThat(clark.givenNames()).isEqualTo("MICHAEL");
        assertThat(clark.birthDate()).isEqualTo(LocalDate.of(1972, 9, 7));
        assertThat(clark.sex()).isEqualTo("M");

        Manifest airline2 = PaxlstReader.read("airline2.edi", sample("airline2.edi")); // separators * : $ from UNA
        assertThat(airline2.legs().getFirst().flight()).isEqualTo("TN506");
        assertThat(airline2.travellers().getFirst().surname()).isEqualTo("BETTON");
        assertThat(airline2.travellers().getFirst().documents().getFirst().number()).isEqualTo("178556534");
        assertThat(airline2.travellers().getFirst().nationality()).isEqualTo("USA");

        Manifest crew = PaxlstReader.read("Test1.txt", sample("Test1.txt"));
        assertThat(crew.travellers()).isNotEmpty().allSatisfy(t -> assertThat(t.role()).isEqualTo("FM"));
        assertThat(PaxlstReader.read("legs", sample("multiple_flight_leg_apis.txt")).legs()).hasSizeGreaterThanOrEqualTo(3);
        for (String f : List.of("apisMessage.txt", "airline2.edi", "Test1.txt", "multiple_flight_leg_apis.txt")) {
            assertThat(screening.screen(PaxlstReader.read(f, sample(f)))).as(f)
                    .allSatisfy(r -> assertThat(r.verdict()).isEqualTo(Verdict.CLEAR));
        }
    }

    @Test
    void aListedTravellerIsAHitByNameAndByPassport() throws Exception {
        String text = sample("Test1.txt")
                .replaceFirst("Steur:Andrea:Pat'ATT\\+2\\+\\+F'DTM\\+329:780706", "KIM:KWANG IL'ATT+2++M'DTM+329:690901")
                .replaceFirst("NAT\\+2\\+GBR", "NAT+2+PRK")
                .replaceFirst("Adomat:Julie:Pat'(.*?)DOC\\+P:1812019\\+123456789", "Adomat:Julie:Pat'$1DOC+P:1812019+645120196");
        List<ManifestScreening.Result> results = screening.screen(PaxlstReader.read("hit.txt", text));
        assertThat(results.get(0).verdict()).isEqualTo(Verdict.HIT);
        assertThat(results.get(0).alerts()).extracting(m -> m.id()).contains("un:KPi.009");
        assertThat(results.get(1).verdict()).isEqualTo(Verdict.HIT);
        assertThat(results.get(1).alerts().getFirst().explanation().evidence()).anySatisfy(e -> assertThat(e.kind()).isEqualTo("identifier"));
        assertThat(results.subList(2, results.size())).allSatisfy(r -> assertThat(r.verdict()).isEqualTo(Verdict.CLEAR));
    }

    @Test
    void brokenTravellersAreReportedAndOthersStillScreened() throws Exception {
        String text = sample("apisMessage.txt").replaceFirst("DTM\\+329:720907", "DTM+329:721399");
        List<ManifestScreening.Result> results = screening.screen(PaxlstReader.read("bad.txt", text));
        assertThat(results.get(0).verdict()).isEqualTo(Verdict.COULD_NOT_SCREEN);
        assertThat(results.get(0).problem()).contains("segment").contains("721399");
        assertThat(results.get(1).verdict()).isEqualTo(Verdict.CLEAR);
        assertThatThrownBy(() -> PaxlstReader.read("pnr.txt", Files.readString(SharedData.root()
                .resolve("data/messages/pnrgov/pnrMessagePg75.txt")))).isInstanceOf(ManifestFormatException.class)
                .hasMessageContaining("pnr.txt").hasMessageContaining("PNRGOV");
        assertThatThrownBy(() -> PaxlstReader.read("junk.txt", "hello")).isInstanceOf(ManifestFormatException.class)
                .hasMessageContaining("junk.txt");
    }
}
