package newstopic.features;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

class HashingFeaturizerTest {

    private static final FeaturizerConfig HASHING = FeaturizerConfig.DEFAULT.withKind(FeaturizerConfig.Kind.HASHING)
            .withTitleWeight(2f);

    private static double norm(SparseVector v) {
        double s = 0;
        for (int i = 0; i < v.size(); i++) {
            s += v.value(i) * v.value(i);
        }
        return Math.sqrt(s);
    }

    @Test
    void oneEntryPerDistinctNgramWithUnitNorm() {
        HashingFeaturizer f = new HashingFeaturizer(HASHING);
        assertEquals(1 << 20, f.dimension());
        SparseVector v = new SparseVector();
        f.featurize("", "peace talks resume as peace talks stall", f.newWorkspace(), v);
        // unigrams: peace talks resume as stall (5); bigrams: peace-talks talks-resume resume-as as-peace talks-stall (5)
        assertEquals(10, v.size());
        assertEquals(1.0, norm(v), 1e-6);
        for (int i = 0; i < v.size(); i++) {
            assertEquals(true, v.index(i) >= 0 && v.index(i) < f.dimension());
        }
    }

    @Test
    void sameNgramSameBucketAndWordOrderMatters() {
        HashingFeaturizer f = new HashingFeaturizer(HASHING);
        Workspace ws = f.newWorkspace();
        List<Integer> ab = new ArrayList<>();
        List<Integer> ba = new ArrayList<>();
        f.forEachNgram("", "ceasefire talks", ws, (i, s, n, t, b, e) -> ab.add(i));
        f.forEachNgram("", "talks ceasefire", ws, (i, s, n, t, b, e) -> ba.add(i));
        assertEquals(ab.get(0), ba.get(1)); // "ceasefire" alone
        assertEquals(ab.get(1), ba.get(0)); // "talks" alone
        assertNotEquals(ab.get(2), ba.get(2)); // the two bigrams differ
    }

    @Test
    void titleWeightAndSignsShowInRawValues() {
        FeaturizerConfig raw = new FeaturizerConfig(FeaturizerConfig.Kind.HASHING, HASHING.analyzer(), 1, 20, true,
                1, 1.0, 0, false, false, 3f);
        HashingFeaturizer f = new HashingFeaturizer(raw);
        SparseVector v = new SparseVector();
        f.featurize("Sanctions", "sanctions", f.newWorkspace(), v);
        assertEquals(1, v.size());
        assertEquals(4f, Math.abs(v.value(0)), 0f);
        List<Integer> signs = new ArrayList<>();
        f.forEachNgram("", "sanctions", f.newWorkspace(), (i, s, n, t, b, e) -> signs.add(s));
        assertEquals(Math.signum(v.value(0)), (float) signs.get(0), 0f);
    }

    @Test
    void rejectsBadSettings() {
        assertThrows(IllegalArgumentException.class, () -> HASHING.withHashBits(31));
        assertThrows(IllegalArgumentException.class, () -> HASHING.withMaxNgram(4));
        assertThrows(IllegalArgumentException.class, () -> new HashingFeaturizer(FeaturizerConfig.DEFAULT));
    }

    @Test
    void largeDocumentNeedsNoPerTokenGrowthBeyondItsDistinctNgrams() {
        HashingFeaturizer f = new HashingFeaturizer(HASHING);
        StringBuilder big = new StringBuilder();
        for (int i = 0; big.length() < 1_000_000; i++) {
            big.append("word").append(i % 5000).append(' ');
        }
        SparseVector v = new SparseVector();
        f.featurize("", big, f.newWorkspace(), v);
        assertEquals(1.0, norm(v), 1e-5);
        assertEquals(true, v.size() <= 10_000 + 5000, "distinct n-grams only: " + v.size());
    }
}
