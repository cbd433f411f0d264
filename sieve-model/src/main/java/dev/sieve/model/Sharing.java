package dev.sieve.model;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Who may see a databank entry besides the agency that contributed it: nobody else ({@code private}),
 * every member agency ({@code all}), or the listed agencies.
 */
public record Sharing(Kind kind, Set<String> agencies) {
    public enum Kind { PRIVATE, ALL, AGENCIES }

    public static final Sharing PRIVATE = new Sharing(Kind.PRIVATE, Set.of());
    public static final Sharing ALL = new Sharing(Kind.ALL, Set.of());

    public Sharing {
        agencies = Set.copyOf(new TreeSet<>(agencies));
        if (kind == Kind.AGENCIES && agencies.isEmpty()) kind = Kind.PRIVATE;
        if (kind != Kind.AGENCIES) agencies = Set.of();
    }

    public static Sharing with(List<String> agencies) {
        return new Sharing(Kind.AGENCIES, Set.copyOf(agencies));
    }

    /** Whether {@code viewer} may see an entry {@code owner} contributed with this sharing. */
    public boolean visibleTo(String owner, String viewer) {
        if (viewer == null) return false;
        return viewer.equals(owner) || kind == Kind.ALL || kind == Kind.AGENCIES && agencies.contains(viewer);
    }

    /** The stored form: {@code private}, {@code all} or the agency ids joined by commas, sorted. */
    public String encode() {
        return switch (kind) {
            case PRIVATE -> "private";
            case ALL -> "all";
            case AGENCIES -> String.join(",", new TreeSet<>(agencies));
        };
    }

    public static Sharing decode(String text) {
        return switch (text) {
            case "private" -> PRIVATE;
            case "all" -> ALL;
            default -> with(List.of(text.split(",")));
        };
    }
}
