package newstopic.prediction;

import java.util.List;

/**
 * Which words of an article pushed each label, and how hard: what a page shows by colouring the
 * text. Offsets refer to {@link Part#text()}, the headline or body as the analyzer normalized it
 * (for plain ASCII the text as given). Immutable and thread-safe.
 *
 * @param labels the model's labels, the order of every span's weights
 * @param title  the headline's words
 * @param body   the body's words (captions and paragraphs)
 */
public record Highlight(List<String> labels, Part title, Part body) {

    public Highlight {
        labels = List.copyOf(labels);
    }

    /** One text and its weighted words, in text order. */
    public record Part(String text, List<Span> spans) {
        public Part {
            spans = List.copyOf(spans);
        }
    }

    /**
     * A word at {@code [start, end)} and its share, per label, of the margin: the weight of its own
     * feature plus an equal part of every n-gram it belongs to. Positive pushes towards the label.
     */
    public record Span(int start, int end, List<Double> weights) {
        public Span {
            weights = List.copyOf(weights);
        }
    }
}
