package dev.sieve.bench;

import dev.sieve.lists.ListFiles;
import dev.sieve.match.MatchEngine;
import dev.sieve.model.Entity;
import dev.sieve.parties.Parties;
import dev.sieve.parties.PartyLinker;
import dev.sieve.testing.SharedData;
import java.util.Arrays;
import java.util.List;

/**
 * How long linking the listings of all lists in {@code ../shared/data/lists} into parties takes (it runs
 * on every index rebuild): the first run in a cold JVM, then the median of timed runs after warm-up;
 * and the links each rule made.
 *
 * <p>Run: {@code bin/bench PartiesBenchmark [--rounds N]}
 */
public final class PartiesBenchmark {
    private PartiesBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int rounds = args.length > 1 && args[0].equals("--rounds") ? Integer.parseInt(args[1]) : 10;
        List<Entity> entities = ListFiles.read(List.of(SharedData.lists()));
        MatchEngine engine = MatchEngine.build(entities);
        PartyLinker linker = PartyLinker.standard();
        long c0 = System.nanoTime();
        Parties parties = linker.link(entities, engine);
        System.out.printf("%,d listings; first link (cold JVM) %.0f ms%n", entities.size(), (System.nanoTime() - c0) / 1e6);
        for (int i = 0; i < 5; i++) linker.link(entities, engine);
        long[] nanos = new long[rounds];
        for (int i = 0; i < rounds; i++) {
            long s = System.nanoTime();
            parties = linker.link(entities, engine);
            nanos[i] = System.nanoTime() - s;
        }
        Arrays.sort(nanos);
        System.out.printf("link after warm-up: median %.0f ms, min %.0f ms, max %.0f ms (%d runs)%n",
                nanos[rounds / 2] / 1e6, nanos[0] / 1e6, nanos[rounds - 1] / 1e6, rounds);
        System.out.printf("%,d parties of more than one listing%n", parties.linkedPartyCount());
        for (Parties.RuleCount c : parties.counts()) {
            System.out.printf("  %-16s proposed %4d  linked %4d  refused %3d%n", c.rule(), c.proposed(), c.linked(), c.refused());
        }
    }
}
