package newstopic.article;

import java.util.LinkedHashSet;
import java.util.Set;
import java.util.regex.Pattern;

/** Field handling shared by the CSV and JSON Lines readers. Stateless and thread-safe. */
final class LabeledRecords {

    private static final Pattern LABEL = Pattern.compile("[\\p{Ll}\\p{Nd}][\\p{Ll}\\p{Nd}_.-]*");

    private LabeledRecords() {
    }

    /** Parses a labels field; an empty field means "no label applies". */
    static Set<String> parseLabels(String raw, RecordLayout layout, ReadOptions options, Source source) {
        Set<String> labels = new LinkedHashSet<>();
        if (raw == null || raw.isBlank()) {
            return labels;
        }
        for (String part : raw.split(Pattern.quote(layout.labelSeparator()), -1)) {
            String value = part.strip();
            if (value.isEmpty()) {
                throw new ArticleFormatException(source, layout.labels(), "empty label in \"" + raw + "\"");
            }
            value = layout.labelNames().getOrDefault(value, value);
            if (options.knownLabels() != null ? !options.knownLabels().contains(value) : !LABEL.matcher(value).matches()) {
                throw new ArticleFormatException(source, layout.labels(), "unknown label \"" + value + "\""
                        + (options.knownLabels() != null ? " (known: " + String.join(", ", new java.util.TreeSet<>(options.knownLabels())) + ")"
                        : " (labels are lower-case words)"));
            }
            if (!labels.add(value)) {
                throw new ArticleFormatException(source, layout.labels(), "label \"" + value + "\" given twice");
            }
        }
        return labels;
    }

    /** Undoes the AG News convention of a backslash for a line break. */
    static String unescapeBackslashes(String s) {
        if (s.indexOf('\\') < 0) {
            return s;
        }
        StringBuilder sb = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c != '\\') {
                sb.append(c);
            } else if (i + 1 < s.length() && s.charAt(i + 1) == '$') {
                sb.append('$');
                i++;
            } else if (i + 1 < s.length() && s.charAt(i + 1) == '\\') {
                sb.append('\\');
                i++;
            } else {
                sb.append('\n');
            }
        }
        return sb.toString();
    }

    static Article article(String id, String title, String text, Set<String> labels, Source source, RecordLayout layout) {
        String t = title == null ? "" : title.strip();
        String body = text == null ? "" : text.strip();
        if (layout.backslashBreaks()) {
            t = unescapeBackslashes(t);
            body = unescapeBackslashes(body);
        }
        if (body.isEmpty() && t.isEmpty()) {
            throw new ArticleFormatException(source, layout.text(), "empty text (and no title)");
        }
        return Article.of(id, t, body, source, labels);
    }
}
