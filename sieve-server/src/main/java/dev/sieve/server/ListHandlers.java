package dev.sieve.server;

import dev.sieve.databank.ListLoader;
import dev.sieve.databank.LoadOptions;
import dev.sieve.databank.LoadRejectedException;
import dev.sieve.databank.UndatedPublicationException;
import dev.sieve.databank.LoadReport;
import dev.sieve.lists.FormatDetector;
import dev.sieve.lists.ListFormatException;
import dev.sieve.lists.ListInput;
import dev.sieve.model.DatabankEntry;
import dev.sieve.model.Entity;
import dev.sieve.model.Publication;
import dev.sieve.store.EntityDiff;
import dev.sieve.store.Role;
import dev.sieve.store.SieveStore;
import dev.sieve.store.StoreException;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * {@code GET /v1/lists}, {@code GET /v1/lists/{source}/diff} and {@code POST /v1/lists/{source}/publications}.
 * The databank appears as the source {@code databank} (or {@code db:<agency>}) in diffs, seen through
 * the caller's sharing rules.
 */
final class ListHandlers {
    /** The largest list file accepted by upload; the official files are well under it. */
    static final long MAX_UPLOAD = 512L * 1024 * 1024;

    private final SieveStore store;
    private final Auth auth;
    private final Reloader reloader;
    private final Background background;

    ListHandlers(SieveStore store, Auth auth, Reloader reloader, Background background) {
        this.store = store;
        this.auth = auth;
        this.reloader = reloader;
        this.background = background;
    }

    void register(RouteTable routes) {
        routes.get("/v1/lists", this::lists);
        routes.get("/v1/lists/{source}/diff", this::diff);
        routes.post("/v1/lists/{source}/publications", this::upload);
    }

    record SourceView(String source, Views.PublicationView latest, List<Map<String, Object>> publications) {
    }

    private void lists(Context ctx) {
        auth.require(ctx, Role.ANALYST, Role.CONTRIBUTOR, Role.ADMIN, Role.AUDITOR);
        List<SourceView> out = new ArrayList<>();
        Map<String, List<Publication>> bySource = store.publicationsBySource();
        Map<Long, String> loadedBy = loaders(bySource.values().stream().flatMap(List::stream).toList());
        for (var e : bySource.entrySet()) {
            // listed by effective date then id, as latestPublication orders them: the last is the one in force
            List<Map<String, Object>> pubs = new ArrayList<>();
            for (Publication p : e.getValue()) {
                @SuppressWarnings("unchecked")
                Map<String, Object> m = ApiJson.MAPPER.convertValue(Views.PublicationView.of(p), LinkedHashMap.class);
                m.put("loaded_by", loadedBy.get(p.id()));
                pubs.add(m);
            }
            out.add(new SourceView(e.getKey(), Views.PublicationView.of(e.getValue().getLast()), pubs));
        }
        ApiJson.send(ctx, Map.of("lists", out));
    }

    /** Who loaded each publication, as far as the audit trail has been read (it only grows: read on from where it stopped). */
    private final Map<Long, String> loadedBy = new java.util.concurrent.ConcurrentHashMap<>();
    private long loadsReadUpTo;

    /**
     * Who loaded each publication ("agency/key id"; the command line's key id is "cli"), from the audit trail: read only
     * when a publication is not known yet, and then only the events since the last read.
     */
    private synchronized Map<Long, String> loaders(java.util.Collection<Publication> publications) {
        if (publications.stream().allMatch(p -> loadedBy.containsKey(p.id()))) return loadedBy;
        while (true) {
            var page = store.audit().events(null, loadsReadUpTo, null, null, "list.load", 1000);
            for (var e : page) {
                try {
                    var id = ApiJson.MAPPER.readTree(e.detail()).get("publication");
                    if (id != null) loadedBy.put(id.asLong(), e.agency() + "/" + e.keyId());
                } catch (java.io.IOException ex) {
                    // an event whose detail is not JSON names no publication
                }
                loadsReadUpTo = e.seq();
            }
            if (page.size() < 1000) return loadedBy;
        }
    }

    private void diff(Context ctx) {
        Auth.Caller caller = auth.require(ctx, Role.ANALYST, Role.CONTRIBUTOR);
        String source = ctx.pathParam("source");
        if (source.equals("databank") || DatabankEntry.isDatabank(source)) {
            databankDiff(ctx, caller, source);
            return;
        }
        List<Publication> pubs = store.publications(source);
        if (pubs.isEmpty()) throw ApiException.notFound("no list '" + source + "'");
        Publication to = ctx.queryParam("to") == null ? store.latestPublication(source).orElseThrow()
                : publication(source, ctx.queryParam("to"), "to");
        Publication from;
        if (ctx.queryParam("from") != null) {
            from = publication(source, ctx.queryParam("from"), "from");
        } else {
            int i = pubs.indexOf(to);
            if (i <= 0) throw ApiException.badRequest("from", "publication " + to.id() + " is the first of " + source
                    + "; give 'from'");
            from = pubs.get(i - 1);
        }
        EntityDiff d = store.diff(from.id(), to.id());
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("source", source);
        out.put("from", Views.PublicationView.of(d.from()));
        out.put("to", Views.PublicationView.of(d.to()));
        out.put("added", d.added());
        out.put("removed", d.removed());
        out.put("changed", d.changed());
        ApiJson.send(ctx, out);
    }

    /** A publication of a source named by id or by a date (the one in force at the end of that day). */
    private Publication publication(String source, String text, String param) {
        if (text.strip().matches("\\d{1,18}")) {
            Publication p = store.publication(Long.parseLong(text.strip())).orElse(null);
            if (p == null || !p.source().equals(source)) {
                throw ApiException.notFound("no publication " + text + " of " + source);
            }
            return p;
        }
        Instant at = Params.instant(text, param, true);
        return store.publicationAsOf(source, at).orElseThrow(() -> ApiException.notFound("no publication of " + source
                + " was in force at " + text));
    }

    /** Entries added, removed (delisted or no longer shared) and changed between two instants, as the caller sees them. */
    private void databankDiff(Context ctx, Auth.Caller caller, String source) {
        Instant from = Params.instant(ctx.queryParam("from"), "from", true);
        if (from == null) throw ApiException.badRequest("from", "parameter 'from' (a date or instant) is required for the databank");
        Instant to = Params.instant(ctx.queryParam("to"), "to", true);
        if (to == null) to = Instant.now();
        Map<String, DatabankEntry> before = seen(store.databank().asOfVisibleTo(from, caller.agency()), caller.agency(), source);
        Map<String, DatabankEntry> after = seen(store.databank().asOfVisibleTo(to, caller.agency()), caller.agency(), source);
        List<Entity> added = new ArrayList<>();
        List<Entity> removed = new ArrayList<>();
        List<EntityDiff.Change> changed = new ArrayList<>();
        for (var e : after.entrySet()) {
            DatabankEntry old = before.get(e.getKey());
            if (old == null) added.add(e.getValue().entity());
            else if (!Objects.equals(old.entity(), e.getValue().entity())) {
                changed.add(new EntityDiff.Change(e.getKey(), e.getValue().entity().primaryName().value(),
                        SieveStore.fieldChanges(old.entity(), e.getValue().entity())));
            }
        }
        for (var e : before.entrySet()) if (!after.containsKey(e.getKey())) removed.add(e.getValue().entity());
        added.sort(Comparator.comparing(Entity::id));
        removed.sort(Comparator.comparing(Entity::id));
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("source", source);
        out.put("from", from);
        out.put("to", to);
        out.put("added", added);
        out.put("removed", removed);
        out.put("changed", changed);
        ApiJson.send(ctx, out);
    }

    private static Map<String, DatabankEntry> seen(List<DatabankEntry> entries, String viewer, String source) {
        Map<String, DatabankEntry> out = new LinkedHashMap<>();
        for (DatabankEntry e : entries) {
            if (e.delisted() || !e.visibleTo(viewer)) continue;
            if (!source.equals("databank") && !source.equals(e.entity().source())) continue;
            out.put(e.id(), e);
        }
        return out;
    }

    private void upload(Context ctx) {
        Auth.Caller caller = auth.requireOperator(ctx, "loading an official list");
        String source = ctx.pathParam("source");
        if (source.equals("databank") || DatabankEntry.isDatabank(source) || !source.matches("[A-Za-z0-9][A-Za-z0-9:._-]{0,199}")) {
            throw ApiException.badRequest("source", "'" + source + "' is not a list source name (letters, digits, '-', '.', ':'; not db:)");
        }
        Instant publishedAt = Params.instant(ctx.queryParam("published_at"), "published_at", false);
        String filename = Params.fileName(ctx.queryParam("filename"));
        Path dir = null;
        try {
            dir = Files.createTempDirectory("sieve-upload");
            Path file = dir.resolve(filename);
            long size = copyBounded(ctx, file);
            if (size == 0) throw ApiException.badRequest(null, "the request body is empty; send the list file's bytes");
            ListInput input;
            try {
                input = FormatDetector.input(file);
            } catch (ListFormatException e) {
                throw ApiException.badRequest(null, "not a list file Sieve reads: " + e.getMessage());
            }
            LoadReport report;
            try {
                // parsing and storing a list takes seconds of CPU: off the request's carrier thread, at low priority
                report = background.call(() -> new ListLoader(store, caller.actor()).loadInputs(List.of(input), List.of(),
                        new LoadOptions(false, source, publishedAt, "upload:" + filename), new dev.sieve.databank.LoadListener() { }));
            } catch (LoadRejectedException e) {
                List<Map<String, Object>> errors = e.problems().stream().limit(200).map(p -> Views.map("file", filename,
                        "place", p.place(), "record", p.recordId(), "message", p.message())).toList();
                throw new ApiException(400, "List file rejected", e.problems().size() + " broken record(s) in " + filename
                        + "; nothing was loaded", null, errors);
            } catch (UndatedPublicationException e) {
                throw ApiException.badRequest("published_at", filename + " is in a format that carries no publication"
                        + " date (" + input.format().id() + "); give it as ?published_at=YYYY-MM-DD: publications are"
                        + " ordered by their dates, and Sieve does not guess one. Nothing was loaded");
            } catch (ListFormatException e) {
                throw new ApiException(400, "List file rejected", filename + ": " + e.getMessage() + "; nothing was loaded",
                        null, List.of(Views.map("file", filename, "place", e.place(), "message", e.getMessage())));
            }
            boolean unchanged = report.loaded().stream().allMatch(LoadReport.Loaded::unchanged);
            if (!unchanged) reloader.reloadLists();
            ctx.status(unchanged ? 200 : 201);
            ApiJson.send(ctx, Views.map("publications", report.loaded().stream().map(l -> Views.PublicationView.of(l.publication())).toList(),
                    "unchanged", unchanged));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot store the upload", e);
        } catch (StoreException e) {
            throw e;
        } finally {
            deleteQuietly(dir);
        }
    }

    private static long copyBounded(Context ctx, Path file) throws IOException {
        long total = 0;
        byte[] buf = new byte[64 * 1024];
        try (InputStream in = ctx.bodyInputStream(); OutputStream out = Files.newOutputStream(file)) {
            int n;
            while ((n = in.read(buf)) > 0) {
                total += n;
                if (total > MAX_UPLOAD) {
                    throw new ApiException(413, "Request body too large", "list files are limited to " + MAX_UPLOAD + " bytes",
                            null, null);
                }
                out.write(buf, 0, n);
            }
        }
        return total;
    }

    private static void deleteQuietly(Path dir) {
        if (dir == null) return;
        try (var files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // a temporary file left behind is harmless
        }
    }
}
