package dev.sieve.lists;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sieve.model.Topics;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** FollowTheMoney topics: as given, or derived from occupancies, families and sanctions, never guessed. */
class FtmTopicsTest {
    @TempDir
    Path dir;

    private Read read(String lines) throws IOException {
        return Read.path(Files.writeString(dir.resolve("entities.ftm.json"), lines, StandardCharsets.UTF_8));
    }

    @Test
    void holdersArePepsTheirFamilyRcasAndGivenTopicsWin() throws IOException {
        Read r = read("""
                {"id":"Q1","schema":"Person","properties":{"name":["Amal Minister"]},"datasets":["peps"],"target":true}
                {"id":"Q2","schema":"Person","properties":{"name":["Badr Minister"]},"datasets":["peps"],"target":true}
                {"id":"Q3","schema":"Person","properties":{"name":["Celia Writer"]},"datasets":["peps"],"target":true}
                {"id":"Q4","schema":"Person","properties":{"name":["Dana Crook"],"topics":["crime"]},"datasets":["peps"],"target":true}
                {"id":"o1","schema":"Occupancy","properties":{"holder":["Q1"]},"datasets":["peps"],"target":false}
                {"id":"f1","schema":"Family","properties":{"person":["Q1"],"relative":["Q2"]},"datasets":["peps"],"target":false}
                """);
        assertThat(Topics.of(r.get("peps:Q1"))).containsExactly(Topics.PEP);
        assertThat(Topics.of(r.get("peps:Q2"))).containsExactly(Topics.RCA);
        // a dataset of positions: the rest of its persons are PEPs
        assertThat(Topics.of(r.get("peps:Q3"))).containsExactly(Topics.PEP);
        assertThat(Topics.of(r.get("peps:Q4"))).containsExactly("crime");
    }

    @Test
    void withoutPositionsOnlyASanctionMakesASanctionAndTheRestIsUnclassified() throws IOException {
        Read r = read("""
                {"id":"c1","schema":"Company","properties":{"name":["Acme Trading"]},"datasets":["misc"],"target":true}
                {"id":"c2","schema":"Company","properties":{"name":["Bolt Shipping"]},"datasets":["misc"],"target":true}
                {"id":"s1","schema":"Sanction","properties":{"entity":["c1"],"program":["X"]},"datasets":["misc"]}
                """);
        assertThat(Topics.of(r.get("misc:c1"))).containsExactly(Topics.SANCTION);
        assertThat(Topics.of(r.get("misc:c2"))).containsExactly(Topics.UNCLASSIFIED);
    }
}
