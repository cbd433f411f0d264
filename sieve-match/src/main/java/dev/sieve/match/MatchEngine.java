package dev.sieve.match;

import dev.sieve.match.analysis.AbjadMatcher;
import dev.sieve.match.analysis.EditDistance;
import dev.sieve.match.analysis.NameAnalyzer;
import dev.sieve.match.analysis.NameForm;
import dev.sieve.match.analysis.Script;
import dev.sieve.match.analysis.Token;
import dev.sieve.match.index.CandidateIndex;
import dev.sieve.match.index.IndexedName;
import dev.sieve.match.index.TokenWeights;
import dev.sieve.match.score.Evidence;
import dev.sieve.match.score.Identifiers;
import dev.sieve.match.score.NameScorer;
import dev.sieve.match.score.PartMemo;
import dev.sieve.match.score.PartSignatures;
import dev.sieve.match.score.TokenSimilarity;
import dev.sieve.model.Entity;
import dev.sieve.model.Explanation;
import dev.sieve.model.Identifier;
import dev.sieve.model.Match;
import dev.sieve.model.Name;
import dev.sieve.model.NameKind;
import dev.sieve.model.Schema;
import dev.sieve.model.Topics;
import dev.sieve.model.ScreeningQuery;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import dev.sieve.match.util.ObjectPool;

/**
 * An immutable screening index over a set of entities and the scorer that runs on it. Build once per
 * set of publications; screen from any number of threads. Pure in-memory: knows nothing of files,
 * SQL or HTTP.
 */
public final class MatchEngine {
    /** The default alert threshold, chosen on the public benchmark (docs/BENCHMARKS.md). */
    public static final double DEFAULT_THRESHOLD = 0.78;
    private static final int CANDIDATES = 75;
    private static final double WEAK_ALIAS_EFFECT = -0.05;
    private static final double NUMBER_CONFLICT_FACTOR = 0.5;

    /** Per-query scratch, reused across queries (a new memo per query was a tenth of all allocation). */
    private static final ObjectPool<QueryScratch> SCRATCH = new ObjectPool<>(QueryScratch::new, 64);

    /** The part-comparison memo and the bound's arrays, reused for every candidate of a query. */
    private static final class QueryScratch {
        final PartMemo memo = new PartMemo();
        final int[][] idsByLength = new int[33][];
        int[] hit = new int[16];
        /** The parts' hits from single listed parts alone, before the joins: restored for the closer bound. */
        int[] aligned = new int[16];
        double[] spanWeight = new double[16];
        double[] typoCredit = new double[16];
        boolean[] loneQ = new boolean[16];
        boolean[] loneC = new boolean[16];
        /** Per form of this query, which of its parts it writes more than once (see {@link #repeatedParts}). */
        final List<boolean[]> repeatedQ = new ArrayList<>();
        /** This query's runs of parts written together, by form, start and end (see {@link #queryRun}). */
        long[] queryRunKeys = new long[32];
        JoinedRun[] queryRuns = new JoinedRun[32];
        int queryRunCount;

        /** A query's runs are few (a few dozen at most): a scan of their keys beats a map of boxed ones. */
        JoinedRun queryRun(long key) {
            for (int i = 0; i < queryRunCount; i++) if (queryRunKeys[i] == key) return queryRuns[i];
            return null;
        }

        void addQueryRun(long key, JoinedRun run) {
            if (queryRunCount == queryRunKeys.length) {
                queryRunKeys = java.util.Arrays.copyOf(queryRunKeys, queryRunCount * 2);
                queryRuns = java.util.Arrays.copyOf(queryRuns, queryRunCount * 2);
            }
            queryRunKeys[queryRunCount] = key;
            queryRuns[queryRunCount++] = run;
        }

        void clearQueryRuns() {
            java.util.Arrays.fill(queryRuns, 0, queryRunCount, null);
            queryRunCount = 0;
        }

        // This query's bounds by the candidate name's shape (see MatchEngine#shapeOf), its flags and its evidence: an
        // open-addressed table stamped with the query's generation, so a new query clears nothing. A query bounds at
        // most CANDIDATES names, under half the slots: the table is never full
        private static final int BOUND_SLOTS = 256;
        final int[] boundShape = new int[BOUND_SLOTS];
        final int[] boundStamp = new int[BOUND_SLOTS];
        final int[] boundFlags = new int[BOUND_SLOTS];
        final double[] boundEvidence = new double[BOUND_SLOTS];
        final boolean[] boundReaches = new boolean[BOUND_SLOTS];
        int boundGeneration;

        void clearBounds() {
            if (++boundGeneration == Integer.MAX_VALUE) {
                java.util.Arrays.fill(boundStamp, 0);
                boundGeneration = 1;
            }
        }

        /** The slot holding this bound, or the empty one to keep it in. */
        int boundSlot(int shape, int flags, double evidence) {
            int slot = (shape * 0x9E3779B9) >>> 24;
            while (holdsBound(slot)
                    && !(boundShape[slot] == shape && boundFlags[slot] == flags && boundEvidence[slot] == evidence)) {
                slot = (slot + 1) & (BOUND_SLOTS - 1);
            }
            return slot;
        }

        boolean holdsBound(int slot) {
            return boundStamp[slot] == boundGeneration;
        }

        void keepBound(int slot, int shape, int flags, double evidence, boolean reaches) {
            boundStamp[slot] = boundGeneration;
            boundShape[slot] = shape;
            boundFlags[slot] = flags;
            boundEvidence[slot] = evidence;
            boundReaches[slot] = reaches;
        }

        /** The candidate's part ids, in an array of exactly their number (one kept per length). */
        int[] ids(int[] data, int from, int to) {
            int n = to - from;
            if (n >= idsByLength.length) return java.util.Arrays.copyOfRange(data, from, to);
            int[] ids = idsByLength[n];
            if (ids == null) ids = idsByLength[n] = new int[n];
            System.arraycopy(data, from, ids, 0, n);
            return ids;
        }

        void ensure(int queryParts, int listedParts) {
            if (hit.length < queryParts) {
                hit = new int[queryParts];
                aligned = new int[queryParts];
                spanWeight = new double[queryParts];
                typoCredit = new double[queryParts];
                loneQ = new boolean[queryParts];
            }
            if (loneC.length < listedParts) loneC = new boolean[listedParts];
        }
    }

    private final List<Entity> entities;
    private final CandidateIndex index;
    private final TokenWeights weights;
    /**
     * Per listed name, the signatures and consonant keys of its runs of two and three parts written as one, side by
     * side (see {@link #runSignatures}), made when the bound first needs them: the bound reads a name's runs together,
     * and one array a name costs a cache miss or two where a memo entry a run cost several.
     */
    private final java.util.concurrent.atomic.AtomicReferenceArray<long[]> runSignatures;
    private final Map<String, int[]> identifiers;
    private final double defaultThreshold;
    private final boolean pruning;
    /**
     * Per entity, compact copies for the candidate bound (no pointer chasing into the records): schema ordinal,
     * earliest and latest birth year, whether it declares a nationality or citizenship, and where its packed birth
     * dates start and end in {@link #births}.
     */
    private final int[] facts;
    /**
     * Per indexed name, its shape: names with the same parts in the same order, of the same origin and nativeness (one
     * person's name as several lists write it) share one, and so the same bound for the same query, flags and evidence.
     */
    private final int[] shapeOf;
    private static final int FACTS = 7;
    private static final int SCHEMA = 0;
    private static final int EARLIEST_BIRTH = 1;
    private static final int LATEST_BIRTH = 2;
    private static final int DECLARES_COUNTRY = 3;
    private static final int BIRTHS_FROM = 4;
    private static final int BIRTHS_TO = 5;
    /** How many names the entity has (more than one: a query part one lacks may be in another, see {@link #otherNamesCredit}). */
    private static final int NAMES = 6;
    /** Every entity's birth dates packed ({@link Evidence#pack}), one after the other. */
    private final int[] births;
    /**
     * Where each entity's name forms start among the index's ids: {@code namesFrom[e]} to {@code namesFrom[e + 1] - 1}
     * ({@link #build} adds every form of one entity before the next's, and the index numbers them as added).
     */
    private final int[] namesFrom;
    /** Per country code (as listed), the entities with it as nationality, citizenship or address country. */
    private final Map<String, java.util.BitSet> entitiesByCountry = new HashMap<>();
    /** The analysed forms of the listed names, kept for the next {@link #rebuild} (empty after {@link #build}). */
    private final ListedForms forms;
    /** How many names this build analysed; the others came from the previous index. */
    private final int namesAnalysed;

    private MatchEngine(List<Entity> entities, CandidateIndex index, TokenWeights weights,
                        Map<String, int[]> identifiers, double defaultThreshold, ListedForms.Builder forms) {
        this.entities = entities;
        this.forms = forms.build();
        this.namesAnalysed = forms.analysed();
        this.index = index;
        this.weights = weights;
        this.identifiers = identifiers;
        this.defaultThreshold = defaultThreshold;
        this.pruning = !Boolean.getBoolean("sieve.match.noPruning");
        this.runSignatures = new java.util.concurrent.atomic.AtomicReferenceArray<>(index.size());
        this.shapeOf = shapes(index);
        this.facts = new int[entities.size() * FACTS];
        this.namesFrom = new int[entities.size() + 1];
        for (int id = 0; id < index.size(); id++) namesFrom[index.entity(id) + 1]++;
        for (int e = 0; e < entities.size(); e++) namesFrom[e + 1] += namesFrom[e];
        int dates = 0;
        for (Entity entity : entities) dates += entity.birthDates().size();
        this.births = new int[dates * Evidence.PACKED];
        int packedEnd = 0;
        for (int e = 0; e < entities.size(); e++) {
            Entity entity = entities.get(e);
            int from = packedEnd;
            packedEnd = Evidence.pack(entity.birthDates(), births, from);
            facts[e * FACTS + BIRTHS_FROM] = from;
            facts[e * FACTS + BIRTHS_TO] = packedEnd;
            facts[e * FACTS + SCHEMA] = entity.schema().ordinal();
            facts[e * FACTS + NAMES] = entity.names().size();
            facts[e * FACTS + EARLIEST_BIRTH] = Evidence.earliestBirthYear(births, from, packedEnd);
            facts[e * FACTS + LATEST_BIRTH] = Evidence.latestBirthYear(births, from, packedEnd);
            boolean declared = !entity.nationalities().isEmpty() || !entity.citizenships().isEmpty();
            facts[e * FACTS + DECLARES_COUNTRY] = declared ? 1 : 0;
            for (String c : entity.nationalities()) entitiesByCountry.computeIfAbsent(c, k -> new java.util.BitSet()).set(e);
            for (String c : entity.citizenships()) entitiesByCountry.computeIfAbsent(c, k -> new java.util.BitSet()).set(e);
            for (var a : entity.addresses()) {
                if (a.country() != null) entitiesByCountry.computeIfAbsent(a.country(), k -> new java.util.BitSet()).set(e);
            }
        }
    }

    /** Each name's shape (see {@link #shapeOf}): by a hash of its parts, origin and nativeness, checked part by part. */
    private static int[] shapes(CandidateIndex index) {
        int[] shapeOf = new int[index.size()];
        int[] data = index.nameData();
        java.util.HashMap<Long, Integer> firstByHash = new java.util.HashMap<>();
        int shapes = 0;
        for (int id = 0; id < index.size(); id++) {
            long h = index.origin(id).ordinal() * 2L + (index.isNative(id) ? 1 : 0);
            for (int k = index.partsFrom(id); k < index.partsTo(id); k++) h = h * 0x9E3779B97F4A7C15L + data[k] + 1;
            Integer first = firstByHash.putIfAbsent(h, id);
            shapeOf[id] = first != null && sameShape(index, first, id) ? shapeOf[first] : shapes++;
        }
        return shapeOf;
    }

    private static boolean sameShape(CandidateIndex index, int a, int b) {
        if (index.origin(a) != index.origin(b) || index.isNative(a) != index.isNative(b)) return false;
        int[] data = index.nameData();
        return java.util.Arrays.equals(data, index.partsFrom(a), index.partsTo(a), data, index.partsFrom(b), index.partsTo(b));
    }

    public static MatchEngine build(Collection<Entity> entities) {
        return build(entities, DEFAULT_THRESHOLD);
    }

    public static MatchEngine build(Collection<Entity> entityCollection, double defaultThreshold) {
        return build(entityCollection, defaultThreshold, null, new ListedForms.Builder(ListedForms.NONE, false));
    }

    /**
     * The same index as {@link #build(Collection)}, for a service that rebuilds it as its lists change:
     * names {@code previous} (null for none) already listed keep their analysed forms instead of being
     * analysed again, and this index keeps its own for the rebuild after it. A daily update of one list
     * changes a few entries among thousands.
     */
    public static MatchEngine rebuild(Collection<Entity> entities, MatchEngine previous) {
        return build(entities, previous == null ? DEFAULT_THRESHOLD : previous.defaultThreshold, null, reusing(previous));
    }

    /**
     * An engine over a small set of entities (the agencies' databank entries) that weighs name parts by
     * their rarity in {@code reference}'s larger corpus: among a few hundred entries every name looks
     * rare, and "Mohammed" would weigh as much as a rare family name. Names {@code previous} (null for
     * none) listed keep their forms, as in {@link #rebuild}.
     */
    public static MatchEngine buildWithRarityOf(Collection<Entity> entities, MatchEngine reference, MatchEngine previous) {
        boolean usable = reference != null && reference.nameCount() >= 1000;
        // the reference's alert threshold too: a service configured with its own keeps it for every engine
        return build(entities, reference == null ? DEFAULT_THRESHOLD : reference.defaultThreshold, usable ? reference.weights : null,
                reusing(previous));
    }

    /**
     * A name that never carries an alert on its own: an alias the list marks weak (OFAC "weak a.k.a.", UN
     * "Low" quality), or an alias of one or two letters ("AA"), which half the world's names contain.
     */
    static boolean isWeak(Name name) {
        if (name.weak()) return !isFullName(name.value());
        if (name.kind() == NameKind.PRIMARY) return false;
        int letters = 0;
        for (int i = 0; i < name.value().length(); i++) if (Character.isLetterOrDigit(name.value().charAt(i))) letters++;
        return letters <= 2;
    }

    /**
     * A person's alias (not the name it is listed under) of one common part, in a dataset that is not a sanctions list:
     * "Ahmed" as an encyclopaedia labels a politician. An alias a sanctions authority lists ("Hassan" for QDi.319) is
     * its statement of how the person is known and is screened as given.
     */
    private static boolean isCommonGivenNameAlone(Entity e, IndexedName n) {
        if (e.schema() != Schema.PERSON || e.names().get(n.name()).kind() == NameKind.PRIMARY) return false;
        if (n.weights().length != 1 || n.weights()[0] >= NameScorer.COMMON_PART_WEIGHT) return false;
        return !Topics.of(e).contains(Topics.SANCTION);
    }

    /**
     * A name of three parts or more, two of them more than an article or a kunya's "Abu": a weak alias
     * this full ("Abu Bakr al-Baghdadi", which the UN marks low quality) names one person well enough to
     * alert when it is met (nearly) exactly; "Abu Muhammad" or "Dr. Ibrahim" never do.
     */
    static boolean isFullName(String value) {
        int parts = 0;
        int distinctive = 0;
        for (String w : value.toLowerCase(java.util.Locale.ROOT).split("[^\\p{L}\\p{N}]+")) {
            if (w.isEmpty()) continue;
            parts++;
            if (w.length() >= 3 && !CONNECTIVES.contains(w)) distinctive++;
        }
        return parts >= 3 && distinctive >= 2;
    }

    private static final java.util.Set<String> CONNECTIVES = java.util.Set.of("abu", "abou", "bin", "ibn", "bint", "umm",
            "the", "and", "von", "van", "der", "del", "dos", "das", "mr", "mrs", "dr");
    /** How closely a full weak alias must be met to alert. */
    private static final double FULL_WEAK_ALIAS_MIN = 0.95;

    private static ListedForms.Builder reusing(MatchEngine previous) {
        return new ListedForms.Builder(previous == null ? ListedForms.NONE : previous.forms, true);
    }

    private static MatchEngine build(Collection<Entity> entityCollection, double defaultThreshold,
                                     TokenWeights rarity, ListedForms.Builder forms) {
        List<Entity> entities = List.copyOf(entityCollection);
        CandidateIndex.Builder names = new CandidateIndex.Builder();
        Map<String, List<Integer>> ids = new HashMap<>();
        for (int e = 0; e < entities.size(); e++) {
            Entity entity = entities.get(e);
            for (int n = 0; n < entity.names().size(); n++) {
                Name name = entity.names().get(n);
                for (NameForm form : forms.forms(name.value(), entity.schema())) {
                    names.add(e, n, form, isWeak(name));
                }
            }
            for (Identifier id : entity.identifiers()) {
                String key = Identifiers.key(id);
                if (key != null) ids.computeIfAbsent(key, k -> new ArrayList<>()).add(e);
            }
        }
        Map<String, int[]> idIndex = new HashMap<>();
        ids.forEach((k, v) -> idIndex.put(k, v.stream().distinct().mapToInt(Integer::intValue).toArray()));
        TokenWeights weights = rarity != null ? rarity : names.weights();
        return new MatchEngine(entities, names.build(weights), weights, idIndex, defaultThreshold, forms);
    }

    /** How many names this build analysed; with {@link #rebuild}, the names the previous index did not list. */
    public int namesAnalysed() {
        return namesAnalysed;
    }

    /**
     * Whether a word of free text could be part of a listed name (it, or its consonant skeleton, is among
     * the indexed parts): runs of text with a word that cannot need not be screened.
     */
    public boolean mayBeNamePart(String word) {
        for (NameForm f : NameAnalyzer.analyze(word, null)) {
            for (Token t : f.tokens()) if (index.mayMatch(t)) return true;
        }
        return false;
    }

    public int entityCount() {
        return entities.size();
    }

    private volatile Map<String, Entity> entitiesById;

    /** The indexed entity with this id, or null (the map is built on first use: most engines never need it). */
    public Entity entity(String id) {
        Map<String, Entity> byId = entitiesById;
        if (byId == null) {
            byId = new HashMap<>(entities.size() * 2);
            for (Entity e : entities) byId.put(e.id(), e);
            entitiesById = byId;
        }
        return byId.get(id);
    }

    public int nameCount() {
        return index.size();
    }

    public int vocabularySize() {
        return index.vocabularySize();
    }

    public double defaultThreshold() {
        return defaultThreshold;
    }

    /** The alerts for a query: matches at or above the threshold, best first, at most {@code limit}. */
    public List<Match> screen(ScreeningQuery query) {
        return screen(query, null);
    }

    /**
     * The alerts for a query among the entities {@code visible} accepts (all when null): the others are
     * neither candidates nor identifier hits, so they can neither alert nor crowd out those that may.
     */
    public List<Match> screen(ScreeningQuery query, Predicate<Entity> visible) {
        return screen(prepare(query), visible);
    }

    /**
     * A query with its name analysed: what screening it against any engine starts from. Monitoring keeps its subjects
     * so, to screen them against each day's changes without analysing every name again.
     */
    public record PreparedQuery(ScreeningQuery query, List<NameForm> forms) {
        public PreparedQuery {
            forms = List.copyOf(forms);
        }
    }

    /** Analyses a query's name (independent of any engine: the analysis is the same for every index). */
    public static PreparedQuery prepare(ScreeningQuery query) {
        return new PreparedQuery(query, NameAnalyzer.analyzeQuery(query.name(), query.schema()));
    }

    /** {@link #screen(ScreeningQuery, Predicate)} of a query analysed beforehand. */
    public List<Match> screen(PreparedQuery prepared, Predicate<Entity> visible) {
        ScreeningQuery query = prepared.query();
        if (!query.topics().isEmpty()) {
            Predicate<Entity> onTopic = e -> Topics.matches(Topics.of(e), query.topics());
            visible = visible == null ? onTopic : visible.and(onTopic);
        }
        double threshold = query.threshold() != null ? query.threshold() : defaultThreshold;
        return rank(query, prepared.forms(), threshold, false, visible).stream().filter(Match::alert).limit(query.limit()).toList();
    }

    /** Every scored candidate, alerting or not, best first, each explained (for diagnostics and recall). */
    public List<Match> rank(ScreeningQuery query, double threshold) {
        return rank(query, NameAnalyzer.analyzeQuery(query.name(), query.schema()), threshold, true, null);
    }

    private List<Match> rank(ScreeningQuery query, List<NameForm> forms, double threshold, boolean explainAll,
                             Predicate<Entity> visible) {
        Map<Integer, Match> best = new LinkedHashMap<>();
        identifierMatches(query, threshold, best, visible);
        // "Corporation Aa" names an organisation, whatever the query's schema says (or does not)
        boolean notPerson = query.schema() == null && NameAnalyzer.marksOrganisation(query.name());
        if (!forms.isEmpty()) {
            QueryScratch scratch = SCRATCH.take();
            PartMemo memo = scratch.memo;
            try {
                double[][] queryWeights = new double[forms.size()][];
                // what each part counts against the coverage when nothing matches it (the bound's only use of weights),
                // and the least it may count: a family name written twice counts less when its twin is matched
                double[][] leftWeights = new double[forms.size()][];
                double[][] leastLeftWeights = new double[forms.size()][];
                for (int f = 0; f < forms.size(); f++) {
                    List<Token> ts = forms.get(f).tokens();
                    queryWeights[f] = new double[ts.size()];
                    leftWeights[f] = new double[ts.size()];
                    leastLeftWeights[f] = new double[ts.size()];
                    for (int i = 0; i < ts.size(); i++) {
                        queryWeights[f][i] = weights.of(ts.get(i));
                        leftWeights[f][i] = NameScorer.leftWeight(ts.get(i), queryWeights[f][i]);
                        leastLeftWeights[f][i] = NameScorer.familyNameTwin(forms.get(f), i, queryWeights[f][i]) >= 0
                                ? leftWeights[f][i] * NameScorer.REPEATED_LEFT_SHARE : leftWeights[f][i];
                    }
                }
                int[] candidates = index.candidates(forms, queryWeights, CANDIDATES,
                        visible == null ? null : e -> visible.test(entities.get(e)));
                memo.begin(index.vocabulary(), index.parts(), CandidateIndex.RECORD, forms);
                scratch.clearQueryRuns();
                scratch.clearBounds();
                scratch.repeatedQ.clear();
                for (NameForm form : forms) scratch.repeatedQ.add(repeatedParts(form.tokens()));
                java.util.BitSet sameCountry = query.nationality() == null ? null
                        : entitiesByCountry.get(query.nationality().toUpperCase(java.util.Locale.ROOT));
                for (int nameId : candidates) {
                    if (!explainAll && pruning) {
                        // the secondary evidence is cheap and exact; only the name score is bounded
                        int e = index.entity(nameId);
                        int schema = facts[e * FACTS + SCHEMA];
                        if (query.schema() != null && schema != query.schema().ordinal()) continue;
                        if (notPerson && schema == Schema.PERSON.ordinal()) continue;
                        // a weak alias alerts only with an agreeing birth date, unless it is a full name
                        if (index.isWeak(nameId) && query.birthDate() == null) continue;
                        double dob = 0;
                        int birthYearFrom = query.birthDate() == null ? Integer.MAX_VALUE : facts[e * FACTS + EARLIEST_BIRTH];
                        if (birthYearFrom != Integer.MAX_VALUE) {
                            int birthYearTo = facts[e * FACTS + LATEST_BIRTH];
                            int y = query.birthDate().year();
                            if ((y <= birthYearFrom - 5 || y >= birthYearTo + 5) && query.birthDate().day() == null
                                    && !Evidence.mayBeYearTypo(y, birthYearFrom, birthYearTo)) {
                                dob = Evidence.farBirthDateEffect(); // every listed date is five years or more away
                            } else {
                                // a full date far off may still be a listed birthday with the year mistyped
                                dob = Evidence.birthDateEffect(query.birthDate(), births, facts[e * FACTS + BIRTHS_FROM],
                                        facts[e * FACTS + BIRTHS_TO]);
                            }
                        }
                        double nat = query.nationality() == null ? 0
                                : Evidence.nationalityEffect(sameCountry != null && sameCountry.get(e),
                                        facts[e * FACTS + DECLARES_COUNTRY] != 0);
                        double evidence = dob + nat;
                        boolean codes = schema != Schema.PERSON.ordinal();
                        // the same name on several lists: bounded once (what the bound reads of a name is its shape's)
                        int shape = shapeOf[nameId];
                        int flags = (codes ? 1 : 0) | (facts[e * FACTS + NAMES] > 1 ? 2 : 0);
                        int slot = scratch.boundSlot(shape, flags, evidence);
                        boolean reaches;
                        if (scratch.holdsBound(slot)) {
                            reaches = scratch.boundReaches[slot];
                        } else {
                            reaches = mayReach(forms, leftWeights, leastLeftWeights, nameId, scratch, codes, evidence, threshold);
                            scratch.keepBound(slot, shape, flags, evidence, reaches);
                        }
                        if (!reaches) continue;
                    }
                    IndexedName n = index.name(nameId);
                    Entity e = entities.get(n.entity());
                    if (query.schema() != null && e.schema() != query.schema()) continue;
                    if (notPerson && e.schema() == Schema.PERSON) continue;
                    Match m = score(query, forms, n, e, threshold, memo, explainAll, query.schema() != null || notPerson);
                    if (m == null) continue;
                    Match prev = best.get(n.entity());
                    // an alerting name beats a better-scored weak alias that cannot alert
                    if (prev == null || m.alert() && !prev.alert() || m.alert() == prev.alert() && m.score() > prev.score()) {
                        best.put(n.entity(), m);
                    }
                }
            } finally {
                SCRATCH.give(scratch);
            }
        }
        List<Match> out = new ArrayList<>(best.values());
        out.sort(Comparator.comparingDouble(Match::score).reversed().thenComparing(Match::id));
        return out;
    }

    /**
     * Scores a query against one entity's names directly, bypassing candidate retrieval: what the scorer
     * would give if retrieval were perfect (for measuring retrieval recall). Null when the id is unknown.
     */
    public Match scoreDirectly(ScreeningQuery query, String entityId, double threshold) {
        List<NameForm> forms = NameAnalyzer.analyzeQuery(query.name(), query.schema());
        boolean namesOrganisation = query.schema() != null || NameAnalyzer.marksOrganisation(query.name());
        Match best = null;
        for (int id = 0; id < index.size(); id++) {
            IndexedName n = index.name(id);
            Entity e = entities.get(n.entity());
            if (!e.id().equals(entityId)) continue;
            Match m = score(query, forms, n, e, threshold, null, true, namesOrganisation);
            if (m != null && (best == null || m.score() > best.score())) best = m;
        }
        return best;
    }

    /**
     * Whether a candidate name may reach the threshold, from an upper bound of the query coverage it can reach:
     * memoised part comparisons and cheap checks for the scorer's later passes (joined parts, heavy typos), without
     * aligning. Query parts that can match nothing count as unmatched with their own weight, the others as perfectly
     * matched with the heaviest listed part (two parts for a joined match). The name score is at most the coverage to
     * the power 0.65, so candidates whose bound and evidence stay under the threshold are not scored. A test checks
     * that screening with and without this gives the same alerts.
     *
     * <p>Per query form, the bound counts parts written together first by their lengths alone; only a form that
     * passes so is bounded again with the runs written together compared by their signatures (short names of other
     * scripts met a long listed name's parts of about their length all the time). The closer bound is never above the
     * looser one, so this is the same as bounding every form both ways, without aligning each form twice.
     */
    private boolean mayReach(List<NameForm> forms, double[][] leftWeights, double[][] leastLeftWeights, int nameId,
                             QueryScratch scratch, boolean codes, double evidence, double threshold) {
        PartMemo memo = scratch.memo;
        int[] ids = scratch.ids(index.nameData(), index.partsFrom(nameId), index.partsTo(nameId));
        Script origin = index.origin(nameId);
        boolean nativeForm = index.isNative(nameId);
        boolean listedAbjad = !nativeForm && origin.isAbjad();
        double heaviest = 0;
        for (int id : ids) heaviest = Math.max(heaviest, index.weight(id));
        // (the scorer credits other names only when a rare part of this one is found)
        boolean otherNames = !codes && heaviest >= NameScorer.COMMON_PART_WEIGHT && facts[index.entity(nameId) * FACTS + NAMES] > 1;
        for (int f = 0; f < forms.size(); f++) {
            NameForm qf = forms.get(f);
            if (qf.native_() != nativeForm || qf.native_() && qf.origin() != origin) continue;
            List<Token> q = qf.tokens();
            boolean qa = qf.fromAbjad();
            boolean typos = !qf.origin().isSyllabic() && !origin.isSyllabic();
            if (codes && typos && q.size() <= 3 && ids.length <= 3) {
                // the scorer's whole-name comparison of short codes (joined length 5 to 10, no numbers)
                int ql = 0;
                int cl = 0;
                boolean numbers = false;
                for (Token t : q) {
                    ql += t.text().length();
                    numbers |= t.kind() == Token.Kind.NUMBER;
                }
                for (int id : ids) {
                    cl += index.length(id);
                    numbers |= index.kind(id) == Token.Kind.NUMBER;
                }
                int longest = Math.max(ql, cl);
                if (!numbers && longest >= 5 && longest <= 10 && Math.abs(ql - cl) <= 2
                        && wholeCodeAlike(q, ids, longest >= 10 ? 2 : 1)) {
                    return reaches(1, evidence, threshold);
                }
            }
            scratch.ensure(q.size(), ids.length);
            // 0 none, 1 one listed part, 2 a run of listed parts (weighing spanWeight), 3 only as a heavy typo
            // (for at most typoCredit of the heaviest part's weight)
            int[] hit = scratch.hit;
            boolean[] loneC = scratch.loneC;
            boolean[] loneQ = scratch.loneQ;
            java.util.Arrays.fill(hit, 0, q.size(), 0);
            java.util.Arrays.fill(loneC, 0, ids.length, true);
            java.util.Arrays.fill(loneQ, 0, q.size(), true);
            long found = 0; // the listed parts some query part is closely alike to (see otherNamesCredit)
            for (int i = 0; i < q.size(); i++) {
                for (int j = 0; j < ids.length; j++) {
                    TokenSimilarity.Result r = memo.compare(f, i, q.get(i), ids[j], qa, listedAbjad, typos);
                    if (r.how() != null && r.similarity() >= TokenSimilarity.MIN) {
                        hit[i] = 1;
                        if (otherNames && r.similarity() >= OTHER_NAME_MIN && r.how() != Explanation.How.INITIAL) {
                            found |= 1L << Math.min(j, 63);
                        }
                        if (r.how() != Explanation.How.INITIAL && !(q.get(i).kind() == Token.Kind.PARTICLE
                                && index.kind(ids[j]) == Token.Kind.PARTICLE)) {
                            loneC[j] = false;
                            loneQ[i] = false;
                        }
                    }
                }
            }
            // a part written twice may be left free for a join, as the scorer frees it (see NameScorer.freeRepeated):
            // here every repeated part counts as free, which only loosens the bound
            for (int j = 0; j < ids.length; j++) {
                for (int k = j + 1; k < ids.length; k++) {
                    if (ids[j] == ids[k]) loneC[j] = loneC[k] = true;
                }
            }
            boolean[] repeated = scratch.repeatedQ.get(f);
            for (int i = 0; i < q.size(); i++) loneQ[i] |= repeated[i];
            long loneLengths = 0; // the lone listed parts' lengths as bits (63: that long or longer)
            for (int j = 0; j < ids.length; j++) {
                if (loneC[j]) loneLengths |= 1L << Math.min(index.length(ids[j]), 63);
            }
            // the scorer credits parts found in the entity's other names only when the listed name is all found
            // closely (its articles aside)
            boolean listedFound = false;
            if (otherNames) {
                for (int j = 0; j < ids.length && j < 63; j++) {
                    if (index.kind(ids[j]) == Token.Kind.PARTICLE && NameScorer.isArticle(index.token(ids[j]))) found |= 1L << j;
                }
                listedFound = ids.length > 63 || found == (1L << ids.length) - 1;
            }
            System.arraycopy(hit, 0, scratch.aligned, 0, q.size());
            double loose = formBound(scratch, nameId, f, q, leftWeights[f], leastLeftWeights[f], ids, heaviest, loneLengths, qa,
                    listedAbjad, typos, codes, false, otherNames, listedFound);
            if (!reaches(loose, evidence, threshold)) continue;
            System.arraycopy(scratch.aligned, 0, hit, 0, q.size());
            double close = formBound(scratch, nameId, f, q, leftWeights[f], leastLeftWeights[f], ids, heaviest, loneLengths, qa,
                    listedAbjad, typos, codes, true, otherNames, listedFound);
            if (reaches(close, evidence, threshold)) return true;
        }
        return reaches(0, evidence, threshold);
    }

    /** Whether a name coverage of {@code bound} with this evidence may reach the threshold (as the scorer combines them). */
    private static boolean reaches(double bound, double evidence, double threshold) {
        return !(Math.pow(bound, 0.65) + evidence < threshold);
    }

    /**
     * The bound of one query form, from its parts' hits on single listed parts ({@code scratch.hit}, which it
     * changes): the scorer's joined and acronym passes, then its pass for heavy typos, then the coverage.
     *
     * @param leftWeights what each query part counts against the coverage when left unmatched ({@link
     *                    NameScorer#leftWeight})
     * @param leastLeftWeights the least it may count so (a part written twice counts less when its twin is matched:
     *                         {@link NameScorer#REPEATED_LEFT_SHARE})
     * @param joinsCompared whether a part counts as written together with others only when the two texts may match by
     *                      their signatures, not merely by their lengths
     * @param otherNames whether the entity has other names, where the scorer may find the query's left-over parts
     * @param listedFound whether every listed part (articles aside) is closely alike to some query part (else only a
     *                    join or a typo can find it, and the scorer credits other names only when all are found closely)
     */
    private double formBound(QueryScratch scratch, int nameId, int f, List<Token> q, double[] leftWeights,
                             double[] leastLeftWeights, int[] ids, double heaviest, long loneLengths, boolean qa, boolean listedAbjad, boolean typos,
                             boolean codes, boolean joinsCompared, boolean otherNames, boolean listedFound) {
        PartMemo memo = scratch.memo;
        int[] hit = scratch.hit;
        double[] spanWeight = scratch.spanWeight;
        double[] typoCredit = scratch.typoCredit;
        boolean[] loneC = scratch.loneC;
        boolean[] loneQ = scratch.loneQ;
        java.util.Arrays.fill(spanWeight, 0, q.size(), 0);
        for (int i = 0; i < q.size(); i++) {
            if (!loneQ[i]) continue;
            // the scorer's joined pass, among parts with no close single counterpart: this part as two
            // or three listed parts written apart ("jongun" / "jong un"), or as their acronym...
            boolean capped = !qa && !listedAbjad;
            double span = listedSpan(memo, nameId, f, i, q.get(i), ids, loneC, capped, codes, qa, listedAbjad,
                    joinsCompared);
            if (span > 0) {
                hit[i] = 2;
                spanWeight[i] = Math.max(span, heaviest);
                continue;
            }
            // ...or this part and its neighbours written apart for one listed part, or spelling a listed acronym
            if (hit[i] == 0 && (joinsIntoListed(scratch, f, q, i, loneQ, loneLengths, ids, loneC, capped, qa, listedAbjad,
                    joinsCompared)
                    || spellsListedAcronym(q, i, ids, loneC, codes))) {
                hit[i] = 1;
            }
        }
        boolean aligned = false;
        for (int i = 0; i < q.size() && !aligned; i++) aligned = hit[i] != 0;
        // with nothing aligned the scorer gives 0: its pass for heavy typos pairs only what is left over
        if (!aligned) return 0;
        for (int i = 0; i < q.size(); i++) {
            if (hit[i] != 0 || qa || listedAbjad || !typos || q.get(i).kind() != Token.Kind.WORD) continue;
            // heavy typos: a listed part with the same first letter, credited as the scorer's leftover pass does
            String t = q.get(i).text();
            double credit = 0;
            for (int id : ids) {
                if (index.kind(id) == Token.Kind.WORD && index.firstLetter(id) == t.charAt(0)
                        && Math.min(index.length(id), t.length()) >= 4) {
                    double sim = EditDistance.similarity(t, index.token(id).text());
                    if (sim >= NameScorer.LEFTOVER_MIN) credit = Math.max(credit, sim * NameScorer.LEFTOVER_CREDIT);
                }
            }
            if (credit > 0) {
                hit[i] = 3;
                typoCredit[i] = credit;
            }
        }
        double elsewhere = otherNames ? elsewhereBound(scratch, q, leftWeights, leastLeftWeights, heaviest, listedFound) : 0;
        double matched = 0;
        double total = 0;
        for (int i = 0; i < q.size(); i++) {
            if (hit[i] == 0) total += leastLeftWeights[i];
            else if (hit[i] != 3) {
                double w = hit[i] == 2 ? spanWeight[i] : heaviest;
                matched += w;
                total += w;
            }
        }
        // a heavy typo's part raises the coverage only if its credit beats the coverage without it; the
        // best case takes those, best first, at the heaviest weight (the bound of a ratio of sums)
        while (true) {
            int next = -1;
            for (int i = 0; i < q.size(); i++) {
                if (hit[i] == 3 && (next < 0 || typoCredit[i] > typoCredit[next])) next = i;
            }
            if (next < 0 || typoCredit[next] * total <= matched) break;
            matched += typoCredit[next] * heaviest;
            total += heaviest;
            hit[next] = 1;
        }
        return Math.max(elsewhere, matched > 0 ? matched / total : 0);
    }

    /**
     * The bound with the scorer's credit for left-over parts found in the entity's other names ({@link
     * #otherNamesCredit}), 0 where it cannot apply: the scorer gives it only when every listed part (articles aside)
     * is found closely, each by one query part and not as an initial ({@code listedCloselyFound} is so of some query
     * part). A part found here may instead be left over and found elsewhere, so it counts as found in full at the
     * larger of the two weights; a part found nowhere here earns the credit, and so does a heavy typo (aligned from
     * what is left over, it leaves the scorer no credit at all: see {@code NameScorer.Scored.foundClosely}).
     */
    private static double elsewhereBound(QueryScratch scratch, List<Token> q, double[] leftWeights, double[] leastLeftWeights,
                                         double heaviest, boolean listedCloselyFound) {
        if (!listedCloselyFound) return 0;
        int[] hit = scratch.hit;
        double matched = 0;
        double total = 0;
        for (int i = 0; i < q.size(); i++) {
            double w = leftWeights[i];
            boolean word = q.get(i).kind() == Token.Kind.WORD;
            if (hit[i] == 0 || hit[i] == 3) {
                total += leastLeftWeights[i];
                if (word) matched += OTHER_NAME_CREDIT * w;
            } else {
                double here = hit[i] == 2 ? scratch.spanWeight[i] : heaviest;
                double x = word ? Math.max(here, w) : here;
                matched += x;
                total += x;
            }
        }
        return matched > 0 ? matched / total : 0;
    }

    /** Which parts a query form writes more than once: worked out once a query, for every candidate's bound. */
    private static boolean[] repeatedParts(List<Token> q) {
        boolean[] repeated = new boolean[q.size()];
        for (int i = 0; i < q.size(); i++) {
            for (int k = i + 1; k < q.size(); k++) {
                if (q.get(i).text().equals(q.get(k).text())) repeated[i] = repeated[k] = true;
            }
        }
        return repeated;
    }

    /**
     * Whether the scorer's whole-name comparison of short codes can find the two names written together
     * one or two typos apart ("EP-VsP" / "EP-VIP"): the same edit distance on the same texts, so that a
     * short query of any script is not scored against every short company or vessel name of its length.
     */
    private boolean wholeCodeAlike(List<Token> q, int[] ids, int edits) {
        StringBuilder a = new StringBuilder();
        for (Token t : q) a.append(t.text());
        StringBuilder b = new StringBuilder();
        for (int id : ids) b.append(index.token(id).text());
        return EditDistance.within(a.toString(), b.toString(), edits) > 0;
    }

    /**
     * The most listed weight one query part can stand for in the scorer's joined and acronym passes (0:
     * none): a run of two or three lone listed parts about as long as it, or a run whose initials it spells.
     */
    private double listedSpan(PartMemo memo, int nameId, int form, int partNo, Token part, int[] ids, boolean[] loneC,
                              boolean capped, boolean notPerson, boolean queryAbjad, boolean listedAbjad, boolean compared) {
        String t = part.text();
        double span = 0;
        long[] runs = null;
        for (int j = 0; j < ids.length; j++) {
            int length = 0;
            double weight = 0;
            for (int end = j; end < ids.length && end < j + NameScorer.MAX_JOINED && loneC[end]; end++) {
                length += index.length(ids[end]);
                weight += index.weight(ids[end]);
                if (end > j && (queryAbjad || t.length() >= length - 2) && (!capped || t.length() <= length + 2) && weight > span) {
                    boolean may = true;
                    if (compared) {
                        if (runs == null) runs = runSignatures(nameId, ids);
                        int at = runAt(j, end);
                        // across an abjad and Latin, the consonant keys the transliteration rule requires equal too
                        may = !PartSignatures.cannotMatch(memo.querySignatures(), memo.signatureAt(form, partNo), runs, at,
                                false, false, true) || queryAbjad != listedAbjad && runKeysMeet(part, queryAbjad, runs, at);
                    }
                    if (may) span = weight;
                }
            }
            int n = t.length();
            if (n >= 2 && n <= 6 && j + n <= ids.length && part.kind() == Token.Kind.WORD
                    && (notPerson || !NameScorer.hasVowel(t))) {
                boolean spelled = true;
                double spelledWeight = 0;
                for (int k = 0; k < n && spelled; k++) {
                    spelled = index.firstLetter(ids[j + k]) == t.charAt(k);
                    spelledWeight += index.weight(ids[j + k]);
                }
                if (spelled) span = Math.max(span, spelledWeight);
            }
        }
        return span;
    }

    /**
     * Whether a run of two or three lone query parts holding part i is about as long as a lone listed
     * part, given the lone listed parts' lengths as bits (bit 63: 63 letters or more), and, {@code compared},
     * may match it by the signatures of the run written together and of the part.
     */
    private boolean joinsIntoListed(QueryScratch scratch, int form, List<Token> q, int i, boolean[] loneQ, long loneLengths,
                                    int[] ids, boolean[] loneC, boolean capped, boolean queryAbjad, boolean listedAbjad,
                                    boolean compared) {
        for (int start = Math.max(0, i - NameScorer.MAX_JOINED + 1); start <= i; start++) {
            int length = 0;
            for (int end = start; end < q.size() && end < start + NameScorer.MAX_JOINED && loneQ[end]; end++) {
                length += q.get(end).text().length();
                if (end <= start || end < i) continue;
                // a lone listed part of length at least length - 2 (any, transliterated from an abjad; and, capped, at
                // most length + 2)
                int from = listedAbjad ? 0 : Math.max(0, length - 2);
                if (from > 63) from = 63;
                long atLeast = -1L << from;
                long allowed = !capped || length + 2 >= 63 ? atLeast : atLeast & ((1L << (length + 3)) - 1);
                if ((loneLengths & allowed) == 0) continue;
                if (!compared) return true;
                // ...and not one the run written together is sure not to match (the scorer's comparison of the two)
                JoinedRun run = queryRun(scratch, form, q, start, end, queryAbjad != listedAbjad);
                for (int j = 0; j < ids.length; j++) {
                    int l = index.length(ids[j]);
                    if (!loneC[j] || !listedAbjad && l < length - 2 || capped && l > length + 2) continue;
                    // (the listed part itself is read only across an abjad and Latin, for its consonant key)
                    Token listed = queryAbjad != listedAbjad ? index.token(ids[j]) : null;
                    if (mayMatch(run.signature(), 0, run.token(), index.parts(), ids[j] * CandidateIndex.RECORD, listed,
                            queryAbjad, listedAbjad)) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    /**
     * Whether the scorer's comparison of a query part and a listed part may find them alike, from their
     * signatures and, across an abjad and Latin, the consonant keys its transliteration rule requires equal
     * (its other rules are the same as between Latin names).
     */
    private static boolean mayMatch(long[] querySignatures, int queryAt, Token queryPart, long[] listedSignatures, int listedAt,
                                    Token listedPart, boolean queryAbjad, boolean listedAbjad) {
        if (!PartSignatures.cannotMatch(querySignatures, queryAt, listedSignatures, listedAt, false, false, true)) return true;
        if (queryAbjad == listedAbjad) return false;
        return queryAbjad ? AbjadMatcher.keysMeet(queryPart, listedPart) : AbjadMatcher.keysMeet(listedPart, queryPart);
    }

    /** A run of parts written as one, as the scorer's joined pass makes it, with its signature. */
    private record JoinedRun(Token token, long[] signature) {
        static JoinedRun of(List<Token> parts, boolean acrossAbjad) {
            Token token = token(parts, acrossAbjad);
            long[] signature = new long[PartSignatures.STRIDE];
            PartSignatures.write(token, signature, 0);
            return new JoinedRun(token, signature);
        }

        /** The parts written as one, as the scorer's joined pass writes them. */
        static Token token(List<Token> parts, boolean acrossAbjad) {
            StringBuilder text = new StringBuilder();
            boolean mandarin = true;
            for (Token t : parts) {
                text.append(t.text());
                mandarin &= t.mandarin() != null;
            }
            return Token.joined(text.toString(), mandarin, acrossAbjad);
        }
    }

    /** Query parts start..end written as one, made once per query. */
    private static JoinedRun queryRun(QueryScratch scratch, int form, List<Token> q, int start, int end, boolean acrossAbjad) {
        long key = ((long) form << 40) | ((long) start << 20) | (long) end << 1 | (acrossAbjad ? 1 : 0);
        JoinedRun run = scratch.queryRun(key);
        if (run == null) {
            run = JoinedRun.of(q.subList(start, end + 1), acrossAbjad);
            scratch.addQueryRun(key, run);
        }
        return run;
    }

    /**
     * A listed name's runs: of parts j..j+1 at {@code runAt(j, j + 1)}, of j..j+2 next to it; each its {@link
     * PartSignatures} and then its consonant keys (abjad and Latin, then the abjad one with a final ha read as t).
     */
    private long[] runSignatures(int nameId, int[] ids) {
        long[] runs = runSignatures.getAcquire(nameId);
        if (runs != null) return runs;
        runs = new long[Math.max(0, 2 * (ids.length - 1)) * RUN_STRIDE];
        List<Token> parts = new ArrayList<>(3);
        for (int j = 0; j + 1 < ids.length; j++) {
            for (int end = j + 1; end < ids.length && end < j + NameScorer.MAX_JOINED; end++) {
                parts.clear();
                for (int k = j; k <= end; k++) parts.add(index.token(ids[k]));
                Token run = JoinedRun.token(parts, true);
                int at = runAt(j, end);
                PartSignatures.write(run, runs, at);
                runs[at + PartSignatures.STRIDE] = (long) run.abjadKey() << 32 | run.latinKey() & 0xFFFFFFFFL;
                runs[at + PartSignatures.STRIDE + 1] = AbjadMatcher.finalTKey(run);
            }
        }
        runSignatures.setRelease(nameId, runs);
        return runs;
    }

    /** Longs per listed run: its signature and its keys. */
    private static final int RUN_STRIDE = PartSignatures.STRIDE + 2;

    private static int runAt(int start, int end) {
        return (2 * start + end - start - 1) * RUN_STRIDE;
    }

    /** {@link AbjadMatcher#keysMeet} of a query part and the listed run at {@code at}, the one read from an abjad. */
    private static boolean runKeysMeet(Token part, boolean queryAbjad, long[] runs, int at) {
        long keys = runs[at + PartSignatures.STRIDE];
        if (queryAbjad) return AbjadMatcher.keysMeet(part, (int) keys);
        return (int) (keys >>> 32) == part.latinKey() || (int) runs[at + PartSignatures.STRIDE + 1] == part.latinKey();
    }

    /** Whether part i is in a run of query parts whose initials spell a lone listed part ("people's liberation army" / "pla"). */
    private boolean spellsListedAcronym(List<Token> q, int i, int[] ids, boolean[] loneC,
                                        boolean notPerson) {
        char first = q.get(i).text().charAt(0);
        for (int j = 0; j < ids.length; j++) {
            if (!loneC[j]) continue;
            int id = ids[j];
            int length = index.length(id);
            // the part's record first: only a short word holding the part's initial is read in full
            if (length < 2 || length > 6 || (index.letters(id) & 1L << first) == 0
                    || index.kind(id) != Token.Kind.WORD || !notPerson && index.hasVowel(id)) {
                continue;
            }
            String acronym = index.token(id).text();
            if (acronym.indexOf(first) < 0) continue; // letters 64 apart share a bit of the record
            for (int start = Math.max(0, i - length + 1); start <= i && start + length <= q.size(); start++) {
                boolean spelled = true;
                for (int k = 0; k < length && spelled; k++) {
                    spelled = q.get(start + k).text().charAt(0) == acronym.charAt(k);
                }
                if (spelled) return true;
            }
        }
        return false;
    }

    private void identifierMatches(ScreeningQuery query, double threshold, Map<Integer, Match> best,
                                   Predicate<Entity> visible) {
        List<Identifier> given = new ArrayList<>(query.identifiers());
        given.addAll(Identifiers.imoInText(query.name()));
        for (Identifier id : given) {
            String key = Identifiers.key(id);
            if (key == null) continue;
            int[] hits = identifiers.get(key);
            if (hits == null) continue;
            for (int e : hits) {
                Entity entity = entities.get(e);
                if (visible != null && !visible.test(entity)) continue;
                Explanation ex = new Explanation(entity.primaryName().value(), 0, List.of(), List.of(), List.of(),
                        List.of(new Explanation.Evidence("identifier", id.type() + " " + id.number()
                                + " is listed for this entity: decisive", 1.0)));
                best.put(e, new Match(entity.id(), entity.primaryName().value(), entity.schema(), entity.source(),
                        Topics.of(entity), 1.0, true, ex));
            }
        }
    }

    /**
     * Scores one listed name form for a query. The explanation is built only when asked for or when the
     * match alerts: most candidates are scored and dropped.
     * {@code queryNamesOrganisation}: the query's schema is given or it carries a legal form (see {@link NameScorer#score}).
     */
    private Match score(ScreeningQuery query, List<NameForm> forms, IndexedName n, Entity e, double threshold,
                        PartMemo memo, boolean explainAlways, boolean queryNamesOrganisation) {
        NameScorer.Scored bestScored = null;
        int bestForm = -1;
        if (sameSyllabicScript(forms, n.form())) return null;
        for (int f = 0; f < forms.size(); f++) {
            NameForm qf = forms.get(f);
            if (qf.native_() != n.form().native_()) continue;
            if (qf.native_() && qf.origin() != n.form().origin()) continue;
            NameScorer.Scored s = NameScorer.score(qf, n.form(), weights, n.tokenIds(), n.weights(), memo, f,
                    e.schema() != Schema.PERSON, queryNamesOrganisation);
            if (bestScored == null || s.score() > bestScored.score()) {
                bestScored = s;
                bestForm = f;
            }
        }
        if (bestScored == null || bestScored.score() <= 0) return null;
        double nameScore = bestScored.score();
        StringBuilder foundElsewhere = null;
        double otherNamesEffect = 0;
        // (compare scores a pair of names, with no entity behind the listed one: n.tokenIds() is null there)
        if (n.tokenIds() != null && e.schema() == Schema.PERSON && e.names().size() > 1 && bestScored.listedWithinQuery()
                && bestScored.foundClosely(n.weights(), OTHER_NAME_MIN, NameScorer.COMMON_PART_WEIGHT)
                && (wordsOf(n.form()) >= 2 || Topics.of(e).contains(Topics.SANCTION))) {
            foundElsewhere = new StringBuilder();
            double credit = otherNamesCredit(forms.get(bestForm), bestForm, bestScored, n, memo, foundElsewhere);
            if (credit > 0) otherNamesEffect = Math.max(0, bestScored.withQueryCredit(credit) - nameScore);
        }
        double numberEffect = bestScored.numberConflict() ? -nameScore * (1 - NUMBER_CONFLICT_FACTOR) : 0;
        double weakEffect = n.weak() ? WEAK_ALIAS_EFFECT : 0;
        double dobEffect = Evidence.birthDateEffect(query.birthDate(), e);
        double natEffect = Evidence.nationalityEffect(query.nationality(), e);
        double score = nameScore + otherNamesEffect + numberEffect + weakEffect + dobEffect + natEffect;
        score = Math.round(Math.max(0, Math.min(1, score)) * 10000) / 10000.0;
        // a weak alias alerts only when met (nearly) exactly, and then only if it is a full name or a birth
        // date agrees; an alias of one or two letters never does
        boolean listedWeak = e.names().get(n.name()).weak();
        boolean tiny = n.weak() && !listedWeak;
        // a person's alias that is one common given name ("Ahmed", "Ali", "Sergei") names nobody on its own
        boolean commonAlone = !tiny && !listedWeak && isCommonGivenNameAlone(e, n);
        tiny |= commonAlone;
        boolean fullWeak = listedWeak && !n.weak();
        // (a full one met with an agreeing birth date is two things agreeing: met as closely as any name, it alerts;
        // the UK wrote the UN's low-quality "ABU HURAYRAH AL-SANA'AI" Abu Hurayah, with his birth date)
        boolean weakMayAlert = !tiny && (nameScore + otherNamesEffect >= FULL_WEAK_ALIAS_MIN && (fullWeak || dobEffect > 0)
                || fullWeak && dobEffect > 0);
        boolean alert = score >= threshold && (!listedWeak && !tiny || weakMayAlert);
        if (!alert && !explainAlways) return null; // screening keeps alerts only
        List<Explanation.Evidence> evidence = new ArrayList<>();
        for (NameScorer.Adjustment a : bestScored.adjustments()) {
            evidence.add(new Explanation.Evidence(a.kind(), a.detail() + String.format(java.util.Locale.ROOT,
                    " (name score x%.2f, included in it)", a.factor()), a.effect()));
        }
        if (otherNamesEffect > 0) {
            evidence.add(new Explanation.Evidence("other_names", "the query's parts this name lacks are in the listing's"
                    + " other names (" + foundElsewhere + "): its given name beside an alias, not another person's",
                    Math.round(otherNamesEffect * 10000) / 10000.0));
        }
        if (numberEffect != 0) evidence.add(new Explanation.Evidence("number", "the names hold different numbers", numberEffect));
        if (listedWeak) {
            evidence.add(new Explanation.Evidence("weak_alias", String.format(java.util.Locale.ROOT, "matched a weak (low"
                    + " quality) alias: it alerts only when met with a name score of %.2f or more and either has three"
                    + " parts or more or a birth date agrees, or when it has three parts or more and a birth date agrees",
                    FULL_WEAK_ALIAS_MIN), weakEffect));
        } else if (commonAlone) {
            evidence.add(new Explanation.Evidence("weak_alias", "matched only an alias that is one common given name, which"
                    + " never alerts on its own", weakEffect));
        } else if (tiny) {
            evidence.add(new Explanation.Evidence("weak_alias", "matched only a one- or two-letter alias, which never"
                    + " alerts on its own", weakEffect));
        }
        Explanation.Evidence dob = Evidence.birthDate(query.birthDate(), e);
        if (dob != null) evidence.add(dob);
        Explanation.Evidence nat = Evidence.nationality(query.nationality(), e);
        if (nat != null) evidence.add(nat);
        Explanation ex = new Explanation(e.names().get(n.name()).value(), Math.round(nameScore * 10000) / 10000.0,
                bestScored.parts(), bestScored.unmatchedQuery(), bestScored.unmatchedListed(), evidence);
        return new Match(e.id(), e.primaryName().value(), e.schema(), e.source(), Topics.of(e), score, alert, ex);
    }

    /**
     * What a query part the listed name lacks earns when it is among the listed person's other names: as much as a
     * part found by a variant, no more. The listed name is all found in the query, closely and by a rare part ("Hebbo" in
     * "Mohammed Hebbo"), and the rest of the query is closely the listing's too (its given name MOHAMMAD): the query
     * names this person by parts of two of its names, as other lists do ("HABU, Muhammad" for the UN's MOHAMMAD ALI
     * AL HABBO, alias Habu). The name score is the pair's; this is added beside it, as evidence, so that
     * {@code compare} of the two names still agrees. Persons only: the words of organisations' names (Front,
     * Organization, National) recur in every name of a group and its like, and say nothing of which one is meant.
     */
    static final double OTHER_NAME_CREDIT = 0.9;
    /**
     * How closely the listed name must be found, and the parts in the other names: as spellings (a variant, a letter
     * doubled), not as sound-alikes or readings of another script (0.85 to 0.88). "Salman" sounds like the UN's
     * "Souleiman", and "Mohammed" beside it is in that person's other names: "Mohammed bin Salman" is not him. Among
     * the many names of an encyclopaedia's entries sound-alikes met everyone's surname ("Brown" as the Baron of a
     * peer's title), and a query read from an abjad keeps its consonants only ("Khan" as Kony).
     */
    private static final double OTHER_NAME_MIN = NameScorer.CLOSE_MATCH;

    /**
     * How many words a name form has. A name of one word is credited with the person's other names only on a
     * sanctions list, whose aliases are its statement of how the person is known ("Hebbo", "Namam"): an
     * encyclopaedia's one-word labels ("Andrew" for Andrew Gould, "Liu", "Sultan") beside its full names would lend
     * every Andrew James the full name's other parts.
     */
    private static int wordsOf(NameForm form) {
        int n = 0;
        for (Token t : form.tokens()) if (t.kind() == Token.Kind.WORD) n++;
        return n;
    }

    /**
     * The query weight to credit for the best form's left-over word parts found in the entity's other names (not
     * other forms of the same name), each at its best similarity times {@link #OTHER_NAME_CREDIT}; what was found is
     * written to {@code found}. The bound ({@link #formBound}) credits such parts the most this can give.
     */
    private double otherNamesCredit(NameForm qf, int f, NameScorer.Scored scored, IndexedName n, PartMemo memo,
                                    StringBuilder found) {
        List<Token> q = qf.tokens();
        boolean qa = qf.fromAbjad();
        int[] data = index.nameData();
        double credit = 0;
        boolean thisAbjad = n.form().fromAbjad();
        boolean thisTypos = !qf.origin().isSyllabic() && !n.form().origin().isSyllabic();
        for (int i = 0; i < q.size(); i++) {
            if (!scored.queryPartLeft(i) || q.get(i).kind() != Token.Kind.WORD) continue;
            // a part this name has already (written twice in the query, or two spellings of it: Basir Baseer) is no
            // other name's part
            boolean here = false;
            for (int j = 0; j < n.tokenIds().length && !here; j++) {
                TokenSimilarity.Result r = compare(memo, f, i, q.get(i), n.tokenIds()[j], qa, thisAbjad, thisTypos);
                here = r.how() != null && r.similarity() >= OTHER_NAME_MIN;
            }
            if (here) continue;
            double best = 0;
            int bestPart = -1;
            for (int id = namesFrom[n.entity()]; id < namesFrom[n.entity() + 1]; id++) {
                if (index.nameIndex(id) == n.name()) continue;
                boolean nativeForm = index.isNative(id);
                Script origin = index.origin(id);
                if (qf.native_() != nativeForm || nativeForm && qf.origin() != origin) continue;
                boolean listedAbjad = !nativeForm && origin.isAbjad();
                // a name read from an abjad has guessed vowels: "Marie" is no part of سيفي عماري read as "mary"
                if (listedAbjad && !qa) continue;
                boolean typos = !qf.origin().isSyllabic() && !origin.isSyllabic();
                for (int p = index.partsFrom(id); p < index.partsTo(id); p++) {
                    int part = data[p];
                    if (index.kind(part) != Token.Kind.WORD) continue;
                    TokenSimilarity.Result r = compare(memo, f, i, q.get(i), part, qa, listedAbjad, typos);
                    if (r.how() != null && r.similarity() >= OTHER_NAME_MIN && r.similarity() > best) {
                        best = r.similarity();
                        bestPart = part;
                    }
                }
            }
            if (bestPart < 0) continue;
            credit += best * OTHER_NAME_CREDIT * NameScorer.leftWeight(q.get(i), weights.of(q.get(i)));
            if (!found.isEmpty()) found.append(", ");
            found.append(q.get(i).text()).append(" as ").append(index.token(bestPart).text());
        }
        return credit;
    }

    /** A query part against a listed part by vocabulary id: through the query's memo, or directly when there is none. */
    private TokenSimilarity.Result compare(PartMemo memo, int form, int partNo, Token part, int vocabularyId,
                                           boolean queryAbjad, boolean listedAbjad, boolean typos) {
        return memo != null ? memo.compare(form, partNo, part, vocabularyId, queryAbjad, listedAbjad, typos)
                : TokenSimilarity.compare(part, index.token(vocabularyId), queryAbjad, listedAbjad, typos);
    }

    /**
     * Two names written in the same syllabic script (Han, Hangul, Kana) compare in that script only:
     * their romanisations merge homophones (高石 / 高市 are both "gao shi") and spelling variants that
     * the script itself tells apart (정 / 종).
     */
    private static boolean sameSyllabicScript(List<NameForm> queryForms, NameForm listed) {
        if (listed.native_() || !listed.origin().isSyllabic()) return false;
        for (NameForm q : queryForms) if (q.native_() && q.origin() == listed.origin()) return true;
        return false;
    }

    /**
     * Scores one pair of names with the same analysis and scorer, using this engine's rarity weights
     * (an engine built over the lists, or over nothing for neutral weights).
     */
    public Match compare(String name1, String name2, Schema schema) {
        // Either name may be the fuller one: a pair is scored in the direction that fits it better.
        Match forward = compareAsScreened(name1, name2, schema);
        Match backward = compareAsScreened(name2, name1, schema);
        return backward.score() > forward.score() ? backward : forward;
    }

    /** The kind of party a pair of names is compared as: given, else an organisation when either carries a legal form. */
    public static Schema compareSchema(String name1, String name2, Schema schema) {
        if (schema != null) return schema;
        return NameAnalyzer.marksOrganisation(name1) || NameAnalyzer.marksOrganisation(name2) ? Schema.ORGANIZATION : Schema.PERSON;
    }

    /**
     * Scores a name as screening would score it against a listed name: {@code name1} as the query, {@code name2}
     * as a listing of the schema given (else {@link #compareSchema}'s; both analysed as it), one direction only, with this engine's
     * rarity weights. For the same pair and schema it gives the name score a screening explains, so an analyst
     * checking a miss gets the screening's answer ({@link #compare} takes the better of both directions, for
     * pairs of names neither of which is listed).
     */
    public Match compareAsScreened(String name1, String name2, Schema given) {
        Schema schema = compareSchema(name1, name2, given);
        Entity listed = Entity.builder("compare:2", "compare", schema)
                .primaryName(name2).build();
        List<NameForm> q = NameAnalyzer.analyzeQuery(name1, schema);
        Match best = null;
        List<NameForm> forms = NameAnalyzer.analyze(name2, schema);
        for (NameForm f : forms) {
            Match m = score(new ScreeningQuery(name1, schema, null, null, List.of(), null, 1), q,
                    new IndexedName(0, 0, f, false, null, null), listed, defaultThreshold, null, true, true);
            if (m != null && (best == null || m.score() > best.score())) best = m;
        }
        if (best == null) {
            Explanation ex = new Explanation(name2, 0, List.of(), q.stream().flatMap(f -> f.tokens().stream())
                    .map(Token::text).distinct().toList(), List.of(), List.of());
            best = new Match(listed.id(), name2, listed.schema(), "compare", List.of(), 0, false, ex);
        }
        return best;
    }
}
