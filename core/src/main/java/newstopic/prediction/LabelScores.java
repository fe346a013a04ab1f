package newstopic.prediction;

import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;

/**
 * Every label's probability, in the model's label order: an immutable map over two arrays, so a
 * prediction holds its scores without a hash map, a copy and a boxed number per label (boxing
 * happens only when a caller reads a value through the {@code Map} interface). Immutable and
 * thread-safe.
 */
final class LabelScores extends AbstractMap<String, Double> {

    private final List<String> labels;
    private final double[] values;

    /** {@code values} is copied; {@code labels} must be immutable. */
    LabelScores(List<String> labels, double[] values) {
        this.labels = labels;
        this.values = values.clone();
    }

    /** The score of label number {@code k}, unboxed. */
    double value(int k) {
        return values[k];
    }

    String label(int k) {
        return labels.get(k);
    }

    @Override
    public int size() {
        return values.length;
    }

    @Override
    public Double get(Object key) {
        int k = labels.indexOf(key);
        return k < 0 ? null : values[k];
    }

    @Override
    public boolean containsKey(Object key) {
        return labels.contains(key);
    }

    @Override
    public Set<Entry<String, Double>> entrySet() {
        return new AbstractSet<>() {
            @Override
            public int size() {
                return values.length;
            }

            @Override
            public Iterator<Entry<String, Double>> iterator() {
                return new Iterator<>() {
                    private int k;

                    @Override
                    public boolean hasNext() {
                        return k < values.length;
                    }

                    @Override
                    public Entry<String, Double> next() {
                        if (k >= values.length) {
                            throw new NoSuchElementException();
                        }
                        Entry<String, Double> e = Map.entry(labels.get(k), values[k]);
                        k++;
                        return e;
                    }
                };
            }
        };
    }
}
