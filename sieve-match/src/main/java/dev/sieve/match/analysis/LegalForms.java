package dev.sieve.match.analysis;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

/**
 * Stage: organisation legal forms, written many ways, folded to one canonical part each (Ltd/Limited,
 * Co/Company, LLC/OOO, JSC/OAO/AO/PAO, GmbH, S.A., Sp. z o.o.) and marked, so that scoring weighs
 * them lightly. Phrases are matched longest first on the tokenised name.
 */
public final class LegalForms {
    private record Form(String[] phrase, String canonical) {
    }

    private static final List<Form> FORMS = new ArrayList<>();
    /** The words a phrase starts with, and those of them that also match with a typo (see {@link #matches}). */
    private static final Set<String> FIRST_WORDS = new java.util.HashSet<>();
    private static final List<String> TYPO_FIRST_WORDS = new ArrayList<>();

    static {
        add("ltd", "ltd", "limited", "ltda", "limitada", "limiteda", "ltee", "limitee");
        add("co", "co", "company", "compania", "cia", "companhia", "compagnie", "cie", "kompaniya", "kompaniia");
        add("corp", "corp", "corporation", "corporacion", "korporatsiya", "korporatsiia", "korporacija");
        add("inc", "inc", "incorporated");
        add("llc", "llc", "l l c", "limited liability company", "ooo", "o o o", "tov", "too", "mchj",
                "obshchestvo s ogranichennoy otvetstvennostyu", "obshchestvo s ogranichennoi otvetstvennostiu",
                "limited liability partnership", "llp");
        add("jsc", "jsc", "joint stock company", "ao", "oao", "zao", "pao", "pjsc", "ojsc", "cjsc", "jscb", "ojsc",
                "aktsionernoe obshchestvo", "otkrytoe aktsionernoe obshchestvo", "zakrytoe aktsionernoe obshchestvo",
                "publichnoe aktsionernoe obshchestvo", "public joint stock company", "closed joint stock company",
                "open joint stock company", "aksionerno obshchestvo", "sc");
        add("gmbh", "gmbh", "gesellschaft mit beschrankter haftung");
        add("ag", "ag", "aktiengesellschaft");
        add("sa", "sa", "s a", "sociedad anonima", "societe anonyme", "sa de cv", "s a de c v", "sab de cv", "sapi de cv",
                "societatea pe actiuni", "societate pe actiuni");
        add("sas", "sas", "s a s");
        add("sarl", "sarl", "s a r l", "s a r l u", "sarlu", "srl", "s r l", "s de rl", "s de r l", "s de rl de cv",
                "s de r l de c v",
                "societatea cu raspundere limitata", "societate cu raspundere limitata");
        add("spa", "spa", "s p a");
        add("bv", "bv", "b v");
        add("nv", "nv", "n v");
        add("plc", "plc", "p l c", "public limited company");
        add("pte", "pte", "private", "pvt", "pty", "proprietary");
        add("spzoo", "sp z o o", "spolka z ograniczona odpowiedzialnoscia");
        add("fze", "fze", "fzco", "fzc", "fz llc", "fzllc", "dmcc");
        add("est", "est", "establishment");
        add("kg", "kg", "gmbh co kg", "kommanditgesellschaft");
        add("cv", "cv", "c v");
        add("ca", "ca", "c a");
        add("sl", "sl", "s l");
        add("lp", "lp", "l p", "limited partnership");
        add("ab", "ab", "aktiebolag");
        add("oy", "oy", "oyj");
        add("as", "as", "a s");
        add("doo", "doo", "d o o");
        add("sro", "sro", "s r o");
        FORMS.sort(Comparator.comparingInt((Form f) -> f.phrase.length).reversed());
        for (Form f : FORMS) {
            FIRST_WORDS.add(f.phrase[0]);
            if (f.phrase[0].length() >= 5 && !TYPO_FIRST_WORDS.contains(f.phrase[0])) TYPO_FIRST_WORDS.add(f.phrase[0]);
        }
    }

    /**
     * Whether some phrase may start with this word: most words of a name start none, and trying every phrase on each
     * (with its typos) was a twentieth of the analysis of a names-only customer file.
     */
    private static boolean mayStartForm(String word) {
        if (FIRST_WORDS.contains(word)) return true;
        for (String want : TYPO_FIRST_WORDS) if (wordMatches(want, word)) return true;
        return false;
    }

    private LegalForms() {
    }

    private static void add(String canonical, String... phrases) {
        for (String p : phrases) FORMS.add(new Form(p.split(" "), canonical));
    }

    /** The name's tokens with legal-form phrases replaced by their canonical {@link Token.Kind#LEGAL_FORM} tokens. */
    public static List<Token> apply(List<String> tokens) {
        return apply(tokens, false);
    }

    /**
     * {@link #apply(List)}; with {@code formFirst}, a short form at the start is a legal form too: Russian and other
     * East Slavic names put it first ("АО Концерн Калашников", "ПАО Сбербанк"), where a Latin name's "SA" may be a
     * word.
     */
    public static List<Token> apply(List<String> tokens, boolean formFirst) {
        List<Token> out = new ArrayList<>(tokens.size());
        int i = 0;
        while (i < tokens.size()) {
            Form hit = null;
            for (Form f : mayStartForm(tokens.get(i)) ? FORMS : List.<Form>of()) {
                if (matches(tokens, i, f.phrase)) {
                    hit = f;
                    break;
                }
            }
            // A lone short form inside a name (not at its edges) is as likely a word: "SA" in "SA LEE".
            if (hit != null && !formFirst && hit.phrase.length == 1 && hit.phrase[0].length() <= 2 && i == 0 && tokens.size() > 1) {
                hit = null;
            }
            if (hit != null) {
                out.add(Token.of(hit.canonical, Token.Kind.LEGAL_FORM));
                i += hit.phrase.length;
            } else {
                out.add(Token.of(tokens.get(i)));
                i++;
            }
        }
        return out;
    }

    private static final java.util.Set<String> ORGANISATION_ONLY = java.util.Set.of("ltd", "limited", "company",
            "corp", "corporation", "inc", "incorporated", "llc", "gmbh", "jsc", "pjsc", "ojsc", "cjsc", "plc", "llp",
            "fzco", "fze", "aktiengesellschaft", "establishment", "ltda", "sarl", "gesellschaft");

    /** Short legal forms that end a company's name ("Deutsche Bank AG", "Renault SA"), and could be letters elsewhere. */
    private static final Set<String> ENDING_ONLY = Set.of("ag", "sa", "spa", "bv", "nv", "oy", "oyj", "asa", "kg", "srl",
            "sas", "pte", "pty", "bhd", "kft", "zrt", "doo", "sro", "ooo", "zao", "oao", "tov");

    /**
     * Whether the tokens hold a legal form no person's name has (see {@code NameAnalyzer.marksOrganisation}),
     * or end in a short one after two or more other parts.
     */
    public static boolean marksOrganisation(List<String> tokens) {
        for (String t : tokens) if (ORGANISATION_ONLY.contains(t)) return true;
        return tokens.size() >= 3 && ENDING_ONLY.contains(tokens.getLast());
    }

    /** Phrase words of five letters or more also match with a typo (two from seven): "COMPAY", "JOINTT", "LIMMITED". */
    private static boolean matches(List<String> tokens, int at, String[] phrase) {
        if (at + phrase.length > tokens.size()) return false;
        for (int k = 0; k < phrase.length; k++) if (!wordMatches(phrase[k], tokens.get(at + k))) return false;
        return true;
    }

    /** A phrase's word as written, or of five letters or more with one typo (two from seven). */
    private static boolean wordMatches(String want, String got) {
        if (want.equals(got)) return true;
        if (want.length() < 5 || got.length() < 4) return false;
        return EditDistance.within(want, got, want.length() >= 7 ? 2 : 1) >= 0;
    }
}
