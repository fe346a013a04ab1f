/**
 * How well a model does: per-label confusion counts and F1, cross-validation summaries stored in
 * the model file, and evaluations of a classifier on labeled articles.
 */
package newstopic.evaluation;
