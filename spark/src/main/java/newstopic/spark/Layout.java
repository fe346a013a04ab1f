package newstopic.spark;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import newstopic.article.RecordLayout;

/**
 * A {@link RecordLayout} that Spark can ship to executors (core's record is not serializable).
 * Immutable and thread-safe.
 */
record Layout(boolean header, ArrayList<String> columns, String id, String title, String text, String labels,
              String labelSeparator, HashMap<String, String> labelNames, boolean backslashBreaks, String idPrefix)
        implements Serializable {

    static Layout of(RecordLayout l) {
        return new Layout(l.header(), new ArrayList<>(l.columns()), l.id(), l.title(), l.text(), l.labels(),
                l.labelSeparator(), new HashMap<>(l.labelNames()), l.backslashBreaks(), l.idPrefix());
    }

    RecordLayout toRecordLayout() {
        return new RecordLayout(header, List.copyOf(columns), id, title, text, labels, labelSeparator, Map.copyOf(labelNames),
                backslashBreaks, idPrefix);
    }
}
