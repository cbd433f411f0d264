package dev.sieve.channels.customer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sieve.lists.CsvParser;
import dev.sieve.model.Countries;
import dev.sieve.model.Identifier;
import dev.sieve.model.IdentifierType;
import dev.sieve.model.PartialDate;
import dev.sieve.model.Schema;
import dev.sieve.model.ScreeningQuery;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;

/**
 * Streams the customers of a CSV (header row; comma, semicolon, tab or bar separated, detected from the
 * header) or JSON-lines file, recognised from its first character, through a {@link ColumnMapping}; a name
 * given in parts (first and last name columns) is joined. A row without a name or with broken JSON becomes a
 * record with its problem; an unreadable birth date or
 * country is reported with the row but does not stop its name being screened; blank rows are skipped; a
 * file without a name column (or its parts) is refused before any row is read.
 */
public final class CustomerFileReader implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final char[] DELIMITERS = {',', ';', '\t', '|'};
    /** The line Excel reads (and some systems write for it) naming the separator: "sep=;". */
    private static final java.util.regex.Pattern SEPARATOR_HINT = java.util.regex.Pattern.compile("(?i)sep=([,;\t|])\\s*");

    /**
     * How to read a customer file.
     *
     * @param delimiter the CSV field separator, or null to detect it from the header
     * @param dateFormat a {@link java.time.format.DateTimeFormatter} pattern for birth dates ("dd/MM/yyyy"),
     *                   or null for ISO dates (YYYY, YYYY-MM, YYYY-MM-DD) and DD.MM.YYYY
     */
    public record Options(ColumnMapping mapping, Character delimiter, String dateFormat, Double threshold, int limit) {
        public static Options defaults() {
            return new Options(ColumnMapping.defaults(), null, null, null, 10);
        }
    }

    private final String file;
    private final BufferedReader in;
    private final ColumnMapping mapping;
    private final Double threshold;
    private final int limit;
    private final BirthDates dates;
    private final boolean jsonLines;
    private char delimiter = ',';
    private CsvParser csv;
    private Map<String, Integer> columns;
    private List<String> header;
    private long row;
    private long line;

    public CustomerFileReader(String file, Reader reader, ColumnMapping mapping, Double threshold, int limit) throws IOException {
        this(file, reader, new Options(mapping, null, null, threshold, limit));
    }

    public CustomerFileReader(String file, Reader reader, Options options) throws IOException {
        this.file = file;
        try {
            this.in = reader instanceof BufferedReader b ? b : new BufferedReader(reader, 1 << 16);
            this.mapping = options.mapping();
            this.threshold = options.threshold();
            this.limit = options.limit();
            this.dates = dates(options);
            this.jsonLines = open(options);
        } catch (java.nio.charset.CharacterCodingException | dev.sieve.lists.ListFormatException e) {
            throw unreadable(e, 1);
        }
    }

    private static BirthDates dates(Options options) {
        try {
            return new BirthDates(options.dateFormat());
        } catch (IllegalArgumentException e) {
            throw new CustomerFileException("--date-format: " + e.getMessage());
        }
    }

    /** Sniffs the kind of file and, for CSV, its separator and header; returns whether it is JSON lines. */
    private boolean open(Options options) throws IOException {
        in.mark(1 << 16);
        int c;
        boolean bom = false;
        do {
            c = in.read();
            if (c == '\uFEFF') bom = true;
        } while (c == '\uFEFF' || c != -1 && Character.isWhitespace(c));
        in.reset();
        // Excel's "CSV UTF-8" starts with a byte-order mark: it must not stick to the first header
        if (bom) in.skip(1);
        if (c != '{') {
            in.mark(1 << 16);
            String first = in.readLine();
            Matcher hint = first == null ? null : SEPARATOR_HINT.matcher(first);
            boolean hinted = hint != null && hint.matches();
            // Excel's hint of the separator ("sep=;") before the header: taken, and the header read after it
            if (hinted) in.mark(1 << 16);
            in.reset();
            delimiter = options.delimiter() != null ? options.delimiter()
                    : hinted ? hint.group(1).charAt(0) : delimiterOf(first == null ? "" : first);
            csv = new CsvParser(in, file, delimiter, hinted ? 2 : 1);
            CsvParser.Row headerRow = csv.next();
            if (headerRow == null) throw new CustomerFileException(file + ": the file is empty");
            header = headerRow.fields();
            columns = mapping.resolve(header);
            if (columns.containsKey("name") && ColumnMapping.nameIsFamilyName(ColumnMapping.key(header.get(columns.get("name"))),
                    columns.containsKey("given_name"), columns.containsKey("family_name"))) {
                columns.put("family_name", columns.remove("name"));
            }
            if (!columns.containsKey("name") && ColumnMapping.NAME_PARTS.stream().noneMatch(columns::containsKey)) {
                throw new CustomerFileException(file + ": line " + headerRow.line() + ": no name column among " + header.stream().limit(12).toList()
                        + " (looked for a full name: " + String.join(", ", mapping.lookedFor("name").stream().limit(6).toList())
                        + "…, or its parts: first_name, last_name, surname…; map one with --column name=HEADER, or the"
                        + " parts with --column given_name=HEADER --column family_name=HEADER" + (header.size() == 1 && options.delimiter() == null
                        ? "; the header has one column: is the file separated by something other than , ; tab or |? give --delimiter"
                        : "") + ")");
            }
            line = headerRow.line();
        }
        return c == '{';
    }

    /** The field separator of a CSV header: the one of , ; tab | found most often outside quotes. */
    static char delimiterOf(String header) {
        char best = ',';
        int bestCount = 0;
        for (char d : DELIMITERS) {
            int count = 0;
            boolean quoted = false;
            for (int i = 0; i < header.length(); i++) {
                char ch = header.charAt(i);
                if (ch == '"') quoted = !quoted;
                else if (ch == d && !quoted) count++;
            }
            if (count > bestCount) {
                best = d;
                bestCount = count;
            }
        }
        return best;
    }

    /** The CSV field separator in use (detected or given); ',' for JSON lines. */
    public char delimiter() {
        return delimiter;
    }

    /** Whether the file is JSON lines rather than CSV. */
    public boolean jsonLines() {
        return jsonLines;
    }

    /** The next record, or null at the end; a file that cannot be read further is an error naming the line. */
    public CustomerRecord next() throws IOException {
        try {
            return read();
        } catch (java.nio.charset.CharacterCodingException | dev.sieve.lists.ListFormatException e) {
            throw unreadable(e, line + 1);
        }
    }

    /**
     * A file that cannot be read on: bytes not valid in its encoding (named by their line, or the line
     * being read), or a broken CSV structure (the parser names the line).
     */
    private CustomerFileException unreadable(Exception e, long fallbackLine) {
        java.nio.charset.CharacterCodingException coding = e instanceof java.nio.charset.CharacterCodingException c ? c
                : e.getCause() instanceof java.nio.charset.CharacterCodingException c ? c : null;
        if (coding == null) return new CustomerFileException(e.getMessage());
        long at = dev.sieve.channels.text.TextDecoding.badLine(coding).orElse(fallbackLine);
        if (dev.sieve.channels.text.TextDecoding.isNul(coding)) {
            return new CustomerFileException(file + ": line " + at + ": a NUL byte: this is binary data, not a text file"
                    + " (a spreadsheet saved as .xlsx? export it as CSV)");
        }
        return new CustomerFileException(file + ": line " + at + ": bytes that are not valid in the file's encoding;"
                + " give it with --encoding (e.g. windows-1252)");
    }

    private CustomerRecord read() throws IOException {
        if (jsonLines) {
            String text;
            do {
                text = in.readLine();
                line++;
                if (text == null) return null;
            } while (text.isBlank());
            row++;
            try {
                JsonNode node = JSON.readTree(text);
                if (!node.isObject()) return broken("not a JSON object");
                Map<String, String> values = new HashMap<>();
                Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
                while (fields.hasNext()) {
                    var e = fields.next();
                    if (!e.getValue().isNull()) values.putIfAbsent(jsonKey(e.getKey()), e.getValue().isValueNode()
                            ? e.getValue().asText() : e.getValue().toString());
                }
                Map<String, String> byField = new HashMap<>();
                Set<String> keys = values.keySet();
                String nameKey = null;
                for (String f : ColumnMapping.FIELDS) {
                    String k = mapping.jsonKey(f, keys);
                    if (k != null) byField.put(f, values.get(k));
                    if (k != null && f.equals("name")) nameKey = k;
                }
                if (nameKey != null && ColumnMapping.nameIsFamilyName(nameKey, byField.containsKey("given_name"),
                        byField.containsKey("family_name"))) {
                    byField.put("family_name", byField.remove("name"));
                }
                return record(byField);
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                return broken("broken JSON: " + e.getOriginalMessage());
            }
        }
        CsvParser.Row r;
        do {
            r = csv.next();
            if (r == null) return null;
        } while (r.fields().stream().allMatch(String::isBlank)); // blank rows, also ",,,", are no customers
        row++;
        line = r.line();
        Map<String, String> byField = new HashMap<>();
        for (var e : columns.entrySet()) {
            if (e.getValue() < r.fields().size()) byField.put(e.getKey(), r.get(e.getValue()));
        }
        return record(byField);
    }

    private CustomerRecord broken(String problem) {
        return new CustomerRecord(row, line, null, null, file + ": line " + line + ": " + problem);
    }

    private CustomerRecord record(Map<String, String> f) {
        String given = blankToNull(f.get("id"));
        String id = given != null ? given : String.valueOf(row);
        String name = blankToNull(f.get("name"));
        if (name == null) name = joinedParts(f);
        String where = file + ": line " + line;
        List<Identifier> ids = new ArrayList<>();
        for (String[] t : new String[][] {{"passport", "PASSPORT"}, {"national_id", "NATIONAL_ID"}, {"tax_id", "TAX_ID"},
                {"registration", "REGISTRATION"}, {"bic", "BIC"}, {"imo", "IMO"}}) {
            String v = blankToNull(f.get(t[0]));
            if (v != null) ids.add(new Identifier(IdentifierType.valueOf(t[1]), null, v, null));
        }
        if (name == null && ids.isEmpty()) {
            return new CustomerRecord(row, line, id, null, where + ": the name is empty", List.of(), given != null);
        }
        List<String> warnings = new ArrayList<>();
        Schema schema = null;
        String s = blankToNull(f.get("schema"));
        if (s != null) {
            try {
                schema = Schema.parse(s);
            } catch (IllegalArgumentException e) {
                warnings.add(where + ": " + column("schema") + ": " + e.getMessage() + "; screened as any kind of party");
            }
        }
        PartialDate dob = null;
        String d = blankToNull(f.get("birth_date"));
        if (d != null) {
            try {
                dob = dates.parse(d);
            } catch (IllegalArgumentException e) {
                warnings.add(where + ": " + column("birth_date") + ": " + e.getMessage() + "; screened without it");
            }
        }
        String nat = null;
        String n = blankToNull(f.get("nationality"));
        if (n != null) {
            nat = Countries.asWritten(n).orElse(null);
            if (nat == null) warnings.add(where + ": " + column("nationality") + ": '" + n + "' is not a country; screened without it");
        }
        return new CustomerRecord(row, line, id, new ScreeningQuery(name == null ? "" : name, schema, dob, nat, ids,
                threshold, limit), null, warnings, given != null);
    }

    /** A JSON-lines file's keys as {@link ColumnMapping#key}s, worked out once per key (every row repeats them). */
    private final Map<String, String> jsonKeys = new HashMap<>();

    private String jsonKey(String key) {
        String k = jsonKeys.get(key);
        if (k == null) {
            k = ColumnMapping.key(key);
            if (jsonKeys.size() < 1_000) jsonKeys.put(key, k); // bounded: a file may key its rows by anything
        }
        return k;
    }

    /** A name given in parts (given, middle and family name), joined; null when every part is blank. */
    private static String joinedParts(Map<String, String> f) {
        StringBuilder out = new StringBuilder();
        for (String part : ColumnMapping.NAME_PARTS) {
            String v = blankToNull(f.get(part));
            if (v == null) continue;
            if (!out.isEmpty()) out.append(' ');
            out.append(v);
        }
        return out.isEmpty() ? null : out.toString();
    }

    /** The column a field was read from, as the file names it. */
    private String column(String field) {
        if (header != null && columns.containsKey(field)) return "column '" + header.get(columns.get(field)).strip() + "'";
        return "field '" + field + "'";
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
