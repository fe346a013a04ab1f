package newstopic.article;

import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * One news article: headline, photo captions, body paragraphs, where it was read, and its topic
 * labels when the input carried them. Immutable and thread-safe.
 *
 * @param id         stable identifier: the input's own id, or one derived from the title
 * @param title      headline, possibly empty
 * @param captions   photo captions, each once
 * @param paragraphs body paragraphs in reading order
 * @param source     file and line the article starts at
 * @param labels     topic labels, or {@code null} when the input carries none (unlabeled); an
 *                   empty set means "labeled, and no topic applies"; kept in alphabetical order
 */
public record Article(String id, String title, List<String> captions, List<String> paragraphs,
                      Source source, Set<String> labels) {

    public Article {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(title, "title");
        captions = List.copyOf(captions);
        paragraphs = List.copyOf(paragraphs);
        Objects.requireNonNull(source, "source");
        labels = labels == null ? null : Collections.unmodifiableSortedSet(new TreeSet<>(labels));
    }

    /** An article made of a title and a single block of text, as CSV and JSON inputs give it. */
    public static Article of(String id, String title, String text, Source source, Set<String> labels) {
        return new Article(id, title, List.of(), text.isEmpty() ? List.of() : List.of(text), source, labels);
    }

    /** Whether the input said which labels apply (possibly none). */
    public boolean isLabeled() {
        return labels != null;
    }

    /** The body paragraphs joined by blank lines. */
    public String body() {
        // most records hold one block of text: hand it out without a copy
        return paragraphs.size() == 1 ? paragraphs.get(0) : String.join("\n\n", paragraphs);
    }

    /** Captions and body as one text: what the classifier reads besides the title. */
    public String text() {
        if (captions.isEmpty()) {
            return body();
        }
        StringBuilder sb = new StringBuilder();
        for (String c : captions) {
            sb.append(c).append("\n\n");
        }
        return sb.append(body()).toString();
    }

    /** A copy carrying the given labels. */
    public Article withLabels(Set<String> newLabels) {
        return new Article(id, title, captions, paragraphs, source, newLabels);
    }
}
