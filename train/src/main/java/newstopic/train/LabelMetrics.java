package newstopic.train;

/**
 * Precision, recall and F1 of one label, from its confusion counts. Immutable and thread-safe.
 */
record LabelMetrics(String label, int truePositives, int falsePositives, int falseNegatives, int support) {

    double precision() {
        int predicted = truePositives + falsePositives;
        return predicted == 0 ? 0 : (double) truePositives / predicted;
    }

    double recall() {
        return support == 0 ? 0 : (double) truePositives / support;
    }

    double f1() {
        int d = 2 * truePositives + falsePositives + falseNegatives;
        return d == 0 ? 0 : 2.0 * truePositives / d;
    }

    static LabelMetrics of(String label, boolean[] truth, boolean[] predicted) {
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
    static LabelMetrics micro(java.util.List<LabelMetrics> all) {
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

    static double macroF1(java.util.List<LabelMetrics> all) {
        return all.stream().mapToDouble(LabelMetrics::f1).average().orElse(0);
    }
}
