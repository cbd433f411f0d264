package dev.sieve.match.index;

import static dev.sieve.match.util.Capacity.withRoomToGrow;

import dev.sieve.match.analysis.AbjadMatcher;
import dev.sieve.match.analysis.NameForm;
import dev.sieve.match.analysis.PhoneticKey;
import dev.sieve.match.analysis.Script;
import dev.sieve.match.analysis.Token;
import dev.sieve.match.score.PartSignatures;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.function.IntPredicate;
import dev.sieve.match.util.BoundedCache;
import dev.sieve.match.util.ObjectPool;
import java.util.Map;

/**
 * The compact in-memory index: every distinct name part once in a vocabulary, every indexed name form
 * as an array of vocabulary ids, and postings from vocabulary ids to names. Typo, variant and
 * transliteration lookups run on the vocabulary (SymSpell-style: one-deletion neighbourhoods of the
 * parts, their canonical forms and consonant skeletons, hashed to 40 bits in one sorted array), so
 * their cost grows with the number of distinct parts, not with the number of names. Candidates are
 * ranked by the rarity-weighted evidence their parts give, over the square root of their own weight.
 */
public final class CandidateIndex {
    private static final int MAX_POSTING = 3000;
    private static final int MIN_DELETE_LENGTH = 4;
    /** Two adjacent short parts ("ep vip", "il nam") are also indexed joined, with typo keys. */
    private static final int SHORT_PAIR = 8;
    /** The fewest consonants a longer joined pair's key needs (fewer would offer names by the hundred). */
    private static final int MIN_JOINED_KEY = 3;
    /**
     * The fewest consonants an abjad reading's key needs to be looked up by (one, or none, as in "ali" or "ullah", would
     * offer a good part of the lists), and for two parts written as one.
     */
    private static final int MIN_ABJAD_CONSONANTS = 2;
    private static final int MIN_ABJAD_PAIR_CONSONANTS = 3;
    /**
     * What a part found only by its abjad reading's consonants counts for: less than by its phonetic key, as the key
     * folds more letters together (hamid, hamza and ahmadi for احمدی), so that those found both ways come first.
     */
    private static final float ABJAD_FACTOR = 0.5f;
    private static final Script[] SCRIPTS = Script.values();
    private static final ObjectPool<Scratch> SCRATCH = new ObjectPool<>(Scratch::new, 64);
    private static final int PROBE_MEMO = 100_000;
    private static final float[] EXACT = {1.0f};

    /** Longs per vocabulary part in {@link #parts()}: its signature, then its weight; 64 bytes. */
    public static final int RECORD = 8;
    private static final int WEIGHT = PartSignatures.STRIDE;

    private final Token[] vocab;
    /**
     * What the candidate bound reads of each vocabulary part, side by side: its {@link PartSignatures} and
     * its weight. A query meets a few hundred parts at random among tens of thousands, and each array
     * read for them is a cache miss; one record per part makes it one or two.
     */
    private final long[] parts;
    private final Map<String, Integer> vocabByText;
    /**
     * Every name form as one record in {@link #nameData}: its entity, its flags (weak, native, origin)
     * and its parts' vocabulary ids, starting at {@code nameStart[id]}. One record per name instead of
     * an array each keeps the candidate bound to one cache miss per candidate for all of these.
     */
    private final int[] nameStart;
    private final int[] nameData;
    private final int[] nameIndex;
    private static final int ENTITY = 0;
    private static final int FLAGS = 1;
    private static final int PARTS = 2;
    private final float[] norms;
    private final int[] postingStart;
    private final int[] postings;
    /**
     * Sorted (40-bit key hash << 24 | vocabulary id): canonical (c), skeleton (x), deletion (d) and abjad reading (a)
     * keys.
     */
    private final long[] keys;
    /** Joined pairs of adjacent parts: short ones and their deletions, longer ones by consonants (40-bit key hash << 24 | name id), sorted. */
    private final long[] pairs;
    private final BoundedCache<Token, Probe> probes = new BoundedCache<>(PROBE_MEMO);
    /** Probes of parts read from Arabic script, which also ask for the Latin parts they may be readings of. */
    private final BoundedCache<Token, Probe> abjadProbes = new BoundedCache<>(PROBE_MEMO);
    private final BoundedCache<String, PairHits> pairHits = new BoundedCache<>(PROBE_MEMO);

    private CandidateIndex(Builder b, TokenWeights weights) {
        vocab = b.vocab.toArray(Token[]::new);
        parts = new long[vocab.length * RECORD];
        for (int t = 0; t < vocab.length; t++) {
            PartSignatures.write(vocab[t], parts, t * RECORD);
            parts[t * RECORD + WEIGHT] = Float.floatToRawIntBits((float) weights.of(vocab[t]));
        }
        vocabByText = b.vocabByText;
        int n = b.entity.size();
        nameIndex = b.nameIdx.toArray();
        nameStart = new int[n + 1];
        for (int i = 0; i < n; i++) nameStart[i + 1] = nameStart[i] + PARTS + b.tokens.get(i).length;
        nameData = new int[nameStart[n]];
        int[] entityOf = b.entity.toArray();
        for (int i = 0; i < n; i++) {
            nameData[nameStart[i] + ENTITY] = entityOf[i];
            nameData[nameStart[i] + FLAGS] = b.flags.get(i) & 0xFF;
            int[] ids = b.tokens.get(i);
            System.arraycopy(ids, 0, nameData, nameStart[i] + PARTS, ids.length);
        }
        norms = new float[n];
        int[] counts = new int[vocab.length + 1];
        for (int i = 0; i < n; i++) {
            double total = 0;
            for (int t : b.tokens.get(i)) {
                total += weights.of(vocab[t]);
            }
            for (int t : distinct(b.tokens.get(i))) counts[t + 1]++;
            norms[i] = (float) Math.sqrt(Math.max(total, 1));
        }
        for (int t = 0; t < vocab.length; t++) counts[t + 1] += counts[t];
        postingStart = counts;
        postings = new int[counts[vocab.length]];
        int[] fill = Arrays.copyOf(counts, vocab.length);
        for (int i = 0; i < n; i++) for (int t : distinct(b.tokens.get(i))) postings[fill[t]++] = i;

        IntList.Longs k = new IntList.Longs();
        for (int t = 0; t < vocab.length; t++) {
            Token tok = vocab[t];
            if (tok.kind() == Token.Kind.LEGAL_FORM) continue;
            k.add(pack(hash("c", tok.canonical()), t));
            String consonants = PhoneticKey.consonants(tok.skeleton());
            if (consonants.length() >= 2 && tok.kind() != Token.Kind.NUMBER) k.add(pack(hash("x", consonants), t));
            // the consonants a part of an abjad script must have to read as this one (the scorer's transliteration rule)
            if (tok.kind() == Token.Kind.WORD && AbjadMatcher.readConsonants(tok.latinSymbols()) >= MIN_ABJAD_CONSONANTS) {
                k.add(pack(abjadHash("a", tok.latinKey()), t));
            }
            if (tok.kind() == Token.Kind.WORD && tok.text().length() >= MIN_DELETE_LENGTH - 1) {
                k.add(pack(hash("d", tok.text()), t));
                if (tok.text().length() >= MIN_DELETE_LENGTH) {
                    for (String d : deletions(tok.text())) k.add(pack(hash("d", d), t));
                }
            }
        }
        long[] sorted = k.toArray();
        Arrays.sort(sorted);
        keys = dedupe(sorted);
        pairs = b.pairs();
    }

    /** Collects name forms, interning their parts into the vocabulary. */
    public static final class Builder {
        private final List<Token> vocab = new ArrayList<>();
        private final Map<String, Integer> vocabByText = new HashMap<>();
        private final IntList entity = new IntList();
        private final IntList nameIdx = new IntList();
        private final List<int[]> tokens = new ArrayList<>();
        private final List<Byte> flags = new ArrayList<>();
        private final Map<String, Integer> df = new HashMap<>();
        private final IntList.Longs pairEntries = new IntList.Longs();

        public void add(int entityIndex, int nameIndex, NameForm form, boolean weak) {
            int id = entity.size();
            int[] ids = new int[form.tokens().size()];
            java.util.Set<String> seen = new java.util.HashSet<>();
            for (int i = 0; i < ids.length; i++) {
                Token t = form.tokens().get(i);
                String key = vocabularyKey(t.kind(), t.text());
                Integer v = vocabByText.get(key);
                if (v == null) {
                    v = vocab.size();
                    vocab.add(t);
                    vocabByText.put(key, v);
                }
                ids[i] = v;
                if (seen.add(t.canonical())) df.merge(t.canonical(), 1, Integer::sum);
            }
            entity.add(entityIndex);
            nameIdx.add(nameIndex);
            tokens.add(ids);
            flags.add((byte) ((weak ? 1 : 0) | (form.native_() ? 2 : 0) | form.origin().ordinal() << 2));
            List<Token> tl = form.tokens();
            for (int i = 0; i + 1 < tl.size(); i++) {
                if (tl.get(i).kind() == Token.Kind.LEGAL_FORM || tl.get(i + 1).kind() == Token.Kind.LEGAL_FORM) continue;
                String pair = tl.get(i).text() + tl.get(i + 1).text();
                if (!form.native_() && tl.get(i).kind() != Token.Kind.NUMBER && tl.get(i + 1).kind() != Token.Kind.NUMBER) {
                    // a part of an abjad script written as one for these two ("عبدالجبار" / "abdul jabbar")
                    // (each part with consonants of its own: "al hamid" reads as "hamid", which its own key finds)
                    String latin = AbjadMatcher.symbols(pair, false);
                    if (AbjadMatcher.keyedConsonants(latin) >= MIN_ABJAD_PAIR_CONSONANTS
                            && AbjadMatcher.keyedConsonants(tl.get(i).latinSymbols()) > 0
                            && AbjadMatcher.keyedConsonants(tl.get(i + 1).latinSymbols()) > 0) {
                        pairEntries.add(pack(abjadHash("ja", AbjadMatcher.consonantKey(latin)), id));
                    }
                }
                if (pair.length() > SHORT_PAIR) {
                    // a longer pair by its consonants alone ("khair ullah" / "khairullah", "abdul satar" /
                    // "abdulasattar"): the scorer's joined pass compares them, so retrieval must offer them
                    String key = joinedKey(pair);
                    if (key != null) pairEntries.add(pack(hash("j", key), id));
                    continue;
                }
                java.util.Set<String> keysOfPair = new java.util.HashSet<>();
                keysOfPair.add(pair);
                if (pair.length() >= MIN_DELETE_LENGTH) keysOfPair.addAll(deletions(pair));
                for (String k : keysOfPair) pairEntries.add(pack(hash("p", k), id));
            }
        }

        public TokenWeights weights() {
            return new TokenWeights(df, entity.size());
        }

        public CandidateIndex build(TokenWeights weights) {
            return new CandidateIndex(this, weights);
        }

        long[] pairs() {
            long[] sorted = pairEntries.toArray();
            Arrays.sort(sorted);
            return dedupe(sorted);
        }
    }

    public int size() {
        return nameIndex.length;
    }

    public int vocabularySize() {
        return vocab.length;
    }

    /** The array holding every name's record: {@link #partsFrom} to {@link #partsTo} are a name's part ids. */
    public int[] nameData() {
        return nameData;
    }

    public int partsFrom(int id) {
        return nameStart[id] + PARTS;
    }

    public int partsTo(int id) {
        return nameStart[id + 1];
    }

    /** Vocabulary ids of a name form's parts (a copy). */
    public int[] tokenIds(int id) {
        return Arrays.copyOfRange(nameData, nameStart[id] + PARTS, nameStart[id + 1]);
    }

    /** Every vocabulary part, by id (shared array: do not modify). */
    public Token[] vocabulary() {
        return vocab;
    }

    public Token token(int vocabularyId) {
        return vocab[vocabularyId];
    }

    /** The vocabulary's records, {@link #RECORD} longs a part, each starting with its signature (do not modify). */
    public long[] parts() {
        return parts;
    }

    /** The length of a vocabulary part's text. */
    public int length(int vocabularyId) {
        return PartSignatures.length(parts, vocabularyId * RECORD);
    }

    public Token.Kind kind(int vocabularyId) {
        return PartSignatures.kind(parts, vocabularyId * RECORD);
    }

    public char firstLetter(int vocabularyId) {
        return PartSignatures.firstLetter(parts, vocabularyId * RECORD);
    }

    /** Whether the part holds a vowel (a, e, i, o, u, y). */
    public boolean hasVowel(int vocabularyId) {
        return PartSignatures.hasVowel(parts, vocabularyId * RECORD);
    }

    /** The part's letters as bits ({@link dev.sieve.match.analysis.EditDistance#letters}). */
    public long letters(int vocabularyId) {
        return PartSignatures.letters(parts, vocabularyId * RECORD);
    }

    public double weight(int vocabularyId) {
        return Float.intBitsToFloat((int) parts[vocabularyId * RECORD + WEIGHT]);
    }

    public Script origin(int id) {
        return SCRIPTS[(nameData[nameStart[id] + FLAGS] >> 2) & 0x1F];
    }

    public int entity(int id) {
        return nameData[nameStart[id] + ENTITY];
    }

    /** Which of its entity's names (by place in the entity's list) this form is a form of. */
    public int nameIndex(int id) {
        return nameIndex[id];
    }

    public boolean isWeak(int id) {
        return (nameData[nameStart[id] + FLAGS] & 1) != 0;
    }

    public boolean isNative(int id) {
        return (nameData[nameStart[id] + FLAGS] & 2) != 0;
    }

    /** A view of one indexed name form. */
    public IndexedName name(int id) {
        int[] ids = tokenIds(id);
        Token[] ts = new Token[ids.length];
        for (int i = 0; i < ids.length; i++) ts[i] = vocab[ids[i]];
        int f = nameData[nameStart[id] + FLAGS];
        double[] w = new double[ids.length];
        for (int i = 0; i < ids.length; i++) w[i] = weight(ids[i]);
        return new IndexedName(entity(id), nameIndex[id],
                new NameForm(Arrays.asList(ts), SCRIPTS[(f >> 2) & 0x1F], (f & 2) != 0), (f & 1) != 0, ids, w);
    }

    /**
     * Names that may match the query forms, best-evidenced first, at most {@code limit}, among those
     * whose entity {@code visible} accepts (all when null). Names the viewer may not see are dropped
     * before the top is taken, so they never crowd out visible ones.
     *
     * @param partWeights the weight of each part of each query form
     */
    public int[] candidates(List<NameForm> queryForms, double[][] partWeights, int limit, IntPredicate visible) {
        Scratch sc = SCRATCH.take();
        sc.ensure(nameIndex.length, vocab.length);
        try {
            for (int f = 0; f < queryForms.size(); f++) {
                List<Token> tokens = queryForms.get(f).tokens();
                // each part's own probe and its joined neighbour's, committed after the pair probes
                int[][] probeTokens = new int[3 * tokens.size()][];
                float[][] probeFactors = new float[3 * tokens.size()][];
                double[] probeWeights = new double[3 * tokens.size()];
                int probeCount = 0;
                // a form read from Arabic script also asks for the Latin parts it may be a reading of (the readings
                // are Arabic's: for Hebrew names they found only unrelated Arabic ones on real customers' names)
                boolean abjad = queryForms.get(f).fromAbjad() && queryForms.get(f).origin() == Script.ARABIC;
                for (int i = 0; i < tokens.size(); i++) {
                    Token t = tokens.get(i);
                    if (t.kind() == Token.Kind.LEGAL_FORM) continue;
                    double weight = partWeights[f][i];
                    Probe probe = abjad ? abjadProbes.get(t, k -> probe(k, true, sc)) : probes.get(t, k -> probe(k, false, sc));
                    probeTokens[probeCount] = probe.parts();
                    probeFactors[probeCount] = probe.factors();
                    probeWeights[probeCount++] = weight;
                    // one query part written as two listed parts ("jongun" / "jong un")
                    if (probe.apart() != null) probe.apart().offer(sc, weight);
                    if (i + 1 < tokens.size() && tokens.get(i + 1).kind() != Token.Kind.LEGAL_FORM) {
                        // the query's two parts written as one listed part ("bin laden" / "binladen")
                        String pair = t.text() + tokens.get(i + 1).text();
                        Integer joined = vocabByText.get(vocabularyKey(Token.Kind.WORD, pair));
                        if (joined != null) {
                            probeTokens[probeCount] = new int[] {joined};
                            probeFactors[probeCount] = EXACT;
                            probeWeights[probeCount++] = weight;
                        }
                        if (pair.length() <= SHORT_PAIR) pairHits.get(pair, k -> pairHits(k, sc)).offer(sc, weight);
                        if (abjad) {
                            // ...and two or three as one Latin part read from them ("هدايت الله" / "hidayatullah",
                            // "شمس الدین" / "shamsuddin")
                            sc.beginTokens();
                            String run = pair;
                            for (int end = i + 1; end < tokens.size() && end < i + 3; end++) {
                                if (end > i + 1) {
                                    if (tokens.get(end).kind() == Token.Kind.LEGAL_FORM) break;
                                    run += tokens.get(end).text();
                                }
                                String symbols = AbjadMatcher.symbols(run, true);
                                if (AbjadMatcher.readConsonants(symbols) >= MIN_ABJAD_PAIR_CONSONANTS) {
                                    lookup(abjadHash("a", AbjadMatcher.consonantKey(symbols)), ABJAD_FACTOR, sc);
                                }
                            }
                            int[] found = sc.tokenIds();
                            float[] factors = sc.tokenFactors();
                            if (found.length > 0) {
                                probeTokens[probeCount] = found;
                                probeFactors[probeCount] = factors;
                                probeWeights[probeCount++] = weight;
                            }
                        }
                    }
                }
                boolean anySelective = false;
                for (int p = 0; p < probeCount; p++) {
                    for (int t : probeTokens[p]) anySelective |= postingStart[t + 1] - postingStart[t] <= MAX_POSTING;
                }
                for (int p = 0; p < probeCount; p++) {
                    int[] ts = probeTokens[p];
                    float[] fs = probeFactors[p];
                    for (int k = 0; k < ts.length; k++) {
                        int t = ts[k];
                        int from = postingStart[t];
                        int to = postingStart[t + 1];
                        if (anySelective && to - from > MAX_POSTING) continue;
                        for (int j = from; j < to; j++) sc.offer(postings[j], fs[k]);
                    }
                    sc.commitProbe((float) probeWeights[p]);
                }
            }
            return sc.top(limit, norms, visible == null ? null : id -> visible.test(entity(id)));
        } finally {
            sc.clear();
            SCRATCH.give(sc);
        }
    }

    /**
     * Whether a query part could match some indexed part: its canonical form or its consonant skeleton is
     * a key of the index. A cheap test, for scanning free text for names before screening runs of it.
     */
    public boolean mayMatch(Token t) {
        if (hasKey(hash("c", t.canonical()))) return true;
        String consonants = PhoneticKey.consonants(t.skeleton());
        return consonants.length() >= 2 && t.kind() != Token.Kind.NUMBER && hasKey(hash("x", consonants));
    }

    private boolean hasKey(long hash) {
        int i = Arrays.binarySearch(keys, hash << 24);
        if (i < 0) i = -i - 1;
        return i < keys.length && (keys[i] >>> 24) == hash;
    }

    /**
     * What one query part finds in the vocabulary (its canonical form, consonant key and one-deletion
     * neighbours, each part with its best factor) and, when it may be two listed parts written as one,
     * the names holding such a pair. A pure function of the part and the index: memoised, since the
     * parts of customer names recur (ten thousand parts make nine in ten of a million names' parts).
     */
    private record Probe(int[] parts, float[] factors, PairHits apart) {
    }

    /** Names holding a short pair of adjacent parts, each with its factor (1 exact, 0.7 one deletion). */
    private record PairHits(int[] names, float[] factors) {
        void offer(Scratch sc, double weight) {
            for (int k = 0; k < names.length; k++) sc.offer(names[k], factors[k]);
            sc.commitProbe((float) weight);
        }
    }

    private Probe probe(Token t, boolean abjad, Scratch sc) {
        sc.beginTokens();
        lookup(hash("c", t.canonical()), 1.0f, sc);
        String consonants = PhoneticKey.consonants(t.skeleton());
        if (consonants.length() >= 2 && t.kind() != Token.Kind.NUMBER) lookup(hash("x", consonants), 0.8f, sc);
        if (t.kind() == Token.Kind.WORD && t.text().length() >= MIN_DELETE_LENGTH - 1) {
            String text = t.text();
            lookup(hash("d", text), 0.7f, sc);
            for (int d = 0; d < text.length(); d++) {
                if (d > 0 && text.charAt(d) == text.charAt(d - 1)) continue;
                lookup(hashWithout("d", text, d), 0.7f, sc);
            }
        }
        boolean abjadWord = abjad && t.kind() == Token.Kind.WORD;
        int readableConsonants = abjadWord ? AbjadMatcher.keyedConsonants(t.abjadSymbols()) : 0;
        if (abjadWord && AbjadMatcher.readConsonants(t.abjadSymbols()) >= MIN_ABJAD_CONSONANTS) {
            lookup(abjadHash("a", t.abjadKey()), ABJAD_FACTOR, sc);
            // ...and, ending on a ha, as the Latin spelling that says it t (جبهة / Jabhat)
            if (AbjadMatcher.endsOnH(t.abjadSymbols())) lookup(abjadHash("a", AbjadMatcher.keyWithFinalT(t.abjadSymbols())), ABJAD_FACTOR, sc);
        }
        int[] parts = sc.tokenIds();
        float[] factors = sc.tokenFactors();
        boolean apart = t.kind() == Token.Kind.WORD && t.text().length() >= 5 && t.text().length() <= SHORT_PAIR;
        String joined = t.kind() == Token.Kind.WORD && t.text().length() > SHORT_PAIR ? joinedKey(t) : null;
        if (readableConsonants >= MIN_ABJAD_PAIR_CONSONANTS) {
            // ...and two Latin parts it may be the reading of, written as one
            if (apart) addPairOffers(t.text(), sc);
            else if (joined != null) offerPairs(hash("j", joined), 0.8f, sc);
            offerPairs(abjadHash("ja", t.abjadKey()), ABJAD_FACTOR, sc);
            return new Probe(parts, factors, sc.takeOffers());
        }
        return new Probe(parts, factors, apart ? pairHits(t.text(), sc) : joined != null ? joinedPairHits(joined, sc) : null);
    }

    /** The key of an abjad reading's consonants (see {@link AbjadMatcher#consonantKey}). */
    private static long abjadHash(String type, int consonantKey) {
        return hash(type, Integer.toString(consonantKey));
    }

    /**
     * The key of two listed parts written as one that is longer than a short pair: the consonants of its phonetic
     * skeleton, as a query part's own ({@link Token#skeleton}); null when too few to select anything.
     */
    private static String joinedKey(String pair) {
        String key = PhoneticKey.consonants(PhoneticKey.of(dev.sieve.match.analysis.NameVariants.canonical(pair)));
        return key.length() >= MIN_JOINED_KEY ? key : null;
    }

    private static String joinedKey(Token t) {
        String key = PhoneticKey.consonants(t.skeleton());
        return key.length() >= MIN_JOINED_KEY ? key : null;
    }

    /** Names holding two adjacent parts whose joined key is this one. */
    private PairHits joinedPairHits(String key, Scratch sc) {
        offerPairs(hash("j", key), 0.8f, sc);
        return sc.takeOffers();
    }

    private PairHits pairHits(String pair, Scratch sc) {
        addPairOffers(pair, sc);
        return sc.takeOffers();
    }

    private void addPairOffers(String pair, Scratch sc) {
        offerPairs(hash("p", pair), 1.0f, sc);
        if (pair.length() >= MIN_DELETE_LENGTH) {
            // deleting any letter of a run of one letter gives the same key: each run once (offers keep the best anyway)
            for (int d = 0; d < pair.length(); d++) {
                if (d > 0 && pair.charAt(d) == pair.charAt(d - 1)) continue;
                offerPairs(hashWithout("p", pair, d), 0.7f, sc);
            }
        }
    }

    private void offerPairs(long h, float factor, Scratch sc) {
        int i = Arrays.binarySearch(pairs, h << 24);
        if (i < 0) i = -i - 1;
        for (; i < pairs.length && (pairs[i] >>> 24) == h; i++) sc.offer((int) (pairs[i] & 0xFFFFFF), factor);
    }

    /** Adds the vocabulary ids under one hashed key to the scratch's current part. */
    private void lookup(long hash, float factor, Scratch sc) {
        long lo = hash << 24;
        int i = Arrays.binarySearch(keys, lo);
        if (i < 0) i = -i - 1;
        for (; i < keys.length && (keys[i] >>> 24) == hash; i++) sc.token((int) (keys[i] & 0xFFFFFF), factor);
    }

    /** The vocabulary's key of a part: its kind and its text. */
    private static String vocabularyKey(Token.Kind kind, String text) {
        return kind.ordinal() + "\u0000" + text;
    }

    private static long pack(long hash40, int id) {
        if (id >= 1 << 24) throw new IllegalStateException("the index takes up to 16M names and 16M distinct parts");
        return hash40 << 24 | id;
    }

    /** A 40-bit FNV-1a hash of a typed key. */
    static long hash(String type, String s) {
        return hashWithout(type, s, -1);
    }

    /** The hash of {@code s} with the character at {@code skip} deleted, without building that string. */
    static long hashWithout(String type, String s, int skip) {
        long h = 0xcbf29ce484222325L;
        for (int i = 0; i < type.length(); i++) h = (h ^ type.charAt(i)) * 0x100000001b3L;
        h = (h ^ ':') * 0x100000001b3L;
        for (int i = 0; i < s.length(); i++) if (i != skip) h = (h ^ s.charAt(i)) * 0x100000001b3L;
        return (h ^ (h >>> 40)) & 0xFFFFFFFFFFL;
    }

    static List<String> deletions(String s) {
        List<String> out = new ArrayList<>(s.length());
        for (int i = 0; i < s.length(); i++) {
            if (i > 0 && s.charAt(i) == s.charAt(i - 1)) continue; // same deletion as the previous one
            out.add(s.substring(0, i) + s.substring(i + 1));
        }
        return out;
    }

    private static long[] dedupe(long[] sorted) {
        int n = 0;
        for (int i = 0; i < sorted.length; i++) if (i == 0 || sorted[i] != sorted[i - 1]) sorted[n++] = sorted[i];
        return Arrays.copyOf(sorted, n);
    }

    private static int[] distinct(int[] ids) {
        if (ids.length < 2) return ids;
        int[] c = ids.clone();
        Arrays.sort(c);
        int n = 0;
        for (int i = 0; i < c.length; i++) if (i == 0 || c[i] != c[i - 1]) c[n++] = c[i];
        return n == c.length ? c : Arrays.copyOf(c, n);
    }

    /**
     * Per-thread dense accumulators (one slot per indexed name, one per vocabulary part), reset through
     * the lists of touched slots: no boxing and no hashing on the hot path.
     */
    private static final class Scratch {
        float[] sums = new float[0];
        float[] probe = new float[0];
        float[] tokenBest = new float[0];
        int[] touched = new int[1024];
        int touchedCount;
        int[] probeTouched = new int[1024];
        int probeCount;
        int[] tokenTouched = new int[256];
        int tokenCount;

        void ensure(int names, int vocabulary) {
            if (sums.length < names) {
                sums = new float[withRoomToGrow(names)];
                probe = new float[sums.length];
            }
            if (tokenBest.length < vocabulary) tokenBest = new float[withRoomToGrow(vocabulary)];
        }

        void beginTokens() {
            tokenCount = 0;
        }

        void token(int id, float factor) {
            if (tokenBest[id] == 0) {
                if (tokenCount == tokenTouched.length) tokenTouched = Arrays.copyOf(tokenTouched, tokenCount * 2);
                tokenTouched[tokenCount++] = id;
            }
            if (factor > tokenBest[id]) tokenBest[id] = factor;
        }

        int[] tokenIds() {
            return Arrays.copyOf(tokenTouched, tokenCount);
        }

        float[] tokenFactors() {
            float[] f = new float[tokenCount];
            for (int i = 0; i < tokenCount; i++) {
                f[i] = tokenBest[tokenTouched[i]];
                tokenBest[tokenTouched[i]] = 0;
            }
            return f;
        }

        void offer(int id, float v) {
            if (probe[id] == 0) {
                if (probeCount == probeTouched.length) probeTouched = Arrays.copyOf(probeTouched, probeCount * 2);
                probeTouched[probeCount++] = id;
            }
            if (v > probe[id]) probe[id] = v;
        }

        /** The offers made since the last commit, taken out without committing them. */
        PairHits takeOffers() {
            int[] names = Arrays.copyOf(probeTouched, probeCount);
            float[] factors = new float[probeCount];
            for (int i = 0; i < probeCount; i++) {
                factors[i] = probe[names[i]];
                probe[names[i]] = 0;
            }
            probeCount = 0;
            return new PairHits(names, factors);
        }

        void commitProbe(float weight) {
            for (int i = 0; i < probeCount; i++) {
                int id = probeTouched[i];
                if (sums[id] == 0) {
                    if (touchedCount == touched.length) touched = Arrays.copyOf(touched, touchedCount * 2);
                    touched[touchedCount++] = id;
                }
                sums[id] += probe[id] * weight;
                probe[id] = 0;
            }
            probeCount = 0;
        }

        /** The best {@code limit} names by evidence over norm: a bounded min-heap of packed (score, id). */
        int[] top(int limit, float[] norms, IntPredicate allowed) {
            long[] heap = new long[Math.min(limit, touchedCount)];
            int size = 0;
            for (int i = 0; i < touchedCount; i++) {
                int id = touched[i];
                if (allowed != null && !allowed.test(id)) continue;
                long key = ((long) Float.floatToIntBits(sums[id] / norms[id]) << 32) | (id & 0xFFFFFFFFL);
                if (size < heap.length) {
                    heap[size] = key;
                    siftUp(heap, size++);
                } else if (key > heap[0]) {
                    heap[0] = key;
                    siftDown(heap, size);
                }
            }
            Arrays.sort(heap, 0, size);
            int[] out = new int[size];
            for (int i = 0; i < size; i++) out[i] = (int) heap[size - 1 - i];
            return out;
        }

        private static void siftUp(long[] h, int i) {
            while (i > 0) {
                int p = (i - 1) >>> 1;
                if (h[p] <= h[i]) return;
                long t = h[p];
                h[p] = h[i];
                h[i] = t;
                i = p;
            }
        }

        private static void siftDown(long[] h, int size) {
            int i = 0;
            while (true) {
                int l = 2 * i + 1;
                if (l >= size) return;
                int m = l + 1 < size && h[l + 1] < h[l] ? l + 1 : l;
                if (h[i] <= h[m]) return;
                long t = h[m];
                h[m] = h[i];
                h[i] = t;
                i = m;
            }
        }

        void clear() {
            for (int i = 0; i < touchedCount; i++) sums[touched[i]] = 0;
            touchedCount = 0;
            for (int i = 0; i < probeCount; i++) probe[probeTouched[i]] = 0;
            probeCount = 0;
        }
    }
}
