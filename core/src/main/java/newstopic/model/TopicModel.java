package newstopic.model;

import newstopic.features.Featurizer;
import newstopic.features.SparseVector;

/**
 * A trained linear topic model: a featurizer, one weight vector and bias per label, and the header
 * that says how margins become probabilities and decisions. Weights are stored feature-major
 * ({@code weights[feature * labels + label]}), so scoring a sparse vector reads each feature's
 * weights from one place. Immutable and thread-safe (the arrays are never modified after
 * construction).
 */
public final class TopicModel {

    private final ModelHeader header;
    private final Featurizer featurizer;
    private final float[] weights;
    private final float[] bias;
    private final int labelCount;
    private final TopicModel longTexts;

    public TopicModel(ModelHeader header, Featurizer featurizer, float[] weights, float[] bias) {
        this(header, featurizer, weights, bias, null);
    }

    private TopicModel(ModelHeader header, Featurizer featurizer, float[] weights, float[] bias, TopicModel longTexts) {
        if (longTexts != null) {
            if (header.mode() != Mode.MULTI || header.shortText() == 0) {
                throw new IllegalArgumentException("a long-text model needs a multi-label model with a short-text length");
            }
            if (longTexts.featurizer != featurizer || !longTexts.header.labels().equals(header.labels())
                    || longTexts.longTexts != null || longTexts.header.shortText() != 0) {
                throw new IllegalArgumentException("a long-text model shares the featurizer and the labels, "
                        + "and has no short-text or long-text part of its own");
            }
        }
        this.longTexts = longTexts;
        this.header = header;
        this.featurizer = featurizer;
        this.labelCount = header.labels().size();
        if (bias.length != labelCount) {
            throw new IllegalArgumentException("expected " + labelCount + " biases, got " + bias.length);
        }
        if (weights.length != (long) featurizer.dimension() * labelCount) {
            throw new IllegalArgumentException("expected " + (long) featurizer.dimension() * labelCount
                    + " weights, got " + weights.length);
        }
        this.weights = weights;
        this.bias = bias;
    }

    public ModelHeader header() {
        return header;
    }

    public Featurizer featurizer() {
        return featurizer;
    }

    public int labelCount() {
        return labelCount;
    }

    /**
     * This model with its texts of {@link ModelHeader#shortText()} characters or more decided by
     * {@code longTexts}, or by itself when that is null. A long-text model shares this model's
     * featurizer (the same instance: a text is featurized once) and labels, and has no short-text
     * length or long-text model of its own; this model must be multi-label with a short-text length.
     *
     * @throws IllegalArgumentException when they do not fit so
     */
    public TopicModel withLongTexts(TopicModel longTexts) {
        return new TopicModel(header, featurizer, weights, bias, longTexts);
    }

    /** The model that decides texts of {@link ModelHeader#shortText()} characters or more, or null: this one does. */
    public TopicModel longTexts() {
        return longTexts;
    }

    /** The weight of {@code feature} for label number {@code label}. */
    public float weight(int feature, int label) {
        return weights[feature * labelCount + label];
    }

    public float bias(int label) {
        return bias[label];
    }

    /** Writes each label's margin ({@code w . x + b}) into {@code margins}. */
    public void margins(SparseVector x, double[] margins) {
        int l = labelCount;
        for (int k = 0; k < l; k++) {
            margins[k] = bias[k];
        }
        int[] idx = x.indices();
        float[] val = x.values();
        for (int i = 0, n = x.size(); i < n; i++) {
            int base = idx[i] * l;
            float v = val[i];
            for (int k = 0; k < l; k++) {
                margins[k] += v * weights[base + k];
            }
        }
    }

    /** Turns margins into calibrated probabilities, in place; single mode makes them sum to 1. */
    public void probabilities(double[] margins) {
        double sum = 0;
        for (int k = 0; k < labelCount; k++) {
            margins[k] = header.calibration().get(k).probability(margins[k]);
            sum += margins[k];
        }
        if (header.mode() == Mode.SINGLE && sum > 0) {
            for (int k = 0; k < labelCount; k++) {
                margins[k] /= sum;
            }
        }
    }

    /** For the model file: the raw arrays. */
    float[] weights() {
        return weights;
    }

    float[] biases() {
        return bias;
    }
}
