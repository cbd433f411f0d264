package dev.sieve.bench;

import dev.sieve.lists.ListFiles;
import dev.sieve.match.MatchEngine;
import dev.sieve.model.BirthDate;
import dev.sieve.model.Entity;
import dev.sieve.model.Match;
import dev.sieve.model.Name;
import dev.sieve.model.ScreeningQuery;
import dev.sieve.parties.Listings;
import dev.sieve.parties.SharedDocumentRule;
import dev.sieve.parties.UnReferenceRule;
import dev.sieve.testing.SharedData;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Screens the names other authorities publish for the same parties: each list's own references link
 * them (a UK row citing a UN reference; an OFAC entry sharing a passport, national id or IMO number with
 * a UN entry). For every name form of a linked listing, with its schema, first birth date and first
 * nationality, the other list is screened; a form is found when an alert names a listing it is linked
 * to (of the same schema: a person citing the reference of its group is not that group). Alerts on
 * anything else are "other alerts". Links are the rules' proposals without the name guard
 * the party linker adds, so the names do not choose their own test; but a reference the names contradict
 * outright is set aside and counted apart (see {@link #contradicted}).
 *
 * <ul>
 *   <li>UK → UN: UK 2018 name forms against the UN 2026-02 list.</li>
 *   <li>OFAC → UN: OFAC 2021-07 name forms against the UN list.</li>
 *   <li>UN → UK: UN names, aliases and original-script names against the UK list; Arabic-script forms
 *       apart, persons and organisations apart.</li>
 * </ul>
 *
 * <p>Run: {@code bin/bench CrossListBench [--threshold T] [--show N] [--direction uk-un|ofac-un|un-uk]}
 */
public final class CrossListBench {
    private CrossListBench() {
    }

    /** Found and screened forms, and other alerts, of one slice of one direction. */
    static final class Tally {
        int forms;
        int found;
        int others;

        void add(boolean hit, int other) {
            forms++;
            if (hit) found++;
            others += other;
        }

        String line(String label) {
            return String.format("  %-34s %5d forms  recall %.4f  other alerts per query %.3f", label, forms,
                    forms == 0 ? 0 : found / (double) forms, forms == 0 ? 0 : others / (double) forms);
        }
    }

    public static void main(String[] args) throws Exception {
        Double threshold = null;
        int show = 0;
        String only = null;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--threshold" -> threshold = Double.parseDouble(args[++i]);
                case "--show" -> show = Integer.parseInt(args[++i]);
                case "--direction" -> only = args[++i];
                default -> throw new IllegalArgumentException("unknown argument " + args[i]);
            }
        }
        List<Entity> un = ListFiles.read(List.of(SharedData.list("un_sc/consolidated.xml")));
        List<Entity> uk = ListFiles.read(List.of(SharedData.list("uk_ofsi/sanctionsconlist.csv")));
        List<Entity> ofac = ListFiles.read(List.of(SharedData.list("ofac_sdn/2021-07_complete_set")));
        List<Entity> all = new ArrayList<>(un);
        all.addAll(uk);
        all.addAll(ofac);
        Map<String, Entity> byId = new HashMap<>();
        for (Entity e : all) byId.put(e.id(), e);
        Map<String, Set<String>> links = links(all);
        List<String> setAside = contradicted(links, byId, un);
        for (String pair : setAside) {
            String[] ends = pair.split(" ");
            links.get(ends[0]).remove(ends[1]);
            links.get(ends[1]).remove(ends[0]);
        }

        MatchEngine unEngine = MatchEngine.build(un);
        MatchEngine ukEngine = MatchEngine.build(uk);
        double t = threshold != null ? threshold : unEngine.defaultThreshold();
        System.out.printf("UN %d, UK %d, OFAC %d listings; threshold %.2f%n", un.size(), uk.size(), ofac.size(), t);
        System.out.printf("%d links to the UN set aside, the names naming another UN listing:%n", setAside.size());
        for (String pair : setAside) System.out.println("  " + pair.replace(" ", " linked to "));
        Shown shown = new Shown(show);
        if (only == null || only.equals("uk-un")) {
            run("UK → UN", uk, "un", links, byId, unEngine, t, shown);
        }
        if (only == null || only.equals("ofac-un")) {
            run("OFAC → UN", ofac, "un", links, byId, unEngine, t, shown);
        }
        if (only == null || only.equals("un-uk")) {
            run("UN → UK", un, "uk", links, byId, ukEngine, t, shown);
        }
    }

    /** Each listing's links both ways, as the UN-reference and shared-document rules propose them. */
    static Map<String, Set<String>> links(List<Entity> all) {
        Listings listings = new Listings(all);
        Map<String, Set<String>> links = new HashMap<>();
        new UnReferenceRule().propose(listings, c -> link(links, c.from(), c.to()));
        new SharedDocumentRule().propose(listings, c -> link(links, c.from(), c.to()));
        return links;
    }

    /**
     * The links to UN listings that the names contradict: the UK row or OFAC entry shares no name with the UN listing
     * it is linked to, but one of its names is, word for word (case, punctuation and order aside), a name of another
     * UN listing of its schema. The UK list of 2018 gives some rows another listing's reference (a bank of Office 39
     * cites the reference of the Daedong Credit Bank), and a document number shared across listings links Aghajani to
     * Tabatabaei's UN listing and back: such a row cannot be found "on the linked entity" by any matcher, and would
     * count as a miss in both directions. The test is equality of names, not the scorer, so it does not favour what
     * the scorer finds. As "id UN-id".
     */
    static List<String> contradicted(Map<String, Set<String>> links, Map<String, Entity> byId, List<Entity> un) {
        Map<String, Set<String>> unByName = new HashMap<>();
        for (Entity e : un) {
            for (Name n : e.names()) unByName.computeIfAbsent(folded(n.value()), k -> new LinkedHashSet<>()).add(e.id());
        }
        List<String> out = new ArrayList<>();
        for (var link : links.entrySet()) {
            Entity uk = byId.get(link.getKey());
            if (uk.id().startsWith("un:")) continue;
            Set<String> names = new LinkedHashSet<>();
            for (Name n : uk.names()) names.add(folded(n.value()));
            for (String cited : link.getValue()) {
                Entity listed = byId.get(cited);
                if (!cited.startsWith("un:") || listed.schema() != uk.schema()) continue;
                boolean shared = false;
                for (Name n : listed.names()) shared |= names.contains(folded(n.value()));
                if (shared) continue;
                boolean another = false;
                for (String name : names) {
                    for (String id : unByName.getOrDefault(name, Set.of())) {
                        another |= !id.equals(cited) && byId.get(id).schema() == uk.schema();
                    }
                }
                if (another) out.add(uk.id() + " " + cited);
            }
        }
        out.sort(null);
        return out;
    }

    /** A name's words in lower case, punctuation left out, in alphabetical order. */
    static String folded(String name) {
        List<String> words = new ArrayList<>();
        for (String w : name.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+")) if (!w.isEmpty()) words.add(w);
        words.sort(null);
        return String.join(" ", words);
    }

    private static void link(Map<String, Set<String>> links, String a, String b) {
        links.computeIfAbsent(a, k -> new LinkedHashSet<>()).add(b);
        links.computeIfAbsent(b, k -> new LinkedHashSet<>()).add(a);
    }

    /** How many misses and other alerts are printed, for diagnosis. */
    static final class Shown {
        int left;

        Shown(int left) {
            this.left = left;
        }
    }

    private static void run(String label, List<Entity> from, String targetSource, Map<String, Set<String>> links,
                            Map<String, Entity> byId, MatchEngine target, double threshold, Shown shown) {
        Tally all = new Tally();
        Tally persons = new Tally();
        Tally organisations = new Tally();
        Tally arabic = new Tally();
        Tally arabicPersons = new Tally();
        Tally arabicOrganisations = new Tally();
        Tally otherScripts = new Tally();
        long t0 = System.nanoTime();
        for (Entity e : from) {
            Set<String> expected = new LinkedHashSet<>();
            for (String id : links.getOrDefault(e.id(), Set.of())) {
                // a person citing an organisation's reference (its group) is a link of another kind
                if (id.startsWith(targetSource + ":") && byId.get(id).schema() == e.schema()) {
                    expected.add(id);
                }
            }
            if (expected.isEmpty()) continue;
            Set<String> forms = new LinkedHashSet<>();
            for (Name n : e.names()) if (!n.weak()) forms.add(n.value());
            for (String form : forms) {
                if (form.length() > ScreeningQuery.MAX_NAME) continue;
                BirthDate dob = e.birthDates().isEmpty() ? null : e.birthDates().getFirst();
                ScreeningQuery q = new ScreeningQuery(form, e.schema(), dob == null ? null : dob.date(),
                        e.nationalities().isEmpty() ? null : e.nationalities().getFirst(), List.of(), threshold, 10);
                List<Match> alerts = target.screen(q);
                boolean hit = alerts.stream().anyMatch(m -> expected.contains(m.id()));
                int other = (int) alerts.stream().filter(m -> !expected.contains(m.id())).count();
                boolean person = e.schema() == dev.sieve.model.Schema.PERSON;
                all.add(hit, other);
                (person ? persons : organisations).add(hit, other);
                if (has(form, Character.UnicodeScript.ARABIC)) {
                    arabic.add(hit, other);
                    (person ? arabicPersons : arabicOrganisations).add(hit, other);
                } else if (has(form, s -> s != Character.UnicodeScript.LATIN && s != Character.UnicodeScript.COMMON)) {
                    otherScripts.add(hit, other);
                }
                if (shown.left > 0 && (!hit || other > 0)) {
                    shown.left--;
                    String ex = expected.iterator().next();
                    Match direct = target.scoreDirectly(q, ex, 0);
                    System.out.printf("%s %s %s [%s] -> %s %s%n", hit ? "OTHER" : "MISS ", e.id(), form, e.schema(), ex,
                            direct == null ? "not scorable" : String.format(Locale.ROOT, "%.3f %s", direct.score(),
                                    direct.explanation().listedName()));
                    if (other > 0) {
                        Match o = alerts.stream().filter(m -> !expected.contains(m.id())).findFirst().orElseThrow();
                        System.out.printf("      other: %s %.3f %s%n", o.id(), o.score(), o.explanation().listedName());
                    }
                }
            }
        }
        System.out.printf("%s (%.1f s)%n", label, (System.nanoTime() - t0) / 1e9);
        System.out.println(all.line("all name forms"));
        System.out.println(persons.line("persons"));
        System.out.println(organisations.line("organisations"));
        System.out.println(arabic.line("Arabic script"));
        System.out.println(arabicPersons.line("Arabic script, persons"));
        System.out.println(arabicOrganisations.line("Arabic script, organisations"));
        System.out.println(otherScripts.line("other non-Latin scripts"));
    }

    private static boolean has(String text, Character.UnicodeScript script) {
        return has(text, s -> s == script);
    }

    private static boolean has(String text, Predicate<Character.UnicodeScript> script) {
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            if (Character.isLetter(cp) && script.test(Character.UnicodeScript.of(cp))) return true;
            i += Character.charCount(cp);
        }
        return false;
    }
}
