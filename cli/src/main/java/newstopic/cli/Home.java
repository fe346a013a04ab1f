package newstopic.cli;

import java.nio.file.Path;

/**
 * The newstopic folder: where the launcher says ({@code NEWSTOPIC_HOME}), else the
 * {@code newstopic.root} property (tests), else the working folder. The bundled data and the
 * default model live under it. Stateless and thread-safe.
 */
final class Home {

    private Home() {
    }

    static Path root() {
        String home = System.getenv("NEWSTOPIC_HOME");
        return Path.of(home != null ? home : System.getProperty("newstopic.root", "."));
    }

    /** The bundled training data: the CSV corpus and, when present, the labeled raw pages. */
    static java.util.List<String> bundledCorpus() {
        java.util.List<String> in = new java.util.ArrayList<>(java.util.List.of(bundledData("corpus").toString()));
        if (java.nio.file.Files.isDirectory(bundledData("pages"))) {
            in.add(bundledData("pages").toString());
        }
        return in;
    }

    /** A folder of the bundled data, such as {@code data/corpus}. */
    static Path bundledData(String sub) {
        return root().resolve("data").resolve(sub);
    }
}
