package dev.sieve.lists;

import dev.sieve.model.Countries;
import dev.sieve.model.Name;
import dev.sieve.model.NameKind;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Name fields that pack several names, or a name and a remark, into one text, as the lists publish them:
 * {@code حسن غول (Hassan Ghul; Hassan Gul; Hasan Gul)}, {@code A; B}, {@code a) A b) B},
 * {@code Amir Khazmat (original script: Амир Хазмат)}, {@code X (previously listed as)},
 * {@code X, born in Kandahar on 01 Jan.1967}, {@code X son of Y (original script)}, {@code FOREIGN TRADE BANK (FTB)},
 * {@code SANTOS, Ahmad (Ahmed)}.
 * Screened whole, such a field matches none of its names well; so each name becomes a name of its own, an
 * acronym a weak name (it never alerts alone), a remark is dropped, and the field as published is kept as a
 * weak name. A parenthesis that tells entities apart (a country, a branch, one in the middle of a name) is
 * left where it is: {@code AL-HARAMAIN FOUNDATION (PAKISTAN)} is not the Kenyan branch.
 */
public final class PackedNames {
    private PackedNames() {
    }

    private static final Pattern BORN = Pattern.compile("(?i),?\\s+born\\s+(?:in|on|at|\\d).*$");
    /** "X son of Y (original)": the father's name is a remark on X, up to the original script in parentheses. */
    private static final Pattern CHILD_OF = Pattern.compile("(?i),?\\s+(?:son|daughter)\\s+of\\s+[^(;]*");
    private static final Pattern ENUMERATION = Pattern.compile("(?:^|\\s)[a-h]\\)\\s+");
    private static final Pattern REMARK = Pattern.compile("(?i)previously|formerly|listed|birth name|combat name|nom de guerre"
            + "|original script|false identity|identity|passport|\\bborn\\b|\\bthird\\b|\\bsecond\\b|\\bjr\\b|\\bsr\\b|\\d");
    private static final Pattern SUB_UNIT = Pattern.compile("(?i)\\s+-\\s+sub-unit name\\s*$");
    private static final Pattern ORIGINAL_SCRIPT = Pattern.compile("(?i)^original script\\s*:\\s*");
    private static final Pattern DISTINGUISHING = Pattern.compile("(?i)\\bbranch\\b|\\boffice\\b|\\blocated\\b");

    /**
     * The names in one published field: the first of kind {@code kind}, the others aliases (former names
     * stay former), every one weak when the field is.
     */
    public static List<Name> of(String field, NameKind kind, boolean weak) {
        String raw = field.strip();
        List<Part> parts = parts(raw);
        List<Name> names = new ArrayList<>();
        Set<String> seen = new LinkedHashSet<>();
        for (Part p : parts) {
            if (!seen.add(p.text().toLowerCase(Locale.ROOT))) continue;
            NameKind k = names.isEmpty() ? kind : kind == NameKind.FORMER ? NameKind.FORMER : NameKind.ALIAS;
            names.add(new Name(p.text(), k, weak || p.weak(), Text.hasNonLatinLetters(p.text())));
        }
        if (names.isEmpty()) return List.of(new Name(raw, kind, weak, Text.hasNonLatinLetters(raw)));
        if (!seen.contains(raw.toLowerCase(Locale.ROOT))) {
            names.add(new Name(raw, kind == NameKind.PRIMARY ? NameKind.ALIAS : kind, true, Text.hasNonLatinLetters(raw)));
        }
        return names;
    }

    /** Adds the names of one published field to an entity. */
    public static void add(dev.sieve.model.EntityBuilder b, String field, NameKind kind, boolean weak) {
        if (field == null || field.isBlank()) return;
        for (Name n : of(field, kind, weak)) b.name(n);
    }

    /** A name found in a field; weak when it is an acronym. */
    record Part(String text, boolean weak) {
    }

    static List<Part> parts(String raw) {
        String s = tidy(raw);
        Matcher born = BORN.matcher(s);
        if (born.find() && born.start() > 0) s = tidy(s.substring(0, born.start()));
        Matcher childOf = CHILD_OF.matcher(s);
        if (childOf.find() && childOf.start() > 0) s = tidy(s.substring(0, childOf.start()) + " " + s.substring(childOf.end()));
        List<Part> out = new ArrayList<>();
        for (String piece : enumerated(s)) {
            for (String one : Text.splitTopLevel(piece, ';')) {
                one = tidy(one);
                if (!one.isEmpty()) parenthesised(one, out, 0);
            }
        }
        out.replaceAll(PackedNames::withoutFather);
        return out;
    }

    /** "اختر محمد ولد نور محمد": in Arabic script, as in "X son of Y", the father's name after ولد is a remark. */
    private static final Pattern WALAD = Pattern.compile("\\s+ولد\\s+");

    /**
     * A name in Arabic script of two words or more, then ولد ("son of") and the father's name, without the father's:
     * the UN writes Afghan names so in its aliases' original script, beside "X son of Y". One word before it stays whole
     * (محفوظ ولد الوليد: in Mauritanian names "Ould" is part of the name).
     */
    private static Part withoutFather(Part p) {
        Matcher m = WALAD.matcher(p.text());
        if (!m.find() || !Text.hasNonLatinLetters(p.text())) return p;
        String before = tidy(p.text().substring(0, m.start()));
        return before.split("\\s+").length >= 2 ? new Part(before, p.weak()) : p;
    }

    /** "a) X b) Y" and "X b) Y" (the first marker is often missing) as X, Y. */
    private static List<String> enumerated(String s) {
        Matcher m = ENUMERATION.matcher(s);
        List<String> out = new ArrayList<>();
        int start = 0;
        while (m.find()) {
            if (depth(s, m.start()) > 0) continue;
            out.add(s.substring(start, m.start()));
            start = m.end();
        }
        out.add(s.substring(start));
        return out;
    }

    private static int depth(String s, int end) {
        int d = 0;
        for (int i = 0; i < end; i++) {
            if (s.charAt(i) == '(') d++;
            else if (s.charAt(i) == ')' && d > 0) d--;
        }
        return d;
    }

    /** One name, perhaps with a parenthesis before or after it (which may hold more parentheses). */
    private static void parenthesised(String one, List<Part> out, int nesting) {
        one = SUB_UNIT.matcher(one).replaceAll("");
        if (nesting > 3) {
            out.add(new Part(one, false));
            return;
        }
        if (one.startsWith("(")) {
            int close = one.indexOf(')');
            String rest = close < 0 ? "" : tidy(one.substring(close + 1));
            if (!rest.isEmpty() && close < 40) {
                parenthesised(rest, out, nesting + 1); // "(Sheikh) Musa Hilal": an honorific before the name
                return;
            }
        }
        if (!one.endsWith(")")) {
            String[] halves = scriptHalves(one);
            if (halves != null) {
                // "Agha Jan Alizai اغا جان عالیزی": a name and its original script, one after the other
                out.add(new Part(halves[0], false));
                out.add(new Part(halves[1], false));
            } else {
                out.add(new Part(one, false));
            }
            return;
        }
        int open = matchingOpen(one);
        if (open <= 0) {
            out.add(new Part(one, false));
            return;
        }
        String outside = tidy(one.substring(0, open));
        String inside = tidy(one.substring(open + 1, one.length() - 1));
        if (outside.isEmpty() || inside.isEmpty()) {
            out.add(new Part(one, false));
            return;
        }
        Matcher original = ORIGINAL_SCRIPT.matcher(inside);
        if (original.find()) {
            parenthesised(outside, out, nesting + 1);
            out.add(new Part(tidy(inside.substring(original.end())), false));
        } else if (inside.indexOf(';') < 0 && REMARK.matcher(inside).find() && !isAcronymOf(inside, outside)) {
            parenthesised(outside, out, nesting + 1); // "(previously listed as)", "(original script)", "(KPE.018)"
        } else if (Text.hasNonLatinLetters(outside) != Text.hasNonLatinLetters(inside) || inside.indexOf(';') >= 0) {
            // the name in one script and its spellings in another, or a list of spellings
            parenthesised(outside, out, nesting + 1);
            for (String alt : Text.splitTopLevel(inside, ';')) if (!tidy(alt).isEmpty()) parenthesised(tidy(alt), out, nesting + 1);
        } else if (isAcronymOf(inside, outside)) {
            out.add(new Part(outside, false));
            out.add(new Part(inside, true));
        } else if (namesCountry(inside) || DISTINGUISHING.matcher(inside).find()) {
            out.add(new Part(one, false)); // the country or branch tells this entity from its namesakes
        } else if (!inside.contains(" ")) {
            out.add(new Part(outside, false));
            String variant = withSpelling(outside, inside);
            if (variant != null) out.add(new Part(variant, false)); // "SANTOS, Ahmad (Ahmed)"
            else out.set(out.size() - 1, new Part(one, false));
        } else if (isTranslation(inside) && outside.split("\\s+").length >= 2) {
            // "SEPAH-E QODS (JERUSALEM FORCE)": a translation
            out.add(new Part(outside, false));
            out.add(new Part(inside, false));
        } else {
            out.add(new Part(one, false));
        }
    }

    /**
     * A field of two or more Latin words followed by two or more words of another script, or the other way round,
     * as two names; null otherwise (a name with one word in another script, "AMIR 彭", stays whole).
     */
    static String[] scriptHalves(String one) {
        String[] words = one.split("\\s+");
        int switches = 0;
        int at = -1;
        for (int i = 1; i < words.length; i++) {
            if (Text.hasNonLatinLetters(words[i]) != Text.hasNonLatinLetters(words[i - 1])) {
                switches++;
                at = i;
            }
        }
        if (switches != 1 || at < 2 || words.length - at < 2) return null;
        for (String w : words) if (!hasLetter(w)) return null;
        return new String[] {String.join(" ", java.util.Arrays.copyOfRange(words, 0, at)),
                String.join(" ", java.util.Arrays.copyOfRange(words, at, words.length))};
    }

    private static boolean hasLetter(String w) {
        return w.codePoints().anyMatch(Character::isLetter);
    }

    /** "PAKISTAN", "UNION OF THE COMOROS", "THE NETHERLANDS": a country, or a phrase ending in one. */
    private static boolean namesCountry(String inside) {
        if (Countries.toIso2(inside).isPresent()) return true;
        String[] words = inside.split("\\s+");
        for (int i = 1; i < words.length; i++) {
            if (Countries.toIso2(String.join(" ", java.util.Arrays.copyOfRange(words, i, words.length))).isPresent()) return true;
        }
        return false;
    }

    /** Two or more real words ("JERUSALEM FORCE"), not a short code ("BK CO."). */
    private static boolean isTranslation(String inside) {
        int words = 0;
        int letters = 0;
        for (String w : inside.split("\\s+")) {
            int n = w.replaceAll("[^\\p{L}]", "").length();
            if (n >= 3) words++;
            letters += n;
        }
        return words >= 2 && letters >= 10;
    }

    private static int matchingOpen(String s) {
        int depth = 0;
        for (int i = s.length() - 1; i >= 0; i--) {
            char c = s.charAt(i);
            if (c == ')') depth++;
            else if (c == '(' && --depth == 0) return i;
        }
        return -1;
    }

    /**
     * An acronym of the name: one word, its letters in the name's order starting with the name's first
     * letter ("LRM/A" of "Lord's Resistance Movement/Army", "JuA" of "JAMAAT-UL-AHRAR"; not "PAKISTAN").
     */
    static boolean isAcronymOf(String acronym, String name) {
        if (acronym.contains(" ") || acronym.length() > 12) return false;
        String letters = acronym.replaceAll("[^\\p{L}\\p{N}]", "").toLowerCase(Locale.ROOT);
        String full = name.replaceAll("[^\\p{L}\\p{N}]", "").toLowerCase(Locale.ROOT);
        if (letters.length() < 2 || full.isEmpty() || letters.charAt(0) != full.charAt(0)) return false;
        long upper = acronym.chars().filter(Character::isUpperCase).count();
        if (upper * 2 < letters.length()) return false;
        int j = 0;
        for (int i = 0; i < full.length() && j < letters.length(); i++) if (full.charAt(i) == letters.charAt(j)) j++;
        return j == letters.length() && letters.length() < full.length() / 2 + 2;
    }

    /** The name with its word closest to {@code spelling} replaced by it, or null when no word is close. */
    static String withSpelling(String name, String spelling) {
        String[] words = name.split("\\s+");
        int best = -1;
        double bestSimilarity = 0.6;
        for (int i = 0; i < words.length; i++) {
            String w = words[i].replaceAll("[,;]$", "");
            double sim = similarity(w.toLowerCase(Locale.ROOT), spelling.toLowerCase(Locale.ROOT));
            if (sim >= bestSimilarity && !w.equalsIgnoreCase(spelling)) {
                bestSimilarity = sim;
                best = i;
            }
        }
        if (best < 0) return null;
        String w = words[best];
        String trail = w.endsWith(",") || w.endsWith(";") ? w.substring(w.length() - 1) : "";
        boolean upper = w.equals(w.toUpperCase(Locale.ROOT));
        words[best] = (upper ? spelling.toUpperCase(Locale.ROOT) : spelling) + trail;
        return String.join(" ", words);
    }

    private static double similarity(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) prev[j] = j;
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1));
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return 1.0 - prev[b.length()] / (double) Math.max(1, Math.max(a.length(), b.length()));
    }

    /** Without stray separators at either end: "), X" or "X ,". */
    private static String tidy(String s) {
        String t = s.strip();
        while (!t.isEmpty() && (t.endsWith(",") || t.endsWith(";"))) t = t.substring(0, t.length() - 1).strip();
        while (!t.isEmpty() && (t.startsWith(")") || t.startsWith(",") || t.startsWith(";"))) t = t.substring(1).strip();
        return t;
    }
}
