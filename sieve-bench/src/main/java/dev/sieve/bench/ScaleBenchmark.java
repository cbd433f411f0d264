package dev.sieve.bench;

import dev.sieve.lists.ListFiles;

import dev.sieve.lists.CsvParser;
import dev.sieve.match.MatchEngine;
import dev.sieve.model.Entity;
import dev.sieve.model.EntityBuilder;
import dev.sieve.model.Name;
import dev.sieve.model.PartialDate;
import dev.sieve.model.Schema;
import dev.sieve.model.BirthDate;
import dev.sieve.model.ScreeningQuery;
import dev.sieve.testing.SharedData;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * Scale: every real list plus generated entities until the index holds at least N name variants
 * (default 1,000,000). Generated entities recombine the clean-customer fixtures' given and family names
 * (fixed seed), five variants each (the name, reordered, a middle name added, a typo, an initial).
 * Reports build time, heap held by the engine (used heap after full GC, before and after) and
 * single-screening latency over the benchmark queries.
 *
 * <p>Run: {@code bin/bench ScaleBenchmark [--variants N]} (bin/bench runs it with -Xmx4g)
 */
public final class ScaleBenchmark {
    private ScaleBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int target = args.length > 1 && args[0].equals("--variants") ? Integer.parseInt(args[1]) : 1_000_000;
        long base = usedAfterGc();
        List<Entity> entities = new ArrayList<>(ListFiles.read(List.of(SharedData.lists())));
        long realNames = entities.stream().mapToLong(e -> e.names().size()).sum();
        List<String[]> people = fixtures();
        Random rnd = new Random(7);
        long names = realNames;
        int n = 0;
        while (names < target) {
            String[] a = people.get(rnd.nextInt(people.size()));
            String[] b = people.get(rnd.nextInt(people.size()));
            String[] c = people.get(rnd.nextInt(people.size()));
            String given = a[0];
            String family = b[2];
            EntityBuilder eb = Entity.builder("gen:" + n++, "generated", Schema.PERSON);
            eb.primaryName(given + " " + family);
            eb.name(Name.alias(family + ", " + given, false));
            eb.name(Name.alias(given + " " + c[0] + " " + family, false));
            eb.name(Name.alias(typo(given, rnd) + " " + family, false));
            eb.name(Name.alias(given.charAt(0) + ". " + family, true));
            if (!a[3].isEmpty()) eb.birthDate(BirthDate.exact(PartialDate.parse(a[3])));
            Entity e = eb.build();
            entities.add(e);
            names += e.names().size();
        }
        List<ScreeningQuery> queries = ScreeningLatency.queries();
        System.out.printf("%,d entities (%,d generated), %,d name variants%n", entities.size(), n, names);

        long before = usedAfterGc();
        double entityMb = (before - base) / 1e6;
        long t0 = System.nanoTime();
        MatchEngine engine = MatchEngine.build(entities);
        double build = (System.nanoTime() - t0) / 1e9;
        entities = null; // the engine keeps what it needs
        long after = usedAfterGc();
        double mb = (after - before) / 1e6;
        System.out.printf("index: %,d name forms, %,d distinct parts, built in %.1f s; index heap %.0f MB = %.0f MB per "
                        + "million variants; the entity records themselves (held too) %.0f MB; both %.0f MB per million%n",
                engine.nameCount(), engine.vocabularySize(), build, mb, mb / (names / 1e6), entityMb,
                (mb + entityMb) / (names / 1e6));

        for (ScreeningQuery q : queries) engine.screen(q);
        long[] nanos = new long[queries.size()];
        for (int i = 0; i < queries.size(); i++) {
            long s = System.nanoTime();
            engine.screen(queries.get(i));
            nanos[i] = System.nanoTime() - s;
        }
        Arrays.sort(nanos);
        System.out.printf("single screening over %,d queries: p50 %.3f ms, p99 %.3f ms, max %.1f ms%n", nanos.length,
                ScreeningLatency.pct(nanos, 50), ScreeningLatency.pct(nanos, 99), nanos[nanos.length - 1] / 1e6);
    }

    private static String typo(String s, Random rnd) {
        if (s.length() < 4) return s;
        int i = 1 + rnd.nextInt(s.length() - 2);
        return s.substring(0, i) + s.charAt(i + 1) + s.charAt(i) + s.substring(i + 2);
    }

    private static long usedAfterGc() throws InterruptedException {
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(200);
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    private static List<String[]> fixtures() throws Exception {
        List<String[]> people = new ArrayList<>();
        for (String f : List.of("negatives_global.csv", "negatives_us.csv")) {
            Path p = SharedData.root().resolve("data/bench-sources/yente_candidate_generation").resolve(f);
            try (CsvParser csv = new CsvParser(Files.newBufferedReader(p, StandardCharsets.UTF_8), f)) {
                List<String> h = csv.next().fields();
                int first = h.indexOf("first_name"), last = h.indexOf("last_name"), dob = h.indexOf("date_of_birth");
                CsvParser.Row r;
                while ((r = csv.next()) != null) {
                    if (r.get(first).isBlank() || r.get(last).isBlank()) continue;
                    people.add(new String[] {r.get(first), "", r.get(last), r.get(dob)});
                }
            }
        }
        return people;
    }
}
