package newstopic.features;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;

import newstopic.text.Analyzer;
import newstopic.text.AnalyzerConfig;
import newstopic.text.CharTerm;

/**
 * Finds articles whose texts are near-copies: MinHash signatures over word 3-shingles, banded so
 * that only likely pairs are compared, then confirmed by the exact Jaccard similarity of their
 * shingle sets. Up to {@value #EXACT_LIMIT} texts every pair is compared exactly, so any threshold
 * is reliable; above that the banding finds pairs of 0.7 or more with over 98% probability. Used to keep copies in one cross-validation fold and to check the bundled corpus.
 * Stateless and thread-safe.
 */
public final class NearDuplicates {

    private static final int SHINGLE = 3;
    private static final int EXACT_LIMIT = 3000;
    private static final int BANDS = 16;
    private static final int ROWS = 4;
    private static final int HASHES = BANDS * ROWS;

    /** Two near-copies: indices into the input list and their similarity. */
    public record Pair(int first, int second, double jaccard) {
    }

    /** The pairs found and the groups they form (each group lists indices, smallest first). */
    public record Result(List<Pair> pairs, List<int[]> groups, int[] groupOf) {
    }

    private NearDuplicates() {
    }

    /** Pairs of texts whose word 3-shingle sets have a Jaccard similarity of at least {@code threshold}. */
    public static Result find(List<String> texts, double threshold) {
        Analyzer.Pipeline pipeline = new Analyzer(AnalyzerConfig.DEFAULT).newPipeline();
        long[][] shingles = new long[texts.size()][];
        for (int i = 0; i < texts.size(); i++) {
            shingles[i] = shingles(pipeline, texts.get(i));
        }
        List<Pair> pairs = new ArrayList<>();
        int[] parent = new int[texts.size()];
        Arrays.setAll(parent, i -> i);
        if (texts.size() <= EXACT_LIMIT) {
            for (int i = 0; i < texts.size(); i++) {
                for (int j = 0; j < i; j++) {
                    double jaccard = jaccard(shingles[j], shingles[i]);
                    if (jaccard >= threshold) {
                        pairs.add(new Pair(j, i, jaccard));
                        union(parent, j, i);
                    }
                }
            }
            return new Result(pairs, groups(parent), groupIds(parent));
        }
        int[] seeds = new SplittableRandom(0x5eed).ints(HASHES).toArray();
        Map<Long, List<Integer>> buckets = new HashMap<>();
        Set<Long> seen = new HashSet<>();
        for (int i = 0; i < texts.size(); i++) {
            int[] signature = signature(shingles[i], seeds);
            for (int b = 0; b < BANDS; b++) {
                long key = b;
                for (int r = 0; r < ROWS; r++) {
                    key = key * 0x9E3779B97F4A7C15L + signature[b * ROWS + r];
                }
                List<Integer> bucket = buckets.computeIfAbsent(key, k -> new ArrayList<>(2));
                for (int j : bucket) {
                    long pairKey = ((long) j << 32) | i;
                    if (!seen.add(pairKey)) {
                        continue;
                    }
                    double jaccard = jaccard(shingles[j], shingles[i]);
                    if (jaccard >= threshold) {
                        pairs.add(new Pair(j, i, jaccard));
                        union(parent, j, i);
                    }
                }
                bucket.add(i);
            }
        }
        return new Result(pairs, groups(parent), groupIds(parent));
    }

    /** Sorted distinct hashes of the text's word 3-shingles (its words, for shorter texts). */
    static long[] shingles(Analyzer.Pipeline pipeline, String text) {
        pipeline.reset(text);
        CharTerm term = pipeline.term();
        List<Integer> words = new ArrayList<>();
        while (pipeline.next()) {
            words.add(MurmurHash3.hash(term.buffer(), 0, term.length(), 17));
        }
        int n = Math.max(1, words.size() - SHINGLE + 1);
        long[] out = new long[words.isEmpty() ? 0 : n];
        for (int i = 0; i < out.length; i++) {
            long h = 0;
            for (int k = i; k < Math.min(words.size(), i + SHINGLE); k++) {
                h = h * 0x100000001B3L + words.get(k);
            }
            out[i] = h;
        }
        Arrays.sort(out);
        int distinct = 0;
        for (int i = 0; i < out.length; i++) {
            if (i == 0 || out[i] != out[i - 1]) {
                out[distinct++] = out[i];
            }
        }
        return Arrays.copyOf(out, distinct);
    }

    private static int[] signature(long[] shingles, int[] seeds) {
        int[] sig = new int[HASHES];
        Arrays.fill(sig, Integer.MAX_VALUE);
        for (long s : shingles) {
            int base = MurmurHash3.fmix((int) s ^ (int) (s >>> 32));
            for (int h = 0; h < HASHES; h++) {
                int v = MurmurHash3.fmix(base ^ seeds[h]);
                if (v < sig[h]) {
                    sig[h] = v;
                }
            }
        }
        return sig;
    }

    static double jaccard(long[] a, long[] b) {
        if (a.length == 0 && b.length == 0) {
            return 1;
        }
        int i = 0;
        int j = 0;
        int common = 0;
        while (i < a.length && j < b.length) {
            if (a[i] == b[j]) {
                common++;
                i++;
                j++;
            } else if (a[i] < b[j]) {
                i++;
            } else {
                j++;
            }
        }
        return (double) common / (a.length + b.length - common);
    }

    private static int find(int[] parent, int i) {
        while (parent[i] != i) {
            parent[i] = parent[parent[i]];
            i = parent[i];
        }
        return i;
    }

    private static void union(int[] parent, int a, int b) {
        int ra = find(parent, a);
        int rb = find(parent, b);
        if (ra != rb) {
            parent[Math.max(ra, rb)] = Math.min(ra, rb);
        }
    }

    private static List<int[]> groups(int[] parent) {
        Map<Integer, List<Integer>> byRoot = new HashMap<>();
        for (int i = 0; i < parent.length; i++) {
            byRoot.computeIfAbsent(find(parent, i), k -> new ArrayList<>()).add(i);
        }
        List<int[]> groups = new ArrayList<>();
        for (List<Integer> members : byRoot.values()) {
            if (members.size() > 1) {
                groups.add(members.stream().mapToInt(Integer::intValue).toArray());
            }
        }
        groups.sort((x, y) -> Integer.compare(x[0], y[0]));
        return groups;
    }

    /** For each text, the smallest index of its group (itself when it has no copy). */
    private static int[] groupIds(int[] parent) {
        int[] ids = new int[parent.length];
        for (int i = 0; i < parent.length; i++) {
            ids[i] = find(parent, i);
        }
        return ids;
    }
}
