package dev.sieve.databank;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sieve.model.Publication;
import dev.sieve.store.SieveStore;
import dev.sieve.store.StoreConfig;
import dev.sieve.testing.SharedData;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A load fully happens or leaves no trace: errors, broken records and a killed process alike. */
class LoadAtomicityTest {
    @TempDir
    Path dir;

    @Test
    void killedLoadLeavesThePreviousPublicationIntact() throws Exception {
        Path data = dir.resolve("data");
        try (SieveStore store = SieveStore.open(StoreConfig.h2(data))) {
            new ListLoader(store).load(List.of(SharedData.list("un_sc/consolidated.xml")), LoadOptions.strict(),
                    LoadListener.NONE);
        }
        String java = ProcessHandle.current().info().command().orElse("java");
        Process child = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                LoadAndHang.class.getName(), data.toString(),
                SharedData.list("ofac_sdn/2024-05-03/sdn.csv").toString())
                .redirectErrorStream(true).start();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            boolean mid = false;
            while ((line = out.readLine()) != null) {
                if (line.equals("MIDLOAD")) {
                    mid = true;
                    break;
                }
            }
            assertThat(mid).as("the child reached the middle of its load").isTrue();
            child.destroyForcibly(); // SIGKILL: no shutdown hooks, no rollback by the process itself
            assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
        }
        try (SieveStore store = SieveStore.open(StoreConfig.h2(data))) {
            List<Publication> pubs = store.publications(null);
            assertThat(pubs).extracting(Publication::source).containsExactly("un");
            assertThat(store.countOf(pubs.getFirst().id())).isEqualTo(1003);
            assertThat(store.entity("us-ofac:20157")).isEmpty();
            assertThat(store.entity("un:KPi.033")).isPresent();
            // and the databank still takes the load that was killed
            LoadReport r = new ListLoader(store).load(List.of(SharedData.list("ofac_sdn/2024-05-03/sdn.csv")),
                    LoadOptions.strict().withDatedPaths(SharedData.undatedPublishedPaths()), LoadListener.NONE);
            assertThat(r.loaded().getFirst().publication().recordCount()).isEqualTo(14_965);
        }
    }

    @Test
    void brokenSecondFileRollsBackTheWholeCommand() throws Exception {
        Path broken = Files.writeString(dir.resolve("sdn.csv"),
                "36,\"AEROCARIBBEAN AIRLINES\",-0- ,\"CUBA\",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- \n"
                        + "x37,\"BROKEN\",-0- ,\"CUBA\",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- \n");
        try (SieveStore store = SieveStore.open(StoreConfig.h2(dir.resolve("data")))) {
            ListLoader loader = new ListLoader(store);
            assertThatThrownBy(() -> loader.load(List.of(SharedData.list("un_sc/consolidated.xml"), broken),
                    LoadOptions.strict(), LoadListener.NONE))
                    .isInstanceOf(LoadRejectedException.class)
                    .hasMessageContaining("sdn.csv").hasMessageContaining("line 2")
                    .hasMessageContaining("ent_num 'x37' is not a number").hasMessageContaining("nothing was loaded");
            assertThat(store.publications(null)).isEmpty();

            LoadReport lenient = loader.load(List.of(broken), new LoadOptions(true, null, java.time.Instant.parse("2026-01-01T00:00:00Z")),
                    LoadListener.NONE);
            assertThat(lenient.loaded().getFirst().publication().recordCount()).isEqualTo(1);
            assertThat(lenient.loaded().getFirst().publication().rejectedCount()).isEqualTo(1);
            assertThat(lenient.loaded().getFirst().rejected()).singleElement()
                    .satisfies(p -> assertThat(p.place()).isEqualTo("line 2"));
        }
    }

    @Test
    void hostileXmlStoresNothing() throws Exception {
        Path lol = Files.writeString(dir.resolve("lol.xml"), """
                <?xml version="1.0"?>
                <!DOCTYPE CONSOLIDATED_LIST [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;">]>
                <CONSOLIDATED_LIST><INDIVIDUALS><INDIVIDUAL><FIRST_NAME>&b;</FIRST_NAME>
                <REFERENCE_NUMBER>QDi.999</REFERENCE_NUMBER></INDIVIDUAL></INDIVIDUALS></CONSOLIDATED_LIST>
                """);
        try (SieveStore store = SieveStore.open(StoreConfig.h2(dir.resolve("data")))) {
            assertThatThrownBy(() -> new ListLoader(store).load(List.of(lol), LoadOptions.strict(), LoadListener.NONE))
                    .hasMessageContaining("DTD is not allowed");
            assertThat(store.publications(null)).isEmpty();
        }
    }
}
