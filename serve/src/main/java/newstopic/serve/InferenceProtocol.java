package newstopic.serve;

import java.util.ArrayList;
import java.util.List;

import newstopic.model.ModelHeader;
import newstopic.prediction.Prediction;
import newstopic.prediction.PredictionJson;
import newstopic.prediction.TopicClassifier;
import tools.jackson.databind.JsonNode;

/**
 * The Open Inference Protocol (KServe V2) endpoints over HTTP/JSON: server and model metadata,
 * readiness, and {@code infer} with a BYTES input of texts (and an optional BYTES input of
 * headlines of the same shape). Outputs are {@code scores} (FP32 probabilities) and {@code labels}
 * (BOOL decisions), both shaped {@code [n, labels]} in the model's label order. Thread-safe: it
 * holds only settings.
 */
final class InferenceProtocol {

    static final String TEXT_INPUT = "text";
    static final String TITLE_INPUT = "title";

    private final int maxBatch;
    private final ServerMetrics metrics;

    InferenceProtocol(int maxBatch, ServerMetrics metrics) {
        this.maxBatch = maxBatch;
        this.metrics = metrics;
    }

    /** {@code GET /v2}. */
    Response server(String version) {
        return Response.json(200, Json.write(g -> {
            g.writeStartObject();
            g.writeStringProperty("name", "newstopic");
            g.writeStringProperty("version", version);
            g.writeArrayPropertyStart("extensions");
            g.writeEndArray();
            g.writeEndObject();
        }));
    }

    /** The model header's fields that say how probabilities become labels, besides the thresholds. */
    private static final List<String> DECISION_RULES = List.of("shortText", "shortThresholds", "headlineRule",
            "headlineThresholds", "sentenceRule", "sentenceWeights");

    /** The long-text model's header fields shown: its learner and how its probabilities become labels. */
    private static final List<String> LONG_TEXT_FIELDS = List.of("learner", "hyperparameters", "thresholds", "headlineRule",
            "headlineThresholds", "sentenceRule", "sentenceWeights");

    /** Writes each of {@code fields} of {@code from} as it is. */
    private static void copy(tools.jackson.core.JsonGenerator g, JsonNode from, List<String> fields) {
        for (String field : fields) {
            g.writeName(field);
            g.writePOJO(from.get(field));
        }
    }

    /**
     * {@code GET /v2/models/{name}}: inputs, outputs, and in parameters the labels, thresholds (and
     * those of short texts), the headline and sentence rules, those of the long-text model when
     * there is one, and provenance.
     */
    Response metadata(ServedModel model) {
        ModelHeader header = model.classifier().header();
        JsonNode description = model.header();
        int labels = header.labels().size();
        return Response.json(200, Json.write(g -> {
            g.writeStartObject();
            g.writeStringProperty("name", model.name());
            g.writeArrayPropertyStart("versions");
            g.writeString(model.version());
            g.writeEndArray();
            g.writeStringProperty("platform", "newstopic");
            g.writeArrayPropertyStart("inputs");
            tensor(g, TEXT_INPUT, "BYTES", -1);
            tensor(g, TITLE_INPUT, "BYTES", -1);
            g.writeEndArray();
            g.writeArrayPropertyStart("outputs");
            tensor(g, "scores", "FP32", -1, labels);
            tensor(g, "labels", "BOOL", -1, labels);
            g.writeEndArray();
            g.writeName("parameters");
            g.writeStartObject();
            g.writeArrayPropertyStart("labels");
            header.labels().forEach(g::writeString);
            g.writeEndArray();
            g.writeStringProperty("mode", header.mode().name().toLowerCase(java.util.Locale.ROOT));
            g.writeArrayPropertyStart("thresholds");
            header.thresholds().forEach(t -> g.writeNumber(t));
            g.writeEndArray();
            // the decision rules beside the thresholds: a label may also come from its headline or sentences
            copy(g, description, DECISION_RULES);
            g.writeStringProperty("learner", header.learner());
            g.writeName("hyperparameters");
            g.writePOJO(description.get("hyperparameters"));
            JsonNode longTexts = description.get("longTexts");
            if (longTexts != null) {
                // texts of shortText characters or more: the long-text model's learner and decision rule
                g.writeName("longTexts");
                g.writeStartObject();
                copy(g, longTexts, LONG_TEXT_FIELDS);
                g.writeEndObject();
            }
            g.writeName("provenance");
            g.writePOJO(description.get("provenance"));
            g.writeName("metrics");
            g.writePOJO(description.get("metrics"));
            g.writeEndObject();
            g.writeEndObject();
        }));
    }

    /** A tensor's description: name, datatype, shape. */
    private static void tensor(tools.jackson.core.JsonGenerator g, String name, String type, int... shape) {
        tensorHead(g, name, type, shape);
        g.writeEndObject();
    }

    /** Opens a tensor object and writes its name, datatype and shape; the caller adds the rest and closes it. */
    private static void tensorHead(tools.jackson.core.JsonGenerator g, String name, String type, int... shape) {
        g.writeStartObject();
        g.writeStringProperty("name", name);
        g.writeStringProperty("datatype", type);
        g.writeArrayPropertyStart("shape");
        for (int d : shape) {
            g.writeNumber(d);
        }
        g.writeEndArray();
    }

    /** {@code POST /v2/models/{name}/infer}. */
    Response infer(Request request, ServedModel model) throws java.io.IOException {
        JsonNode root = Json.parse(request.jsonBody());
        if (!root.isObject()) {
            throw ApiException.badRequest("the inference request must be a JSON object with \"inputs\", not " + Json.kind(root));
        }
        JsonNode inputs = root.get("inputs");
        if (inputs == null || !inputs.isArray() || inputs.isEmpty()) {
            throw ApiException.badRequest("field 'inputs' must be a non-empty array of tensors");
        }
        List<String> texts = null;
        List<String> titles = null;
        for (int i = 0; i < inputs.size(); i++) {
            JsonNode tensor = inputs.get(i);
            String where = "inputs[" + i + "]";
            if (!tensor.isObject()) {
                throw ApiException.badRequest(where + " must be an object, not " + Json.kind(tensor));
            }
            String name = Json.text(tensor, "name", where + ": ");
            if (TEXT_INPUT.equals(name)) {
                texts = strings(tensor, where);
            } else if (TITLE_INPUT.equals(name)) {
                titles = strings(tensor, where);
            } else {
                throw ApiException.badRequest(where + ": unknown input '" + name + "'; this model takes 'text' (and optionally 'title'), BYTES");
            }
        }
        if (texts == null) {
            throw ApiException.badRequest("no input named 'text': send the texts as a BYTES tensor named 'text'");
        }
        if (titles != null && titles.size() != texts.size()) {
            throw ApiException.badRequest("input 'title' holds " + titles.size() + " elements and 'text' " + texts.size() + ": they must match");
        }
        boolean wantProbabilities = true;
        boolean wantLabels = true;
        JsonNode outputs = root.get("outputs");
        if (outputs != null) {
            if (!outputs.isArray()) {
                throw ApiException.badRequest("field 'outputs' must be an array");
            }
            wantProbabilities = false;
            wantLabels = false;
            for (JsonNode o : outputs) {
                String name = o.isObject() ? Json.text(o, "name", "outputs: ") : null;
                if ("scores".equals(name)) {
                    wantProbabilities = true;
                } else if ("labels".equals(name)) {
                    wantLabels = true;
                } else {
                    throw ApiException.badRequest("unknown output " + (name == null ? o.toString() : "'" + name + "'") + "; this model gives 'scores' and 'labels'");
                }
            }
        }
        TopicClassifier classifier = model.classifier();
        List<String> labels = classifier.labels();
        List<Prediction> predictions = new ArrayList<>(texts.size());
        for (int i = 0; i < texts.size(); i++) {
            String title = titles == null ? "" : titles.get(i);
            if (title.isBlank() && texts.get(i).isBlank()) {
                throw ApiException.badRequest("input 'text' element " + i + " is empty: nothing to classify");
            }
            predictions.add(classifier.classify(null, title, texts.get(i), 0));
        }
        metrics.articlesClassified.add(texts.size());
        String id = Json.text(root, "id", "");
        boolean probabilities = wantProbabilities;
        boolean decisions = wantLabels;
        return Response.json(200, Json.write(g -> {
            g.writeStartObject();
            g.writeStringProperty("model_name", model.name());
            g.writeStringProperty("model_version", model.version());
            if (id != null) {
                g.writeStringProperty("id", id);
            }
            g.writeArrayPropertyStart("outputs");
            if (probabilities) {
                outputHead(g, "scores", "FP32", predictions.size(), labels.size());
                StringBuilder number = new StringBuilder(12);
                for (Prediction p : predictions) {
                    for (String label : labels) {
                        // four decimals as everywhere, never 9.0E-4
                        number.setLength(0);
                        PredictionJson.appendFourDecimals(number, p.probabilities().get(label));
                        g.writeRawValue(number.toString());
                    }
                }
                g.writeEndArray();
                g.writeEndObject();
            }
            if (decisions) {
                outputHead(g, "labels", "BOOL", predictions.size(), labels.size());
                for (Prediction p : predictions) {
                    for (String label : labels) {
                        g.writeBoolean(p.has(label));
                    }
                }
                g.writeEndArray();
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeName("parameters");
            g.writeStartObject();
            g.writeArrayPropertyStart("labels");
            labels.forEach(g::writeString);
            g.writeEndArray();
            g.writeEndObject();
            g.writeEndObject();
        }));
    }

    /** An output tensor's head, with its {@code data} array left open for the values. */
    private static void outputHead(tools.jackson.core.JsonGenerator g, String name, String type, int rows, int columns) {
        tensorHead(g, name, type, rows, columns);
        g.writeArrayPropertyStart("data");
    }

    /** The strings of a BYTES tensor: data flat or nested, its element count matching the shape. */
    private List<String> strings(JsonNode tensor, String where) {
        String type = Json.text(tensor, "datatype", where + ": ");
        if (!"BYTES".equals(type)) {
            throw ApiException.badRequest(where + ": datatype is " + (type == null ? "missing" : "'" + type + "'") + "; texts are sent as BYTES");
        }
        JsonNode shape = tensor.get("shape");
        if (shape == null || !shape.isArray() || shape.isEmpty()) {
            throw ApiException.badRequest(where + ": 'shape' must be an array such as [n] or [n, 1]");
        }
        long count = 1;
        for (JsonNode d : shape) {
            if (!d.isIntegralNumber() || !d.canConvertToLong() || d.longValue() < 0) {
                throw ApiException.badRequest(where + ": 'shape' holds " + d + "; dimensions are whole numbers of 0 or more");
            }
            try {
                count = Math.multiplyExact(count, d.longValue());
            } catch (ArithmeticException e) {
                throw ApiException.tooLarge(where + ": 'shape' " + shape + " holds more texts than can be counted, over the limit of "
                        + maxBatch + " per request (the server's --max-batch)");
            }
        }
        if (count == 0) {
            throw ApiException.badRequest(where + ": 'shape' " + shape + " holds no text: send at least one");
        }
        if (count > maxBatch) {
            throw ApiException.tooLarge(where + ": " + count + " texts, over the limit of " + maxBatch + " per request (the server's --max-batch)");
        }
        JsonNode data = tensor.get("data");
        if (data == null || !data.isArray()) {
            throw ApiException.badRequest(where + ": 'data' must be an array of strings");
        }
        List<String> out = new ArrayList<>((int) count);
        flatten(data, out, where);
        if (out.size() != count) {
            throw ApiException.badRequest(where + ": 'data' holds " + out.size() + " strings but 'shape' " + shape + " says " + count);
        }
        return out;
    }

    private void flatten(JsonNode data, List<String> out, String where) {
        for (JsonNode element : data) {
            if (element.isArray()) {
                flatten(element, out, where);
            } else if (element.isString()) {
                if (out.size() >= maxBatch) {
                    throw ApiException.tooLarge(where + ": more than " + maxBatch + " texts per request (the server's --max-batch)");
                }
                out.add(element.stringValue());
            } else {
                throw ApiException.badRequest(where + ": 'data' element " + out.size() + " is " + Json.kind(element) + "; BYTES elements are strings");
            }
        }
    }
}
