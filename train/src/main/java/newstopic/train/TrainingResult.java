package newstopic.train;

import newstopic.evaluation.CvReport;
import newstopic.model.TopicModel;

/**
 * What training produced: the model and its cross-validation report (also stored in the model's
 * header). Immutable and thread-safe.
 */
public record TrainingResult(TopicModel model, CvReport cv) {
}
