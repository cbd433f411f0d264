package dev.sieve.bench;

import dev.sieve.channels.travel.Manifest;
import dev.sieve.channels.travel.ManifestScreening;
import dev.sieve.channels.travel.PaxlstReader;
import dev.sieve.lists.ListFiles;
import dev.sieve.match.MatchEngine;
import dev.sieve.testing.SharedData;
import java.util.Arrays;
import java.util.List;

/**
 * A 400-passenger PAXLST manifest (the real sample's header and flight, travellers named from the
 * screening cases with birth dates and passports), parsed and screened over every shared list, end to
 * end from text to verdicts; timed 100 times after {@link #WARM_UP_RUNS} warm-up runs and one full
 * collection (a running service has long since moved its index out of the young generation).
 *
 * <p>Run: {@code bin/bench ManifestBench [--passengers 400]}
 */
public final class ManifestBench {
    /**
     * Manifests screened before timing (60,000 traveller screenings, a few seconds of a running service):
     * after 30 the median was still 38–54 ms against 23–29 ms after 150, the JIT still settling.
     */
    private static final int WARM_UP_RUNS = 150;
    private ManifestBench() {
    }

    public static void main(String[] args) throws Exception {
        int passengers = 400;
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--passengers")) passengers = Integer.parseInt(args[++i]);
            else throw new IllegalArgumentException("unknown argument " + args[i]);
        }
        MatchEngine engine = MatchEngine.build(ListFiles.read(List.of(SharedData.lists())));
        ManifestScreening screening = new ManifestScreening(engine::screen);
        List<String> names = ServerBench.queryNames();
        StringBuilder sb = new StringBuilder("UNA:+.? 'UNB+UNOA:4+AIR1+DHS+070218:1545+000006640++DHS'UNH+PAX001+PAXLST:D:05B:UN:IATA'"
                + "BGM+745'TDT+20+AA123+++AA'LOC+125+ATL'DTM+189:0702191540:201'LOC+87+ORD'DTM+232:0702191740:201'");
        for (int p = 0; p < passengers; p++) {
            String name = names.get((p * 37) % names.size()).replaceAll("[?'+:]", " ").strip();
            int space = name.lastIndexOf(' ');
            String surname = space < 0 ? name : name.substring(space + 1);
            String given = space < 0 ? "" : name.substring(0, space);
            sb.append("NAD+FL+++").append(surname).append(':').append(given).append("'ATT+2++M'DTM+329:")
                    .append(String.format("%02d%02d%02d", 40 + p % 60, 1 + p % 12, 1 + p % 28)).append("'NAT+2+USA'DOC+P:110:111+")
                    .append(100000000 + p).append("'DTM+36:300101'LOC+91+USA'");
        }
        sb.append("CNT+42:").append(passengers).append("'UNT+1+PAX001'UNZ+1+000006640'");
        String text = sb.toString();
        for (int w = 0; w < WARM_UP_RUNS; w++) screening.screen(PaxlstReader.read("m", text));
        System.gc(); // so that young collections during the timed runs copy only the manifests' garbage
        long[] times = new long[100];
        int hits = 0;
        for (int r = 0; r < times.length; r++) {
            long t0 = System.nanoTime();
            Manifest m = PaxlstReader.read("m", text);
            var results = screening.screen(m);
            times[r] = System.nanoTime() - t0;
            hits = (int) results.stream().filter(x -> !x.alerts().isEmpty()).count();
        }
        Arrays.sort(times);
        long[] seq = new long[20];
        Manifest parsed = PaxlstReader.read("m", text);
        for (int r = 0; r < seq.length; r++) {
            long t0 = System.nanoTime();
            for (Manifest.Traveller t : parsed.travellers()) screening.screen(t);
            seq[r] = System.nanoTime() - t0;
        }
        Arrays.sort(seq);
        System.out.printf("screening alone on one thread: median %.1f ms%n", seq[seq.length / 2] / 1e6);
        long parse0 = System.nanoTime();
        for (int r = 0; r < 20; r++) PaxlstReader.read("m", text);
        System.out.printf("parsing alone: %.2f ms per manifest%n", (System.nanoTime() - parse0) / 20 / 1e6);
        System.out.printf("%d entities; %d passengers (%d hit); parse + screen: best %.1f ms, median %.1f ms,"
                + " worst %.1f ms%n", engine.entityCount(), passengers, hits, times[0] / 1e6, times[times.length / 2] / 1e6,
                times[times.length - 1] / 1e6);
    }
}
