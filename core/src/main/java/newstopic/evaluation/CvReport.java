package newstopic.evaluation;

import java.util.List;
import java.util.Map;

/**
 * Cross-validation results written into the model and printed by {@code train}. Fold metrics use
 * thresholds and calibration fitted on the other folds only, so they estimate performance on
 * unseen articles. Immutable and thread-safe.
 *
 * @param folds       number of folds
 * @param repeats     how many times cross-validation ran, each time with other folds (0 in older
 *                    files, which ran once); the summaries are over {@code folds * repeats} folds
 * @param learner     the learner whose results these are
 * @param candidates  with {@code --learner auto}: each candidate's score (micro-F1 or accuracy)
 * @param labels      per label: precision, recall, F1 as mean and standard deviation over folds
 * @param micro       micro-averaged F1 over folds
 * @param macro       macro-averaged F1 over folds
 * @param accuracy    single-label mode: accuracy over folds (null in multi-label mode)
 * @param nearDuplicateGroups groups of near-copies kept within one fold
 */
public record CvReport(int folds, int repeats, String learner, Map<String, Double> candidates, Map<String, LabelSummary> labels,
                Summary micro, Summary macro, Summary accuracy, int nearDuplicateGroups) {

    /** The number of runs, counting older files' single run. */
    public int runs() {
        return Math.max(1, repeats);
    }

    /** Mean and standard deviation of a metric over folds. */
    public record Summary(double mean, double std) {
        public static Summary of(List<Double> values) {
            double mean = values.stream().mapToDouble(Double::doubleValue).average().orElse(0);
            double var = values.stream().mapToDouble(v -> (v - mean) * (v - mean)).sum() / Math.max(1, values.size() - 1);
            return new Summary(mean, Math.sqrt(var));
        }

        @Override
        public String toString() {
            return "%.3f ± %.3f".formatted(mean, std);
        }
    }

    /** One label's fold statistics and its total support. */
    public record LabelSummary(Summary precision, Summary recall, Summary f1, int support) {
    }
}
