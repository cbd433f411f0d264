package dev.sieve.bench;

import dev.sieve.lists.ListFiles;

import dev.sieve.lists.CsvParser;
import dev.sieve.match.MatchEngine;
import dev.sieve.model.PartialDate;
import dev.sieve.model.Schema;
import dev.sieve.model.ScreeningQuery;
import dev.sieve.testing.SharedData;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * In-process single-screening latency over all lists in {@code ../shared/data/lists}: the 21,432
 * benchmark queries (names with schema, birth date, nationality as given), one warm-up pass, then every
 * query timed alone on one thread; then throughput with all cores.
 *
 * <p>Run: {@code bin/bench ScreeningLatency [--rounds N]}
 */
public final class ScreeningLatency {
    private ScreeningLatency() {
    }

    public static void main(String[] args) throws Exception {
        int rounds = args.length > 1 && args[0].equals("--rounds") ? Integer.parseInt(args[1]) : 2;
        long t0 = System.nanoTime();
        var entities = ListFiles.read(List.of(SharedData.lists()));
        long t1 = System.nanoTime();
        MatchEngine engine = MatchEngine.build(entities);
        long t2 = System.nanoTime();
        System.out.printf("lists read in %.1f s; index of %,d entities / %,d name forms built in %.1f s%n",
                (t1 - t0) / 1e9, engine.entityCount(), engine.nameCount(), (t2 - t1) / 1e9);
        List<ScreeningQuery> queries = queries();
        for (ScreeningQuery q : queries) engine.screen(q); // warm-up
        long[] nanos = new long[queries.size() * rounds];
        int k = 0;
        for (int r = 0; r < rounds; r++) {
            for (ScreeningQuery q : queries) {
                long s = System.nanoTime();
                engine.screen(q);
                nanos[k++] = System.nanoTime() - s;
            }
        }
        Arrays.sort(nanos);
        System.out.printf("single screening, 1 thread, %,d timed queries: p50 %.3f ms, p90 %.3f ms, p99 %.3f ms, max %.1f ms%n",
                nanos.length, pct(nanos, 50), pct(nanos, 90), pct(nanos, 99), nanos[nanos.length - 1] / 1e6);
        int threads = Runtime.getRuntime().availableProcessors();
        AtomicInteger next = new AtomicInteger();
        long s = System.nanoTime();
        int total = queries.size() * 3;
        List<Thread> ts = new ArrayList<>();
        for (int i = 0; i < threads; i++) {
            ts.add(Thread.ofPlatform().start(() -> {
                int j;
                while ((j = next.getAndIncrement()) < total) engine.screen(queries.get(j % queries.size()));
            }));
        }
        for (Thread t : ts) t.join();
        double secs = (System.nanoTime() - s) / 1e9;
        System.out.printf("throughput, %d threads: %,d queries in %.2f s = %,.0f queries/s%n", threads, total, secs,
                total / secs);
    }

    static double pct(long[] sorted, double p) {
        return sorted[(int) Math.min(sorted.length - 1, Math.ceil(p / 100 * sorted.length) - 1)] / 1e6;
    }

    static List<ScreeningQuery> queries() throws Exception {
        List<ScreeningQuery> out = new ArrayList<>();
        try (CsvParser csv = new CsvParser(Files.newBufferedReader(SharedData.bench().resolve("screening-cases.csv"),
                StandardCharsets.UTF_8), "screening-cases.csv")) {
            List<String> h = csv.next().fields();
            int name = h.indexOf("query_name"), schema = h.indexOf("schema"), dob = h.indexOf("birth_date"),
                    nat = h.indexOf("nationality");
            CsvParser.Row r;
            while ((r = csv.next()) != null) {
                out.add(new ScreeningQuery(r.get(name), r.get(schema).isEmpty() ? null : Schema.parse(r.get(schema)),
                        r.get(dob).isEmpty() ? null : PartialDate.parse(r.get(dob)),
                        r.get(nat).isEmpty() ? null : r.get(nat), List.of(), null, 10));
            }
        }
        return out;
    }
}
