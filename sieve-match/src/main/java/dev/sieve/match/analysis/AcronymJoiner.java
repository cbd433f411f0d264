package dev.sieve.match.analysis;

import java.util.ArrayList;
import java.util.List;

/**
 * Stage (organisations, vessels, aircraft; after legal forms, so "Sp. z o.o." and "L.P." are already
 * taken): a run of two or more single letters is one acronym — "A.B.C. Company" and "ABC Company",
 * "T N K FABRICS" and "TNK FABRICS" are written alike.
 */
public final class AcronymJoiner {
    private AcronymJoiner() {
    }

    public static List<Token> apply(List<Token> tokens) {
        List<Token> out = new ArrayList<>(tokens.size());
        List<Token> run = new ArrayList<>();
        for (Token t : tokens) {
            if (t.kind() == Token.Kind.INITIAL) {
                run.add(t);
                continue;
            }
            flush(out, run);
            out.add(t);
        }
        flush(out, run);
        return out;
    }

    private static void flush(List<Token> out, List<Token> run) {
        if (run.size() == 1) {
            out.add(run.getFirst());
        } else if (run.size() > 1) {
            StringBuilder sb = new StringBuilder();
            for (Token t : run) sb.append(t.text());
            out.add(Token.of(sb.toString(), Token.Kind.WORD));
        }
        run.clear();
    }
}
