package newstopic.benchmarks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;


/**
 * Models for the benchmarks, trained by the training library with the defaults of
 * {@code ./newstopic train}, in a child JVM ({@link TrainModel}). Stateless and thread-safe
 * (concurrent trainings need different model paths).
 */
final class BenchmarkModels {

    private BenchmarkModels() {
    }

    /**
     * The model file {@code given}, or, when it is empty, one trained on {@code corpus} into
     * {@code dir} by a child JVM: training in the benchmark's own JVM would leave its classes
     * loaded, its code compiled and its garbage behind, which a cold model load or a classifier
     * in a fresh process does not have.
     */
    static Path modelFor(String given, String corpus, Path dir) {
        if (!given.isEmpty()) {
            Path p = Path.of(given);
            if (!Files.isRegularFile(p)) {
                throw new IllegalStateException(p.toAbsolutePath() + " not found (-p model=PATH)");
            }
            return p;
        }
        Path model = dir.resolve("bench.model");
        long start = System.nanoTime();
        trainInChildJvm(corpus, model);
        System.out.printf("(trained %s on %s in %.1f s)%n", model, corpus, (System.nanoTime() - start) / 1e9);
        return model;
    }

    /** Runs {@link TrainModel} in a new JVM with this one's class path. */
    static void trainInChildJvm(String input, Path model) {
        List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), TrainModel.class.getName(), input, model.toString());
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            int code = p.waitFor();
            if (code != 0) {
                throw new IllegalStateException(String.join(" ", command) + " exited with " + code + ": " + output.strip());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while training", e);
        }
    }

    /** A new temporary folder, deleted by {@link #delete} or, if a failure skips that, when the JVM exits. */
    static Path tempDir() {
        try {
            Path dir = Files.createTempDirectory("newstopic-bench");
            // JMH skips @TearDown when a benchmark throws
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    delete(dir);
                } catch (RuntimeException e) {
                    // nothing more can be done while the JVM exits
                }
            }));
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Deletes a folder made by {@link #tempDir} and everything in it. */
    static void delete(Path dir) {
        if (dir == null || !Files.exists(dir)) {
            return;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
