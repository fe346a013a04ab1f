package newstopic.evaluation;

/**
 * Precision, recall and F1 of one label, from its confusion counts. Immutable and thread-safe.
 *
 * @param label          the label, or {@code micro} for pooled counts
 * @param truePositives  articles that carry the label and were given it
 * @param falsePositives articles given the label without carrying it
 * @param falseNegatives articles that carry the label and were not given it
 * @param support        articles that carry the label
 */
public record LabelMetrics(String label, int truePositives, int falsePositives, int falseNegatives, int support) {

    public double precision() {
        int predicted = truePositives + falsePositives;
        return predicted == 0 ? 0 : (double) truePositives / predicted;
    }

    public double recall() {
        return support == 0 ? 0 : (double) truePositives / support;
    }

    public double f1() {
        int d = 2 * truePositives + falsePositives + falseNegatives;
        return d == 0 ? 0 : 2.0 * truePositives / d;
    }

    public static LabelMetrics of(String label, boolean[] truth, boolean[] predicted) {
        int tp = 0;
        int fp = 0;
        int fn = 0;
        int support = 0;
        for (int i = 0; i < truth.length; i++) {
            if (truth[i]) {
                support++;
            }
            if (truth[i] && predicted[i]) {
                tp++;
            } else if (predicted[i]) {
                fp++;
            } else if (truth[i]) {
                fn++;
            }
        }
        return new LabelMetrics(label, tp, fp, fn, support);
    }

    /** Micro average: the counts of all labels pooled. */
    public static LabelMetrics micro(java.util.List<LabelMetrics> all) {
        int tp = 0;
        int fp = 0;
        int fn = 0;
        int support = 0;
        for (LabelMetrics m : all) {
            tp += m.truePositives;
            fp += m.falsePositives;
            fn += m.falseNegatives;
            support += m.support;
        }
        return new LabelMetrics("micro", tp, fp, fn, support);
    }

    public static double macroF1(java.util.List<LabelMetrics> all) {
        return all.stream().mapToDouble(LabelMetrics::f1).average().orElse(0);
    }
}
