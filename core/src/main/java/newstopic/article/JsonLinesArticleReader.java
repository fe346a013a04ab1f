package newstopic.article;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import newstopic.io.Json;
import tools.jackson.databind.ObjectMapper;

/**
 * Reads labeled articles from JSON Lines: one object per line with the fields a
 * {@link RecordLayout} names (by default {@code id}, {@code title}, {@code text}, {@code labels});
 * labels may be an array of strings or one separated string. Blank lines are skipped. Instances
 * are immutable and thread-safe.
 */
public final class JsonLinesArticleReader {

    private static final ObjectMapper JSON = Json.COMPACT;

    private final RecordLayout layout;
    private final ReadOptions options;

    public JsonLinesArticleReader(RecordLayout layout, ReadOptions options) {
        this.layout = layout;
        this.options = options;
    }

    public ReadResult read(Path file) throws IOException {
        return read(TextFiles.readUtf8(file), file.toString());
    }

    /** Reads JSON Lines text; {@code name} stands for the file in sources and messages. */
    public ReadResult read(String text, String name) {
        List<Article> articles = new ArrayList<>();
        List<ArticleFormatException> skipped = new ArrayList<>();
        String[] lines = text.split("\r?\n", -1);
        for (int i = 0; i < lines.length; i++) {
            if (lines[i].isBlank()) {
                continue;
            }
            Source source = new Source(name, i + 1);
            try {
                articles.add(toArticle(lines[i], source));
            } catch (ArticleFormatException e) {
                if (!options.lenient()) {
                    throw e;
                }
                skipped.add(e);
            }
        }
        return new ReadResult(articles, skipped, List.of());
    }

    private Article toArticle(String line, Source source) {
        JsonNode node;
        try {
            node = JSON.readTree(line);
        } catch (JacksonException e) {
            throw new ArticleFormatException(source, null, "invalid JSON: " + shortMessage(e));
        }
        if (node == null || !node.isObject()) {
            throw new ArticleFormatException(source, null, "expected a JSON object");
        }
        String id = layout.id() == null ? null : optionalString(node, layout.id(), source);
        if (id == null || id.isBlank()) {
            id = layout.derivedId(source);
        }
        String title = layout.title() == null ? "" : optionalString(node, layout.title(), source);
        if (!node.has(layout.text())) {
            throw new ArticleFormatException(source, layout.text(), "missing field");
        }
        String text = optionalString(node, layout.text(), source);
        Set<String> labels = layout.labels() == null ? null : labels(node, source);
        return LabeledRecords.article(id.strip(), title, text, labels, source, layout);
    }

    private Set<String> labels(JsonNode node, Source source) {
        JsonNode value = node.get(layout.labels());
        if (value == null || value.isNull()) {
            return null;
        }
        if (value.isString()) {
            return LabeledRecords.parseLabels(value.asString(), layout, options, source);
        }
        if (!value.isArray()) {
            throw new ArticleFormatException(source, layout.labels(), "expected an array of strings or a string");
        }
        List<String> parts = new ArrayList<>();
        for (JsonNode element : value) {
            if (!element.isString()) {
                throw new ArticleFormatException(source, layout.labels(), "expected strings, found " + element);
            }
            parts.add(element.asString());
        }
        if (parts.isEmpty()) {
            return Set.of();
        }
        return LabeledRecords.parseLabels(String.join(layout.labelSeparator(), parts), layout, options, source);
    }

    private static String optionalString(JsonNode node, String field, Source source) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return "";
        }
        if (value.isString()) {
            return value.asString();
        }
        if (value.isNumber()) {
            return value.asString();
        }
        throw new ArticleFormatException(source, field, "expected a string, found " + value.getNodeType());
    }

    /** Jackson's message without its location block: the file and line are already named. */
    private static String shortMessage(JacksonException e) {
        String message = e.getOriginalMessage();
        int cut = message.indexOf(" (start marker");
        if (cut < 0) {
            cut = message.indexOf('\n');
        }
        return cut < 0 ? message : message.substring(0, cut);
    }
}
