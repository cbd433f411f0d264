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
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Streams the customers of a CSV (header row) or JSON-lines file, recognised from its first character,
 * through a {@link ColumnMapping}. A broken row (no name, a bad date or country, broken JSON) becomes a
 * record with its problem; a file without a name column is refused before any row is read.
 */
public final class CustomerFileReader implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final String file;
    private final BufferedReader in;
    private final ColumnMapping mapping;
    private final Double threshold;
    private final int limit;
    private final boolean jsonLines;
    private CsvParser csv;
    private Map<String, Integer> columns;
    private long row;
    private long line;

    public CustomerFileReader(String file, Reader reader, ColumnMapping mapping, Double threshold, int limit) throws IOException {
        this.file = file;
        this.in = reader instanceof BufferedReader b ? b : new BufferedReader(reader, 1 << 16);
        this.mapping = mapping;
        this.threshold = threshold;
        this.limit = limit;
        in.mark(4096);
        int c;
        do {
            c = in.read();
        } while (c == '\uFEFF' || c != -1 && Character.isWhitespace(c));
        in.reset();
        jsonLines = c == '{';
        if (!jsonLines) {
            csv = new CsvParser(in, file);
            CsvParser.Row header = csv.next();
            if (header == null) throw new CustomerFileException(file + ": the file is empty");
            columns = mapping.resolve(header.fields());
            if (!columns.containsKey("name")) {
                throw new CustomerFileException(file + ": line 1: no name column (looked for "
                        + "query_name, name, full_name, customer_name, client_name; map one with --column name=HEADER)");
            }
            line = 1;
        }
    }

    /** The next record, or null at the end. */
    public CustomerRecord next() throws IOException {
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
                    if (!e.getValue().isNull()) values.put(e.getKey().toLowerCase(Locale.ROOT), e.getValue().isValueNode()
                            ? e.getValue().asText() : e.getValue().toString());
                }
                Map<String, String> byField = new HashMap<>();
                Set<String> keys = values.keySet();
                for (String f : ColumnMapping.FIELDS) {
                    String k = mapping.key(f, keys);
                    if (k != null) byField.put(f, values.get(k));
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
        } while (r.fields().size() == 1 && r.get(0).isBlank());
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
        String id = blankToNull(f.get("id"));
        if (id == null) id = String.valueOf(row);
        String name = blankToNull(f.get("name"));
        String where = file + ": line " + line;
        List<Identifier> ids = new ArrayList<>();
        for (String[] t : new String[][] {{"passport", "PASSPORT"}, {"national_id", "NATIONAL_ID"}, {"tax_id", "TAX_ID"},
                {"registration", "REGISTRATION"}, {"bic", "BIC"}, {"imo", "IMO"}}) {
            String v = blankToNull(f.get(t[0]));
            if (v != null) ids.add(new Identifier(IdentifierType.valueOf(t[1]), null, v, null));
        }
        if (name == null && ids.isEmpty()) return new CustomerRecord(row, line, id, null, where + ": the name is empty");
        try {
            String s = blankToNull(f.get("schema"));
            String d = blankToNull(f.get("birth_date"));
            String n = blankToNull(f.get("nationality"));
            String nat = null;
            if (n != null) {
                nat = Countries.toIso2(n).orElseThrow(() -> new IllegalArgumentException("nationality '" + n + "' is not a country"));
            }
            return new CustomerRecord(row, line, id, new ScreeningQuery(name == null ? "" : name, s == null ? null : Schema.parse(s),
                    d == null ? null : PartialDate.parse(d), nat, ids, threshold, limit), null);
        } catch (IllegalArgumentException e) {
            return new CustomerRecord(row, line, id, null, where + ": " + e.getMessage());
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
