package dev.sieve.databank;

import dev.sieve.lists.FormatDetector;
import dev.sieve.lists.ListInput;
import dev.sieve.lists.ListReader;
import dev.sieve.lists.Problem;
import dev.sieve.lists.ReadResult;
import dev.sieve.model.Entity;
import dev.sieve.model.Publication;
import dev.sieve.store.Actor;
import dev.sieve.store.PublicationLoad;
import dev.sieve.store.SieveStore;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;

/**
 * Loads list files into the store as publications. Every file is read whole before anything is
 * written, and all publications of one call go into one transaction: a load either fully happens or
 * leaves no trace. Identical bytes already loaded for a source change nothing.
 */
public final class ListLoader {
    private final SieveStore store;
    private final Actor actor;

    /** A loader acting for the operator's command line. */
    public ListLoader(SieveStore store) {
        this(store, Actor.cli());
    }

    /** A loader whose publications the audit trail attributes to {@code actor}. */
    public ListLoader(SieveStore store, Actor actor) {
        this.store = store;
        this.actor = actor;
    }

    /** Loads every list found under the given paths (files, or folders searched for list files). */
    public LoadReport load(List<Path> paths, LoadOptions options, LoadListener listener) throws IOException {
        List<ListInput> inputs = new ArrayList<>();
        List<String> skipped = new ArrayList<>();
        for (Path p : paths) {
            FormatDetector.Found found = FormatDetector.find(p);
            inputs.addAll(found.inputs());
            skipped.addAll(found.skipped());
        }
        return loadInputs(inputs, skipped, options, listener);
    }

    public LoadReport loadInputs(List<ListInput> inputs, List<String> skipped, LoadOptions options,
                                 LoadListener listener) throws IOException {
        // Read and check everything first: no transaction is opened for a file that will be rejected.
        List<Staged> staged = new ArrayList<>();
        List<String> undated = new ArrayList<>();
        for (ListInput input : inputs) {
            Staged s = read(input, options, listener);
            if (s.publishedAt() == null) undated.add(input.main().toString());
            staged.add(s);
        }
        if (!undated.isEmpty()) throw new UndatedPublicationException(undated);
        List<LoadReport.Loaded> loaded = new ArrayList<>();
        try (PublicationLoad load = store.beginLoad(actor)) {
            for (Staged s : staged) {
                long t0 = System.nanoTime();
                var existing = load.existing(s.source, s.sha256);
                if (existing.isPresent()) {
                    loaded.add(new LoadReport.Loaded(s.origin(), existing.get(), true, s.result.problems(),
                            s.result.skipped(), s.readNanos, 0, unmapped(s.entities)));
                    continue;
                }
                load.start(s.source, s.input.format().id(), s.publishedAt(), s.dateSource(), s.sha256, s.origin());
                int n = 0;
                for (Entity e : s.entities) {
                    load.add(e);
                    listener.stored(s.input, ++n);
                }
                Publication p = load.finish(s.result.problems().size());
                loaded.add(new LoadReport.Loaded(s.origin(), p, false, s.result.problems(), s.result.skipped(),
                        s.readNanos, System.nanoTime() - t0, unmapped(s.entities)));
            }
            load.commit();
        }
        // A publication dated before its source's current one is history, not the new current list.
        List<LoadReport.Loaded> placed = new ArrayList<>();
        for (LoadReport.Loaded l : loaded) {
            Publication current = store.latestPublication(l.publication().source()).orElse(l.publication());
            placed.add(l.withCurrent(current));
        }
        return new LoadReport(placed, skipped);
    }

    /** The programmes of a publication's records that name no regime, with how many records carry each. */
    private static java.util.Map<String, Integer> unmapped(List<Entity> entities) {
        java.util.Map<String, Integer> out = new java.util.TreeMap<>();
        dev.sieve.regimes.RegimeCatalogue.standard().unmapped(entities).values().forEach(m -> m.forEach((p, n) -> out.merge(p, n, Integer::sum)));
        return out;
    }

    private record Staged(ListInput input, String source, String sha256, ReadResult result, List<Entity> entities,
                          long readNanos, String givenOrigin, Instant givenDate, String givenHow) {
        Instant publishedAt() {
            return result.publishedAt() != null ? result.publishedAt() : givenDate;
        }

        String dateSource() {
            return result.publishedAt() != null ? Publication.DATE_IN_FILE : givenHow;
        }

        String origin() {
            return givenOrigin != null ? givenOrigin : input.main().toString();
        }
    }

    private Staged read(ListInput input, LoadOptions options, LoadListener listener) throws IOException {
        listener.reading(input);
        long t0 = System.nanoTime();
        List<Entity> entities = new ArrayList<>();
        ReadResult result = ListReader.forFormat(input.format()).read(input, entities::add);
        List<Problem> problems = new ArrayList<>(result.problems());
        // Two records with one id in one publication: both ambiguous, so the later is rejected.
        Set<String> ids = new HashSet<>();
        List<Entity> unique = new ArrayList<>(entities.size());
        for (Entity e : entities) {
            if (ids.add(e.id())) unique.add(e);
            else problems.add(new Problem(input.name(), "record", e.id(), "id " + e.id() + " appears more than once"));
        }
        if (!problems.isEmpty() && !options.lenient()) {
            throw new LoadRejectedException(input.name(), problems);
        }
        String source = options.source() != null ? options.source() : result.source();
        ReadResult finalResult = new ReadResult(source, result.publishedAt(), unique.size(), result.skipped(), problems);
        List<Entity> inSource = source.equals(result.source()) ? unique : unique.stream().map(e -> e.withSource(source)).toList();
        listener.read(input, unique.size());
        return new Staged(input, source, sha256(input), finalResult, inSource, System.nanoTime() - t0, options.origin(),
                options.givenDateFor(input.main()), options.publishedHow());
    }

    /** SHA-256 over the publication's files in order, each preceded by its name (companions count too). */
    static String sha256(ListInput input) throws IOException {
        MessageDigest md;
        try {
            md = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        boolean single = input.companions().isEmpty();
        byte[] buf = new byte[1 << 16];
        for (Path f : input.files()) {
            if (!single) md.update((f.getFileName().toString().toLowerCase() + "\n").getBytes(StandardCharsets.UTF_8));
            try (InputStream in = new DigestInputStream(Files.newInputStream(f), md)) {
                while (in.read(buf) != -1) {
                    // digesting
                }
            }
        }
        return HexFormat.of().formatHex(md.digest());
    }
}
