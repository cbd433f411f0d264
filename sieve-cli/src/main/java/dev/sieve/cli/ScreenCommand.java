package dev.sieve.cli;

import com.fasterxml.jackson.databind.ObjectWriter;
import dev.sieve.channels.Verdict;
import dev.sieve.channels.customer.ColumnMapping;
import dev.sieve.channels.customer.CustomerFileException;
import dev.sieve.channels.customer.CustomerFileReader;
import dev.sieve.channels.customer.CustomerRecord;
import dev.sieve.channels.text.TextDecoding;
import dev.sieve.match.MatchEngine;
import dev.sieve.model.Countries;
import dev.sieve.model.Match;
import dev.sieve.model.PartialDate;
import dev.sieve.model.Schema;
import dev.sieve.model.ScreeningQuery;
import dev.sieve.model.Topics;
import dev.sieve.parties.PartyGroup;
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
import java.util.LinkedHashSet;
import java.util.Set;
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

    @Option(names = "--input", paramLabel = "FILE", description = "Screen every row of a customer file: CSV with a header,"
            + " or JSON lines. Columns by name: case_id/customer_id/id, query_name/name/full_name, schema/type,"
            + " birth_date/dob, nationality/country, passport, national_id, tax_id, registration, bic, imo (others ignored).")
    Path input;

    @Option(names = "--column", paramLabel = "FIELD=HEADER", description = "With --input: read FIELD (id, name, given_name,"
            + " family_name, schema, birth_date, nationality, passport, ...) from the column HEADER. Repeatable.")
    List<String> columns = new ArrayList<>();

    @Option(names = "--delimiter", paramLabel = "CHAR", description = "With --input: the CSV field separator"
            + " (default: detected from the header among , ; tab |; write tab as 'tab').")
    String delimiter;

    @Option(names = "--encoding", paramLabel = "CHARSET", description = "With --input: the file's encoding, e.g."
            + " windows-1252 (default: detected; UTF-8 when the bytes are UTF-8).")
    String encoding;

    @Option(names = "--date-format", paramLabel = "PATTERN", description = "With --input: how birth dates are"
            + " written, e.g. dd/MM/yyyy or MM/dd/yyyy (ISO dates, dd.MM.yyyy and a slashed date only one reading of"
            + " which is a day, such as 21/03/1950, are always read).")
    String dateFormat;

    @Option(names = "--output", paramLabel = "FILE", description = "With --input: where to write one result per row:"
            + " JSON lines, or CSV for spreadsheets when the name ends in .csv.")
    Path output;

    @Option(names = "--topic", paramLabel = "TOPIC", split = ",", description = "Screen only entities listed for this"
            + " topic or below it: sanction, role.pep (or pep), role (PEPs and their relatives), poi, crime, debarment,"
            + " wanted... Repeatable; all topics by default.")
    List<String> topics = new ArrayList<>();

    @Option(names = "--lists", paramLabel = "PATH", description = "Screen against these list files/folders instead of the databank.")
    List<Path> lists = new ArrayList<>();

    @Option(names = "--monitor", description = "With --input: enrol every row as a monitored subject of the agency, under"
            + " its customer id (every row needs one): stored, screened, its hits alerts (see `sieve alerts`), and"
            + " re-screened whenever a list changes. A row given again unchanged keeps its version.")
    boolean monitor;

    @Option(names = "--agency", paramLabel = "ID", description = "With --monitor: whose subjects (default: the operator's own).")
    String agency;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = out();
        if (input == null && name == null) throw new UsageException("give a NAME to screen, or --input CSV");
        if (input != null && name != null) throw new UsageException("give either a NAME or --input, not both");
        if (monitor && input == null) throw new UsageException("--monitor enrols a customer file: give --input FILE");
        if (monitor && !lists.isEmpty()) throw new UsageException("--monitor keeps subjects in the databank; it cannot take --lists");
        if (monitor && !topics.isEmpty()) throw new UsageException("--monitor screens subjects against every list; leave out --topic");
        if (!monitor && agency != null) throw new UsageException("--agency goes with --monitor");
        if (monitor && output != null && output.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".csv")) {
            throw new UsageException("--monitor writes its results as JSON lines: give --output FILE.jsonl");
        }
        if (monitor) return enrolFile(input, output);
        if (input != null && output == null) throw new UsageException("--input needs --output FILE (.jsonl, or .csv)");
        if (input == null && ScreeningQuery.nameProblem(name) != null) throw new UsageException("NAME " + ScreeningQuery.nameProblem(name));
        Schema givenSchema = UsageException.option("--schema", schema, Schema::parse);
        PartialDate givenDob = UsageException.option("--dob", dob, PartialDate::parse);
        String givenNationality = UsageException.option("--nationality", nationality, Countries::parse);
        if (threshold != null && !(threshold >= 0 && threshold <= 1)) throw new UsageException("--threshold must be between 0 and 1");
        Set<String> givenTopics = topics();
        ScreeningService service = Engines.load(root, lists);
        MatchEngine engine = service.snapshot().engine();
        if (input != null) {
            long t0 = System.nanoTime();
            BatchCounts counts = batch(engine, input, output);
            double s = (System.nanoTime() - t0) / 1e9;
            err().printf("screened %,d rows in %.2f s (%,.0f rows/s); results in %s%n", counts.rows(), s,
                    counts.rows() / s, output);
            err().printf("%,d row(s) with alerts%n", counts.withAlerts());
            if (counts.withWarnings() > 0) {
                err().printf("%,d row(s) screened with a warning (a birth date or country not read); see \"warnings\" in the results%n",
                        counts.withWarnings());
            }
            if (counts.broken() > 0) {
                err().printf("%,d row(s) could not be screened; each is in the results with its line and problem%n", counts.broken());
            }
            return counts.broken() + counts.withAlerts() > 0 ? ExitCodes.NOT_CLEAR : ExitCodes.CLEAR;
        }
        ScreeningQuery q = new ScreeningQuery(name, givenSchema, givenDob, givenNationality, List.of(), threshold, limit, givenTopics);
        ScreeningService.Result result = service.screen(q);
        List<Match> alerts = result.matches();
        if (json) {
            Output.json(out, Map.of("query", q, "matches", alerts, "summary", result.describe(), "parties", result.groups()));
            return ExitCodes.of(alerts.isEmpty());
        }
        MatchText text = new MatchText(out, terminal());
        if (alerts.isEmpty()) {
            out.printf("%s for \"%s\" (threshold %.2f, %,d entities screened)%n", terminal().paint("no alerts", Terminal.Tone.CLEAR), name,
                    q.threshold() != null ? q.threshold() : engine.defaultThreshold(), engine.entityCount());
            return ExitCodes.CLEAR;
        }
        out.printf("%s: %s%n", terminal().paint(alerts.size() + " alert" + (alerts.size() == 1 ? "" : "s"), Terminal.Tone.ALERT),
                result.describe());
        for (PartyGroup g : result.groups()) {
            boolean many = g.listings().size() + g.otherListings().size() > 1;
            if (many) out.printf("%s%n", g.party());
            for (Match m : g.listings()) text.match(m, many ? "  " : "");
            if (!g.otherListings().isEmpty()) {
                out.printf("  also listed as %s (did not alert)%n", String.join(", ", g.otherListings()));
            }
        }
        return ExitCodes.NOT_CLEAR;
    }

    private Set<String> topics() {
        Set<String> out = new LinkedHashSet<>();
        for (String t : topics) {
            try {
                out.add(Topics.parse(t));
            } catch (IllegalArgumentException e) {
                throw new UsageException("--topic: " + e.getMessage());
            }
        }
        return out;
    }

    /** What a batch did: rows read, rows that could not be screened, rows with alerts, rows with warnings. */
    private record BatchCounts(int rows, int broken, int withAlerts, int withWarnings) {
    }

    /**
     * Screens a customer file (CSV with a header, separated by , ; tab or |, or JSON lines; columns mapped
     * by name; its encoding detected or given) on all cores: the next chunk is read while the current one
     * is screened, results are written in input order (JSON lines, or CSV when the output ends in .csv),
     * and the output file appears only when complete. A broken row is written as "could not screen" with
     * its line and problem, never skipped.
     */
    private BatchCounts batch(MatchEngine engine, Path in, Path outFile) throws Exception {
        String file = in.getFileName().toString();
        if (!Files.exists(in)) throw new UserException(in + ": no such file");
        if (Files.isDirectory(in)) throw new UserException(in + ": is a folder; give the customer file");
        if (Files.isDirectory(outFile)) throw new UserException("--output " + outFile + ": is a folder; give a file name");
        Path parent = outFile.toAbsolutePath().getParent();
        if (parent != null && !Files.isDirectory(parent)) throw new UserException("--output " + outFile + ": folder " + parent + " does not exist");
        boolean csvOut = outFile.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".csv");
        Path tmp = outFile.toAbsolutePath().resolveSibling(outFile.getFileName() + ".partial");
        ObjectWriter writer = EntityJson.shown().writer();
        int threads = Runtime.getRuntime().availableProcessors();
        Set<String> topics = topics();
        CustomerFileReader.Options options;
        try {
            options = new CustomerFileReader.Options(ColumnMapping.parse(columns), delimiter(), dateFormat, threshold, limit);
        } catch (IllegalArgumentException e) {
            throw new UsageException("--column: " + e.getMessage());
        }
        TextDecoding.Detected encoding = encodingOf(in);
        Progress progress = Progress.start(err(), Files.size(in));
        int rows = 0;
        int broken = 0;
        int withAlerts = 0;
        int withWarnings = 0;
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(threads);
        try (CustomerFileReader reader = new CustomerFileReader(file,
                TextDecoding.reader(Files.newInputStream(in), encoding.charset()), options);
             BufferedWriter w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
            err().printf("reading %s: %s, %s%n", file, encoding.describe(), reader.jsonLines() ? "JSON lines"
                    : "fields separated by " + delimiterName(reader.delimiter()));
            if (csvOut) {
                w.write(ResultRows.CSV_HEADER);
                w.newLine();
            }
            // A pipeline: while the workers screen one chunk (pulling rows one by one, so neither idles on a
            // slow slice), this thread writes the previous chunk's lines and reads the next chunk.
            Chunk screening = readChunk(reader);
            List<java.util.concurrent.Future<?>> work = submit(pool, threads, engine, writer, screening, topics, csvOut);
            while (!screening.records.isEmpty()) {
                Chunk next = readChunk(reader);
                await(work);
                Chunk done = screening;
                screening = next;
                work = submit(pool, threads, engine, writer, screening, topics, csvOut);
                for (String l : done.lines) {
                    w.write(l);
                    w.newLine();
                }
                for (CustomerRecord r : done.records) {
                    if (r.problem() != null) broken++;
                    if (!r.warnings().isEmpty()) withWarnings++;
                }
                for (boolean a : done.alerted) if (a) withAlerts++;
                rows += done.records.size();
                progress.rows(rows, done.records.getLast().line());
            }
        } catch (CustomerFileException e) {
            Files.deleteIfExists(tmp);
            throw new UserException(e.getMessage());
        } catch (Exception e) {
            Files.deleteIfExists(tmp);
            throw e;
        } finally {
            pool.shutdownNow();
            progress.close();
        }
        Files.move(tmp, outFile, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        return new BatchCounts(rows, broken, withAlerts, withWarnings);
    }

    /**
     * Enrols a customer file as monitored subjects: read through once first (a file that cannot be read, or a row
     * without a customer id, stops it before anything is stored), then enrolled chunk by chunk, each chunk's
     * subjects, evidence and alerts in one transaction (run again after a failure: unchanged rows keep their
     * version and no alert is raised twice).
     */
    private int enrolFile(Path in, Path outFile) throws Exception {
        String file = in.getFileName().toString();
        if (!Files.exists(in)) throw new UserException(in + ": no such file");
        if (Files.isDirectory(in)) throw new UserException(in + ": is a folder; give the customer file");
        if (outFile != null && Files.isDirectory(outFile)) throw new UserException("--output " + outFile + ": is a folder; give a file name");
        CustomerFileReader.Options options;
        try {
            options = new CustomerFileReader.Options(ColumnMapping.parse(columns), delimiter(), dateFormat, threshold, limit);
        } catch (IllegalArgumentException e) {
            throw new UsageException("--column: " + e.getMessage());
        }
        TextDecoding.Detected encoding = encodingOf(in);
        long total = 0;
        try (CustomerFileReader reader = new CustomerFileReader(file, TextDecoding.reader(Files.newInputStream(in), encoding.charset()),
                options)) {
            CustomerRecord r;
            while ((r = reader.next()) != null) {
                total++;
                String problem = r.idGiven() ? dev.sieve.alerts.SubjectData.externalIdProblem(r.id()) : "is missing";
                if (problem != null) {
                    throw new UserException(file + ", line " + r.line() + ": the customer id " + problem + "; --monitor keeps each"
                            + " row under its customer id (a column customer_id or id, or --column id=HEADER); nothing was enrolled");
                }
            }
        } catch (CustomerFileException e) {
            throw new UserException(e.getMessage() + "; nothing was enrolled");
        }
        Path tmp = outFile == null ? null : outFile.toAbsolutePath().resolveSibling(outFile.getFileName() + ".partial");
        long t0 = 0;
        long created = 0;
        long changed = 0;
        long withMatches = 0;
        long raised = 0;
        long broken = 0;
        long rows = 0;
        ObjectWriter writer = EntityJson.shown().writer();
        try (dev.sieve.store.SieveStore store = Databank.open(root);
             CustomerFileReader reader = new CustomerFileReader(file, TextDecoding.reader(Files.newInputStream(in), encoding.charset()),
                     options);
             BufferedWriter w = tmp == null ? null : Files.newBufferedWriter(tmp, StandardCharsets.UTF_8);
             Progress progress = Progress.start(err(), Files.size(in))) {
            dev.sieve.store.Actor actor = Monitoring.actor(store, agency);
            dev.sieve.alerts.Monitor monitorOf = Monitoring.monitor(store);
            err().printf("enrolling %s as subjects of %s: %,d rows%n", file, actor.agency(), total);
            t0 = System.nanoTime(); // the index is built: from here, the rate of enrolment
            // a pipeline: the next chunk is screened on every core while this thread reads the one after it and stores
            // the one before
            java.util.concurrent.ExecutorService ahead = java.util.concurrent.Executors.newSingleThreadExecutor();
            try {
                List<CustomerRecord> chunk = readChunk(reader).records;
                var screened = ahead.submit(screenAhead(monitorOf, actor, chunk));
                while (!chunk.isEmpty()) {
                    List<CustomerRecord> next = readChunk(reader).records;
                    dev.sieve.alerts.Monitor.Screened current = await(screened);
                    screened = ahead.submit(screenAhead(monitorOf, actor, next));
                    var enrolled = monitorOf.store(current).iterator();
                    for (CustomerRecord r : chunk) {
                        Map<String, Object> result = new LinkedHashMap<>();
                        result.put("row", r.row());
                        result.put("customer_id", r.id());
                        if (r.problem() != null) {
                            broken++;
                            result.put("verdict", Verdict.COULD_NOT_SCREEN.label());
                            result.put("problem", r.problem());
                        } else {
                            dev.sieve.alerts.Monitor.Enrolment e = enrolled.next();
                            if (e.created()) created++;
                            else if (e.changed()) changed++;
                            if (!e.matches().isEmpty()) withMatches++;
                            raised += e.raised().size();
                            result.put("name", r.query().name());
                            result.put("verdict", e.matches().isEmpty() ? "clear" : "hit");
                            result.put("subject_version", e.subject().version());
                            result.put("matches", e.matches());
                            result.put("alerts_raised", e.raised().stream().map(dev.sieve.alerts.Alert::id).toList());
                        }
                        if (!r.warnings().isEmpty()) result.put("warnings", r.warnings());
                        if (w != null) {
                            w.write(writer.writeValueAsString(result));
                            w.newLine();
                        }
                    }
                    rows += chunk.size();
                    progress.rows(rows, chunk.getLast().line());
                    chunk = next;
                }
            } finally {
                ahead.shutdownNow();
            }
        } catch (CustomerFileException e) {
            if (tmp != null) Files.deleteIfExists(tmp);
            throw new UserException(e.getMessage());
        } catch (Exception e) {
            if (tmp != null) Files.deleteIfExists(tmp);
            throw e;
        }
        if (tmp != null) Files.move(tmp, outFile, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        double secs = (System.nanoTime() - t0) / 1e9;
        err().printf("enrolled %,d rows in %.2f s (%,.0f rows/s): %,d new, %,d changed, %,d unchanged subjects%n", rows, secs,
                rows / secs, created, changed, rows - broken - created - changed);
        err().printf("%,d with matches, %,d alert(s) raised (sieve alerts%s --state open)%n", withMatches, raised,
                agency == null ? "" : " --agency " + agency);
        if (broken > 0) err().printf("%,d row(s) could not be screened and were not enrolled%s%n", broken, outFile == null ? "" : "; see " + outFile);
        return withMatches + broken > 0 ? ExitCodes.NOT_CLEAR : ExitCodes.CLEAR;
    }

    /** Screening a chunk's rows that can be screened, for {@link dev.sieve.alerts.Monitor#store} to store. */
    private static java.util.concurrent.Callable<dev.sieve.alerts.Monitor.Screened> screenAhead(dev.sieve.alerts.Monitor monitor,
            dev.sieve.store.Actor actor, List<CustomerRecord> chunk) {
        List<dev.sieve.alerts.Monitor.Enrollee> enrollees = new ArrayList<>();
        for (CustomerRecord r : chunk) {
            if (r.problem() == null) enrollees.add(new dev.sieve.alerts.Monitor.Enrollee(r.id(), dev.sieve.alerts.SubjectData.of(r.query())));
        }
        return () -> monitor.screenAll(actor, enrollees, true);
    }

    private static <T> T await(java.util.concurrent.Future<T> f) throws Exception {
        try {
            return f.get();
        } catch (java.util.concurrent.ExecutionException e) {
            throw e.getCause() instanceof Exception ex ? ex : new IllegalStateException(e.getCause());
        }
    }

    private Character delimiter() {
        if (delimiter == null) return null;
        String d = delimiter.equals("\\t") || delimiter.equalsIgnoreCase("tab") ? "\t" : delimiter;
        if (d.length() != 1) throw new UsageException("--delimiter: one character, e.g. ';' or tab; got '" + delimiter + "'");
        return d.charAt(0);
    }

    private static String delimiterName(char d) {
        return switch (d) {
            case '\t' -> "tabs";
            case ';' -> "semicolons";
            case '|' -> "bars";
            default -> "commas";
        };
    }

    private TextDecoding.Detected encodingOf(Path in) throws IOException {
        java.nio.charset.Charset given = null;
        if (encoding != null) {
            try {
                given = TextDecoding.named(encoding);
            } catch (IllegalArgumentException e) {
                throw new UsageException("--encoding: " + e.getMessage());
            }
        }
        byte[] head;
        try (var s = Files.newInputStream(in)) {
            head = s.readNBytes(TextDecoding.HEAD);
        }
        return TextDecoding.detect(head, head.length, given);
    }

    private static List<java.util.concurrent.Future<?>> submit(java.util.concurrent.ExecutorService pool, int threads,
                                                               MatchEngine engine, ObjectWriter writer, Chunk chunk,
                                                               Set<String> topics, boolean csv) {
        List<java.util.concurrent.Future<?>> work = new ArrayList<>(threads);
        if (chunk.records.isEmpty()) return work;
        java.util.concurrent.atomic.AtomicInteger nextRow = new java.util.concurrent.atomic.AtomicInteger();
        for (int t = 0; t < threads; t++) {
            work.add(pool.submit(() -> {
                for (int i; (i = nextRow.getAndIncrement()) < chunk.records.size(); ) {
                    CustomerRecord r = chunk.records.get(i);
                    List<Match> alerts = r.problem() != null ? List.of()
                            : engine.screen(topics.isEmpty() ? r.query() : r.query().withTopics(topics));
                    chunk.alerted[i] = !alerts.isEmpty();
                    chunk.lines[i] = csv ? ResultRows.csv(r, alerts) : ResultRows.json(writer, r, alerts);
                }
                return null;
            }));
        }
        return work;
    }

    private static void await(List<java.util.concurrent.Future<?>> work) throws Exception {
        for (var f : work) {
            try {
                f.get();
            } catch (java.util.concurrent.ExecutionException e) {
                throw e.getCause() instanceof Exception ex ? ex : new IllegalStateException(e.getCause());
            }
        }
    }

    /** One chunk of records, and their result lines once screened. */
    private static final class Chunk {
        final List<CustomerRecord> records = new ArrayList<>(CHUNK);
        String[] lines;
        boolean[] alerted;
    }

    private static Chunk readChunk(CustomerFileReader reader) throws IOException {
        Chunk c = new Chunk();
        CustomerRecord r;
        while (c.records.size() < CHUNK && (r = reader.next()) != null) c.records.add(r);
        c.lines = new String[c.records.size()];
        c.alerted = new boolean[c.records.size()];
        return c;
    }

}
