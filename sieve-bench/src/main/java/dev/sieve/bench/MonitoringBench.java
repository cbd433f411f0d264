package dev.sieve.bench;

import dev.sieve.alerts.AlertFilter;
import dev.sieve.alerts.AlertState;
import dev.sieve.alerts.AlertStore;
import dev.sieve.alerts.Hit;
import dev.sieve.alerts.Monitor;
import dev.sieve.databank.ListLoader;
import dev.sieve.databank.LoadListener;
import dev.sieve.databank.LoadOptions;
import dev.sieve.model.Match;
import dev.sieve.screening.ScreeningService;
import dev.sieve.store.Actor;
import dev.sieve.store.SieveStore;
import dev.sieve.store.StoreConfig;
import dev.sieve.testing.SharedData;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Monitoring at portfolio scale, on a databank whose subjects were enrolled beforehand (e.g. {@code ./sieve screen
 * --input c1m.csv --monitor --data DIR --create}, which reports the enrolment rate):
 *
 * <ol>
 *   <li>{@code --delta N}: a daily update that changes N UN listings (a spelling of the first name corrected, the
 *   list dated a week later) is loaded, and the run that re-screens every monitored subject against it is timed.</li>
 *   <li>{@code --alerts N}: an agency with N alerts (raised on generated hits, in the store's own transactions)
 *   lists its open alerts, newest first, 100 per page: first pages, pages deep in the cursor, and one subject's;
 *   latency percentiles over 2,000 calls each.</li>
 * </ol>
 *
 * <p>Run: {@code bin/bench MonitoringBench --data DIR --delta 100} or {@code bin/bench MonitoringBench --alerts 100000
 * [--jdbc URL | --data DIR]}.
 */
public final class MonitoringBench {
    private MonitoringBench() {
    }

    public static void main(String[] args) throws Exception {
        Path data = null;
        String jdbc = null;
        int delta = 0;
        int alerts = 0;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--data" -> data = Path.of(args[++i]);
                case "--jdbc" -> jdbc = args[++i];
                case "--delta" -> delta = Integer.parseInt(args[++i]);
                case "--alerts" -> alerts = Integer.parseInt(args[++i]);
                default -> throw new IllegalArgumentException("unknown argument " + args[i]);
            }
        }
        if (data == null && jdbc == null) data = Files.createTempDirectory("sieve-monitoring-bench");
        try (SieveStore store = SieveStore.open(jdbc != null ? StoreConfig.jdbc(jdbc) : StoreConfig.h2(data))) {
            store.agencies().ensureOperator();
            if (delta > 0) delta(store, delta);
            if (alerts > 0) alerts(store, alerts);
        }
    }

    private static void delta(SieveStore store, int changed) throws Exception {
        ScreeningService screening = new ScreeningService();
        screening.reload(store, List.of());
        screening.reloadDatabank(store);
        Monitor monitor = new Monitor(store, screening, true);
        long subjects = monitor.subjects().activeCount();
        long t0 = System.nanoTime();
        var caughtUp = monitor.catchUp();
        System.out.printf("catch-up before the update: %s in %.1f s%n", caughtUp.map(r -> r.entitiesScreened() + " entities, "
                + r.subjects() + " subjects").orElse("nothing to do"), (System.nanoTime() - t0) / 1e9);

        update(store, changed);
        screening.reload(store, List.of());

        // the screening alone, in memory: every subject's names against the changed entities
        var un = store.publications("un");
        var changes = store.changes(un.get(un.size() - 2).id(), un.getLast().id());
        var deltaEngine = dev.sieve.match.MatchEngine.buildWithRarityOf(changes.current(), screening.snapshot().engine(), null);
        List<dev.sieve.alerts.SubjectData> all = new ArrayList<>();
        long tr = System.nanoTime();
        for (var page = monitor.subjects().active(null, null, 50_000); !page.isEmpty();
             page = monitor.subjects().active(page.getLast().agency(), page.getLast().externalId(), 50_000)) {
            for (var subject : page) all.add(subject.data());
        }
        System.out.printf("reading every subject from the databank: %.2f s%n", (System.nanoTime() - tr) / 1e9);
        for (int round = 0; round < 2; round++) {
            long ts = System.nanoTime();
            long hits = all.parallelStream().mapToLong(d -> d.queries().stream().mapToLong(q -> deltaEngine.screen(q).size()).sum()).sum();
            System.out.printf("screening alone: %,d subjects against %d entities in memory in %.2f s (%d matches)%n", all.size(),
                    changes.current().size(), (System.nanoTime() - ts) / 1e9, hits);
        }
        all = null;

        long heap = usedHeap();
        run(monitor, subjects, "daily update, the process's first run (subjects read from the databank, kept in memory)");
        System.out.printf("heap held by the subjects kept in memory: %,d MB%n", (usedHeap() - heap) >> 20);
        for (int day = 2; day <= 3; day++) {
            update(store, changed);
            screening.reload(store, List.of());
            run(monitor, subjects, "daily update, a later run (subjects from memory)");
        }
        // a server reads its subjects into memory at start, before its first run
        long tw = System.nanoTime();
        new Monitor(store, screening, true).warm();
        System.out.printf("subjects read into memory at a server's start: %.2f s%n", (System.nanoTime() - tw) / 1e9);
    }

    private static long usedHeap() {
        System.gc();
        Runtime r = Runtime.getRuntime();
        return r.totalMemory() - r.freeMemory();
    }

    private static void run(Monitor monitor, long subjects, String what) {
        long t1 = System.nanoTime();
        Monitor.RunSummary run = monitor.catchUp().orElseThrow();
        double secs = (System.nanoTime() - t1) / 1e9;
        System.out.printf("%s: %d entities changed, %,d monitored subjects re-screened in %.2f s (%,.0f subjects/s),"
                + " %d alerts raised%n", what, run.entitiesScreened(), run.subjects(), secs, run.subjects() / secs, run.alerts());
        if (run.subjects() != subjects) System.out.printf("(%,d subjects were monitored)%n", subjects);
    }

    /** Loads a UN list dated a week after the latest, with the first {@code changed} first names corrected again. */
    private static void update(SieveStore store, int changed) throws Exception {
        Path dir = Files.createTempDirectory("sieve-un-update");
        String xml = Files.readString(SharedData.list("un_sc/consolidated.xml"));
        Matcher date = Pattern.compile("dateGenerated=\"([0-9-]+)T").matcher(xml);
        if (!date.find()) throw new IllegalStateException("the UN list has no dateGenerated");
        int earlier = store.publications("un").size();
        String later = java.time.LocalDate.parse(date.group(1)).plusDays(7L * earlier).toString();
        String suffix = "H".repeat(earlier); // each update corrects the names again, so each one changes them
        StringBuilder out = new StringBuilder();
        Matcher first = Pattern.compile("<FIRST_NAME>([^<]+)</FIRST_NAME>").matcher(xml.replace(date.group(1) + "T", later + "T"));
        int n = 0;
        while (first.find()) {
            first.appendReplacement(out, n++ < changed ? "<FIRST_NAME>" + first.group(1) + suffix + "</FIRST_NAME>" : "$0");
        }
        first.appendTail(out);
        Files.writeString(dir.resolve("consolidated.xml"), out);
        new ListLoader(store).load(List.of(dir.resolve("consolidated.xml")), LoadOptions.strict(), LoadListener.NONE);
    }

    private static void alerts(SieveStore store, int count) {
        String agency = "bench-alerts";
        if (store.agencies().agency(agency).isEmpty()) store.agencies().create(Actor.cli(), agency, "Alert listing benchmark");
        AlertStore alerts = new AlertStore(store);
        Actor actor = new Actor(agency, "bench");
        int have = alerts.alerts(agency, new AlertFilter(null, null, null, null, null, null, null, 1)).size();
        if (have == 0) {
            long t0 = System.nanoTime();
            List<dev.sieve.model.Publication> publications = List.of();
            List<Hit> batch = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                // 1,000 subjects with 100 entities each: a subject's alerts are a page, the agency's are many
                Match m = new Match("bench:e" + (i % 100), "Listed Entity " + (i % 100), dev.sieve.model.Schema.PERSON, "bench",
                        List.of(), 0.9, true, null);
                batch.add(new Hit(AlertStore.ORIGIN_MONITORING, "s" + (i / 100), "0".repeat(64), m, "1".repeat(64), publications));
                if (batch.size() == 5_000 || i == count - 1) {
                    alerts.raise(actor, batch);
                    batch.clear();
                }
            }
            System.out.printf("raised %,d alerts in %.1f s%n", count, (System.nanoTime() - t0) / 1e9);
        }
        // random cursors and subjects: every call a query of its own (H2 would answer a repeated one from its cache)
        java.util.Random rnd = new java.util.Random(5);
        long newest = alerts.alerts(agency, new AlertFilter(null, null, null, null, null, null, null, 1)).getFirst().seq();
        time("store: open alerts, a page at a random cursor", () -> alerts.alerts(agency, new AlertFilter(AlertState.OPEN, null,
                null, null, null, null, newest - rnd.nextInt(count), 100)));
        time("store: one random subject's alerts", () -> alerts.alerts(agency, new AlertFilter(null, "s" + rnd.nextInt(count / 100),
                null, null, null, null, null, 100)));
        // and over HTTP, as a client asks: GET /v1/alerts?state=open, 100 per page
        String key = store.agencies().issueKey(Actor.cli(), agency, dev.sieve.store.Role.ANALYST).secret();
        try (var server = new dev.sieve.server.SieveServer(store, new dev.sieve.server.SieveServer.Options("127.0.0.1", 0,
                java.time.Duration.ZERO)).start()) {
            var http = java.net.http.HttpClient.newBuilder().version(java.net.http.HttpClient.Version.HTTP_1_1).build();
            String base = "http://127.0.0.1:" + server.port() + "/v1/alerts?state=open&limit=100&before=";
            time("HTTP GET /v1/alerts?state=open&limit=100 at a random cursor", () -> {
                try {
                    var r = http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(base + (newest - rnd.nextInt(count))))
                            .header("Authorization", "Bearer " + key).build(), java.net.http.HttpResponse.BodyHandlers.ofByteArray());
                    if (r.statusCode() != 200) throw new IllegalStateException("HTTP " + r.statusCode());
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                } catch (InterruptedException e) {
                    throw new IllegalStateException(e);
                }
            });
        }
    }

    private static void time(String what, Runnable call) {
        for (int i = 0; i < 200; i++) call.run();
        long[] nanos = new long[2_000];
        for (int i = 0; i < nanos.length; i++) {
            long t = System.nanoTime();
            call.run();
            nanos[i] = System.nanoTime() - t;
        }
        Arrays.sort(nanos);
        System.out.printf("%s: p50 %.2f ms, p99 %.2f ms, max %.2f ms%n", what, nanos[nanos.length / 2] / 1e6,
                nanos[nanos.length * 99 / 100] / 1e6, nanos[nanos.length - 1] / 1e6);
    }
}
