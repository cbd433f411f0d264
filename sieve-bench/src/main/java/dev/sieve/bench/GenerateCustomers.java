package dev.sieve.bench;

import dev.sieve.lists.CsvParser;
import dev.sieve.testing.SharedData;
import java.io.BufferedWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Writes a synthetic customer file for batch benchmarks from OpenSanctions' 100,000 clean-customer
 * fixtures (yente candidate-generation benchmark): each row recombines a real fixture's first, middle
 * and last names with another's (fixed seed), keeps a date of birth, in the {@code sieve screen --input}
 * layout (case_id, query_name, schema, birth_date, nationality).
 *
 * <p>Run: {@code bin/bench GenerateCustomers --rows 1000000 --seed 42 --out /tmp/customers.csv}
 */
public final class GenerateCustomers {
    private GenerateCustomers() {
    }

    public static void main(String[] args) throws Exception {
        int rows = 1_000_000;
        long seed = 42;
        Path out = Path.of("customers.csv");
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--rows" -> rows = Integer.parseInt(args[++i]);
                case "--seed" -> seed = Long.parseLong(args[++i]);
                case "--out" -> out = Path.of(args[++i]);
                default -> throw new IllegalArgumentException("unknown argument " + args[i]);
            }
        }
        List<String[]> people = new ArrayList<>();
        for (String f : List.of("negatives_global.csv", "negatives_us.csv")) {
            Path p = SharedData.root().resolve("data/bench-sources/yente_candidate_generation").resolve(f);
            try (CsvParser csv = new CsvParser(Files.newBufferedReader(p, StandardCharsets.UTF_8), f)) {
                List<String> h = csv.next().fields();
                int first = h.indexOf("first_name"), middle = h.indexOf("middle_name"), last = h.indexOf("last_name"),
                        dob = h.indexOf("date_of_birth");
                CsvParser.Row r;
                while ((r = csv.next()) != null) {
                    people.add(new String[] {r.get(first), r.get(middle), r.get(last), r.get(dob)});
                }
            }
        }
        Random rnd = new Random(seed);
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
}
