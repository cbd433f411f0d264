package dev.sieve.bench;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import dev.sieve.databank.ListLoader;
import dev.sieve.databank.LoadListener;
import dev.sieve.databank.LoadOptions;
import dev.sieve.server.SieveServer;
import dev.sieve.store.Actor;
import dev.sieve.store.Role;
import dev.sieve.store.SieveStore;
import dev.sieve.store.StoreConfig;
import dev.sieve.testing.SharedData;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;

/**
 * Whole-process benchmark of the console's screen page in Debian's Chromium: every shared list in a fresh H2 databank,
 * the server on 127.0.0.1, and names from the public benchmark cases typed into the search box one key at a time, at
 * a typist's pace. Measured in the page: from each key's keydown to the moment the results for the box's whole text
 * are drawn. {@code bin/bench ConsoleBench [--names 40] [--key-delay-ms 180]}
 */
public final class ConsoleBench {
    /** Set in the page before its scripts: a keydown starts a clock, the results for the current text stop it. */
    private static final String PROBE = """
            window.__latencies = [];
            document.addEventListener('keydown', ev => { if (ev.target.id === 'q') window.__keyAt = performance.now(); }, true);
            new MutationObserver(() => {
              const list = document.querySelector('ol.matches');
              const box = document.getElementById('q');
              if (!list || !box || window.__keyAt == null) return;
              if (list.dataset.query === box.value.trim()) {
                window.__latencies.push(performance.now() - window.__keyAt);
                window.__keyAt = null;
              }
            }).observe(document, {subtree: true, childList: true, attributes: true, characterData: true});
            """;

    public static void main(String[] args) throws Exception {
        int names = 40;
        int keyDelay = 180;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--names" -> names = Integer.parseInt(args[++i]);
                case "--key-delay-ms" -> keyDelay = Integer.parseInt(args[++i]);
                default -> throw new IllegalArgumentException("unknown argument " + args[i]);
            }
        }
        List<String> queries = Files.readAllLines(SharedData.root().resolve("bench/screening-cases.csv"), StandardCharsets.UTF_8).stream()
                .skip(1).map(l -> l.split(",", -1)).filter(f -> f[1].equals("positive")).map(f -> f[2]).limit(names).toList();
        Path dir = Files.createTempDirectory("sieve-console-bench");
        try (SieveStore store = SieveStore.open(StoreConfig.h2(dir.resolve("databank")))) {
            new ListLoader(store).load(List.of(SharedData.lists()),
                    new LoadOptions(true, null, null).withDatedPaths(SharedData.undatedPublishedPaths()), LoadListener.NONE);
            SieveServer.bootstrap(store);
            String key = store.agencies().issueKey(Actor.cli(), Actor.OPERATOR_AGENCY, Role.ANALYST).secret();
            try (SieveServer server = new SieveServer(store, new SieveServer.Options("127.0.0.1", 0, Duration.ZERO)).start();
                 Playwright playwright = Playwright.create();
                 Browser browser = playwright.chromium().launch(new BrowserType.LaunchOptions().setExecutablePath(Paths.get("/usr/bin/chromium"))
                         .setHeadless(true).setArgs(List.of("--no-sandbox", "--disable-gpu")))) {
                String base = "http://127.0.0.1:" + server.port();
                BrowserContext context = browser.newContext();
                context.addInitScript(PROBE);
                Page page = context.newPage();
                page.navigate(base + "/sign-in");
                page.locator("#api-key").fill(key);
                page.locator("#api-key").press("Enter");
                page.waitForURL("**/screen");
                // warm-up: the JIT of the server and the page's first draw
                typeName(page, "Kim Jong Un", keyDelay);
                page.evaluate("() => { window.__latencies = []; }");
                long t0 = System.nanoTime();
                int keys = 0;
                for (String q : queries) {
                    typeName(page, q, keyDelay);
                    keys += q.length();
                }
                double seconds = (System.nanoTime() - t0) / 1e9;
                @SuppressWarnings("unchecked")
                List<Number> measured = (List<Number>) page.evaluate("() => window.__latencies");
                double[] ms = measured.stream().mapToDouble(Number::doubleValue).sorted().toArray();
                System.out.printf("%d names, %d keys typed in %.1f s (%d ms between keys); %d answers drawn%n", queries.size(), keys, seconds,
                        keyDelay, ms.length);
                System.out.printf("keystroke to drawn results: p50 %.0f ms, p90 %.0f ms, p99 %.0f ms, max %.0f ms%n",
                        pct(ms, 50), pct(ms, 90), pct(ms, 99), ms[ms.length - 1]);
                System.out.printf("answers over 100 ms: %d of %d%n", Arrays.stream(ms).filter(x -> x > 100).count(), ms.length);
            }
        }
    }

    private static void typeName(Page page, String name, int keyDelay) {
        page.locator("#q").fill("");
        for (int i = 0; i < name.length(); i++) {
            page.locator("#q").press(keyFor(name.charAt(i)));
            page.waitForTimeout(keyDelay);
        }
    }

    /** A key Playwright can press for a character (letters of any script are typed as themselves). */
    private static String keyFor(char c) {
        return c == ' ' ? "Space" : String.valueOf(c);
    }

    private static double pct(double[] sorted, int p) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p / 100.0 * sorted.length) - 1)];
    }

    private ConsoleBench() {
    }
}
