package dev.sieve.lists;

import dev.sieve.model.Address;
import dev.sieve.model.BirthDate;
import dev.sieve.model.Countries;
import dev.sieve.model.Entity;
import dev.sieve.model.EntityBuilder;
import dev.sieve.model.Identifier;
import dev.sieve.model.IdentifierType;
import dev.sieve.model.Name;
import dev.sieve.model.NameKind;
import dev.sieve.model.Schema;
import java.io.IOException;
import java.nio.charset.Charset;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The UK OFSI consolidated list CSV ("ConList"): a {@code Last Updated,DD/MM/YYYY} line, a header line,
 * then one row per name; rows sharing a {@code Group ID} are one target ({@code uk:<Group ID>}).
 * Columns are found by header name, so the 2018 layout and the later one with non-Latin script
 * columns both read. Rows are merged per group in memory (groups are small), the file is streamed.
 */
final class UkConListReader implements ListReader {
    static final String SOURCE = ListFormat.UK_CONLIST.defaultSource();
    private static final String[] REQUIRED = {"Name 6", "Group Type", "Group ID"};
    private static final Pattern DOC_NUMBER = Pattern.compile("\\b([A-Z]{0,3}[0-9][A-Z0-9/-]{3,})\\b");
    private static final Pattern LIST_ITEM = Pattern.compile("\\s*\\(?\\d{1,2}\\)\\s*");

    @Override
    public ListFormat format() {
        return ListFormat.UK_CONLIST;
    }

    @Override
    public ReadResult read(ListInput input, Consumer<Entity> sink) throws IOException {
        String file = input.name();
        Charset charset = Decoding.utf8OrWindows1252(input.main());
        List<Problem> problems = new ArrayList<>();
        Map<String, EntityBuilder> groups = new LinkedHashMap<>();
        Map<String, Long> groupLine = new HashMap<>();
        Instant published;
        try (CsvParser csv = new CsvParser(Decoding.strictReader(input.main(), charset), file)) {
            CsvParser.Row first = csv.next();
            if (first == null || !"Last Updated".equalsIgnoreCase(first.get(0).strip())) {
                throw new ListFormatException(file, "line 1", "expected 'Last Updated,DD/MM/YYYY' as the first line");
            }
            try {
                published = Dates.startOfDay(Dates.dayMonthYearFull(first.get(1)));
            } catch (RuntimeException e) {
                throw new ListFormatException(file, "line 1", "Last Updated date '" + first.get(1)
                        + "' is not DD/MM/YYYY");
            }
            CsvParser.Row header = csv.next();
            if (header == null) throw new ListFormatException(file, "line 2", "header line is missing");
            Map<String, Integer> col = new HashMap<>();
            for (int i = 0; i < header.fields().size(); i++) col.put(header.get(i).strip(), i);
            for (String req : REQUIRED) {
                if (!col.containsKey(req)) {
                    throw new ListFormatException(file, "line 2", "column '" + req + "' is missing from the header");
                }
            }
            int columns = header.fields().size();
            CsvParser.Row row;
            while ((row = csv.next()) != null) {
                if (row.fields().size() == 1 && row.get(0).isBlank()) continue;
                String groupId = get(row, col, "Group ID");
                try {
                    if (row.fields().size() != columns) {
                        throw new IllegalArgumentException("expected " + columns + " columns, found "
                                + row.fields().size());
                    }
                    if (groupId == null || !groupId.chars().allMatch(Character::isDigit)) {
                        throw new IllegalArgumentException("Group ID '" + groupId + "' is not a number");
                    }
                    EntityBuilder b = groups.get(groupId);
                    if (b == null) {
                        b = Entity.builder("uk:" + groupId, SOURCE, schema(get(row, col, "Group Type")));
                        groups.put(groupId, b);
                        groupLine.put(groupId, row.line());
                    }
                    addRow(b, row, col);
                } catch (IllegalArgumentException e) {
                    problems.add(new Problem(file, "line " + row.line(), groupId == null ? null : "uk:" + groupId,
                            e.getMessage()));
                    if (groupId != null) groups.remove(groupId);
                }
            }
        }
        // A group with a rejected row is rejected whole (its other rows may already be merged).
        java.util.Set<String> rejected = new java.util.HashSet<>();
        for (Problem p : problems) if (p.recordId() != null) rejected.add(p.recordId());
        int count = 0;
        for (var e : groups.entrySet()) {
            if (rejected.contains("uk:" + e.getKey())) continue;
            try {
                sink.accept(e.getValue().build());
                count++;
            } catch (IllegalArgumentException ex) {
                problems.add(new Problem(file, "line " + groupLine.get(e.getKey()), "uk:" + e.getKey(), ex.getMessage()));
            }
        }
        return new ReadResult(SOURCE, published, count, 0, problems);
    }

    private static Schema schema(String groupType) {
        if (groupType == null) throw new IllegalArgumentException("Group Type is empty");
        return switch (groupType.strip().toLowerCase(Locale.ROOT)) {
            case "individual" -> Schema.PERSON;
            case "entity" -> Schema.ORGANIZATION;
            case "ship" -> Schema.VESSEL;
            default -> throw new IllegalArgumentException("unknown Group Type '" + groupType + "'");
        };
    }

    private static void addRow(EntityBuilder b, CsvParser.Row row, Map<String, Integer> col) {
        String name = Text.joinNonBlank(" ", get(row, col, "Name 1"), get(row, col, "Name 2"), get(row, col, "Name 3"),
                get(row, col, "Name 4"), get(row, col, "Name 5"), get(row, col, "Name 6"));
        String aliasType = get(row, col, "Alias Type");
        // The ConList files each target's name as the group's "Prime Alias" row (later files: "Primary name");
        // the group's first row is often an AKA.
        boolean primary = aliasType != null && (aliasType.equalsIgnoreCase("Prime Alias")
                || aliasType.equalsIgnoreCase("Primary name"));
        boolean former = aliasType != null && aliasType.equalsIgnoreCase("FKA");
        boolean weak = "Low".equalsIgnoreCase(get(row, col, "Alias Quality"));
        if (name != null) {
            PackedNames.add(b, name, primary ? NameKind.PRIMARY : former ? NameKind.FORMER : NameKind.ALIAS, weak);
        }
        String nonLatin = get(row, col, "Name Non-Latin Script");
        if (nonLatin != null) b.name(Name.originalScript(nonLatin));
        String title = get(row, col, "Title");
        if (title != null) b.remark("Title: " + title);
        String dob = get(row, col, "DOB");
        if (dob != null) b.birthDate(BirthDate.exact(Dates.dayMonthYear(dob)));
        b.birthPlace(Text.joinNonBlank(", ", get(row, col, "Town of Birth"), get(row, col, "Country of Birth")));
        String nationality = get(row, col, "Nationality");
        if (nationality != null) {
            for (String n : LIST_ITEM.split(nationality)) Countries.toIso2(n.replaceAll("[.,;]+$", "")).ifPresent(b::nationality);
        }
        documents(b, get(row, col, "Passport Details"), IdentifierType.PASSPORT, "Passport");
        documents(b, get(row, col, "NI Number"), IdentifierType.NATIONAL_ID, "National Identification Number");
        String position = get(row, col, "Position");
        if (position != null) b.remark("Position: " + position);
        String country = get(row, col, "Country");
        b.address(new Address(Text.joinNonBlank(", ", get(row, col, "Address 1"), get(row, col, "Address 2"),
                get(row, col, "Address 3"), get(row, col, "Address 4")), get(row, col, "Address 5"),
                get(row, col, "Address 6"), get(row, col, "Post/Zip Code"),
                country == null ? null : Countries.toIso2(country).orElse(null), country));
        b.remark(get(row, col, "Other Information"));
        String regime = get(row, col, "Regime");
        if (regime != null) b.program(regime);
        String listedOn = get(row, col, "Listed On");
        if (listedOn != null) b.listedOn(Dates.dayMonthYearFull(listedOn));
    }

    /** Free-text document fields ("Passport No: 592667 (Qatari passport issued ...)"): each number found. */
    private static void documents(EntityBuilder b, String text, IdentifierType type, String label) {
        if (text == null) return;
        b.remark(label + ": " + text);
        Matcher m = DOC_NUMBER.matcher(text.toUpperCase(Locale.ROOT));
        while (m.find()) {
            String number = m.group(1);
            if (number.matches("(19|20)\\d\\d")) continue; // a year, not a number
            b.identifier(new Identifier(type, label, number, null));
        }
    }

    private static String get(CsvParser.Row row, Map<String, Integer> col, String column) {
        Integer i = col.get(column);
        if (i == null) return null;
        String v = row.get(i);
        return v == null || v.isBlank() ? null : v.strip();
    }
}
