package newstopic.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import newstopic.evaluation.CvReport;
import newstopic.evaluation.Evaluation;
import newstopic.evaluation.LabelMetrics;
import newstopic.io.AtomicFiles;
import newstopic.io.Json;
import newstopic.train.Thresholds;
import newstopic.model.Mode;

/**
 * Renders metrics: text tables for the terminal, and for {@code eval --report} a JSON file and an
 * HTML page with SVG charts (per-label precision/recall/F1 bars, precision-recall curves, F1 by
 * threshold). Stateless and thread-safe.
 */
final class Reports {

    private static final String[] COLORS = {"#c0392b", "#2874a6", "#1e8449", "#b9770e", "#7d3c98", "#5d6d7e"};

    private Reports() {
    }

    static void printCv(CvReport cv, List<String> labels, PrintWriter out) {
        out.printf("%d-fold cross-validation%s, %s (mean ± std over folds)%n", cv.folds(),
                cv.runs() > 1 ? " run " + cv.runs() + " times" : "", cv.learner());
        out.printf("%-12s %15s %15s %15s %8s%n", "label", "precision", "recall", "F1", "support");
        for (String label : labels) {
            CvReport.LabelSummary s = cv.labels().get(label);
            out.printf("%-12s %15s %15s %15s %8d%n", label, s.precision(), s.recall(), s.f1(), s.support());
        }
        out.printf("%-12s %47s%n", "micro F1", cv.micro());
        out.printf("%-12s %47s%n", "macro F1", cv.macro());
        if (cv.accuracy() != null) {
            out.printf("%-12s %47s%n", "accuracy", cv.accuracy());
        }
    }

    static void printEvaluation(Evaluation e, PrintWriter out) {
        out.printf("%d articles%n", e.articles());
        out.printf("%-12s %9s %9s %9s %8s%n", "label", "precision", "recall", "F1", "support");
        for (LabelMetrics m : e.metrics()) {
            out.printf("%-12s %9.3f %9.3f %9.3f %8d%n", m.label(), m.precision(), m.recall(), m.f1(), m.support());
        }
        LabelMetrics micro = e.micro();
        out.printf("%-12s %9.3f %9.3f %9.3f %8d%n", "micro avg", micro.precision(), micro.recall(), micro.f1(), micro.support());
        out.printf("%-12s %9s %9s %9.3f%n", "macro avg", "", "", e.macroF1());
        out.printf("%-12s %29.3f%n", e.mode() == Mode.SINGLE ? "accuracy" : "exact match", e.accuracy());
    }

    /** Writes {@code report.json} and {@code report.html} into {@code dir} (created if needed). */
    static void write(Evaluation e, String modelName, Path dir) throws IOException {
        Files.createDirectories(dir);
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("model", modelName);
        json.put("articles", e.articles());
        json.put("mode", e.mode().name().toLowerCase());
        List<Map<String, Object>> perLabel = new ArrayList<>();
        for (int k = 0; k < e.labels().size(); k++) {
            LabelMetrics m = e.metrics().get(k);
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("label", m.label());
            row.put("precision", m.precision());
            row.put("recall", m.recall());
            row.put("f1", m.f1());
            row.put("support", m.support());
            row.put("threshold", e.thresholds().get(k));
            row.put("averagePrecision", averagePrecision(e.scores()[k], e.truth()[k]));
            perLabel.add(row);
        }
        json.put("labels", perLabel);
        LabelMetrics micro = e.micro();
        json.put("micro", Map.of("precision", micro.precision(), "recall", micro.recall(), "f1", micro.f1()));
        json.put("macroF1", e.macroF1());
        json.put(e.mode() == Mode.SINGLE ? "accuracy" : "exactMatch", e.accuracy());
        // each file appears whole or not at all: a full disk leaves no empty report behind
        AtomicFiles.write(dir.resolve("report.json"), out -> Json.INDENTED.writeValue(out, json));
        byte[] page = html(e, modelName).getBytes(StandardCharsets.UTF_8);
        AtomicFiles.write(dir.resolve("report.html"), out -> out.write(page));
    }

    /** Precision and recall at every cut point, highest scores first. */
    static double[][] prCurve(double[] scores, boolean[] truth) {
        Integer[] order = Thresholds.byScoreDescending(scores);
        int positives = 0;
        for (boolean t : truth) {
            if (t) {
                positives++;
            }
        }
        List<double[]> points = new ArrayList<>();
        int tp = 0;
        for (int k = 0; k < order.length; k++) {
            if (truth[order[k]]) {
                tp++;
            }
            if (k + 1 < order.length && scores[order[k + 1]] == scores[order[k]]) {
                continue;
            }
            points.add(new double[] {positives == 0 ? 0 : (double) tp / positives, (double) tp / (k + 1)});
        }
        return points.toArray(double[][]::new);
    }

    static double averagePrecision(double[] scores, boolean[] truth) {
        double[][] curve = prCurve(scores, truth);
        double ap = 0;
        double lastRecall = 0;
        for (double[] p : curve) {
            ap += (p[0] - lastRecall) * p[1];
            lastRecall = p[0];
        }
        return ap;
    }

    /** F1 of a label at thresholds 0.00, 0.01 ... 1.00. */
    static double[] f1ByThreshold(double[] scores, boolean[] truth) {
        double[] out = new double[101];
        for (int t = 0; t <= 100; t++) {
            double cut = t / 100.0;
            boolean[] predicted = new boolean[scores.length];
            for (int i = 0; i < scores.length; i++) {
                predicted[i] = scores[i] >= cut;
            }
            out[t] = LabelMetrics.of("", truth, predicted).f1();
        }
        return out;
    }

    private static String html(Evaluation e, String modelName) {
        StringBuilder sb = new StringBuilder();
        sb.append("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>newstopic evaluation</title>")
                .append("<style>body{font-family:system-ui,sans-serif;margin:2em;color:#222}table{border-collapse:collapse}")
                .append("td,th{padding:4px 10px;border-bottom:1px solid #ddd;text-align:right}th:first-child,td:first-child{text-align:left}")
                .append("svg{margin:1em 1em 0 0;background:#fafafa;border:1px solid #eee}.charts{display:flex;flex-wrap:wrap}")
                .append("</style></head><body>");
        sb.append("<h1>newstopic evaluation</h1><p>Model <code>").append(escape(modelName)).append("</code>, ")
                .append(e.articles()).append(" articles, ").append(e.mode() == Mode.SINGLE ? "single" : "multi").append("-label.</p>");
        sb.append("<table><tr><th>label</th><th>precision</th><th>recall</th><th>F1</th><th>support</th><th>threshold</th><th>avg precision</th></tr>");
        for (int k = 0; k < e.labels().size(); k++) {
            LabelMetrics m = e.metrics().get(k);
            sb.append("<tr><td>%s</td><td>%.3f</td><td>%.3f</td><td>%.3f</td><td>%d</td><td>%.3f</td><td>%.3f</td></tr>"
                    .formatted(escape(m.label()), m.precision(), m.recall(), m.f1(), m.support(), e.thresholds().get(k),
                            averagePrecision(e.scores()[k], e.truth()[k])));
        }
        LabelMetrics micro = e.micro();
        sb.append("<tr><th>micro avg</th><td>%.3f</td><td>%.3f</td><td>%.3f</td><td>%d</td><td></td><td></td></tr>"
                .formatted(micro.precision(), micro.recall(), micro.f1(), micro.support()));
        sb.append("<tr><th>macro avg</th><td></td><td></td><td>%.3f</td><td></td><td></td><td></td></tr></table>"
                .formatted(e.macroF1()));
        sb.append("<div class=\"charts\">").append(barChart(e)).append(prChart(e)).append(thresholdChart(e)).append("</div>");
        sb.append("</body></html>\n");
        return sb.toString();
    }

    private static String barChart(Evaluation e) {
        int w = 420;
        int h = 260;
        StringBuilder s = svgStart(w, h, "Precision, recall and F1 per label");
        int groups = e.labels().size();
        double groupWidth = (w - 60.0) / groups;
        String[] names = {"precision", "recall", "F1"};
        for (int k = 0; k < groups; k++) {
            LabelMetrics m = e.metrics().get(k);
            double[] v = {m.precision(), m.recall(), m.f1()};
            for (int j = 0; j < 3; j++) {
                double x = 45 + k * groupWidth + 8 + j * (groupWidth - 16) / 3;
                double bh = v[j] * (h - 70);
                s.append("<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" fill=\"%s\"><title>%s %s %.3f</title></rect>"
                        .formatted(x, h - 35 - bh, (groupWidth - 16) / 3 - 2, bh, COLORS[j], escape(m.label()), names[j], v[j]));
            }
            s.append("<text x=\"%.1f\" y=\"%d\" font-size=\"12\" text-anchor=\"middle\">%s</text>"
                    .formatted(45 + k * groupWidth + groupWidth / 2, h - 18, escape(m.label())));
        }
        axes(s, w, h);
        for (int j = 0; j < 3; j++) {
            s.append("<rect x=\"%d\" y=\"%d\" width=\"10\" height=\"10\" fill=\"%s\"/><text x=\"%d\" y=\"%d\" font-size=\"11\">%s</text>"
                    .formatted(60 + j * 90, 28, COLORS[j], 74 + j * 90, 37, names[j]));
        }
        return s.append("</svg>").toString();
    }

    private static String prChart(Evaluation e) {
        int w = 420;
        int h = 260;
        StringBuilder s = svgStart(w, h, "Precision-recall curves (x: recall, y: precision)");
        for (int k = 0; k < e.labels().size(); k++) {
            s.append(polyline(prCurve(e.scores()[k], e.truth()[k]), w, h, COLORS[k % COLORS.length], e.labels().get(k)));
        }
        axes(s, w, h);
        legend(s, e.labels());
        return s.append("</svg>").toString();
    }

    private static String thresholdChart(Evaluation e) {
        int w = 420;
        int h = 260;
        StringBuilder s = svgStart(w, h, "F1 by decision threshold (dot: the model's threshold)");
        for (int k = 0; k < e.labels().size(); k++) {
            double[] f1 = f1ByThreshold(e.scores()[k], e.truth()[k]);
            double[][] points = new double[f1.length][];
            for (int t = 0; t < f1.length; t++) {
                points[t] = new double[] {t / 100.0, f1[t]};
            }
            String color = COLORS[k % COLORS.length];
            s.append(polyline(points, w, h, color, e.labels().get(k)));
            double thr = e.thresholds().get(k);
            double at = f1[(int) Math.round(Math.min(1, Math.max(0, thr)) * 100)];
            s.append("<circle cx=\"%.1f\" cy=\"%.1f\" r=\"4\" fill=\"%s\"><title>%s threshold %.3f</title></circle>"
                    .formatted(px(thr, w), py(at, h), color, escape(e.labels().get(k)), thr));
        }
        axes(s, w, h);
        legend(s, e.labels());
        return s.append("</svg>").toString();
    }

    private static StringBuilder svgStart(int w, int h, String title) {
        return new StringBuilder("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" viewBox=\"0 0 %d %d\"><text x=\"10\" y=\"16\" font-size=\"13\" font-weight=\"bold\">%s</text>"
                .formatted(w, h, w, h, escape(title)));
    }

    private static void axes(StringBuilder s, int w, int h) {
        s.append("<line x1=\"45\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"#555\"/>".formatted(h - 35, w - 15, h - 35));
        s.append("<line x1=\"45\" y1=\"35\" x2=\"45\" y2=\"%d\" stroke=\"#555\"/>".formatted(h - 35));
        for (int t = 0; t <= 4; t++) {
            double v = t / 4.0;
            s.append("<text x=\"40\" y=\"%.1f\" font-size=\"10\" text-anchor=\"end\">%.2f</text>".formatted(py(v, h) + 3, v));
        }
    }

    private static void legend(StringBuilder s, List<String> labels) {
        for (int k = 0; k < labels.size(); k++) {
            s.append("<text x=\"%d\" y=\"32\" font-size=\"11\" fill=\"%s\">%s</text>"
                    .formatted(60 + k * 100, COLORS[k % COLORS.length], escape(labels.get(k))));
        }
    }

    private static String polyline(double[][] points, int w, int h, String color, String label) {
        StringBuilder p = new StringBuilder();
        for (double[] pt : points) {
            p.append("%.1f,%.1f ".formatted(px(pt[0], w), py(pt[1], h)));
        }
        return "<polyline fill=\"none\" stroke=\"%s\" stroke-width=\"2\" points=\"%s\"><title>%s</title></polyline>"
                .formatted(color, p.toString().strip(), escape(label));
    }

    private static double px(double v, int w) {
        return 45 + v * (w - 60);
    }

    private static double py(double v, int h) {
        return h - 35 - v * (h - 70);
    }

    static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
