package newstopic.prediction;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Map;

/**
 * Writes predictions as JSON text, the one writer of the JSON Lines of {@code predict}, the HTTP
 * answers and the Spark job: the same field names ({@code labels}, {@code scores}) and the same
 * numbers everywhere, four decimals, never in exponent notation ({@code 0.0002}, not
 * {@code 2.0E-4}). Appends to a {@link StringBuilder} the caller reuses: no objects per number.
 * Stateless and thread-safe.
 */
public final class PredictionJson {

    private PredictionJson() {
    }

    /**
     * One {@code predict} row, without its line end:
     * {@code {"id":…,"title":…,"labels":[…],"scores":{…},"explanation":{…},"source":…}}; the
     * explanation only when asked for, the source only when given.
     */
    public static void appendRow(StringBuilder sb, Prediction p, String source) {
        sb.append("{\"id\":");
        appendString(sb, p.id());
        sb.append(",\"title\":");
        appendString(sb, p.title());
        sb.append(",\"labels\":");
        appendLabels(sb, p.labels());
        sb.append(",\"scores\":");
        appendScores(sb, p.probabilities());
        if (!p.explanations().isEmpty()) {
            sb.append(",\"explanation\":");
            appendExplanations(sb, p.explanations());
        }
        if (source != null) {
            sb.append(",\"source\":");
            appendString(sb, source);
        }
        sb.append('}');
    }

    /** {@code ["a","b"]} */
    public static void appendLabels(StringBuilder sb, List<String> labels) {
        sb.append('[');
        for (int i = 0; i < labels.size(); i++) {
            if (i > 0) {
                sb.append(',');
            }
            appendString(sb, labels.get(i));
        }
        sb.append(']');
    }

    /** {@code {"conflict":0.9876,…}} in the model's label order. */
    public static void appendScores(StringBuilder sb, Map<String, Double> scores) {
        sb.append('{');
        if (scores instanceof LabelScores unboxed) { // the classifier's own scores: read without boxing
            for (int k = 0; k < unboxed.size(); k++) {
                appendScore(sb, k > 0, unboxed.label(k), unboxed.value(k));
            }
        } else {
            boolean first = true;
            for (Map.Entry<String, Double> e : scores.entrySet()) {
                appendScore(sb, !first, e.getKey(), e.getValue());
                first = false;
            }
        }
        sb.append('}');
    }

    private static void appendScore(StringBuilder sb, boolean comma, String label, double value) {
        if (comma) {
            sb.append(',');
        }
        appendString(sb, label);
        sb.append(':');
        appendFourDecimals(sb, value);
    }

    /** {@code {"conflict":[{"ngram":"shell","weight":0.4113},…],…}} */
    public static void appendExplanations(StringBuilder sb, Map<String, List<Contribution>> explanations) {
        sb.append('{');
        boolean first = true;
        for (Map.Entry<String, List<Contribution>> e : explanations.entrySet()) {
            if (!first) {
                sb.append(',');
            }
            first = false;
            appendString(sb, e.getKey());
            sb.append(":[");
            for (int i = 0; i < e.getValue().size(); i++) {
                Contribution c = e.getValue().get(i);
                sb.append(i > 0 ? ",{\"ngram\":" : "{\"ngram\":");
                appendString(sb, c.ngram());
                sb.append(",\"weight\":");
                appendFourDecimals(sb, c.weight());
                sb.append('}');
            }
            sb.append(']');
        }
        sb.append('}');
    }

    /** A JSON string, or {@code null}; escapes what JSON requires and nothing else, as Jackson does. */
    public static void appendString(StringBuilder sb, String s) {
        if (s == null) {
            sb.append("null");
            return;
        }
        sb.append('"');
        int from = 0;
        for (int i = 0, n = s.length(); i < n; i++) {
            char c = s.charAt(i);
            if (c >= 0x20 && c != '"' && c != '\\') {
                continue;
            }
            sb.append(s, from, i);
            from = i + 1;
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                case '\b' -> sb.append("\\b");
                case '\f' -> sb.append("\\f");
                default -> sb.append("\\u00").append(HEX[c >> 4]).append(HEX[c & 15]);
            }
        }
        sb.append(s, from, s.length()).append('"');
    }

    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    /**
     * {@code v} rounded half up to four decimals and written with all four ({@code 1.0000}); a
     * value that is not finite is written {@code null}. Exactly what
     * {@code BigDecimal.valueOf(v).setScale(4, HALF_UP)} writes, without making one.
     */
    public static void appendFourDecimals(StringBuilder sb, double v) {
        if (!Double.isFinite(v)) {
            sb.append("null");
            return;
        }
        double x = Math.abs(v) * 10_000;
        double whole = Math.floor(x);
        double fraction = x - whole;
        if (x >= 1e15 || Math.abs(fraction - 0.5) < 1e-6) {
            // too close to a rounding tie for binary arithmetic to decide: ask the decimal value
            sb.append(BigDecimal.valueOf(v).setScale(4, RoundingMode.HALF_UP).toPlainString());
            return;
        }
        long scaled = (long) whole + (fraction > 0.5 ? 1 : 0);
        if (v < 0 && scaled != 0) {
            sb.append('-');
        }
        sb.append(scaled / 10_000).append('.');
        int decimals = (int) (scaled % 10_000);
        if (decimals < 1000) {
            sb.append('0');
        }
        if (decimals < 100) {
            sb.append('0');
        }
        if (decimals < 10) {
            sb.append('0');
        }
        sb.append(decimals);
    }
}
