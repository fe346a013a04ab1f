package newstopic.article;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Where a labeled record keeps its fields, for CSV and JSON Lines inputs. Immutable and
 * thread-safe.
 *
 * @param header          CSV only: whether the first row names the columns; without it
 *                        {@code columns} names them in order
 * @param columns         CSV without header: the column names in order
 * @param id              field holding the id, or {@code null} to derive ids from file and line
 * @param title           field holding the headline, or {@code null} when there is none
 * @param text            field holding the body text (required)
 * @param labels          field holding the labels, or {@code null} for unlabeled input
 * @param labelSeparator  separator between labels inside the labels field
 * @param labelNames      renames raw label values (e.g. AG News class numbers to names); values
 *                        not in the map are kept as they are
 * @param backslashBreaks whether a backslash in a field stands for a line break ({@code \$}
 *                        for a dollar sign), as in the AG News files
 * @param idPrefix        without an id field, ids are this prefix and the line number; {@code null}
 *                        means the file's name without extension and a dash ({@code news-12})
 */
public record RecordLayout(boolean header, List<String> columns, String id, String title, String text,
                           String labels, String labelSeparator, Map<String, String> labelNames,
                           boolean backslashBreaks, String idPrefix) {

    /** {@code id,title,text,labels} with a header row and {@code ;} between labels. */
    public static final RecordLayout STANDARD = new RecordLayout(true, List.of(), "id", "title", "text",
            "labels", ";", Map.of(), false);

    /**
     * The AG News layout: {@code class,title,description}, no header, backslash line breaks; ids
     * are {@code ag} plus the 1-based line number, classes are named.
     */
    public static final RecordLayout AG_NEWS = new RecordLayout(false, List.of("class", "title", "description"),
            null, "title", "description", "class", ";",
            Map.of("1", "world", "2", "sports", "3", "business", "4", "scitech"), true, "ag");

    public RecordLayout {
        columns = List.copyOf(columns);
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(labelSeparator, "labelSeparator");
        labelNames = Map.copyOf(labelNames);
        if (!header && columns.isEmpty()) {
            throw new IllegalArgumentException("a layout without header row must name its columns");
        }
    }

    /**
     * The layout a user names: {@code standard} or {@code agnews}, or, with {@code columns}, the
     * four field names of id, title, text and labels ({@code -} for absent).
     *
     * @throws IllegalArgumentException naming the option that is wrong
     */
    public static RecordLayout named(String layout, List<String> columns) {
        RecordLayout base = switch (layout) {
            case "standard" -> STANDARD;
            case "agnews" -> AG_NEWS;
            default -> throw new IllegalArgumentException("unknown --layout '" + layout + "' (standard or agnews)");
        };
        if (columns == null) {
            return base;
        }
        if (columns.size() != 4) {
            throw new IllegalArgumentException("--columns takes four names: id,title,text,labels (- for absent)");
        }
        java.util.function.UnaryOperator<String> absent = name -> name.equals("-") ? null : name;
        return new RecordLayout(true, List.of(), absent.apply(columns.get(0)), absent.apply(columns.get(1)), columns.get(2),
                absent.apply(columns.get(3)), base.labelSeparator(), Map.of(), false);
    }

    /** A layout whose derived ids are {@code <file name>-<line>}. */
    public RecordLayout(boolean header, List<String> columns, String id, String title, String text, String labels,
                        String labelSeparator, Map<String, String> labelNames, boolean backslashBreaks) {
        this(header, columns, id, title, text, labels, labelSeparator, labelNames, backslashBreaks, null);
    }

    /** This layout reading labels from another field (or none, for {@code null}). */
    public RecordLayout withLabels(String field) {
        return new RecordLayout(header, columns, id, title, text, field, labelSeparator, labelNames, backslashBreaks, idPrefix);
    }

    /** The id of a record that has none: the prefix (or file name) and the record's line. */
    public String derivedId(Source source) {
        if (idPrefix != null) {
            return idPrefix + source.line();
        }
        String file = source.file();
        java.nio.file.Path name = java.nio.file.Path.of(file).getFileName();
        String base = name == null ? file : name.toString();
        int dot = base.lastIndexOf('.');
        return (dot > 0 ? base.substring(0, dot) : base) + "-" + source.line();
    }

    /** The field names this layout needs, in the order id, title, text, labels (nulls skipped). */
    List<String> requiredFields() {
        return java.util.stream.Stream.of(id, title, text, labels).filter(Objects::nonNull).toList();
    }
}
