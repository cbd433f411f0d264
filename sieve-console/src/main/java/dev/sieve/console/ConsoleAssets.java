package dev.sieve.console;

import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * The console's files, read from the jar once: one HTML shell served at every page's address (the scripts draw the
 * page the address names), and the scripts and style sheet under {@code /assets/}. Nothing is fetched from elsewhere
 * at run time.
 */
public final class ConsoleAssets {
    private static final String ROOT = "/dev/sieve/console/assets/";
    private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9-]*\\.(js|css|svg)");
    private static final Map<String, String> TYPES = Map.of(
            "js", "text/javascript; charset=utf-8", "css", "text/css; charset=utf-8", "svg", "image/svg+xml",
            "html", "text/html; charset=utf-8");

    /**
     * No inline script or style, nothing from another origin, no framing. The pages draw charts and route maps as SVG
     * elements built by the scripts, which this policy allows.
     */
    public static final String CONTENT_SECURITY_POLICY = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:;"
            + " connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

    /** The addresses of the console's pages, as routes ({id}: one segment, <id>: the rest of the path). */
    public static final List<String> PAGES = List.of("/", "/sign-in", "/screen", "/alerts", "/alerts/{id}", "/entity/<id>", "/lists",
            "/lists/{source}/diff", "/databank", "/databank/<id>", "/movements/<id>", "/dashboard");

    /** Any path under the first segment of a page (so a pasted link opens the page it names). */
    private static final Pattern PAGE = Pattern.compile("/|/(" + String.join("|", PAGES.stream().filter(p -> !p.equals("/"))
            .map(p -> p.substring(1).split("/")[0]).distinct().toList()) + ")(/.*)?");

    /** A file with its type and a validator. */
    public record Asset(byte[] bytes, String contentType, String etag) {
    }

    private final Map<String, Asset> cache = new ConcurrentHashMap<>();

    /** The page shell. */
    public Asset shell() {
        return load("index.html").orElseThrow(() -> new IllegalStateException("the console's index.html is missing from the build"));
    }

    /** A script, style sheet or image by its file name; empty for any other name. */
    public Optional<Asset> asset(String name) {
        if (name == null || !NAME.matcher(name).matches()) return Optional.empty();
        return load(name);
    }

    /** Whether a request path is one of the console's pages. */
    public static boolean isPage(String path) {
        return PAGE.matcher(path).matches();
    }

    private Optional<Asset> load(String name) {
        Asset a = cache.get(name);
        if (a != null) return Optional.of(a);
        try (InputStream in = ConsoleAssets.class.getResourceAsStream(ROOT + name)) {
            if (in == null) return Optional.empty();
            byte[] bytes = in.readAllBytes();
            String ext = name.substring(name.lastIndexOf('.') + 1);
            a = new Asset(bytes, TYPES.get(ext), "\"" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes), 0, 12) + "\"");
            cache.put(name, a);
            return Optional.of(a);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the console's " + name, e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
