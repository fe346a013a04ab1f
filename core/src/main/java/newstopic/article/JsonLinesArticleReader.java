package newstopic.article;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import newstopic.io.Json;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.ObjectMapper;

/**
 * Reads labeled articles from JSON Lines: one object per line with the fields a
 * {@link RecordLayout} names (by default {@code id}, {@code title}, {@code text}, {@code labels});
 * labels may be an array of strings or one separated string. Blank lines are skipped. Instances
 * are immutable and thread-safe.
 */
public final class JsonLinesArticleReader implements ArticleReader {

    private static final ObjectMapper JSON = Json.COMPACT;

    private final RecordLayout layout;
    private final ReadOptions options;

    public JsonLinesArticleReader(RecordLayout layout, ReadOptions options) {
        this.layout = layout;
        this.options = options;
    }

    @Override
    public boolean lenient() {
        return options.lenient();
    }

    /** Reads JSON Lines line by line; {@code name} stands for the file in sources and messages. */
    @Override
    public void read(Reader in, String name, ArticleSink sink) throws IOException {
        BufferedReader lines = in instanceof BufferedReader b ? b : new BufferedReader(in, 1 << 16);
        int number = 0;
        for (String line; (line = lines.readLine()) != null; ) {
            number++;
            if (line.isBlank()) {
                continue;
            }
            Source source = new Source(name, number);
            try {
                String encoding = ArticleReader.encodingProblem(in, number, number);
                if (encoding != null) {
                    throw new ArticleFormatException(source, null, encoding);
                }
                sink.article(toArticle(line, source));
            } catch (ArticleFormatException e) {
                if (!options.lenient()) {
                    throw e;
                }
                sink.skipped(e);
            }
        }
    }

    /** One line's object, read token by token: no tree is built. */
    private Article toArticle(String line, Source source) {
        String id = null;
        String title = null;
        String text = null;
        Set<String> labels = null;
        boolean hasText = false;
        try (JsonParser p = JSON.createParser(line)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                throw new ArticleFormatException(source, null, "expected a JSON object");
            }
            for (JsonToken t = p.nextToken(); t == JsonToken.PROPERTY_NAME; t = p.nextToken()) {
                String field = p.currentName();
                p.nextToken();
                if (field.equals(layout.text())) {
                    text = scalar(p, field, source);
                    hasText = true;
                } else if (field.equals(layout.id())) {
                    id = scalar(p, field, source);
                } else if (field.equals(layout.title())) {
                    title = scalar(p, field, source);
                } else if (field.equals(layout.labels())) {
                    labels = labels(p, source);
                } else {
                    p.skipChildren();
                }
            }
            if (p.nextToken() != null) {
                throw new ArticleFormatException(source, null, "invalid JSON: more than one value on the line");
            }
        } catch (JacksonException e) {
            throw new ArticleFormatException(source, null, "invalid JSON: " + shortMessage(e));
        }
        if (!hasText) {
            throw new ArticleFormatException(source, layout.text(), "missing field");
        }
        if (id == null || id.isBlank()) {
            id = layout.derivedId(source);
        }
        return LabeledRecords.article(id.strip(), title == null ? "" : title, text, labels, source, layout);
    }

    private Set<String> labels(JsonParser p, Source source) {
        JsonToken t = p.currentToken();
        if (t == JsonToken.VALUE_NULL) {
            return null;
        }
        if (t == JsonToken.VALUE_STRING) {
            return LabeledRecords.parseLabels(p.getString(), layout, options, source);
        }
        if (t != JsonToken.START_ARRAY) {
            throw new ArticleFormatException(source, layout.labels(), "expected an array of strings or a string");
        }
        List<String> parts = new ArrayList<>();
        for (t = p.nextToken(); t != JsonToken.END_ARRAY; t = p.nextToken()) {
            if (t != JsonToken.VALUE_STRING) {
                throw new ArticleFormatException(source, layout.labels(), "expected strings, found " + describe(p));
            }
            parts.add(p.getString());
        }
        if (parts.isEmpty()) {
            return Set.of();
        }
        return LabeledRecords.parseLabels(String.join(layout.labelSeparator(), parts), layout, options, source);
    }

    /** A string or number field's text; null for JSON null. */
    private static String scalar(JsonParser p, String field, Source source) {
        return switch (p.currentToken()) {
            case VALUE_NULL -> null;
            case VALUE_STRING, VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> p.getString();
            default -> throw new ArticleFormatException(source, field, "expected a string, found " + describe(p));
        };
    }

    private static String describe(JsonParser p) {
        return switch (p.currentToken()) {
            case START_OBJECT -> "OBJECT";
            case START_ARRAY -> "ARRAY";
            case VALUE_TRUE, VALUE_FALSE -> "BOOLEAN";
            default -> p.currentToken().name();
        };
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
