package newstopic.cli;

import java.nio.file.Path;

import picocli.CommandLine.Option;

/** The {@code --model} option and its default, shared by train, eval, predict and inspect. Not thread-safe. */
final class ModelOption {

    @Option(names = {"-m", "--model"}, paramLabel = "FILE",
            description = "Model file (default: models/newstopic.model in the newstopic folder).")
    Path model;

    /** The default model path: under the newstopic folder when the launcher says where that is. */
    static Path defaultPath() {
        return newstopic.Home.defaultModel();
    }

    boolean isDefault() {
        return model == null;
    }

    Path path() {
        return model != null ? model : defaultPath();
    }
}
