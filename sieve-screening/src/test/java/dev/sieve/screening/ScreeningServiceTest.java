package dev.sieve.screening;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sieve.databank.ListLoader;
import dev.sieve.databank.LoadListener;
import dev.sieve.databank.LoadOptions;
import dev.sieve.model.Match;
import dev.sieve.model.Schema;
import dev.sieve.model.ScreeningQuery;
import dev.sieve.store.SieveStore;
import dev.sieve.store.StoreConfig;
import dev.sieve.testing.SharedData;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The index is built from the latest publications and swapped atomically while screenings run. */
class ScreeningServiceTest {
    @TempDir
    Path dir;

    @Test
    void reloadSwapsWithoutFailingScreeningsInFlight() throws Exception {
        try (SieveStore store = SieveStore.open(StoreConfig.h2(dir))) {
            ListLoader loader = new ListLoader(store);
            loader.load(List.of(SharedData.list("un_sc/consolidated.xml")), LoadOptions.strict(), LoadListener.NONE);
            ScreeningService service = new ScreeningService();
            service.reload(store, List.of());
            assertThat(service.snapshot().publications()).extracting(p -> p.source()).containsExactly("un");
            ScreeningQuery kim = ScreeningQuery.of("KIM, Jong Un").withSchema(Schema.PERSON);
            assertThat(service.screen(kim).matches()).extracting(Match::id).doesNotContain("us-ofac:20157");

            AtomicBoolean stop = new AtomicBoolean();
            AtomicInteger screened = new AtomicInteger();
            ExecutorService pool = Executors.newFixedThreadPool(2);
            List<Future<?>> workers = List.of(pool.submit(() -> loop(service, stop, screened)),
                    pool.submit(() -> loop(service, stop, screened)));
            loader.load(List.of(SharedData.list("ofac_sdn/2021-07_complete_set")), LoadOptions.strict().withDatedPaths(SharedData.undatedPublishedPaths()), LoadListener.NONE);
            service.reload(store, List.of());
            Thread.sleep(200);
            stop.set(true);
            for (Future<?> f : workers) f.get(30, TimeUnit.SECONDS); // rethrows any failure in a screening
            pool.shutdown();
            assertThat(screened.get()).isPositive();
            ScreeningService.Result after = service.screen(kim);
            assertThat(after.matches().getFirst().id()).isEqualTo("us-ofac:20157");
            assertThat(after.publications()).extracting(p -> p.source()).containsExactlyInAnyOrder("un", "us-ofac-sdn");
        }
    }

    @Test
    void reloadReadsAndAnalysesOnlyWhatIsNewAndIndexesAsAFreshReload() throws Exception {
        try (SieveStore store = SieveStore.open(StoreConfig.h2(dir))) {
            ListLoader loader = new ListLoader(store);
            loader.load(List.of(SharedData.list("un_sc/consolidated.xml")), LoadOptions.strict(), LoadListener.NONE);
            ScreeningService service = new ScreeningService();
            ScreeningService.Reloaded first = service.reload(store, List.of());
            int un = first.snapshot().engine().entityCount();
            assertThat(first.entitiesRead()).isEqualTo(un).isPositive();
            assertThat(first.namesAnalysed()).isPositive();

            ScreeningService.Reloaded unchanged = service.reload(store, List.of());
            assertThat(unchanged.entitiesRead()).isZero();
            assertThat(unchanged.namesAnalysed()).isZero();
            assertThat(unchanged.snapshot().engine().entityCount()).isEqualTo(un);

            loader.load(List.of(SharedData.list("ofac_sdn/2021-07_complete_set")), LoadOptions.strict().withDatedPaths(SharedData.undatedPublishedPaths()), LoadListener.NONE);
            ScreeningService.Reloaded withOfac = service.reload(store, List.of());
            int all = withOfac.snapshot().engine().entityCount();
            assertThat(withOfac.entitiesRead()).isEqualTo(all - un);
            assertThat(withOfac.namesAnalysed()).isPositive();

            ScreeningService fresh = new ScreeningService();
            assertThat(fresh.reload(store, List.of()).entitiesRead()).isEqualTo(all);
            for (String name : List.of("KIM, Jong Un", "Usama bin Ladin", "Korea Kwangson Banking Corp", "Ali Khan")) {
                ScreeningQuery q = ScreeningQuery.of(name);
                ScreeningService.Result reloaded = service.screen(q);
                ScreeningService.Result fromScratch = fresh.screen(q);
                assertThat(reloaded.matches()).as(name).isEqualTo(fromScratch.matches());
                assertThat(reloaded.publications()).as(name).isEqualTo(fromScratch.publications());
                assertThat(reloaded.groups()).as(name).isEqualTo(fromScratch.groups());
            }
        }
    }

    private static void loop(ScreeningService service, AtomicBoolean stop, AtomicInteger screened) {
        while (!stop.get()) {
            ScreeningService.Result r = service.screen(ScreeningQuery.of("Usama bin Ladin").withSchema(Schema.PERSON));
            if (r.publications().isEmpty()) throw new AssertionError("screened against no publications");
            screened.incrementAndGet();
        }
    }
}
