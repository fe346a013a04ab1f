package newstopic.spark;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import newstopic.model.ModelFile;
import newstopic.prediction.TopicClassifier;

/**
 * The classifiers of one JVM (a driver or an executor), by the SHA-256 of their model file: the
 * first task that needs a model loads it, every later task of the JVM reuses it. Holds at most
 * {@value #CAPACITY} models, dropping the least recently used. Thread-safe: tasks of one executor
 * run on many threads, and a model is loaded by one of them while the others wait for it.
 */
final class ModelCache {

    static final int CAPACITY = 4;

    private static final Map<String, TopicClassifier> MODELS = new LinkedHashMap<>(8, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, TopicClassifier> eldest) {
            return size() > CAPACITY;
        }
    };
    private static final AtomicInteger LOADS = new AtomicInteger();

    private ModelCache() {
    }

    /** The classifier for {@code checksum}, loaded from {@code bytes} when this JVM has none yet. */
    static TopicClassifier get(String checksum, Supplier<byte[]> bytes) {
        synchronized (MODELS) {
            TopicClassifier c = MODELS.get(checksum);
            if (c == null) {
                try {
                    c = new TopicClassifier(ModelFile.read(bytes.get()));
                } catch (IOException e) {
                    // the driver checked these very bytes: this is a broken transfer, not a bad file
                    throw new UncheckedIOException("model " + checksum + " could not be read on this executor", e);
                }
                LOADS.incrementAndGet();
                MODELS.put(checksum, c);
            }
            return c;
        }
    }

    /** Puts a classifier the driver already loaded, so local mode never loads a model twice. */
    static void put(String checksum, TopicClassifier classifier) {
        synchronized (MODELS) {
            MODELS.putIfAbsent(checksum, classifier);
        }
    }

    /** How many models this JVM has loaded from bytes (for tests). */
    static int loads() {
        return LOADS.get();
    }

    /** Forgets every model (for tests). */
    static void clear() {
        synchronized (MODELS) {
            MODELS.clear();
        }
    }
}
