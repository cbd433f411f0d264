package dev.sieve.bench;

import dev.sieve.databank.ListLoader;
import dev.sieve.databank.LoadListener;
import dev.sieve.databank.LoadOptions;
import dev.sieve.lists.CsvParser;
import dev.sieve.server.SieveServer;
import dev.sieve.store.Actor;
import dev.sieve.store.Role;
import dev.sieve.store.SieveStore;
import dev.sieve.store.StoreConfig;
import dev.sieve.testing.SharedData;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Whole-process benchmark of the service: all shared lists in a fresh H2 databank, the server on
 * 127.0.0.1, and {@code wrk} (Debian package) sending single screenings of the benchmark's query names
 * for a fixed time over keep-alive connections. Halfway through, a list file is uploaded as a new
 * publication, so the index is rebuilt and swapped under load. Reports throughput, latency
 * percentiles, errors, whether every screening reached the audit trail, the audit's group commits and
 * the JIT compilation time during the run (the warm-up lasts until the compiler has settled).
 *
 * <p>Run: {@code bin/bench ServerBench [--seconds 60] [--connections 8] [--threads 2] [--no-reload] [--cold-reload]
 * [--jdbc URL] [--yente]}; {@code --yente} sends each name to yente's {@code POST /match/default} instead of
 * {@code /v1/screen}; with {@code --jdbc} the databank is that (empty) database, PostgreSQL say, instead of a fresh H2
 * file. {@code .ci/postgres start DIR PORT durable} gives a throwaway PostgreSQL that syncs its commits as a
 * production one does.
 */
public final class ServerBench {
    private ServerBench() {
    }

    public static void main(String[] args) throws Exception {
        int seconds = 60;
        int connections = 8;
        int threads = 2;
        boolean reload = true;
        boolean warmReload = true;
        boolean timeline = false;
        boolean yente = false;
        String jdbc = null;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--seconds" -> seconds = Integer.parseInt(args[++i]);
                case "--connections" -> connections = Integer.parseInt(args[++i]);
                case "--threads" -> threads = Integer.parseInt(args[++i]);
                case "--no-reload" -> reload = false;
                case "--cold-reload" -> warmReload = false;
                case "--timeline" -> timeline = true;
                case "--yente" -> yente = true;
                case "--jdbc" -> jdbc = args[++i];
                default -> throw new IllegalArgumentException("unknown argument " + args[i]);
            }
        }
        Path dir = Files.createTempDirectory("sieve-server-bench");
        try (SieveStore store = SieveStore.open(jdbc == null ? StoreConfig.h2(dir.resolve("databank")) : StoreConfig.jdbc(jdbc))
                .sealIn(dir)) {
            long t0 = System.nanoTime();
            new ListLoader(store).load(List.of(SharedData.lists()),
                    new LoadOptions(true, null, null).withDatedPaths(SharedData.undatedPublishedPaths()), new LoadListener() { });
            System.out.printf("loaded all lists in %.1f s%n", (System.nanoTime() - t0) / 1e9);
            SieveServer.bootstrap(store);
            store.agencies().create(Actor.cli(), "bench", "Benchmark agency");
            String key = store.agencies().issueKey(Actor.cli(), "bench", Role.ANALYST).secret();
            String admin = store.agencies().issueKey(Actor.cli(), Actor.OPERATOR_AGENCY, Role.ADMIN).secret();
            try (SieveServer server = new SieveServer(store, new SieveServer.Options("127.0.0.1", 0, Duration.ZERO)).start()) {
                System.out.printf("server on port %d: %d entities; databank %s; JVM %s, %d cores%n", server.port(),
                        server.screening().snapshot().engine().entityCount(), jdbc == null ? "H2" : jdbc.replaceAll("[?;].*", ""), Runtime.version(),
                        Runtime.getRuntime().availableProcessors());
                Path script = dir.resolve("screen.lua");
                Files.writeString(script, luaScript(key, queryNames(), yente));
                String url = "http://127.0.0.1:" + server.port();
                warmUp(url, script);
                // The UK list as published day after day (same records, new date line): the mid-run reload
                // is a daily update. A server that has run for a while has loaded many, so by default the
                // warm-up uploads daily files until loading one compiles little (the loading and
                // index-building code is then compiled, as in such a server); --cold-reload skips that and
                // measures the first upload after a start.
                byte[] published = Files.readAllBytes(SharedData.list("uk_ofsi/sanctionsconlist.csv"));
                int day = 0;
                if (reload && warmReload) {
                    var jit = ManagementFactory.getCompilationMXBean();
                    for (long compiled = Long.MAX_VALUE; compiled >= 300 && day < 8; day++) {
                        long before = jit.getTotalCompilationTime();
                        String report = upload(url, admin, daysLater(published, day), server);
                        Thread.sleep(1000); // compilations it queued finish
                        compiled = jit.getTotalCompilationTime() - before;
                        System.out.printf("warm-up reload %d: %s; JIT compilation %.1f s%n", day + 1, report, compiled / 1e3);
                    }
                }
                // the audit chain is read before the last warm-up: reading all of it disturbs H2's caches
                long eventsBefore = store.audit().verify().events();
                warmUp(url, script);
                RunCounters before = RunCounters.now(store);
                System.out.println("timed run from " + java.time.LocalTime.now().withNano(0));
                long startSecond = System.currentTimeMillis() / 1000;
                Path runScript = script;
                if (timeline) {
                    // one connection per wrk thread, so each response follows its own request
                    threads = connections;
                    runScript = dir.resolve("timeline.lua");
                    Files.writeString(runScript, Files.readString(script) + TIMELINE_LUA);
                }
                Process wrk = new ProcessBuilder("wrk", "-t" + threads, "-c" + connections, "-d" + seconds + "s", "--latency",
                        "-s", runScript.toString(), url).redirectErrorStream(true).start();
                String reloadReport = "no reload";
                if (reload) {
                    Thread.sleep(seconds * 500L);
                    System.out.printf("mid-run reload at second %d%n", System.currentTimeMillis() / 1000 - startSecond);
                    reloadReport = upload(url, admin, daysLater(published, day), server);
                }
                String out = new String(wrk.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                wrk.waitFor();
                System.out.println(timeline ? timeline(out, startSecond) : out);
                System.out.println("mid-run reload: " + reloadReport);
                RunCounters after = RunCounters.now(store);
                System.out.printf("JIT compilation during the run: %.1f s; audit group commits: %d for %d events (%.1f per commit)%n",
                        (after.jitMillis() - before.jitMillis()) / 1e3, after.commits() - before.commits(),
                        after.events() - before.events(),
                        (after.events() - before.events()) / (double) Math.max(1, after.commits() - before.commits()));
                System.out.printf("garbage collection during the run: %d collections, %d ms of pauses in all%n",
                        after.collections() - before.collections(), after.gcMillis() - before.gcMillis());
                var v = store.audit().verify();
                System.out.printf("audit trail: %d events written since the last warm-up began (%d during the run), chain intact: %s%n",
                        v.events() - eventsBefore, after.events() - before.events(), v.intact());
            }
        } finally {
            try (var files = Files.walk(dir)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    /** Cumulative counts read before and after the timed run: JIT time, collections, audit group commits. */
    private record RunCounters(long jitMillis, long collections, long gcMillis, long commits, long events) {
        static RunCounters now(SieveStore store) {
            long count = 0;
            long millis = 0;
            for (var gc : ManagementFactory.getGarbageCollectorMXBeans()) {
                count += Math.max(0, gc.getCollectionCount());
                millis += Math.max(0, gc.getCollectionTime());
            }
            var groups = store.audit().groupStats();
            return new RunCounters(ManagementFactory.getCompilationMXBean().getTotalCompilationTime(), count, millis,
                    groups.commits(), groups.events());
        }
    }

    /** Uploads a UK list file as a new publication of the source "bench-reload"; reports how it went. */
    private static String upload(String url, String admin, byte[] file, SieveServer server) throws Exception {
        long r0 = System.nanoTime();
        HttpResponse<String> up = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build().send(
                HttpRequest.newBuilder(URI.create(url + "/v1/lists/bench-reload/publications?filename=sanctionsconlist.csv"))
                        .header("Authorization", "Bearer " + admin)
                        .POST(HttpRequest.BodyPublishers.ofByteArray(file)).build(),
                HttpResponse.BodyHandlers.ofString());
        if (up.statusCode() != 201) throw new IllegalStateException("upload refused: HTTP " + up.statusCode() + " " + up.body());
        return String.format("upload + store + rebuild + swap of the UK list took %.2f s (HTTP %d), index now %d entities",
                (System.nanoTime() - r0) / 1e9, up.statusCode(), server.screening().snapshot().engine().entityCount());
    }

    /** The same list file dated {@code days} later (its first line is "Last Updated,dd/mm/yyyy"). */
    static byte[] daysLater(byte[] ukList, int days) {
        String text = new String(ukList, StandardCharsets.UTF_8);
        var m = java.util.regex.Pattern.compile("^Last Updated,(\\d{2}/\\d{2}/\\d{4})").matcher(text);
        if (!m.find()) throw new IllegalStateException("the UK list no longer starts with its 'Last Updated' line");
        var format = java.time.format.DateTimeFormatter.ofPattern("dd/MM/yyyy");
        String next = java.time.LocalDate.parse(m.group(1), format).plusDays(days).format(format);
        return (text.substring(0, m.start(1)) + next + text.substring(m.end(1))).getBytes(StandardCharsets.UTF_8);
    }

    /**
     * Sends load in 10 s rounds until the JIT compiler has settled (under 0.5 s of compilation in a
     * round) or two minutes have passed: the hot methods are large, and C2 recompiles them several
     * times as new branches turn up, which on two cores takes CPU from the server for a minute or more.
     */
    private static void warmUp(String url, Path script) throws Exception {
        var jit = ManagementFactory.getCompilationMXBean();
        for (int round = 1; round <= 12; round++) {
            long before = jit.getTotalCompilationTime();
            Process p = new ProcessBuilder("wrk", "-t2", "-c6", "-d10s", "-s", script.toString(), url).redirectErrorStream(true).start();
            try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = r.readLine()) != null) {
                    if (line.startsWith("RESULT")) System.out.println("warm-up " + round + ": " + line.substring(7).replaceAll(" errors:.*", ""));
                }
            }
            p.waitFor();
            long compiled = jit.getTotalCompilationTime() - before;
            System.out.printf("warm-up %d: JIT compilation %.1f s%n", round, compiled / 1e3);
            if (compiled < 500) return;
        }
    }

    /**
     * With --timeline, wrk's script also times each response with its own clock (one connection per
     * thread, so the last request sent is the one answered) and prints, per second, the responses and
     * those slower than 5 and 10 ms: where in the run the tail is. A diagnostic: the percentiles quoted
     * are wrk's own, and this script's clock counts somewhat fewer slow responses than wrk's percentiles imply.
     */
    private static final String TIMELINE_LUA = """
            local ffi = require("ffi")
            ffi.cdef[[ typedef struct { long tv_sec; long tv_nsec; } sieve_ts; int clock_gettime(int clk, sieve_ts *tp); ]]
            local ts = ffi.new("sieve_ts")
            local function now() ffi.C.clock_gettime(0, ts); return tonumber(ts.tv_sec) + tonumber(ts.tv_nsec) / 1e9 end
            local sentAt = 0
            total, over5, over10, worst = {}, {}, {}, {}
            local plainRequest = request
            request = function() sentAt = now(); return plainRequest() end
            response = function(status, headers, body)
              local t = now(); local ms = (t - sentAt) * 1000; local s = math.floor(t)
              total[s] = (total[s] or 0) + 1
              if ms > 5 then over5[s] = (over5[s] or 0) + 1 end
              if ms > 10 then over10[s] = (over10[s] or 0) + 1 end
              if ms > (worst[s] or 0) then worst[s] = ms end
            end
            local threads = {}
            setup = function(thread) table.insert(threads, thread) end
            local plainDone = done
            done = function(summary, latency, requests)
              plainDone(summary, latency, requests)
              local sum = {}
              for _, t in ipairs(threads) do
                local tt, t5, t10, tw = t:get("total"), t:get("over5"), t:get("over10"), t:get("worst")
                for s, n in pairs(tt) do
                  local a = sum[s] or {0, 0, 0, 0}
                  a[1] = a[1] + n; a[2] = a[2] + (t5[s] or 0); a[3] = a[3] + (t10[s] or 0); a[4] = math.max(a[4], tw[s] or 0)
                  sum[s] = a
                end
              end
              for s, a in pairs(sum) do io.write(string.format("SECOND %d %d %d %d %.1f\\n", s, a[1], a[2], a[3], a[4])) end
            end
            """;

    /** wrk's output with its per-second lines as a table from the run's start. */
    private static String timeline(String wrkOutput, long startSecond) {
        StringBuilder rest = new StringBuilder();
        java.util.TreeMap<Long, String> rows = new java.util.TreeMap<>();
        for (String line : wrkOutput.split("\n")) {
            if (!line.startsWith("SECOND ")) {
                rest.append(line).append('\n');
                continue;
            }
            String[] f = line.split(" ");
            long second = Long.parseLong(f[1]) - startSecond;
            rows.put(second, String.format("%4d %8s %8s %8s %10s", second, f[2], f[3], f[4], f[5]));
        }
        StringBuilder table = new StringBuilder("second responses  over5ms over10ms  slowest_ms\n");
        rows.values().forEach(r -> table.append(r).append('\n'));
        return rest + table.toString();
    }

    /** The benchmark cases' query names: hits, near misses and clean customers, in file order. */
    static List<String> queryNames() throws Exception {
        List<String> names = new ArrayList<>();
        try (var in = Files.newBufferedReader(SharedData.bench().resolve("screening-cases.csv"))) {
            CsvParser csv = new CsvParser(in, "screening-cases.csv");
            List<String> header = csv.next().fields();
            int col = header.indexOf("query_name");
            CsvParser.Row row;
            while ((row = csv.next()) != null) names.add(row.fields().get(col));
        }
        return names;
    }

    static String luaScript(String key, List<String> names) throws Exception {
        return luaScript(key, names, false);
    }

    /** With {@code yente}, each name goes to yente's {@code POST /match/default} as a Person example instead of {@code /v1/screen}. */
    static String luaScript(String key, List<String> names, boolean yente) throws Exception {
        // each name as a JSON string in pure ASCII (\\uXXXX escapes), then as a Lua string literal
        var json = new com.fasterxml.jackson.databind.ObjectMapper();
        json.getFactory().configure(com.fasterxml.jackson.core.json.JsonWriteFeature.ESCAPE_NON_ASCII.mappedFeature(), true);
        StringBuilder sb = new StringBuilder("local names = {\n");
        for (String n : names) {
            String quoted = json.writeValueAsString(n);
            String inner = quoted.substring(1, quoted.length() - 1);
            sb.append("  \"").append(inner.replace("\\", "\\\\").replace("\"", "\\\"")).append("\",\n");
        }
        sb.append("}\n");
        sb.append("""
                local i = 0
                local headers = {["Content-Type"] = "application/json", ["Authorization"] = "Bearer %s"}
                request = function()
                  i = i + 1
                  local name = names[(i %% #names) + 1]
                  if %s then
                    return wrk.format("POST", "/match/default", headers, '{"queries":{"q":{"schema":"Person","properties":{"name":["' .. name .. '"]}}}}')
                  end
                  return wrk.format("POST", "/v1/screen", headers, '{"name":"' .. name .. '"}')
                end
                done = function(summary, latency, requests)
                  local e = summary.errors
                  io.write(string.format("RESULT requests=%%d seconds=%%.1f rps=%%.0f p50_ms=%%.3f p90_ms=%%.3f p99_ms=%%.3f max_ms=%%.3f errors: connect=%%d read=%%d write=%%d status=%%d timeout=%%d\\n",
                    summary.requests, summary.duration / 1e6, summary.requests / (summary.duration / 1e6),
                    latency:percentile(50) / 1000, latency:percentile(90) / 1000, latency:percentile(99) / 1000, latency.max / 1000,
                    e.connect, e.read, e.write, e.status, e.timeout))
                end
                """.formatted(key, yente ? "true" : "false"));
        return sb.toString();
    }
}
