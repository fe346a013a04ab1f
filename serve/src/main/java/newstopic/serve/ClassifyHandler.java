package newstopic.serve;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

import newstopic.article.Article;
import newstopic.article.ArticleFormatException;
import newstopic.article.RawPageReader;
import newstopic.article.ReadResult;
import newstopic.prediction.Contribution;
import newstopic.prediction.Highlight;
import newstopic.prediction.Prediction;
import newstopic.prediction.PredictionJson;
import newstopic.prediction.TopicClassifier;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.JsonNode;

/**
 * {@code POST /v1/classify}: one text, a headline and body, a raw scraped page split into its
 * articles, or a batch of articles; answers every article's labels, probabilities and decisions,
 * with explanations ({@code ?explain=N}) and word highlights ({@code ?highlight=true}) on demand.
 * Thread-safe: it holds only settings.
 */
final class ClassifyHandler {

    private static final Set<String> ARTICLE_FIELDS = Set.of("id", "title", "body", "text");
    private static final Set<String> TOP_FIELDS = Set.of("id", "title", "body", "text", "raw", "articles");
    static final int MAX_EXPLAIN = 50;

    private final int maxBatch;
    private final int maxHighlightChars;
    private final int maxExplainRows;
    private final ServerMetrics metrics;

    ClassifyHandler(int maxBatch, int maxHighlightChars, int maxExplainRows, ServerMetrics metrics) {
        this.maxBatch = maxBatch;
        this.maxHighlightChars = maxHighlightChars;
        this.maxExplainRows = maxExplainRows;
        this.metrics = metrics;
    }

    /** An article to classify, as the request gave it. */
    private record Item(String id, String title, String body) {
    }

    Response handle(Request request, ServedModel model) throws java.io.IOException {
        int explain = request.intParam("explain", 0, MAX_EXPLAIN);
        boolean highlight = request.flag("highlight");
        JsonNode root = Json.parse(request.jsonBody());
        List<ReadResult.Duplicate> duplicates = new ArrayList<>();
        List<Item> items = items(root, duplicates);
        TopicClassifier classifier = model.classifier();
        List<String> labels = classifier.labels();
        checkOutput(items, explain, highlight, labels.size());
        List<Prediction> predictions = new ArrayList<>(items.size());
        for (Item item : items) {
            predictions.add(classifier.classify(item.id(), item.title(), item.body(), explain));
        }
        metrics.articlesClassified.add(items.size());
        byte[] body = Json.write(g -> {
            g.writeStartObject();
            g.writeName("model");
            g.writeStartObject();
            g.writeStringProperty("name", model.name());
            g.writeStringProperty("version", model.version());
            g.writeEndObject();
            g.writeArrayPropertyStart("articles");
            for (int i = 0; i < items.size(); i++) {
                writePrediction(g, predictions.get(i), labels);
                if (highlight) {
                    g.writeName("highlight");
                    writeHighlight(g, classifier.highlight(items.get(i).title(), items.get(i).body()));
                }
                g.writeEndObject();
            }
            g.writeEndArray();
            if (!duplicates.isEmpty()) {
                // repeated articles of a raw page are answered once; say which, so none goes missing silently
                g.writeArrayPropertyStart("duplicates");
                for (ReadResult.Duplicate d : duplicates) {
                    g.writeStartObject();
                    g.writeStringProperty("title", d.title());
                    g.writeStringProperty("kept", d.kept().toString());
                    g.writeStringProperty("dropped", d.dropped().toString());
                    g.writeEndObject();
                }
                g.writeEndArray();
            }
            g.writeEndObject();
        });
        return Response.json(200, body);
    }

    /** Writes a prediction's fields into an object left open for the caller to add to and close. */
    private static void writePrediction(JsonGenerator g, Prediction p, List<String> labels) {
        g.writeStartObject();
        if (p.id() != null) {
            g.writeStringProperty("id", p.id());
        }
        g.writeStringProperty("title", p.title());
        g.writeArrayPropertyStart("labels");
        for (String label : p.labels()) {
            g.writeString(label);
        }
        g.writeEndArray();
        // the same field and numbers as predict's JSON Lines: one writer, four decimals
        StringBuilder numbers = new StringBuilder(64);
        PredictionJson.appendScores(numbers, p.probabilities());
        g.writeName("scores");
        g.writeRawValue(numbers.toString());
        g.writeName("decisions");
        g.writeStartObject();
        for (String label : labels) {
            g.writeBooleanProperty(label, p.has(label));
        }
        g.writeEndObject();
        if (!p.explanations().isEmpty()) {
            numbers.setLength(0);
            PredictionJson.appendExplanations(numbers, p.explanations());
            g.writeName("explanations");
            g.writeRawValue(numbers.toString());
        }
    }

    /** {@code {"title": {"text", "spans": [[start, end, w1, w2...]...]}, "body": {...}}}: compact for long articles. */
    private static void writeHighlight(JsonGenerator g, Highlight h) {
        g.writeStartObject();
        writePart(g, "title", h.title());
        writePart(g, "body", h.body());
        g.writeEndObject();
    }

    private static void writePart(JsonGenerator g, String name, Highlight.Part part) {
        g.writeName(name);
        g.writeStartObject();
        g.writeStringProperty("text", part.text());
        g.writeArrayPropertyStart("spans");
        for (Highlight.Span s : part.spans()) {
            g.writeStartArray();
            g.writeNumber(s.start());
            g.writeNumber(s.end());
            StringBuilder number = new StringBuilder(12);
            for (double w : s.weights()) {
                number.setLength(0);
                PredictionJson.appendFourDecimals(number, w);
                g.writeRawValue(number.toString());
            }
            g.writeEndArray();
        }
        g.writeEndArray();
        g.writeEndObject();
    }

    private List<Item> items(JsonNode root, List<ReadResult.Duplicate> duplicates) {
        if (!root.isObject()) {
            throw ApiException.badRequest("the request must be a JSON object with \"text\", \"title\" and \"body\", \"raw\" or \"articles\", not " + Json.kind(root));
        }
        checkFields(root, TOP_FIELDS, "");
        JsonNode batch = root.get("articles");
        String raw = Json.text(root, "raw", "");
        if (batch != null) {
            if (root.size() > 1) {
                throw ApiException.badRequest("\"articles\" comes alone: put each article's fields inside the array");
            }
            if (!batch.isArray()) {
                throw ApiException.badRequest("field 'articles' must be an array of objects, not " + Json.kind(batch));
            }
            if (batch.isEmpty()) {
                throw ApiException.badRequest("field 'articles' is an empty array: send at least one article");
            }
            checkBatchSize(batch.size());
            List<Item> items = new ArrayList<>(batch.size());
            for (int i = 0; i < batch.size(); i++) {
                JsonNode a = batch.get(i);
                String where = "articles[" + i + "]: ";
                if (!a.isObject()) {
                    throw ApiException.badRequest(where + "each article must be an object, not " + Json.kind(a));
                }
                checkFields(a, ARTICLE_FIELDS, where);
                items.add(item(a, where));
            }
            return items;
        }
        if (raw != null) {
            if (root.size() > 1) {
                throw ApiException.badRequest("\"raw\" comes alone: the page is split into articles with their own headlines");
            }
            return rawPage(raw, duplicates);
        }
        return List.of(item(root, ""));
    }

    private Item item(JsonNode a, String where) {
        String text = Json.text(a, "text", where);
        String body = Json.text(a, "body", where);
        if (text != null && body != null) {
            throw ApiException.badRequest(where + "give either 'text' or 'body', not both");
        }
        String title = Json.text(a, "title", where);
        String id = Json.text(a, "id", where);
        String content = text != null ? text : body;
        title = title == null ? "" : title;
        content = content == null ? "" : content;
        if (title.isBlank() && content.isBlank()) {
            throw ApiException.badRequest(where + (a.has("text") || a.has("body") || a.has("title")
                    ? "the text is empty: nothing to classify" : "no 'text', or 'title' and 'body', to classify"));
        }
        return new Item(id, title, content);
    }

    private List<Item> rawPage(String raw, List<ReadResult.Duplicate> duplicates) {
        if (raw.isBlank()) {
            throw ApiException.badRequest("field 'raw' is empty: nothing to classify");
        }
        ReadResult result;
        try {
            result = new RawPageReader(false).read(raw, "raw");
        } catch (ArticleFormatException e) {
            throw ApiException.badRequest(e.getMessage());
        }
        duplicates.addAll(result.duplicates());
        if (result.articles().isEmpty()) {
            throw ApiException.badRequest("field 'raw' holds no article: only page debris was found");
        }
        checkBatchSize(result.articles().size());
        List<Item> items = new ArrayList<>(result.articles().size());
        for (Article a : result.articles()) {
            items.add(new Item(a.id(), a.title(), a.text()));
        }
        return items;
    }

    /** Bounds the answer's size: highlighted text and explanation rows per request. */
    private void checkOutput(List<Item> items, int explain, boolean highlight, int labels) {
        if (highlight) {
            long chars = 0;
            for (Item item : items) {
                chars += item.title().length() + item.body().length();
            }
            if (chars > maxHighlightChars) {
                throw ApiException.tooLarge("highlight=true annotates at most " + maxHighlightChars + " characters per request, and this one has "
                        + chars + " (the server's --max-highlight-chars); send less text or leave highlight off");
            }
        }
        long rows = (long) explain * items.size() * labels;
        if (rows > maxExplainRows) {
            throw ApiException.tooLarge("explain=" + explain + " for " + items.size() + " articles and " + labels + " labels makes " + rows
                    + " explanation rows, over the limit of " + maxExplainRows + " (the server's --max-explain-rows); ask for fewer");
        }
    }

    private void checkBatchSize(int n) {
        if (n > maxBatch) {
            throw ApiException.tooLarge("the request holds " + n + " articles, over the limit of " + maxBatch
                    + " per request (the server's --max-batch)");
        }
    }

    private static void checkFields(JsonNode object, Set<String> allowed, String where) {
        for (Iterator<String> names = object.propertyNames().iterator(); names.hasNext(); ) {
            String name = names.next();
            if (!allowed.contains(name)) {
                throw ApiException.badRequest(where + "unknown field '" + name + "'; expected " + String.join(", ", allowed.stream().sorted().toList()));
            }
        }
    }
}
