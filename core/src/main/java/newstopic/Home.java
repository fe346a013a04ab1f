package newstopic;

import java.nio.file.Path;

/**
 * The newstopic folder: where the launcher says ({@code NEWSTOPIC_HOME}), else the
 * {@code newstopic.root} property (tests), else the working folder. The bundled data and the
 * default model live under it; the command line and the Spark job both ask here. Stateless and
 * thread-safe.
 */
public final class Home {

    private Home() {
    }

    public static Path root() {
        String home = System.getenv("NEWSTOPIC_HOME");
        return Path.of(home != null ? home : System.getProperty("newstopic.root", "."));
    }

    /** The bundled training data: the CSV corpus and, when present, the labeled raw pages. */
    public static java.util.List<String> bundledCorpus() {
        java.util.List<String> in = new java.util.ArrayList<>(java.util.List.of(bundledData("corpus").toString()));
        if (java.nio.file.Files.isDirectory(bundledData("pages"))) {
            in.add(bundledData("pages").toString());
        }
        return in;
    }

    /** A folder of the bundled data, such as {@code data/corpus}. */
    public static Path bundledData(String sub) {
        return root().resolve("data").resolve(sub);
    }

    /** The model the commands use when none is named: {@code models/newstopic.model} under the folder. */
    public static Path defaultModel() {
        return root().resolve("models").resolve("newstopic.model");
    }
}
