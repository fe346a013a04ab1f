package newstopic.article;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

class CsvArticleReaderTest {

    private static final Set<String> TOPICS = Set.of("conflict", "migration", "diplomacy");
    private static final ReadOptions STRICT = new ReadOptions(false, TOPICS);

    private static ReadResult read(String csv, ReadOptions options) {
        return new CsvArticleReader(RecordLayout.STANDARD, options).read(csv, "c.csv");
    }

    @Test
    void readsStandardLayoutWithQuotedMultilineText() {
        String csv = "id,title,text,labels\n"
                + "a1,Talks resume,\"Envoys met, again.\nA second line.\",diplomacy\n"
                + "a2,Shelling hits town,Three killed.,conflict;diplomacy\n"
                + "a3,Markets rally,Stocks rose.,\n";
        List<Article> articles = read(csv, STRICT).articles();
        assertEquals(3, articles.size());
        assertEquals("a1", articles.get(0).id());
        assertEquals("Envoys met, again.\nA second line.", articles.get(0).body());
        assertEquals(Set.of("diplomacy"), articles.get(0).labels());
        assertEquals(Set.of("conflict", "diplomacy"), articles.get(1).labels());
        assertEquals(4, articles.get(1).source().line()); // the first record spans lines 2-3
        assertEquals(Set.of(), articles.get(2).labels());
        assertTrue(articles.get(2).isLabeled());
    }

    @Test
    void unknownLabelNamesFileLineAndField() {
        String csv = "id,title,text,labels\na1,T,Body.,conflict\na2,T,Body.,sports\n";
        ArticleFormatException e = assertThrows(ArticleFormatException.class, () -> read(csv, STRICT));
        assertEquals("c.csv:3: field 'labels': unknown label \"sports\" (known: conflict, diplomacy, migration)",
                e.getMessage());
    }

    @Test
    void missingColumnIsReportedOnTheHeader() {
        ArticleFormatException e = assertThrows(ArticleFormatException.class,
                () -> read("id,title,body,labels\na,b,c,\n", STRICT));
        assertEquals("c.csv:1: field 'text': missing column (header has: id,title,body,labels)", e.getMessage());
    }

    @Test
    void unbalancedQuoteIsAnError() {
        ArticleFormatException e = assertThrows(ArticleFormatException.class,
                () -> read("id,title,text,labels\na1,T,\"never closed,conflict\n", STRICT));
        assertTrue(e.getMessage().startsWith("c.csv:"), e.getMessage());
        assertTrue(e.getMessage().contains("malformed CSV"), e.getMessage());
    }

    @Test
    void emptyTextAndWrongColumnCountAreErrors() {
        ArticleFormatException empty = assertThrows(ArticleFormatException.class,
                () -> read("id,title,text,labels\na1,,  ,\n", STRICT));
        assertEquals("c.csv:2: field 'text': empty text (and no title)", empty.getMessage());
        ArticleFormatException columns = assertThrows(ArticleFormatException.class,
                () -> read("id,title,text,labels\na1,T,B\n", STRICT));
        assertEquals("c.csv:2: expected 4 columns, found 3", columns.getMessage());
    }

    @Test
    void duplicateAndEmptyLabelsAreErrors() {
        assertEquals("c.csv:2: field 'labels': label \"conflict\" given twice",
                assertThrows(ArticleFormatException.class,
                        () -> read("id,title,text,labels\na,T,B,conflict;conflict\n", STRICT)).getMessage());
        assertEquals("c.csv:2: field 'labels': empty label in \"conflict;\"",
                assertThrows(ArticleFormatException.class,
                        () -> read("id,title,text,labels\na,T,B,conflict;\n", STRICT)).getMessage());
    }

    @Test
    void lenientModeSkipsBadRowsAndSaysWhere() {
        String csv = "id,title,text,labels\na1,T,Body.,conflict\na2,T,Body.,sports\na3,,,\na4,T,Body.,\n";
        ReadResult result = read(csv, new ReadOptions(true, TOPICS));
        assertEquals(List.of("a1", "a4"), result.articles().stream().map(Article::id).toList());
        assertEquals(List.of(3, 4), result.skipped().stream().map(e -> e.source().line()).toList());
        assertEquals(List.of("labels", "text"), result.skipped().stream().map(ArticleFormatException::field).toList());
    }

    @Test
    void agNewsLayoutUnescapesAndNamesClasses() {
        String csv = "\"3\",\"Fears for pension\",\"Unions say they are #39;disappointed#39;.\"\n"
                + "\"4\",\"Rocket team\",\"A second\\team of rocketeers for the \\$10 prize\"\n";
        List<Article> articles = new CsvArticleReader(RecordLayout.AG_NEWS, ReadOptions.STRICT).read(csv, "ag.csv").articles();
        assertEquals("ag1", articles.get(0).id());
        assertEquals("ag2", articles.get(1).id());
        assertEquals(Set.of("business"), articles.get(0).labels());
        assertEquals(Set.of("scitech"), articles.get(1).labels());
        assertEquals("A second\nteam of rocketeers for the $10 prize", articles.get(1).body());
    }

    @Test
    void customColumnNamesAndUnlabeledInput() {
        RecordLayout layout = new RecordLayout(true, List.of(), "doc", "headline", "content", null, "|", Map.of(), false);
        Article a = new CsvArticleReader(layout, ReadOptions.STRICT)
                .read("doc,headline,content\nx9,Hello,World text\n", "n.csv").articles().get(0);
        assertEquals("x9", a.id());
        assertEquals("Hello", a.title());
        assertNull(a.labels());
    }

    @Test
    void invalidUtf8InCsvNamesTheLine() throws IOException {
        Path file = Files.createTempFile("bad", ".csv");
        byte[] bytes = "id,title,text,labels\na,T,ok,\nb,T,bad \u00ff,\n".getBytes(StandardCharsets.ISO_8859_1);
        Files.write(file, bytes);
        ArticleFormatException e = assertThrows(ArticleFormatException.class,
                () -> new CsvArticleReader(RecordLayout.STANDARD, STRICT).read(file));
        assertEquals(3, e.source().line());
        Files.delete(file);
    }

    @Test
    void sidecarLabelsAttachToRawPagesByTitle() throws IOException {
        Path dir = Files.createTempDirectory("pages");
        Files.copy(RawPageReaderTest.fixture("two_articles.txt"), dir.resolve("p1.txt"));
        Files.writeString(dir.resolve("labels.csv"),
                "title,labels\nEnvoys Meet in Muscat to Revive Stalled Border Talks,diplomacy\n"
                        + "Port Workers in Aqaba Vote to Extend Overtime Ban,\n");
        Files.writeString(dir.resolve("README.md"), "notes are not articles");
        ReadResult result = ArticleInputs.read(List.of(dir.toString()), InputFormat.AUTO, RecordLayout.STANDARD,
                STRICT, new ByteArrayInputStream(new byte[0]));
        assertEquals(2, result.articles().size());
        assertEquals(Set.of(), result.articles().get(0).labels());
        assertEquals(Set.of("diplomacy"), result.articles().get(1).labels());
    }
}
