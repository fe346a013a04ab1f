package newstopic.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

import newstopic.prediction.Prediction;
import newstopic.prediction.TopicClassifier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The README's "Train from Java" example, compiled and run as a reader would paste it. */
class ReadmeExampleTest {

    @TempDir
    Path dir;

    @Test
    void theTrainFromJavaExampleCompilesRunsAndWritesAWorkingModel() throws Exception {
        String readme = Files.readString(CliTest.ROOT.resolve("README.md"));
        int section = readme.indexOf("### Train from Java");
        assertTrue(section >= 0, "the README has its Train from Java section");
        int start = readme.indexOf("```java\n", section) + "```java\n".length();
        String code = readme.substring(start, readme.indexOf("```", start));

        List<String> imports = new ArrayList<>();
        StringBuilder body = new StringBuilder();
        for (String line : code.lines().toList()) {
            if (line.startsWith("import ")) {
                imports.add(line);
            } else {
                body.append(line).append('\n');
            }
        }
        Path model = dir.resolve("my.model");
        // the example's relative paths, pointed at the project and a temporary folder
        String statements = body.toString()
                .replace("\"data/corpus\"", quoted(CliTest.CORPUS))
                .replace("\"my.model\"", quoted(model.toString()));
        Path source = dir.resolve("ReadmeExample.java");
        Files.writeString(source, String.join("\n", imports) + "\n\npublic class ReadmeExample {\n"
                + "    public static Object run() throws Exception {\n" + statements + "        return p;\n    }\n}\n");

        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        int code0 = javac.run(null, null, null, "-d", dir.toString(), "-cp", System.getProperty("java.class.path"),
                source.toString());
        assertEquals(0, code0, "the example compiles against the libraries");
        try (URLClassLoader loader = new URLClassLoader(new URL[] {dir.toUri().toURL()}, getClass().getClassLoader())) {
            Prediction p = (Prediction) loader.loadClass("ReadmeExample").getMethod("run").invoke(null);
            assertEquals(List.of("conflict", "diplomacy"), p.labels(), "as the README's library section says");
            assertEquals(p, TopicClassifier.load(model).classify("Envoys meet in Cairo",
                    "Talks on a truce in Gaza resumed as shelling continued."), "the written model predicts the same");
        }
    }

    private static String quoted(String s) {
        return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
