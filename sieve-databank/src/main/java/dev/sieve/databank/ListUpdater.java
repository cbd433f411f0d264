package dev.sieve.databank;

import dev.sieve.lists.FormatDetector;
import dev.sieve.lists.ListInput;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import dev.sieve.model.Publication;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * Fetches the current publications from the official sources and loads them. Each source's files are
 * downloaded to a private temporary folder and checked (HTTP 200, complete body, a supported list
 * format, every record readable) before a load is attempted; a source that fails at any step leaves the
 * databank's last good publication of it untouched, and the other sources still update.
 */
public final class ListUpdater {
    private final ListLoader loader;
    private final HttpClient http;

    public ListUpdater(ListLoader loader) {
        this(loader, client());
    }

    /** The client for official downloads: through the proxy HTTPS_PROXY names, when it names one. */
    private static HttpClient client() {
        HttpClient.Builder b = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(20))
                .followRedirects(HttpClient.Redirect.NORMAL);
        if (System.getProperty("https.proxyHost") == null) ProxySettings.fromEnvironment(System.getenv()).ifPresent(b::proxy);
        return b.build();
    }

    public ListUpdater(ListLoader loader, HttpClient http) {
        this.loader = loader;
        this.http = http;
    }

    /** The outcome for one source: its load report, or why it failed. */
    public record Outcome(String source, LoadReport report, String error) {
        public boolean ok() {
            return error == null;
        }
    }

    public List<Outcome> update(OfficialSources sources, List<String> only, LoadListener listener) {
        List<Outcome> out = new ArrayList<>();
        for (String source : sources.sources().keySet()) {
            if (!only.isEmpty() && !only.contains(source)) continue;
            out.add(updateOne(source, sources.files(source), listener));
        }
        for (String wanted : only) {
            if (!sources.sources().containsKey(wanted)) {
                var retired = SourceFreshness.retired(wanted);
                out.add(new Outcome(wanted, null, retired.isPresent()
                        ? "retired since " + retired.get().since() + ": " + retired.get().why() + " (update '"
                                + retired.get().replacedBy() + "' instead; its publications stay as history)"
                        : "unknown source (configured: " + String.join(", ", sources.sources().keySet()) + ")"));
            }
        }
        return out;
    }

    private Outcome updateOne(String source, List<OfficialSources.SourceFile> files, LoadListener listener) {
        Path dir = null;
        try {
            dir = Files.createTempDirectory("sieve-update-" + source + "-");
            Instant lastModified = null;
            for (OfficialSources.SourceFile f : files) {
                Instant lm = download(f, dir.resolve(f.fileName()));
                if (lm != null && (lastModified == null || lm.isAfter(lastModified))) lastModified = lm;
            }
            FormatDetector.Found found = FormatDetector.find(dir);
            if (found.inputs().size() != 1) {
                return new Outcome(source, null, "expected one list publication in the download, found "
                        + found.inputs().size() + (found.skipped().isEmpty() ? "" : ": " + found.skipped()));
            }
            ListInput input = found.inputs().getFirst();
            // A format with no date inside (OFAC CSV) is dated by the server's Last-Modified; with neither the
            // load is refused rather than dated by the clock.
            LoadReport report = loader.loadInputs(List.of(input), List.of(),
                    new LoadOptions(false, source, lastModified, null, Publication.DATE_HTTP_LAST_MODIFIED, null), listener);
            return new Outcome(source, report, null);
        } catch (IOException | RuntimeException e) {
            return new Outcome(source, null, e.getMessage() == null ? e.toString() : e.getMessage());
        } finally {
            deleteQuietly(dir);
        }
    }

    /** What went wrong with a connection, in words: the JDK's exceptions often carry no message. */
    static String why(IOException e) {
        Throwable t = e;
        while (t.getMessage() == null && t.getCause() != null) t = t.getCause();
        String what = switch (t) {
            case java.net.ConnectException c -> "cannot connect (no network, or the host refuses)";
            case java.net.UnknownHostException u -> "unknown host " + u.getMessage() + " (no network or no DNS?)";
            case java.net.http.HttpTimeoutException h -> "timed out";
            case javax.net.ssl.SSLException s -> "TLS failed: " + s.getMessage();
            default -> t.getMessage() != null ? t.getMessage() : t.getClass().getSimpleName();
        };
        String proxy = System.getenv("HTTPS_PROXY") != null ? System.getenv("HTTPS_PROXY") : System.getenv("https_proxy");
        return what + (proxy == null ? "" : " (through the proxy " + proxy + ")");
    }

    /** Downloads one file; answers the response's Last-Modified, or null when it has none (or a bad one). */
    private Instant download(OfficialSources.SourceFile f, Path target) throws IOException {
        HttpRequest request = HttpRequest.newBuilder(f.url()).timeout(Duration.ofMinutes(5))
                .header("User-Agent", "Sieve list updater").GET().build();
        HttpResponse<Path> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofFile(target));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("download of " + f.url() + " interrupted", e);
        } catch (IOException e) {
            throw new IOException("download of " + f.url() + " failed: " + why(e), e);
        }
        if (response.statusCode() != 200) {
            throw new IOException("download of " + f.url() + " answered HTTP " + response.statusCode());
        }
        long size = Files.size(target);
        var declared = response.headers().firstValueAsLong("Content-Length");
        if (declared.isPresent() && declared.getAsLong() != size) {
            throw new IOException("download of " + f.url() + " is incomplete: " + size + " of "
                    + declared.getAsLong() + " bytes");
        }
        if (size == 0) {
            throw new IOException("download of " + f.url() + " is empty");
        }
        return response.headers().firstValue("Last-Modified").map(ListUpdater::httpDate).orElse(null);
    }

    static Instant httpDate(String value) {
        try {
            return ZonedDateTime.parse(value.strip(), DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static void deleteQuietly(Path dir) {
        if (dir == null) return;
        try (Stream<Path> walk = Files.walk(dir)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException ignored) {
                    // a temp file left behind is harmless
                }
            });
        } catch (IOException ignored) {
            // as above
        }
    }
}
