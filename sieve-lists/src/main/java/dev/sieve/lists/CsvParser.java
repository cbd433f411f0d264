package dev.sieve.lists;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.CharacterCodingException;
import java.util.ArrayList;
import java.util.List;

/**
 * A streaming RFC 4180 CSV parser that knows which line each record starts on, so that every problem
 * can be reported with its place. Quoted fields may span lines; CR, LF and CRLF all end a record.
 * A file that ends inside a quoted field is truncated, and says so.
 */
public final class CsvParser implements AutoCloseable {
    /** One CSV record and the (1-based) line it starts on. */
    public record Row(List<String> fields, long line) {
        public String get(int i) {
            return i < fields.size() ? fields.get(i) : null;
        }
    }

    private final Reader in;
    private final String file;
    private final char[] buf = new char[1 << 16];
    private final char delimiter;
    private int pos;
    private int len;
    private long line = 1;
    private int pending = -2; // -2: nothing peeked

    public CsvParser(Reader in, String file) {
        this(in, file, ',');
    }

    /** A parser for fields separated by {@code delimiter} (',', ';', tab, '|'), quoted with '"'. */
    public CsvParser(Reader in, String file, char delimiter) {
        this(in, file, delimiter, 1);
    }

    /** The same, the reader's first line being line {@code firstLine} of the file (lines before it already read). */
    public CsvParser(Reader in, String file, char delimiter, long firstLine) {
        this.in = in;
        this.file = file;
        this.delimiter = delimiter;
        this.line = firstLine;
    }

    public long line() {
        return line;
    }

    /** The next record, or null at end of input. */
    public Row next() throws IOException {
        int c = read();
        if (c == -1) return null;
        long start = line;
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        boolean fieldWasQuoted = false;
        while (true) {
            if (quoted) {
                if (c == -1) {
                    throw new ListFormatException(file, "line " + start,
                            "file ends inside a quoted field that starts on line " + start + ": truncated?");
                }
                if (c == '"') {
                    int n = read();
                    if (n == '"') {
                        field.append('"');
                    } else {
                        quoted = false;
                        c = n;
                        continue;
                    }
                } else {
                    if (c == '\n') line++;
                    field.append((char) c);
                }
                c = read();
                continue;
            }
            if (c == -1 || c == '\n' || c == '\r') {
                fields.add(field.toString());
                if (c == '\r') {
                    int n = read();
                    if (n != '\n') unread(n);
                }
                if (c != -1) line++;
                return new Row(fields, start);
            }
            if (c == delimiter) {
                fields.add(field.toString());
                field.setLength(0);
                fieldWasQuoted = false;
            } else if (c == '"' && field.isEmpty() && !fieldWasQuoted) {
                quoted = true;
                fieldWasQuoted = true;
            } else {
                field.append((char) c);
            }
            c = read();
        }
    }

    private int read() throws IOException {
        if (pending != -2) {
            int p = pending;
            pending = -2;
            return p;
        }
        if (pos == len) {
            try {
                len = in.read(buf, 0, buf.length);
            } catch (CharacterCodingException e) {
                throw new ListFormatException(file, "line " + line,
                        "bytes that are not valid in the file's encoding (" + e.getMessage() + "): wrong encoding?", e);
            }
            pos = 0;
            if (len <= 0) {
                len = 0;
                return -1;
            }
        }
        return buf[pos++];
    }

    private void unread(int c) {
        pending = c;
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
