package newstopic.article;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

class JsonLinesArticleReaderTest {

    private static final ReadOptions STRICT = new ReadOptions(false, Set.of("conflict", "migration", "diplomacy"));

    private static ReadResult read(String jsonl, ReadOptions options) {
        return new JsonLinesArticleReader(RecordLayout.STANDARD, options).read(jsonl, "a.jsonl");
    }

    @Test
    void readsArraysStringsAndMissingLabels() {
        String jsonl = "{\"id\": \"j1\", \"title\": \"Boat capsizes\", \"text\": \"Dozens missing.\", \"labels\": [\"migration\"]}\n"
                + "\n"
                + "{\"id\": 7, \"title\": \"Summit\", \"text\": \"Leaders met.\", \"labels\": \"diplomacy;conflict\"}\r\n"
                + "{\"title\": \"Cup final\", \"text\": \"A late goal.\"}\n";
        List<Article> articles = read(jsonl, STRICT).articles();
        assertEquals(3, articles.size());
        assertEquals(Set.of("migration"), articles.get(0).labels());
        assertEquals("7", articles.get(1).id());
        assertEquals(Set.of("conflict", "diplomacy"), articles.get(1).labels());
        assertEquals(3, articles.get(1).source().line());
        assertEquals("a-4", articles.get(2).id());
        assertNull(articles.get(2).labels());
    }

    @Test
    void badLinesNameLineAndField() {
        assertEquals("a.jsonl:2: invalid JSON: Unexpected end-of-input: expected close marker for Object",
                assertThrows(ArticleFormatException.class, () -> read("{\"text\": \"a\"}\n{\"text\": \"b\"\n", STRICT)).getMessage());
        assertEquals("a.jsonl:1: field 'text': missing field",
                assertThrows(ArticleFormatException.class, () -> read("{\"title\": \"x\"}\n", STRICT)).getMessage());
        assertEquals("a.jsonl:1: field 'labels': unknown label \"sport\" (known: conflict, diplomacy, migration)",
                assertThrows(ArticleFormatException.class, () -> read("{\"text\": \"x\", \"labels\": [\"sport\"]}", STRICT)).getMessage());
        assertEquals("a.jsonl:1: field 'title': expected a string, found OBJECT",
                assertThrows(ArticleFormatException.class, () -> read("{\"text\": \"x\", \"title\": {}}", STRICT)).getMessage());
    }

    @Test
    void lenientSkipsAndReports() {
        ReadResult r = read("[1]\n{\"text\": \"fine\", \"labels\": []}\n", new ReadOptions(true, null));
        assertEquals(1, r.articles().size());
        assertEquals(Set.of(), r.articles().get(0).labels());
        assertEquals(1, r.skipped().size());
        assertTrue(r.skipped().get(0).getMessage().contains("expected a JSON object"));
    }
}
