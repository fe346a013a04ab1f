package newstopic.spark;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;

import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;

import newstopic.prediction.Prediction;
import newstopic.prediction.TopicClassifier;

/**
 * Scores one partition: takes the classifier of this JVM from {@link ModelCache} once, then
 * classifies the rows in batches and appends labels, scores and error to each. A new instance
 * is deserialized for every task; {@link #call} keeps its state in local variables, so an
 * instance is safe to call from several threads.
 */
final class ScoreFunction implements MapPartitionsFunction<Row, Row> {

    private static final long serialVersionUID = 1L;

    private final Broadcast<byte[]> model;
    private final String checksum;
    private final int textIndex;
    private final int titleIndex;
    private final int idIndex;
    private final int batchSize;
    private final boolean failOnError;

    ScoreFunction(Broadcast<byte[]> model, String checksum, int textIndex, int titleIndex, int idIndex, int batchSize,
                  boolean failOnError) {
        this.model = model;
        this.checksum = checksum;
        this.textIndex = textIndex;
        this.titleIndex = titleIndex;
        this.idIndex = idIndex;
        this.batchSize = batchSize;
        this.failOnError = failOnError;
    }

    @Override
    public Iterator<Row> call(Iterator<Row> rows) {
        TopicClassifier classifier = ModelCache.get(checksum, model::value);
        List<String> labels = classifier.labels();
        return new Iterator<>() {
            private final List<Row> batch = new ArrayList<>(batchSize);
            private int next;

            @Override
            public boolean hasNext() {
                if (next < batch.size()) {
                    return true;
                }
                batch.clear();
                next = 0;
                while (batch.size() < batchSize && rows.hasNext()) {
                    batch.add(rows.next());
                }
                if (batch.isEmpty()) {
                    return false;
                }
                for (int i = 0; i < batch.size(); i++) {
                    batch.set(i, score(classifier, labels, batch.get(i)));
                }
                return true;
            }

            @Override
            public Row next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                return batch.get(next++);
            }
        };
    }

    private Row score(TopicClassifier classifier, List<String> labels, Row row) {
        String[] assigned = null;
        Row scores = null;
        String error;
        String text = row.isNullAt(textIndex) ? null : row.getString(textIndex);
        String title = titleIndex < 0 || row.isNullAt(titleIndex) ? "" : row.getString(titleIndex);
        if (text == null) {
            error = "no text";
        } else if (text.isBlank() && title.isBlank()) {
            error = "empty text and title";
        } else {
            try {
                Prediction p = classifier.classify(null, title, text, 0);
                assigned = p.labels().toArray(String[]::new);
                Object[] values = new Object[labels.size()];
                for (int k = 0; k < values.length; k++) {
                    values[k] = p.probabilities().get(labels.get(k));
                }
                scores = RowFactory.create(values);
                error = null;
            } catch (RuntimeException e) {
                error = "cannot classify: " + e;
            }
        }
        if (error != null && failOnError) {
            String id = idIndex < 0 || row.isNullAt(idIndex) ? null : String.valueOf(row.get(idIndex));
            throw new IllegalArgumentException((id == null ? "a row" : "row " + id) + ": " + error);
        }
        Object[] out = new Object[row.length() + 3];
        for (int i = 0; i < row.length(); i++) {
            out[i] = row.get(i);
        }
        out[row.length()] = assigned;
        out[row.length() + 1] = scores;
        out[row.length() + 2] = error;
        return RowFactory.create(out);
    }
}
