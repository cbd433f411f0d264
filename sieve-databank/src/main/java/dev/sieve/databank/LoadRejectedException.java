package dev.sieve.databank;

import dev.sieve.lists.Problem;
import java.util.List;
import java.util.stream.Collectors;

/** A strict load met broken records: nothing was stored, and every broken record is listed with its place. */
public class LoadRejectedException extends RuntimeException {
    private static final int SHOWN = 50;
    private final List<Problem> problems;

    public LoadRejectedException(String file, List<Problem> problems) {
        super(message(file, problems));
        this.problems = List.copyOf(problems);
    }

    public List<Problem> problems() {
        return problems;
    }

    private static String message(String file, List<Problem> problems) {
        String shown = problems.stream().limit(SHOWN).map(p -> "  " + p).collect(Collectors.joining("\n"));
        String more = problems.size() > SHOWN ? "\n  ... and " + (problems.size() - SHOWN) + " more" : "";
        return file + ": " + problems.size() + " broken record(s); nothing was loaded"
                + " (use --lenient to load the good records and report these):\n" + shown + more;
    }
}
