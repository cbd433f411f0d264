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
        Monitor monitor = new Monitor(store, screening);
        long subjects = monitor.subjects().activeCount();
        long t0 = System.nanoTime();
        var caughtUp = monitor.catchUp();
        System.out.printf("catch-up before the update: %s in %.1f s%n", caughtUp.map(r -> r.entitiesScreened() + " entities, "
                + r.subjects() + " subjects").orElse("nothing to do"), (System.nanoTime() - t0) / 1e9);

        Path dir = Files.createTempDirectory("sieve-un-update");
        String xml = Files.readString(SharedData.list("un_sc/consolidated.xml"));
        Matcher date = Pattern.compile("dateGenerated=\"([0-9-]+)T").matcher(xml);
        if (!date.find()) throw new IllegalStateException("the UN list has no dateGenerated");
        String later = java.time.LocalDate.parse(date.group(1)).plusDays(7L * store.publications("un").size()).toString();
        StringBuilder out = new StringBuilder();
        Matcher first = Pattern.compile("<FIRST_NAME>([^<]+)</FIRST_NAME>").matcher(xml.replace(date.group(1) + "T", later + "T"));
        int n = 0;
        while (first.find()) {
            first.appendReplacement(out, n++ < changed ? "<FIRST_NAME>" + first.group(1) + "H</FIRST_NAME>" : "$0");
        }
        first.appendTail(out);
        Files.writeString(dir.resolve("consolidated.xml"), out);
        new ListLoader(store).load(List.of(dir.resolve("consolidated.xml")), LoadOptions.strict(), LoadListener.NONE);
        screening.reload(store, List.of());

        long t1 = System.nanoTime();
        Monitor.RunSummary run = monitor.catchUp().orElseThrow();
        double secs = (System.nanoTime() - t1) / 1e9;
        System.out.printf("daily update: %d entities changed, %,d monitored subjects re-screened in %.2f s (%,.0f subjects/s),"
                + " %d alerts raised%n", run.entitiesScreened(), run.subjects(), secs, run.subjects() / secs, run.alerts());
        if (run.subjects() != subjects) System.out.printf("(%,d subjects were monitored)%n", subjects);
    }

    private static void alerts(SieveStore store, int count) {
        String agency = "bench-alerts";
        if (store.agencies().agency(agency).isEmpty()) store.agencies().create(Actor.cli(), agency, "Alert listing benchmark");
        AlertStore alerts = new AlertStore(store);
        Actor actor = new Actor(agency, "bench");
        int have = alerts.alerts(agency, new AlertFilter(null, null, null, null, null, null, null, 1)).size();
        if (have == 0) {
            long t0 = System.nanoTime();
            String publications = "[]";
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
        Long deep = alerts.alerts(agency, new AlertFilter(AlertState.OPEN, null, null, null, null, null, null, 500)).getLast().seq();
        time("open alerts, first page of 100", () -> alerts.alerts(agency, new AlertFilter(AlertState.OPEN, null, null, null,
                null, null, null, 100)));
        time("open alerts, a page 500 deep", () -> alerts.alerts(agency, new AlertFilter(AlertState.OPEN, null, null, null,
                null, null, deep, 100)));
        time("one subject's alerts", () -> alerts.alerts(agency, new AlertFilter(null, "s" + (count / 200), null, null, null,
                null, null, 100)));
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
