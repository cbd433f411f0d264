package dev.sieve.model;

import java.util.Collection;
import java.util.List;
import java.util.Locale;

/**
 * What an entity is listed for, in FollowTheMoney's topic vocabulary, so a PEP or a debarment is never
 * presented as a sanction. Official sanctions lists say it by what they are; FollowTheMoney data says
 * it per entity; the databank holds persons of interest.
 */
public final class Topics {
    public static final String SANCTION = "sanction";
    public static final String SANCTION_LINKED = "sanction.linked";
    public static final String PEP = "role.pep";
    public static final String RCA = "role.rca";
    public static final String POI = "poi";
    public static final String CRIME = "crime";
    public static final String DEBARMENT = "debarment";
    public static final String WANTED = "wanted";
    /** FollowTheMoney data with no topic and nothing to derive one from. */
    public static final String UNCLASSIFIED = "unclassified";

    private static final List<String> OF_LISTS = List.of(SANCTION);
    private static final List<String> OF_DATABANK = List.of(POI);
    private static final List<String> OF_UNCLASSIFIED = List.of(UNCLASSIFIED);

    private Topics() {
    }

    /** The entity's topics: its own when the source gave them, else those its source implies. */
    public static List<String> of(Entity e) {
        if (!e.topics().isEmpty()) return e.topics();
        return ofSource(e.source());
    }

    /** The topics a source implies for entities that carry none of their own. */
    public static List<String> ofSource(String source) {
        if (DatabankEntry.isDatabank(source)) return OF_DATABANK;
        if (source.startsWith("ftm:")) return OF_UNCLASSIFIED;
        return OF_LISTS;
    }

    /**
     * Whether any of the entity's topics is one of {@code wanted} or below it: {@code role} selects
     * {@code role.pep} and {@code role.rca}, {@code sanction} also {@code sanction.linked}.
     */
    public static boolean matches(List<String> topics, Collection<String> wanted) {
        if (wanted.isEmpty()) return true;
        for (String t : topics) {
            for (String w : wanted) {
                if (t.equals(w) || t.startsWith(w + ".")) return true;
            }
        }
        return false;
    }

    /** A topic as the user typed it: trimmed and lower-cased; "pep" is accepted for role.pep. */
    public static String parse(String raw) {
        String t = raw.strip().toLowerCase(Locale.ROOT);
        if (t.isEmpty()) throw new IllegalArgumentException("empty topic");
        if (!t.matches("[a-z][a-z_.-]*")) throw new IllegalArgumentException("not a topic: '" + raw + "'");
        return switch (t) {
            case "pep" -> PEP;
            case "rca" -> RCA;
            case "sanctions" -> SANCTION;
            default -> t;
        };
    }

    /** A short label for people: "sanction", "PEP", "relative/associate of a PEP"... */
    public static String label(String topic) {
        return switch (topic) {
            case PEP -> "PEP";
            case RCA -> "PEP relative/associate";
            case POI -> "person of interest";
            case SANCTION_LINKED -> "linked to a sanctioned party";
            default -> topic;
        };
    }
}
