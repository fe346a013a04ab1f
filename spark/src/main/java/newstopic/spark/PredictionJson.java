package newstopic.spark;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * One line of {@code newstopic predict}'s JSON Lines: {@code id, title, labels, scores, source},
 * scores with four decimals written plainly. Stateless and thread-safe.
 */
final class PredictionJson {

    private static final ObjectMapper JSON = JsonMapper.builder().build();

    private PredictionJson() {
    }

    /** The JSON object for one prediction, without a line break. */
    static String line(String id, String title, List<String> labels, Map<String, Double> scores, String source) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("id", id);
        row.put("title", title);
        row.put("labels", labels);
        Map<String, BigDecimal> rounded = new LinkedHashMap<>();
        scores.forEach((k, v) -> rounded.put(k, BigDecimal.valueOf(v).setScale(4, RoundingMode.HALF_UP)));
        row.put("scores", rounded);
        row.put("source", source);
        return JSON.writeValueAsString(row);
    }
}
