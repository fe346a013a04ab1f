package newstopic.train;

import newstopic.train.corpus.Folds;

/**
 * The folds of repeated cross-validation: each run assigns its own (seed, seed + 1, ...), and the
 * runs' out-of-fold rows are pooled one run after the other, run r's fold f becoming pooled fold
 * {@code r * folds + f}. Immutable once made; not shared between threads.
 *
 * @param runs   per run, each article's fold
 * @param pooled per pooled row ({@code run * articles + article}), its pooled fold
 * @param truth  {@code [label][pooled row]}: each article's labels, repeated once per run
 */
record RepeatedFolds(int[][] runs, int[] pooled, boolean[][] truth) {

    static RepeatedFolds assign(int[] group, String[] signature, boolean[][] truth, TrainOptions options) {
        int r = options.repeats();
        int n = group.length;
        int[][] runs = new int[r][];
        int[] pooled = new int[r * n];
        for (int run = 0; run < r; run++) {
            runs[run] = Folds.assign(group, signature, options.folds(), options.seed() + run);
            for (int i = 0; i < n; i++) {
                pooled[run * n + i] = run * options.folds() + runs[run][i];
            }
        }
        boolean[][] repeated = new boolean[truth.length][r * n];
        for (int k = 0; k < truth.length; k++) {
            for (int run = 0; run < r; run++) {
                System.arraycopy(truth[k], 0, repeated[k], run * n, n);
            }
        }
        return new RepeatedFolds(runs, pooled, repeated);
    }

    /** Run {@code r}'s fold of each article. */
    int[] run(int r) {
        return runs[r];
    }
}
