package dev.sieve.cli;

import com.fasterxml.jackson.databind.ObjectWriter;
import dev.sieve.lists.CsvParser;
import dev.sieve.match.MatchEngine;
import dev.sieve.model.Countries;
import dev.sieve.model.Explanation;
import dev.sieve.model.Match;
import dev.sieve.model.PartialDate;
import dev.sieve.model.Schema;
import dev.sieve.model.ScreeningQuery;
import dev.sieve.screening.ScreeningService;
import dev.sieve.store.EntityJson;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code sieve screen}: one name, or a CSV file of cases, against the lists. */
@Command(name = "screen", mixinStandardHelpOptions = true,
        description = "Screen a name (or a CSV of cases with --input) against the lists in the databank "
                + "(or the list files given with --lists); prints the alerts with their explanations.")
final class ScreenCommand extends CliCommand implements Callable<Integer> {
    private static final int CHUNK = 4096;

    @ParentCommand
    SieveCommand root;

    @Parameters(arity = "0..1", paramLabel = "NAME", description = "The name to screen.")
    String name;

    @Option(names = "--dob", paramLabel = "DATE", description = "Date of birth: YYYY, YYYY-MM or YYYY-MM-DD.")
    String dob;

    @Option(names = "--nationality", paramLabel = "CC", description = "Nationality, ISO 3166-1 alpha-2.")
    String nationality;

    @Option(names = "--schema", description = "Person, Organization, Vessel or Airplane.")
    String schema;

    @Option(names = "--threshold", description = "Alert threshold in [0, 1] (default " + MatchEngine.DEFAULT_THRESHOLD + ").")
    Double threshold;

    @Option(names = "--limit", defaultValue = "10", description = "Most alerts per query (default ${DEFAULT-VALUE}).")
    int limit;

    @Option(names = "--input", paramLabel = "CSV", description = "Screen every row of a CSV with columns case_id, "
            + "query_name and optional schema, birth_date, nationality (other columns are ignored).")
    Path input;

    @Option(names = "--output", paramLabel = "JSONL", description = "With --input: where to write one JSON line per row.")
    Path output;

    @Option(names = "--lists", paramLabel = "PATH", description = "Screen against these list files/folders instead of the databank.")
    List<Path> lists = new ArrayList<>();

    @Override
    public Integer call() throws Exception {
        PrintWriter out = out();
        if (input == null && name == null) throw new UserException("give a NAME to screen, or --input CSV");
        if (input != null && name != null) throw new UserException("give either a NAME or --input, not both");
        if (input != null && output == null) throw new UserException("--input needs --output JSONL");
        ScreeningService service = Engines.load(root, lists);
        MatchEngine engine = service.snapshot().engine();
        if (input != null) {
            long t0 = System.nanoTime();
            int rows = batch(engine, input, output);
            double s = (System.nanoTime() - t0) / 1e9;
            err().printf("screened %,d rows in %.2f s (%,.0f rows/s); results in %s%n", rows, s,
                    rows / s, output);
            return 0;
        }
        ScreeningQuery q = new ScreeningQuery(name, schema == null ? null : Schema.parse(schema),
                dob == null ? null : PartialDate.parse(dob), country(nationality, "--nationality"), List.of(),
                threshold, limit);
        List<Match> alerts = engine.screen(q);
        if (json) {
            Output.json(out, Map.of("query", q, "matches", alerts));
            return 0;
        }
        if (alerts.isEmpty()) {
            out.printf("no alerts for \"%s\" (threshold %.2f, %,d entities screened)%n", name,
                    q.threshold() != null ? q.threshold() : engine.defaultThreshold(), engine.entityCount());
            return 0;
        }
        for (Match m : alerts) print(out, m);
        return 0;
    }

    static String country(String text, String option) {
        if (text == null || text.isBlank()) return null;
        if (!Countries.isIso2(text.strip())) {
            throw new UserException(option + ": '" + text + "' is not an ISO 3166-1 alpha-2 country code");
        }
        return text.strip().toUpperCase(Locale.ROOT);
    }

    static void print(PrintWriter out, Match m) {
        Explanation e = m.explanation();
        out.printf("%.3f  %s  %s  (%s, %s)%n", m.score(), m.id(), m.name(), m.schema(), m.source());
        out.printf("       matched \"%s\": name score %.3f%n", e.listedName(), e.nameScore());
        for (Explanation.PartMatch p : e.parts()) {
            out.printf("         %-18s ~ %-18s %s %.2f%n", p.queryPart(), p.listedPart(),
                    p.how().name().toLowerCase(Locale.ROOT), p.similarity());
        }
        if (!e.unmatchedQueryParts().isEmpty()) out.println("         query parts not in the listed name: " + e.unmatchedQueryParts());
        if (!e.unmatchedListedParts().isEmpty()) out.println("         listed parts not in the query: " + e.unmatchedListedParts());
        for (Explanation.Evidence ev : e.evidence()) {
            out.printf("         %s: %s (%+.2f)%n", ev.kind(), ev.detail(), ev.effect());
        }
    }

    /**
     * Screens a case file on all cores: the next chunk is read while the current one is screened, results
     * are written in input order, and the output file appears only when complete (all or nothing).
     */
    private int batch(MatchEngine engine, Path in, Path outFile) throws Exception {
        String file = in.getFileName().toString();
        Path tmp = outFile.toAbsolutePath().resolveSibling(outFile.getFileName() + ".partial");
        ObjectWriter writer = EntityJson.mapper().writer();
        int threads = Runtime.getRuntime().availableProcessors();
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(threads);
        int rows = 0;
        try (CsvParser csv = new CsvParser(Files.newBufferedReader(in, StandardCharsets.UTF_8), file);
             BufferedWriter w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
            CsvParser.Row header = csv.next();
            if (header == null) throw new UserException(file + ": empty file");
            Map<String, Integer> col = new LinkedHashMap<>();
            for (int i = 0; i < header.fields().size(); i++) col.put(header.get(i).strip().toLowerCase(Locale.ROOT), i);
            for (String required : List.of("case_id", "query_name")) {
                if (!col.containsKey(required)) throw new UserException(file + ": line 1: column '" + required + "' is missing");
            }
            Chunk current = readChunk(csv, col, file);
            while (!current.ids.isEmpty()) {
                List<java.util.concurrent.Future<?>> work = new ArrayList<>();
                Chunk running = current;
                int slice = (running.ids.size() + threads - 1) / threads;
                for (int from = 0; from < running.ids.size(); from += slice) {
                    int start = from;
                    int stop = Math.min(running.ids.size(), from + slice);
                    work.add(pool.submit(() -> {
                        for (int i = start; i < stop; i++) running.lines[i] = line(engine, writer, running.ids.get(i), running.queries.get(i));
                        return null;
                    }));
                }
                current = readChunk(csv, col, file); // overlaps with the screening above
                for (var f : work) {
                    try {
                        f.get();
                    } catch (java.util.concurrent.ExecutionException e) {
                        throw e.getCause() instanceof Exception ex ? ex : new IllegalStateException(e.getCause());
                    }
                }
                for (String l : running.lines) {
                    w.write(l);
                    w.newLine();
                }
                rows += running.ids.size();
            }
        } catch (Exception e) {
            Files.deleteIfExists(tmp);
            throw e;
        } finally {
            pool.shutdownNow();
        }
        Files.move(tmp, outFile, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        return rows;
    }

    /** One chunk of rows: case ids, queries, and the result lines once screened. */
    private static final class Chunk {
        final List<String> ids = new ArrayList<>(CHUNK);
        final List<ScreeningQuery> queries = new ArrayList<>(CHUNK);
        String[] lines;
    }

    private Chunk readChunk(CsvParser csv, Map<String, Integer> col, String file) throws IOException {
        Chunk c = new Chunk();
        CsvParser.Row r;
        while (c.ids.size() < CHUNK && (r = csv.next()) != null) {
            if (r.fields().size() == 1 && r.get(0).isBlank()) continue;
            c.queries.add(query(r, col, file));
            c.ids.add(get(r, col, "case_id"));
        }
        c.lines = new String[c.ids.size()];
        return c;
    }

    private static String line(MatchEngine engine, ObjectWriter writer, String caseId, ScreeningQuery q) throws IOException {
        List<Match> alerts = engine.screen(q);
        if (alerts.isEmpty()) {
            // most rows: no need for the general serialiser
            return "{\"case_id\":" + writer.writeValueAsString(caseId) + ",\"matches\":[]}";
        }
        List<Map<String, Object>> ms = new ArrayList<>();
        for (Match m : alerts) {
            Map<String, Object> o = new LinkedHashMap<>();
            o.put("id", m.id());
            o.put("score", m.score());
            o.put("name", m.name());
            o.put("explanation", m.explanation());
            ms.add(o);
        }
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("case_id", caseId);
        line.put("matches", ms);
        return writer.writeValueAsString(line);
    }

    private ScreeningQuery query(CsvParser.Row r, Map<String, Integer> col, String file) {
        String where = file + ": line " + r.line();
        String caseName = get(r, col, "query_name");
        if (get(r, col, "case_id") == null) throw new UserException(where + ": case_id is empty");
        if (caseName == null) throw new UserException(where + ": query_name is empty");
        try {
            String s = get(r, col, "schema");
            String d = get(r, col, "birth_date");
            return new ScreeningQuery(caseName, s == null ? null : Schema.parse(s), d == null ? null : PartialDate.parse(d),
                    country(get(r, col, "nationality"), where + ": nationality"), List.of(), threshold, limit);
        } catch (IllegalArgumentException e) {
            throw new UserException(where + ": " + e.getMessage());
        }
    }

    private static String get(CsvParser.Row r, Map<String, Integer> col, String name) {
        Integer i = col.get(name);
        if (i == null || i >= r.fields().size()) return null;
        String v = r.get(i);
        return v == null || v.isBlank() ? null : v.strip();
    }
}
