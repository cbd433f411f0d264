package dev.sieve.model;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Country names and codes to ISO 3166-1 alpha-2. Lists write countries as names ("Democratic People's
 * Republic of Korea", "Iran (Islamic Republic of)"), alpha-3 codes (PAXLST, MRZ) or alpha-2 codes;
 * the model keeps alpha-2 only. Names come from the JDK's English display names plus the UN, OFAC
 * and UK spellings in {@code countries.txt}.
 */
public final class Countries {
    private static final Map<String, String> BY_KEY = load();
    private static final Set<String> ISO2 = Set.of(Locale.getISOCountries());
    /** Lists repeat the same few hundred spellings; normalising each once matters when parsing. */
    private static final java.util.concurrent.ConcurrentMap<String, Optional<String>> CACHE =
            new java.util.concurrent.ConcurrentHashMap<>();

    private Countries() {
    }

    /** True when {@code code} is an assigned ISO 3166-1 alpha-2 code (case-insensitive) or XK (Kosovo). */
    public static boolean isIso2(String code) {
        return code != null && code.length() == 2
                && (ISO2.contains(code.toUpperCase(Locale.ROOT)) || code.equalsIgnoreCase("XK"));
    }

    /**
     * The one reading of a country a user typed (CLI option, API field, a customer file's column): alpha-2, alpha-3 or
     * an English name ("KP", "PRK", "North Korea"), and as people and their systems write it where lists do not: ISO's
     * inverted names ("KOREA, DEMOCRATIC PEOPLE'S REPUBLIC OF"), a nationality ("Iranian") or the country's own name
     * ("Deutschland"); answered as alpha-2.
     *
     * @throws IllegalArgumentException naming the text, when it is none of these
     */
    public static String parse(String text) {
        return asWritten(text).orElseThrow(() -> new IllegalArgumentException("'" + (text == null ? "" : text.strip())
                + "' is not a country: give an ISO 3166-1 code such as KP or PRK, or a name such as North Korea"));
    }

    /** {@link #parse}'s reading, empty when the text is none: for input that may hold anything (a customer file). */
    public static Optional<String> asWritten(String text) {
        Optional<String> strict = toIso2(text);
        if (strict.isPresent() || text == null || text.isBlank()) return strict;
        String k = key(text);
        String word = Words.MAP.get(k);
        if (word != null) return Optional.of(word);
        int comma = text.indexOf(',');
        if (comma > 0 && comma == text.lastIndexOf(',')) {
            // ISO 3166's sorted form, "IRAN, ISLAMIC REPUBLIC OF", "CONGO, THE DEMOCRATIC REPUBLIC OF THE"
            String turned = key(text.substring(comma + 1) + " " + text.substring(0, comma)).replaceAll("^the ", "")
                    .replaceAll(" the$", "");
            String iso2 = BY_KEY.get(turned);
            if (iso2 == null) iso2 = Words.MAP.get(turned);
            return Optional.ofNullable(iso2);
        }
        return Optional.empty();
    }

    /**
     * Nationalities, countries' own names ({@code country-words.txt}) and their names in the languages of the customer
     * files read (the JDK's: Russland, Corée du Nord), which {@link #toIso2} leaves to people. Built on first use: six
     * languages' locale data take about 0.1 s, which the list readers, using {@link #toIso2} alone, need not wait for.
     */
    private static final class Words {
        static final Map<String, String> MAP = load();

        private static Map<String, String> load() {
            Map<String, String> map = new HashMap<>();
            readPairs("country-words.txt", map);
            for (String language : List.of("de", "fr", "es", "it", "nl", "pt")) {
                Locale in = Locale.of(language);
                for (String iso2 : Locale.getISOCountries()) {
                    map.putIfAbsent(key(Locale.of("", iso2).getDisplayCountry(in)), iso2);
                }
            }
            return Map.copyOf(map);
        }
    }

    private static void readPairs(String resource, Map<String, String> into) {
        try (InputStream in = Countries.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " missing from the classpath");
            }
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            String line;
            while ((line = r.readLine()) != null) {
                line = line.strip();
                if (line.isEmpty() || line.startsWith("#")) continue;
                int tab = line.indexOf('|');
                into.put(key(line.substring(tab + 1)), line.substring(0, tab).strip());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Resolves a country name, alpha-2 or alpha-3 code to alpha-2 (upper case). */
    public static Optional<String> toIso2(String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        String t = text.strip();
        if (t.length() == 2 && isIso2(t)) {
            return Optional.of(t.toUpperCase(Locale.ROOT));
        }
        if (CACHE.size() > 100_000) CACHE.clear(); // bounded: free text can be any string
        return CACHE.computeIfAbsent(t, k -> Optional.ofNullable(BY_KEY.get(key(k))));
    }

    static String key(String name) {
        String s = Normalizer.normalize(name, Normalizer.Form.NFKD).replaceAll("\\p{M}+", "");
        s = s.toLowerCase(Locale.ROOT).replace('’', '\'').replaceAll("^the ", "");
        return s.replaceAll("[^a-z0-9]+", " ").strip();
    }

    private static Map<String, String> load() {
        Map<String, String> map = new HashMap<>();
        for (String iso2 : Locale.getISOCountries()) {
            Locale l = Locale.of("", iso2);
            map.put(key(l.getDisplayCountry(Locale.ENGLISH)), iso2);
            try {
                map.put(key(l.getISO3Country()), iso2);
            } catch (java.util.MissingResourceException ignored) {
                // a few codes have no alpha-3 in the JDK; countries.txt covers the ones lists use
            }
        }
        readPairs("countries.txt", map);
        return Map.copyOf(map);
    }
}
