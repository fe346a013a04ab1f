package newstopic.model;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import newstopic.io.Json;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * The checks a model file's content must pass beyond its checksum (which anyone can recompute):
 * a header with every field present and of its type, unique labels, thresholds in [0, 1], finite
 * calibration, weights and biases. Each failure is one {@link ModelFormatException} sentence.
 * Stateless and thread-safe.
 */
final class ModelChecks {

    /** The header's fields and the JSON type each must have. */
    private static final Map<String, String> FIELDS = Map.of(
            "labels", "array", "mode", "string", "thresholds", "array", "calibration", "array",
            "featurizer", "object", "learner", "string", "hyperparameters", "object", "provenance", "object",
            "topFeatures", "object", "headlineRule", "integer");
    /** More labels than any topic scheme has: a bound on what a header may claim. */
    static final int MAX_LABELS = 10_000;

    private static final ObjectMapper READER = Json.STRICT;

    private ModelChecks() {
    }

    /** Parses and checks the header JSON. */
    static ModelHeader header(byte[] json) throws ModelFormatException {
        JsonNode tree;
        ModelHeader header;
        try {
            tree = READER.readTree(json);
            checkTypes(tree);
            header = READER.treeToValue(tree, ModelHeader.class);
        } catch (JacksonException e) {
            if (e.getCause() instanceof IllegalArgumentException bad) {
                throw new ModelFormatException(bad.getMessage()); // ModelHeader refused a value: say which
            }
            throw new ModelFormatException("unreadable header: " + e.getOriginalMessage());
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new ModelFormatException("inconsistent header: " + e.getMessage());
        }
        if (header == null) {
            throw new ModelFormatException("the header is empty");
        }
        check(header);
        return header;
    }

    private static void checkTypes(JsonNode tree) throws ModelFormatException {
        if (tree == null || !tree.isObject()) {
            throw new ModelFormatException("the header is " + (tree == null || tree.isNull() ? "null" : "not a JSON object"));
        }
        for (Map.Entry<String, String> field : FIELDS.entrySet()) {
            JsonNode value = tree.get(field.getKey());
            if (value == null || value.isNull()) {
                throw new ModelFormatException("the header has no '" + field.getKey() + "'");
            }
            boolean typed = switch (field.getValue()) {
                case "array" -> value.isArray();
                case "object" -> value.isObject();
                case "string" -> value.isString();
                default -> value.isIntegralNumber() && value.canConvertToInt();
            };
            if (!typed) {
                throw new ModelFormatException("the header's '" + field.getKey() + "' is not " + (field.getValue().equals("integer")
                        ? "an integer" : "a JSON " + field.getValue()));
            }
        }
        for (String list : List.of("labels", "thresholds", "calibration")) {
            for (JsonNode element : tree.get(list)) {
                boolean typed = switch (list) {
                    case "labels" -> element.isString();
                    case "thresholds" -> element.isNumber();
                    default -> element.isObject() && element.path("a").isNumber() && element.path("b").isNumber();
                };
                if (!typed) {
                    throw new ModelFormatException("the header's '" + list + "' holds " + element + "; expected "
                            + (list.equals("labels") ? "strings" : list.equals("thresholds") ? "numbers" : "objects {\"a\": number, \"b\": number}"));
                }
            }
        }
        JsonNode featurizer = tree.get("featurizer");
        if (!featurizer.path("kind").isString() || !featurizer.path("analyzer").isObject()) {
            throw new ModelFormatException("the header's 'featurizer' has no 'kind' string or no 'analyzer' object");
        }
    }

    /** Semantic checks of a typed header. */
    static void check(ModelHeader header) throws ModelFormatException {
        List<String> labels = header.labels();
        if (labels.size() > MAX_LABELS) {
            throw new ModelFormatException(labels.size() + " labels, more than " + MAX_LABELS);
        }
        for (String label : labels) {
            if (label.isBlank()) {
                throw new ModelFormatException("a label name is empty");
            }
        }
        if (header.mode() == null || header.featurizer() == null || header.featurizer().kind() == null
                || header.featurizer().analyzer() == null) {
            throw new ModelFormatException("the header has no mode or featurizer settings");
        }
        // unique labels, thresholds in [0, 1] and finite calibration: ModelHeader's own checks
    }

    /** Every bias and weight a finite number. */
    static void finite(float[] bias, float[] weights, List<String> labels) throws ModelFormatException {
        for (int k = 0; k < bias.length; k++) {
            if (!Float.isFinite(bias[k])) {
                throw new ModelFormatException("the bias of label '" + labels.get(k) + "' is " + bias[k] + ", not a finite number");
            }
        }
        int l = labels.size();
        for (int i = 0; i < weights.length; i++) {
            if (!Float.isFinite(weights[i])) {
                throw new ModelFormatException("the weight of feature " + (i / l) + " for label '" + labels.get(i % l) + "' is "
                        + weights[i] + ", not a finite number");
            }
        }
    }
}
