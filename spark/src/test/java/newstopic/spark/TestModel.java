package newstopic.spark;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The one place where the spark tests get a model: trained once per test JVM from data/corpus.
 * Today through the CLI's {@code train} command (test scope only); switch to the public training
 * API here when core or train has one. Thread-safe.
 */
final class TestModel {

    static final Path ROOT = Path.of(System.getProperty("newstopic.root", "..")).toAbsolutePath().normalize();
    static final Path CORPUS = ROOT.resolve("data/corpus");
    static final Path RAW = ROOT.resolve("data/raw");

    private static Path model;

    private TestModel() {
    }

    /** A model trained on data/corpus, in a temporary folder that lives as long as the JVM. */
    static synchronized Path path() {
        if (model == null) {
            try {
                Path dir = Files.createTempDirectory("newstopic-spark-model");
                Path file = dir.resolve("newstopic.model");
                StringWriter out = new StringWriter();
                int code = newstopic.cli.Main.run(new String[] {"train", "--model", file.toString(), "--seed", "7",
                        CORPUS.toString()}, new PrintWriter(out), new PrintWriter(out));
                if (code != 0) {
                    throw new IllegalStateException("training the test model failed (" + code + "):\n" + out);
                }
                file.toFile().deleteOnExit();
                dir.toFile().deleteOnExit();
                model = file;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return model;
    }
}
