package newstopic.prediction;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import newstopic.io.Json;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class PredictionJsonTest {

    /** The documented contract: what BigDecimal writes for the value rounded half up to four places. */
    private static String reference(double v) {
        return BigDecimal.valueOf(v).setScale(4, RoundingMode.HALF_UP).toString();
    }

    private static String fourDecimals(double v) {
        StringBuilder sb = new StringBuilder();
        PredictionJson.appendFourDecimals(sb, v);
        return sb.toString();
    }

    private static void assertLikeBigDecimal(double v) {
        String ours = fourDecimals(v);
        assertEquals(reference(v), ours, () -> "value " + v + " (" + Double.toString(v) + ")");
        assertFalse(ours.indexOf('E') >= 0 || ours.indexOf('e') >= 0, ours);
    }

    @Test
    void fourDecimalsMatchBigDecimalOnRandomProbabilities() {
        SplittableRandom r = new SplittableRandom(20240611L);
        for (int i = 0; i < 1_000_000; i++) {
            assertLikeBigDecimal(r.nextDouble()); // [0, 1)
        }
        assertLikeBigDecimal(1.0);
        assertLikeBigDecimal(0.0);
    }

    @Test
    void fourDecimalsMatchBigDecimalOnRandomSignedValues() {
        SplittableRandom r = new SplittableRandom(99L);
        for (int i = 0; i < 1_000_000; i++) {
            assertLikeBigDecimal(r.nextDouble(-50, 50));
        }
        assertLikeBigDecimal(-50.0);
        assertLikeBigDecimal(50.0);
    }

    @Test
    void fourDecimalsMatchBigDecimalOnValuesWithFourDecimalsOrFewer() {
        // short decimals such as 0.1235 are what a binary fast path is most likely to round wrongly
        SplittableRandom r = new SplittableRandom(5L);
        for (int i = 0; i < 200_000; i++) {
            long units = r.nextLong(-500_000_000L, 500_000_000L); // up to +-50 with 5 to 7 decimals
            int scale = 5 + r.nextInt(3);
            assertLikeBigDecimal(BigDecimal.valueOf(units, scale).doubleValue());
        }
    }

    @Test
    void fourDecimalsRoundTiesHalfUpAsBigDecimalDoes() {
        double[] ties = {0.00005, 0.00015, 0.12345, 1.00005, 0.99995, -0.00005, -0.12345, -0.99995, 2.5e-5,
                -2.5e-5, 0.00025, 0.49995, 0.50005, 12.34565, -12.34565, 49.99995, 0.5, 5e-5, 1.5e-4, 4.9999e-5,
                9.99995, 123456.78905, 1e-5, 1e-300, Double.MIN_VALUE, -Double.MIN_VALUE, 1e15, 1.23456789e17,
                -7.00005e12};
        for (double t : ties) {
            assertLikeBigDecimal(t);
            // the neighbours of a tie lie on either side of it: binary arithmetic must not decide them
            assertLikeBigDecimal(Math.nextUp(t));
            assertLikeBigDecimal(Math.nextDown(t));
            assertLikeBigDecimal(Math.nextUp(Math.nextUp(t)));
            assertLikeBigDecimal(Math.nextDown(Math.nextDown(t)));
        }
        assertLikeBigDecimal(Double.MAX_VALUE);
        assertLikeBigDecimal(-Double.MAX_VALUE);
        // spelled out, so a reference that drifted would be noticed too
        assertEquals("0.0001", fourDecimals(0.00005));
        assertEquals("0.1235", fourDecimals(0.12345));
        assertEquals("1.0001", fourDecimals(1.00005));
        assertEquals("1.0000", fourDecimals(0.99995));
        assertEquals("-0.0001", fourDecimals(-0.00005));
        assertEquals("0.0000", fourDecimals(2.5e-5));
        assertEquals("0.0002", fourDecimals(2e-4));
    }

    @Test
    void negativeZeroAndTinyNegativesHaveNoSign() {
        // BigDecimal has no negative zero: -0.00001 rounds to plain 0.0000
        assertEquals("0.0000", fourDecimals(-0.0));
        assertEquals("0.0000", fourDecimals(-0.00001));
        assertEquals("0.0000", fourDecimals(-4.9e-5));
    }

    @Test
    void nonFiniteIsNull() {
        assertEquals("null", fourDecimals(Double.NaN));
        assertEquals("null", fourDecimals(Double.POSITIVE_INFINITY));
        assertEquals("null", fourDecimals(Double.NEGATIVE_INFINITY));
    }

    @Test
    void appendsToWhatTheBuilderAlreadyHolds() {
        StringBuilder sb = new StringBuilder("x=");
        PredictionJson.appendFourDecimals(sb, 0.5);
        PredictionJson.appendString(sb, "a");
        assertEquals("x=0.5000\"a\"", sb.toString());
    }

    private static String jackson(String s) {
        return Json.COMPACT.writeValueAsString(s);
    }

    private static String ours(String s) {
        StringBuilder sb = new StringBuilder();
        PredictionJson.appendString(sb, s);
        return sb.toString();
    }

    @Test
    void stringsAreEscapedExactlyAsJacksonDoes() {
        List<String> cases = new ArrayList<>(List.of("", "plain", "say \"hi\"", "back\\slash", "\\\"", "a/b </script>",
                "caf\u00e9 \u4e2d\u6587", "\uD83D\uDE00 emoji", "\uD83C\uDDF8\uD83C\uDDEA", "line\u2028sep\u2029para",
                "\u007f del \u0080 \u009f", "\uFEFF bom", "\uFFFD", "tab\tnew\nret\rform\fback\b", "end\\"));
        StringBuilder all = new StringBuilder();
        for (char c = 0; c < 32; c++) {
            cases.add("x" + c + "y");
            cases.add(String.valueOf(c));
            all.append(c);
        }
        cases.add(all.toString());
        for (String s : cases) {
            assertEquals(jackson(s), ours(s), () -> "string " + s.chars().mapToObj(Integer::toHexString).toList());
        }
        assertEquals(jackson(null), ours(null));
        assertEquals("null", ours(null));
    }

    @Test
    void randomStringsAreEscapedAsJacksonDoes() {
        SplittableRandom r = new SplittableRandom(3L);
        char[] alphabet = "a\"\\/\n\r\t\b\f\u0000\u0001\u001f \u00e9\u4e2d\u2028\uD83D\uDE00".toCharArray();
        for (int i = 0; i < 2_000; i++) {
            StringBuilder s = new StringBuilder();
            for (int k = r.nextInt(20); k > 0; k--) {
                s.append(alphabet[r.nextInt(alphabet.length)]);
            }
            String text = s.toString();
            assertEquals(jackson(text), ours(text));
            // and Jackson reads it back to the same string
            assertEquals(text, Json.COMPACT.readValue(ours(text), String.class));
        }
    }

    private static Prediction handMade(boolean explained) {
        Map<String, Double> scores = new LinkedHashMap<>();
        scores.put("conflict", 0.987654);
        scores.put("migration", 0.00005);
        scores.put("diplomacy", 2.0e-4);
        Map<String, List<Contribution>> explanations = new LinkedHashMap<>();
        if (explained) {
            explanations.put("conflict", List.of(new Contribution("shell", 0.41128), new Contribution("troop \"mass\"", -0.123449)));
            explanations.put("diplomacy", List.of());
        }
        return new Prediction("a-1", "Envoys \"meet\"\nin Muscat \\ \u4e2d", List.of("conflict", "diplomacy"), scores,
                explanations);
    }

    private static JsonNode row(Prediction p, String source) {
        StringBuilder sb = new StringBuilder();
        PredictionJson.appendRow(sb, p, source);
        String json = sb.toString();
        assertFalse(java.util.regex.Pattern.compile("\\d[eE][-+]?\\d").matcher(json).find(), "no exponent: " + json);
        assertFalse(json.contains("\n"), "a row is one line: " + json);
        return Json.COMPACT.readTree(json);
    }

    private static double rounded(double v) {
        return BigDecimal.valueOf(v).setScale(4, RoundingMode.HALF_UP).doubleValue();
    }

    @Test
    void rowParsesBackToThePrediction() {
        Prediction p = handMade(false);
        JsonNode row = row(p, null);
        assertEquals(List.of("id", "title", "labels", "scores"), List.copyOf(row.propertyNames()));
        assertEquals(p.id(), row.get("id").stringValue());
        assertEquals(p.title(), row.get("title").stringValue());
        List<String> labels = new ArrayList<>();
        row.get("labels").forEach(n -> labels.add(n.stringValue()));
        assertEquals(p.labels(), labels);
        // scores keep the model's label order, each rounded to four decimals
        assertEquals(List.copyOf(p.probabilities().keySet()), List.copyOf(row.get("scores").propertyNames()));
        for (Map.Entry<String, Double> e : p.probabilities().entrySet()) {
            assertEquals(rounded(e.getValue()), row.get("scores").get(e.getKey()).doubleValue(), 0.0, e.getKey());
        }
        assertFalse(row.has("explanation"));
        assertFalse(row.has("source"));
    }

    @Test
    void rowCarriesExplanationAndSourceWhenPresent() {
        Prediction p = handMade(true);
        JsonNode row = row(p, "in/news.csv:12");
        assertEquals(List.of("id", "title", "labels", "scores", "explanation", "source"), List.copyOf(row.propertyNames()));
        assertEquals("in/news.csv:12", row.get("source").stringValue());
        JsonNode explanation = row.get("explanation");
        assertEquals(List.copyOf(p.explanations().keySet()), List.copyOf(explanation.propertyNames()));
        for (Map.Entry<String, List<Contribution>> e : p.explanations().entrySet()) {
            JsonNode list = explanation.get(e.getKey());
            assertEquals(e.getValue().size(), list.size());
            for (int i = 0; i < list.size(); i++) {
                assertEquals(e.getValue().get(i).ngram(), list.get(i).get("ngram").stringValue());
                assertEquals(rounded(e.getValue().get(i).weight()), list.get(i).get("weight").doubleValue(), 0.0);
            }
        }
    }

    @Test
    void rowWithNullIdAndNoLabels() {
        Prediction p = new Prediction(null, "", List.of(), Map.of("conflict", 0.25), Map.of());
        JsonNode row = row(p, null);
        assertTrue(row.get("id").isNull());
        assertEquals("", row.get("title").stringValue());
        assertEquals(0, row.get("labels").size());
        assertEquals(0.25, row.get("scores").get("conflict").doubleValue(), 0.0);
    }
}
