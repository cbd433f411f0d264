package dev.sieve.databank;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;

/**
 * Where each list is published: for every source, the files that make up one publication and their
 * URLs. Defaults ship in {@code official-sources.properties}; every entry can be overridden.
 */
public final class OfficialSources {
    /** One file of a source's publication. */
    public record SourceFile(String fileName, URI url) {
    }

    private final Map<String, List<SourceFile>> sources;

    private OfficialSources(Map<String, List<SourceFile>> sources) {
        this.sources = sources;
    }

    public static OfficialSources defaults() {
        try (InputStream in = OfficialSources.class.getResourceAsStream("official-sources.properties")) {
            Properties p = new Properties();
            p.load(new java.io.InputStreamReader(in, StandardCharsets.UTF_8));
            return new OfficialSources(Map.of()).with(p);
        } catch (IOException e) {
            throw new IllegalStateException("official-sources.properties unreadable", e);
        }
    }

    /** Only the sources these {@code source.file=URL} entries name (a mirror of some lists, a test). */
    public static OfficialSources only(Properties entries) {
        return new OfficialSources(Map.of()).with(entries);
    }

    /** These sources with the entries of a properties file ({@code source.file=URL}) laid over them. */
    public OfficialSources withFile(Path file) throws IOException {
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            p.load(r);
        }
        return with(p);
    }

    /** These sources with {@code source.file=URL} entries laid over them. */
    public OfficialSources with(Properties entries) {
        Map<String, Map<String, URI>> merged = new TreeMap<>();
        sources.forEach((s, files) -> files.forEach(f ->
                merged.computeIfAbsent(s, k -> new LinkedHashMap<>()).put(f.fileName(), f.url())));
        for (String key : new TreeMap<>(entries.stringPropertyNames().stream()
                .collect(java.util.stream.Collectors.toMap(k -> k, k -> k))).keySet()) {
            String source = sourceOf(key);
            String fileName = key.substring(source.length() + 1);
            URI url;
            try {
                url = URI.create(entries.getProperty(key).strip());
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("'" + key + "': not a URL: " + entries.getProperty(key));
            }
            if (url.getScheme() == null || !(url.getScheme().equals("http") || url.getScheme().equals("https"))) {
                throw new IllegalArgumentException("'" + key + "': only http and https URLs are fetched: " + url);
            }
            merged.computeIfAbsent(source, k -> new LinkedHashMap<>()).put(fileName, url);
        }
        Map<String, List<SourceFile>> out = new LinkedHashMap<>();
        merged.forEach((s, files) -> {
            List<SourceFile> list = new ArrayList<>();
            files.forEach((name, url) -> list.add(new SourceFile(name, url)));
            out.put(s, List.copyOf(list));
        });
        return new OfficialSources(out);
    }

    /** Keys are {@code source.file}; a source name has no dot (file names do). */
    private static String sourceOf(String key) {
        int dot = key.indexOf('.');
        if (dot <= 0 || dot == key.length() - 1) {
            throw new IllegalArgumentException("'" + key + "': expected <source>.<file name>=<URL>");
        }
        return key.substring(0, dot);
    }

    public Map<String, List<SourceFile>> sources() {
        return sources;
    }

    public List<SourceFile> files(String source) {
        List<SourceFile> f = sources.get(source);
        if (f == null) {
            throw new IllegalArgumentException("unknown source '" + source + "' (configured: "
                    + String.join(", ", sources.keySet()) + ")");
        }
        return f;
    }
}
