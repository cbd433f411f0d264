package dev.sieve.bench;

import dev.sieve.channels.Verdict;
import dev.sieve.channels.payment.PaymentReader;
import dev.sieve.channels.payment.PaymentScreening;
import dev.sieve.lists.ListFiles;
import dev.sieve.match.MatchEngine;
import dev.sieve.testing.SharedData;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Payment screening end to end, from message text to verdict: the real pacs.008 sample with its debtor
 * and creditor names replaced by the benchmark's query names (hits, near misses, clean customers) and a
 * remittance text, parsed (Prowide) and screened over every shared list, on all cores.
 *
 * <p>Run: {@code bin/bench PaymentBench [--messages N]}
 */
public final class PaymentBench {
    private PaymentBench() {
    }

    public static void main(String[] args) throws Exception {
        int count = 20_000;
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--messages")) count = Integer.parseInt(args[++i]);
            else throw new IllegalArgumentException("unknown argument " + args[i]);
        }
        MatchEngine engine = MatchEngine.build(ListFiles.read(List.of(SharedData.lists())));
        PaymentScreening screening = new PaymentScreening(engine::screen, engine::mayBeNamePart);
        String template = Files.readString(SharedData.root().resolve(
                "data/messages/iso20022_pacs008/CustomerCreditTransfer_Scenario1_Step1_pacs.008.xml"));
        List<String> names = ServerBench.queryNames();
        List<String> messages = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String debtor = xml(names.get((2 * i) % names.size()));
            String creditor = xml(names.get((2 * i + 1) % names.size()));
            messages.add(template.replaceFirst("(<Dbtr>\\s*<Nm>)[^<]*(</Nm>)", "$1" + java.util.regex.Matcher.quoteReplacement(debtor) + "$2")
                    .replaceFirst("(<Cdtr>\\s*<Nm>)[^<]*(</Nm>)", "$1" + java.util.regex.Matcher.quoteReplacement(creditor) + "$2")
                    .replaceFirst("<RmtInf>", "<RmtInf><Ustrd>INVOICE " + i + " FOR SERVICES RENDERED</Ustrd>"));
        }
        int threads = Runtime.getRuntime().availableProcessors();
        System.out.printf("%d entities; %d pacs.008 messages; %d threads%n", engine.entityCount(), count, threads);
        for (int round = 1; round <= 3; round++) {
            AtomicInteger hits = new AtomicInteger();
            long t0 = System.nanoTime();
            try (ExecutorService pool = Executors.newFixedThreadPool(threads)) {
                List<Future<?>> done = new ArrayList<>();
                for (int t = 0; t < threads; t++) {
                    int from = t;
                    done.add(pool.submit(() -> {
                        for (int i = from; i < messages.size(); i += threads) {
                            for (var p : PaymentReader.read("m" + i, messages.get(i))) {
                                if (screening.screen(p).verdict() == Verdict.HIT) hits.incrementAndGet();
                            }
                        }
                        return null;
                    }));
                }
                for (Future<?> f : done) f.get();
            }
            double s = (System.nanoTime() - t0) / 1e9;
            System.out.printf("round %d: %.0f messages/s (%d hits, %.2f s)%n", round, count / s, hits.get(), s);
        }
    }

    private static String xml(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
