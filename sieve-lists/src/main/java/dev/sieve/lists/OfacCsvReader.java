package dev.sieve.lists;

import dev.sieve.model.Address;
import dev.sieve.model.Countries;
import dev.sieve.model.Entity;
import dev.sieve.model.EntityBuilder;
import dev.sieve.model.IdentifierType;
import dev.sieve.model.Name;
import dev.sieve.model.NameKind;
import dev.sieve.model.Schema;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * OFAC's legacy SDN CSV set: {@code sdn.csv} (12 columns, no header) joined with {@code alt.csv}
 * (aliases), {@code add.csv} (addresses) and {@code sdn_comments.csv} (remarks that did not fit).
 * {@code -0- } means empty; lines end in CRLF and the file in a 0x1A byte. Companion files are read
 * first (they are small), then {@code sdn.csv} is streamed.
 */
final class OfacCsvReader implements ListReader {
    static final String ID_PREFIX = "us-ofac:";

    private record Alt(String type, String name, String remarks) {
    }

    @Override
    public ListFormat format() {
        return ListFormat.OFAC_CSV;
    }

    @Override
    public ReadResult read(ListInput input, Consumer<Entity> sink) throws IOException {
        List<Problem> problems = new ArrayList<>();
        Map<Integer, List<Alt>> alts = new HashMap<>();
        Map<Integer, List<Address>> addresses = new HashMap<>();
        Map<Integer, StringBuilder> comments = new HashMap<>();
        Map<Integer, Long> companionLines = new HashMap<>();
        Map<Integer, String> companionFiles = new HashMap<>();
        for (Path companion : input.companions()) {
            String name = companion.getFileName().toString().toLowerCase(java.util.Locale.ROOT);
            switch (name) {
                case "alt.csv" -> readRows(companion, 5, problems, (row, entNum) -> {
                    alts.computeIfAbsent(entNum, k -> new ArrayList<>())
                            .add(new Alt(value(row.get(2)), value(row.get(3)), value(row.get(4))));
                    companionLines.putIfAbsent(entNum, row.line());
                    companionFiles.putIfAbsent(entNum, "alt.csv");
                });
                case "add.csv" -> readRows(companion, 6, problems, (row, entNum) -> {
                    addresses.computeIfAbsent(entNum, k -> new ArrayList<>()).add(address(row));
                    companionLines.putIfAbsent(entNum, row.line());
                    companionFiles.putIfAbsent(entNum, "add.csv");
                });
                case "sdn_comments.csv" -> readRows(companion, 2, problems, (row, entNum) ->
                        comments.computeIfAbsent(entNum, k -> new StringBuilder()).append(value(row.get(1)) == null
                                ? "" : row.get(1)));
                default -> throw new ListFormatException(companion.getFileName().toString(), null,
                        "not a companion of sdn.csv (expected alt.csv, add.csv or sdn_comments.csv)");
            }
        }

        String file = input.name();
        int[] count = {0};
        java.util.Set<Integer> seen = new java.util.HashSet<>();
        readRows(input.main(), 12, problems, (row, entNum) -> {
            if (!seen.add(entNum)) {
                throw new IllegalArgumentException("ent_num " + entNum + " appears twice");
            }
            sink.accept(entity(row, entNum, alts, addresses, comments));
            count[0]++;
        });
        // Aliases or addresses whose record is missing point at a broken or mismatched set.
        for (Integer entNum : companionLines.keySet()) {
            if (!seen.contains(entNum)) {
                problems.add(new Problem(companionFiles.get(entNum), "line " + companionLines.get(entNum),
                        ID_PREFIX + entNum, "refers to ent_num " + entNum + ", which " + file + " does not have"));
            }
        }
        return new ReadResult(ListFormat.OFAC_CSV.defaultSource(), null, count[0], 0, problems);
    }

    private interface RowHandler {
        void accept(CsvParser.Row row, int entNum);
    }

    private static void readRows(Path file, int columns, List<Problem> problems, RowHandler handler)
            throws IOException {
        String name = file.getFileName().toString();
        try (CsvParser csv = new CsvParser(Decoding.strictReader(file, StandardCharsets.UTF_8), name)) {
            CsvParser.Row row;
            while ((row = csv.next()) != null) {
                if (row.fields().size() == 1 && (row.get(0).isEmpty() || row.get(0).equals("\u001a"))) {
                    continue; // blank line or OFAC's trailing Ctrl-Z
                }
                String id = row.get(0).strip();
                try {
                    if (row.fields().size() != columns) {
                        throw new IllegalArgumentException("expected " + columns + " columns, found "
                                + row.fields().size());
                    }
                    int entNum;
                    try {
                        entNum = Integer.parseInt(id);
                    } catch (NumberFormatException e) {
                        throw new IllegalArgumentException("ent_num '" + id + "' is not a number");
                    }
                    handler.accept(row, entNum);
                } catch (IllegalArgumentException e) {
                    problems.add(new Problem(name, "line " + row.line(), id.isEmpty() ? null : ID_PREFIX + id,
                            e.getMessage()));
                }
            }
        }
    }

    private static Entity entity(CsvParser.Row row, int entNum, Map<Integer, List<Alt>> alts,
                                 Map<Integer, List<Address>> addresses, Map<Integer, StringBuilder> comments) {
        String name = value(row.get(1));
        if (name == null) throw new IllegalArgumentException("SDN_Name is empty");
        Schema schema = switch (value(row.get(2)) == null ? "" : value(row.get(2)).toLowerCase(java.util.Locale.ROOT)) {
            case "" -> Schema.ORGANIZATION;
            case "individual" -> Schema.PERSON;
            case "vessel" -> Schema.VESSEL;
            case "aircraft" -> Schema.AIRPLANE;
            default -> throw new IllegalArgumentException("unknown SDN_Type '" + row.get(2) + "'");
        };
        EntityBuilder b = Entity.builder(ID_PREFIX + entNum, ListFormat.OFAC_CSV.defaultSource(), schema);
        PackedNames.add(b, name, NameKind.PRIMARY, false);
        for (Alt alt : alts.getOrDefault(entNum, List.of())) {
            if (alt.name() == null) continue;
            NameKind kind = "fka".equalsIgnoreCase(alt.type()) ? NameKind.FORMER : NameKind.ALIAS;
            // alt.csv marks OFAC's weak aliases in alt_remarks ("weak" / low quality).
            boolean weak = alt.remarks() != null && alt.remarks().toLowerCase(java.util.Locale.ROOT).contains("weak");
            PackedNames.add(b, alt.name(), kind, weak);
        }
        String programs = value(row.get(3));
        if (programs != null) {
            for (String p : programs.split("\\] \\[")) b.program(p.replace("[", "").replace("]", ""));
        }
        String title = value(row.get(4));
        if (title != null) b.remark("Title: " + title);
        String callSign = value(row.get(5));
        if (callSign != null) OfacRemarks.identifier(IdentifierType.CALL_SIGN, "Call Sign", callSign, b);
        String vesselType = value(row.get(6));
        if (vesselType != null) b.remark("Vessel type: " + vesselType);
        String flag = value(row.get(9));
        if (flag != null) Countries.toIso2(flag).ifPresent(b::nationality);
        String owner = value(row.get(10));
        if (owner != null) b.remark("Vessel owner: " + owner);
        StringBuilder remarks = new StringBuilder(value(row.get(11)) == null ? "" : row.get(11));
        StringBuilder more = comments.get(entNum);
        if (more != null) remarks.append(more);
        if (!remarks.isEmpty()) {
            b.remark(remarks.toString());
            OfacRemarks.apply(remarks.toString(), b);
        }
        for (Address a : addresses.getOrDefault(entNum, List.of())) b.address(a);
        return b.build();
    }

    private static Address address(CsvParser.Row row) {
        String country = value(row.get(4));
        return new Address(value(row.get(2)), value(row.get(3)), null, null,
                country == null ? null : Countries.toIso2(country).orElse(null), country);
    }

    /** OFAC writes "-0- " for an empty field. */
    static String value(String field) {
        if (field == null) return null;
        String s = field.strip();
        return s.isEmpty() || s.equals("-0-") ? null : s;
    }
}
