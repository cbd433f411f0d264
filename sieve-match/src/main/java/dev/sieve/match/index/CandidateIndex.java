package dev.sieve.match.index;

import dev.sieve.match.analysis.NameForm;
import dev.sieve.match.analysis.PhoneticKey;
import dev.sieve.match.analysis.Token;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Inverted index from name-part keys to the names holding them, so a query looks at a few dozen names,
 * never all of them. Keys per part: its canonical form ({@code c:}), its consonant skeleton
 * ({@code x:}, for transliterations and phonetic variants), its one-deletion neighbourhood ({@code d:},
 * for typos) and the joined form of two adjacent parts ({@code c:jongun}). Candidates are ranked by the
 * rarity-weighted evidence their keys give; over-common keys are skipped when rarer ones exist.
 */
public final class CandidateIndex {
    private static final int MAX_POSTING = 3000;
    private static final int MIN_DELETE_LENGTH = 4;
    /** Two adjacent short parts ("ep vip", "il nam") also get typo keys for their joined form. */
    private static final int SHORT_PAIR = 8;

    private static final ThreadLocal<Scratch> SCRATCH = ThreadLocal.withInitial(Scratch::new);

    private final Map<String, int[]> postings;
    /** Per name, the square root of its parts' total weight: long names collect more hits by chance. */
    private final float[] norms;

    private CandidateIndex(Map<String, int[]> postings, float[] norms) {
        this.postings = postings;
        this.norms = norms;
    }

    public static CandidateIndex build(List<IndexedName> names, TokenWeights weights) {
        Map<String, IntList> building = new HashMap<>();
        Set<String> keys = new HashSet<>();
        float[] norms = new float[names.size()];
        for (int id = 0; id < names.size(); id++) {
            keys.clear();
            keysOf(names.get(id).form(), keys, true);
            for (String k : keys) building.computeIfAbsent(k, x -> new IntList()).add(id);
            double total = 0;
            for (Token t : names.get(id).form().tokens()) total += weights.of(t);
            norms[id] = (float) Math.sqrt(Math.max(total, 1));
        }
        Map<String, int[]> postings = new HashMap<>(building.size() * 2);
        building.forEach((k, v) -> postings.put(k, v.toArray()));
        return new CandidateIndex(postings, norms);
    }

    private static void keysOf(NameForm form, Set<String> out, boolean deletions) {
        List<Token> tokens = form.tokens();
        for (int i = 0; i < tokens.size(); i++) {
            Token t = tokens.get(i);
            if (t.kind() == Token.Kind.LEGAL_FORM) continue;
            out.add("c:" + t.canonical());
            String consonants = PhoneticKey.consonants(t.skeleton());
            if (consonants.length() >= 2 && t.kind() != Token.Kind.NUMBER) out.add("x:" + consonants);
            if (deletions && t.kind() == Token.Kind.WORD) {
                if (t.text().length() >= MIN_DELETE_LENGTH) addDeletions(t.text(), out);
                if (!t.canonical().equals(t.text()) && t.canonical().length() >= MIN_DELETE_LENGTH) {
                    addDeletions(t.canonical(), out);
                }
            }
            if (i + 1 < tokens.size() && tokens.get(i + 1).kind() != Token.Kind.LEGAL_FORM) {
                out.add("c:" + t.canonical() + tokens.get(i + 1).canonical());
                String pair = t.text() + tokens.get(i + 1).text();
                if (deletions && pair.length() >= MIN_DELETE_LENGTH && pair.length() <= SHORT_PAIR) addDeletions(pair, out);
            }
        }
    }

    private static void addDeletions(String s, Set<String> out) {
        out.add("d:" + s);
        for (int i = 0; i < s.length(); i++) out.add("d:" + s.substring(0, i) + s.substring(i + 1));
    }

    /**
     * Names that may match the query forms, best-evidenced first, at most {@code limit}.
     *
     * @param weights rarity of query parts (a rare part that hits counts more)
     */
    public int[] candidates(List<NameForm> queryForms, TokenWeights weights, int limit) {
        Scratch sc = SCRATCH.get();
        sc.ensure(norms.length);
        try {
            for (NameForm form : queryForms) {
                List<Token> tokens = form.tokens();
                List<Probe> probes = new ArrayList<>();
                for (int i = 0; i < tokens.size(); i++) {
                    Token t = tokens.get(i);
                    if (t.kind() == Token.Kind.LEGAL_FORM) continue;
                    Probe p = new Probe(weights.of(t));
                    p.add("c:" + t.canonical(), 1.0f);
                    String consonants = PhoneticKey.consonants(t.skeleton());
                    if (consonants.length() >= 2 && t.kind() != Token.Kind.NUMBER) p.add("x:" + consonants, 0.8f);
                    if (t.kind() == Token.Kind.WORD && t.text().length() >= MIN_DELETE_LENGTH - 1) {
                        Set<String> dels = new HashSet<>();
                        addDeletions(t.text(), dels);
                        for (String d : dels) p.add(d, 0.7f);
                    }
                    if (i + 1 < tokens.size() && tokens.get(i + 1).kind() != Token.Kind.LEGAL_FORM) {
                        p.add("c:" + t.canonical() + tokens.get(i + 1).canonical(), 1.0f);
                        String pair = t.text() + tokens.get(i + 1).text();
                        if (pair.length() >= MIN_DELETE_LENGTH && pair.length() <= SHORT_PAIR) {
                            Set<String> dels = new HashSet<>();
                            addDeletions(pair, dels);
                            for (String d : dels) p.add(d, 0.7f);
                        }
                    }
                    probes.add(p);
                }
                boolean anySelective = false;
                for (Probe p : probes) anySelective |= p.selective(postings);
                for (Probe p : probes) p.run(postings, sc, anySelective);
            }
            return sc.top(limit, norms);
        } finally {
            sc.clear();
        }
    }

    public int size() {
        return norms.length;
    }

    public int keys() {
        return postings.size();
    }

    /** The keys one query part looks up, each with how much a hit on it is worth. */
    private static final class Probe {
        final double weight;
        final List<String> keys = new ArrayList<>(16);
        final List<Float> factors = new ArrayList<>(16);

        Probe(double weight) {
            this.weight = weight;
        }

        void add(String key, float factor) {
            keys.add(key);
            factors.add(factor);
        }

        boolean selective(Map<String, int[]> postings) {
            for (String k : keys) {
                int[] p = postings.get(k);
                if (p != null && p.length <= MAX_POSTING) return true;
            }
            return false;
        }

        void run(Map<String, int[]> postings, Scratch sc, boolean skipCommon) {
            for (int k = 0; k < keys.size(); k++) {
                int[] ids = postings.get(keys.get(k));
                if (ids == null || skipCommon && ids.length > MAX_POSTING) continue;
                float v = factors.get(k);
                for (int id : ids) sc.offer(id, v);
            }
            sc.commitProbe((float) weight);
        }
    }

    /**
     * Per-thread dense accumulators (one slot per indexed name, reset through the list of touched slots):
     * no boxing and no hashing on the hot path.
     */
    private static final class Scratch {
        float[] sums = new float[0];
        float[] probe = new float[0];
        int[] touched = new int[1024];
        int touchedCount;
        int[] probeTouched = new int[1024];
        int probeCount;

        void ensure(int n) {
            if (sums.length < n) {
                sums = new float[n];
                probe = new float[n];
            }
        }

        /** The best factor one probe (one query part) gives a name. */
        void offer(int id, float v) {
            if (probe[id] == 0) {
                if (probeCount == probeTouched.length) probeTouched = Arrays.copyOf(probeTouched, probeCount * 2);
                probeTouched[probeCount++] = id;
            }
            if (v > probe[id]) probe[id] = v;
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

        int[] top(int limit, float[] norms) {
            long[] keyed = new long[touchedCount];
            for (int i = 0; i < touchedCount; i++) {
                int id = touched[i];
                float score = sums[id] / norms[id];
                keyed[i] = ((long) Float.floatToIntBits(score) << 32) | (id & 0xFFFFFFFFL);
            }
            Arrays.sort(keyed);
            int n = Math.min(limit, keyed.length);
            int[] out = new int[n];
            for (int i = 0; i < n; i++) out[i] = (int) keyed[keyed.length - 1 - i];
            return out;
        }

        void clear() {
            for (int i = 0; i < touchedCount; i++) sums[touched[i]] = 0;
            touchedCount = 0;
        }
    }

    /** A growable int array, for building postings. */
    static final class IntList {
        int[] a = new int[4];
        int n;

        void add(int v) {
            if (n == a.length) a = Arrays.copyOf(a, n * 2);
            a[n++] = v;
        }

        int[] toArray() {
            return Arrays.copyOf(a, n);
        }
    }
}
