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

    static String when(Instant i) {
        return i == null ? "-" : WHEN.format(i);
    }

    static void publicationHeader(PrintWriter out) {
        out.printf("%5s  %-24s %-11s %-16s %-13s %-16s %8s %8s  %s%n", "PUB", "SOURCE", "FORMAT", "PUBLISHED (UTC)",
                "DATE FROM", "LOADED (UTC)", "RECORDS", "REJECTED", "SHA-256");
    }

    static void publicationRow(PrintWriter out, Publication p) {
        out.printf("%5d  %-24s %-11s %-16s %-13s %-16s %8d %8d  %s%n", p.id(), p.source(), p.format(),
                when(p.effectiveAt()), dateSourceLabel(p.dateSource()), when(p.loadedAt()), p.recordCount(),
                p.rejectedCount(), p.sha256().substring(0, 16));
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
