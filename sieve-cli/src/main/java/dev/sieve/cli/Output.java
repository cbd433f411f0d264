package dev.sieve.cli;

import dev.sieve.model.Publication;
import dev.sieve.store.EntityJson;
import java.io.PrintWriter;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** Shared formatting for human-readable and {@code --json} output. */
final class Output {
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneOffset.UTC);

    private Output() {
    }

    static void json(PrintWriter out, Object value) {
        try {
            out.println(EntityJson.shown().writerWithDefaultPrettyPrinter().writeValueAsString(value));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A text of at most {@code max} characters: longer ones end in an ellipsis. */
    static String cut(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }

    static String when(Instant i) {
        return i == null ? "-" : WHEN.format(i);
    }

    /**
     * Publications as a table that fits the terminal: on a narrow one the SHA-256 is cut first, then the load
     * time, rejected count and date origin are left out, then the source is cut and the format left out
     * ({@code --json} has them all).
     */
    static void publications(PrintWriter out, Terminal terminal, java.util.List<Publication> pubs) {
        Table t = new Table(Table.Column.fixed("PUB", true), Table.Column.shrinks("SOURCE", false, 4, 12),
                Table.Column.drops("FORMAT", false, 5), Table.Column.fixed("PUBLISHED (UTC)", false),
                Table.Column.drops("DATE FROM", false, 3), Table.Column.drops("LOADED (UTC)", false, 1),
                Table.Column.fixed("RECORDS", true), Table.Column.drops("REJECTED", true, 2),
                Table.Column.shrinks("SHA-256", false, 0, 9));
        for (Publication p : pubs) {
            t.row(p.id(), p.source(), p.format(), when(p.effectiveAt()), dateSourceLabel(p.dateSource()), when(p.loadedAt()),
                    String.format("%,d", p.recordCount()), String.format("%,d", p.rejectedCount()), p.sha256().substring(0, 16));
        }
        t.print(out, terminal);
    }

    /** How a publication's date was obtained, in a few words. */
    static String dateSourceLabel(String dateSource) {
        return switch (dateSource == null ? "" : dateSource) {
            case Publication.DATE_IN_FILE -> "in file";
            case Publication.DATE_GIVEN -> "given";
            case Publication.DATE_HTTP_LAST_MODIFIED -> "Last-Modified";
            case "load-time" -> "load time";
            case "recorded" -> "file or given";
            default -> dateSource;
        };
    }
}
