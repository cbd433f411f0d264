package dev.sieve.bench;

import dev.sieve.lists.CsvParser;
import dev.sieve.testing.SharedData;
import java.io.BufferedWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Writes a synthetic customer file for batch benchmarks from OpenSanctions' 100,000 clean-customer
 * fixtures (yente candidate-generation benchmark): each row recombines a real fixture's first, middle
 * and last names with another's (fixed seed), keeps a date of birth, in the {@code sieve screen --input}
 * layout (case_id, query_name, schema, birth_date, nationality).
 *
 * <p>With {@code --names-only} the file is what many customer exports are: an id and a name, no schema, no
 * birth date, the names as the fixtures write them (about a third in Arabic, Chinese, Devanagari, Hangul,
 * Cyrillic, Thai or Hebrew script); each row is a fixture's full name with its last name replaced by that of
 * another fixture in the same script, so rows are real-looking and rarely repeat.
 *
 * <p>Run: {@code bin/bench GenerateCustomers --rows 1000000 --seed 42 [--names-only] --out /tmp/customers.csv}
 */
public final class GenerateCustomers {
    private GenerateCustomers() {
    }

    public static void main(String[] args) throws Exception {
        int rows = 1_000_000;
        long seed = 42;
        Path out = Path.of("customers.csv");
        boolean namesOnly = false;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--rows" -> rows = Integer.parseInt(args[++i]);
                case "--seed" -> seed = Long.parseLong(args[++i]);
                case "--out" -> out = Path.of(args[++i]);
                case "--names-only" -> namesOnly = true;
                default -> throw new IllegalArgumentException("unknown argument " + args[i]);
            }
        }
        List<String[]> people = new ArrayList<>();
        for (String f : List.of("negatives_global.csv", "negatives_us.csv")) {
            Path p = SharedData.root().resolve("data/bench-sources/yente_candidate_generation").resolve(f);
            try (CsvParser csv = new CsvParser(Files.newBufferedReader(p, StandardCharsets.UTF_8), f)) {
                List<String> h = csv.next().fields();
                int first = h.indexOf("first_name"), middle = h.indexOf("middle_name"), last = h.indexOf("last_name"),
                        dob = h.indexOf("date_of_birth"), full = h.indexOf("full_name");
                CsvParser.Row r;
                while ((r = csv.next()) != null) {
                    people.add(new String[] {r.get(first), r.get(middle), r.get(last), r.get(dob), r.get(full)});
                }
            }
        }
        Random rnd = new Random(seed);
        if (namesOnly) {
            writeNamesOnly(people, rows, rnd, out);
            return;
        }
        try (BufferedWriter w = Files.newBufferedWriter(out, StandardCharsets.UTF_8)) {
            w.write("case_id,query_name,schema,birth_date,nationality\n");
            for (int i = 0; i < rows; i++) {
                String[] a = people.get(rnd.nextInt(people.size()));
                String[] b = people.get(rnd.nextInt(people.size()));
                String middle = rnd.nextInt(4) == 0 ? a[1] : "";
                String name = String.join(" ", List.of(a[0], middle, b[2]).stream().filter(s -> !s.isBlank()).toList());
                w.write("r" + i + ",\"" + name.replace("\"", "\"\"") + "\",Person," + a[3] + ",\n");
            }
        }
        System.out.printf("wrote %,d rows from %,d fixture people to %s%n", rows, people.size(), out);
    }

    private static void writeNamesOnly(List<String[]> people, int rows, Random rnd, Path out) throws Exception {
        Map<Character.UnicodeScript, List<String[]>> byScript = new EnumMap<>(Character.UnicodeScript.class);
        for (String[] p : people) {
            if (p[4].isBlank()) continue;
            byScript.computeIfAbsent(Character.UnicodeScript.of(p[4].codePointAt(0)), k -> new ArrayList<>()).add(p);
        }
        List<String[]> named = byScript.values().stream().flatMap(List::stream).toList();
        try (BufferedWriter w = Files.newBufferedWriter(out, StandardCharsets.UTF_8)) {
            w.write("case_id,query_name\n");
            for (int i = 0; i < rows; i++) {
                String[] a = named.get(rnd.nextInt(named.size()));
                List<String[]> sameScript = byScript.get(Character.UnicodeScript.of(a[4].codePointAt(0)));
                String[] b = sameScript.get(rnd.nextInt(sameScript.size()));
                w.write("r" + i + ",\"" + otherLastName(a[4], a[2], b[2]).replace("\"", "\"\"") + "\"\n");
            }
        }
        System.out.printf("wrote %,d names-only rows from %,d fixture names to %s%n", rows, named.size(), out);
    }

    /** The full name with its last name (written last, or first as in Chinese and Korean) replaced. */
    private static String otherLastName(String full, String last, String other) {
        if (last.isBlank() || other.isBlank()) return full;
        if (full.endsWith(last)) return full.substring(0, full.length() - last.length()) + other;
        if (full.startsWith(last)) return other + full.substring(last.length());
        return full;
    }
}
