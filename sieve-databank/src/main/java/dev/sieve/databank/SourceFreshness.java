package dev.sieve.databank;

import dev.sieve.model.Publication;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.TreeMap;

/**
 * How fresh each list source is: the age of its newest publication, and whether that is older than an operator
 * allows (a source that stopped updating is noticed). A retired source (one its publisher stopped, kept for its
 * history) is never stale; {@code retired-sources.properties} names them, when and what replaced them.
 */
public final class SourceFreshness {
    /** A source the publisher no longer updates. */
    public record Retired(String source, LocalDate since, String replacedBy, String why) {
    }

    /** One source: its newest publication, its age, and whether it is stale or retired. */
    public record Fresh(String source, Publication newest, Duration age, boolean stale, Retired retired) {
    }

    /** Lists are published daily or weekly; a week without a new publication is worth a look. */
    public static final Duration DEFAULT_STALE_AFTER = Duration.ofDays(7);

    private static final Map<String, Retired> RETIRED = readRetired();

    private SourceFreshness() {
    }

    public static Optional<Retired> retired(String source) {
        return Optional.ofNullable(RETIRED.get(source));
    }

    /** Each source's freshness from its newest publication, by source name. */
    public static List<Fresh> of(Collection<Publication> newestPerSource, Instant now, Duration staleAfter) {
        List<Fresh> out = new ArrayList<>();
        for (Publication p : newestPerSource) {
            Duration age = Duration.between(p.effectiveAt(), now);
            if (age.isNegative()) age = Duration.ZERO;
            Retired r = RETIRED.get(p.source());
            out.add(new Fresh(p.source(), p, age, r == null && !staleAfter.isZero() && age.compareTo(staleAfter) > 0, r));
        }
        out.sort(Comparator.comparing(Fresh::source));
        return out;
    }

    /** {@code 7d}, {@code 36h}, {@code 90m} or an ISO-8601 duration ({@code P7D}); zero turns the check off. */
    public static Duration parseAge(String text) {
        String t = text.strip();
        try {
            if (t.matches("\\d+[dhm]")) {
                long n = Long.parseLong(t.substring(0, t.length() - 1));
                return switch (t.charAt(t.length() - 1)) {
                    case 'd' -> Duration.ofDays(n);
                    case 'h' -> Duration.ofHours(n);
                    default -> Duration.ofMinutes(n);
                };
            }
            Duration d = Duration.parse(t.toUpperCase(java.util.Locale.ROOT));
            if (d.isNegative()) throw new IllegalArgumentException("'" + text + "' is negative");
            return d;
        } catch (java.time.format.DateTimeParseException e) {
            throw new IllegalArgumentException("'" + text + "' is not an age: write 7d, 36h, 90m or an ISO-8601 duration such as P7D");
        }
    }

    private static Map<String, Retired> readRetired() {
        Properties p = new Properties();
        try (InputStream in = SourceFreshness.class.getResourceAsStream("retired-sources.properties")) {
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException | NullPointerException e) {
            throw new IllegalStateException("retired-sources.properties is missing from the build", e);
        }
        Map<String, Retired> out = new TreeMap<>();
        for (String source : p.stringPropertyNames()) {
            String[] f = p.getProperty(source).split("\\|", 3);
            if (f.length != 3) throw new IllegalStateException("retired-sources.properties: '" + source + "' needs since|replaced by|why");
            out.put(source, new Retired(source, LocalDate.parse(f[0].strip()), f[1].strip(), f[2].strip()));
        }
        return Map.copyOf(out);
    }
}
