package newstopic.article;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

class RawPageReaderTest {

    static Path fixture(String name) {
        try {
            return Path.of(RawPageReaderTest.class.getResource("/raw/" + name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static ReadResult read(String... names) throws IOException {
        RawPageReader reader = new RawPageReader(false);
        ArticleSink.Collector all = new ArticleSink.Collector();
        for (String name : names) {
            reader.read(fixture(name), all);
        }
        return all.result();
    }

    @Test
    void splitsTitleCaptionsAndBodyAndDropsDebris() throws IOException {
        List<Article> articles = read("two_articles.txt").articles();
        assertEquals(2, articles.size());
        Article first = articles.get(0);
        assertEquals("Port Workers in Aqaba Vote to Extend Overtime Ban", first.title());
        assertEquals(List.of("Cranes stand idle at the container terminal in Aqaba on Monday. (Petra)"), first.captions());
        assertEquals(List.of(
                "Dock workers at the Red Sea port voted on Monday to keep refusing overtime shifts for a second month.",
                "The union said talks with the port operator had stalled over night-shift pay.",
                "Shipping agents warned that waiting times for vessels could double."), first.paragraphs());
        assertTrue(first.id().matches("raw-[0-9a-f]{16}"), first.id());
        assertNull(first.labels());
        assertEquals(1, first.source().line());
    }

    @Test
    void readsParagraphsSeparatedBySingleNewlines() throws IOException {
        Article second = read("two_articles.txt").articles().get(1);
        assertEquals("Envoys Meet in Muscat to Revive Stalled Border Talks", second.title());
        assertEquals(List.of("Delegations arrive at a hotel in Muscat. (AFP)"), second.captions());
        assertEquals(List.of(
                "Negotiators from the two neighbours met in the Omani capital for the first time in a year.",
                "A mediator said both sides agreed to a second round next month."), second.paragraphs());
        assertEquals(20, second.source().line());
    }

    @Test
    void readsAnArticleWithoutCaptions() throws IOException {
        List<Article> articles = read("no_caption.txt").articles();
        assertEquals(1, articles.size());
        assertEquals("Heavy Rain Floods Streets of Alexandria", articles.get(0).title());
        assertEquals(List.of(), articles.get(0).captions());
        assertEquals(2, articles.get(0).paragraphs().size());
    }

    @Test
    void handlesCrlfBomTabsAndTrailingSpacesAndReportsDuplicatesAcrossFiles() throws IOException {
        ReadResult result = read("two_articles.txt", "no_caption.txt", "crlf_bom.txt");
        // crlf_bom.txt repeats the rain article and the Muscat article: both kept once
        assertEquals(3, result.articles().size());
        assertEquals(2, result.duplicates().size());
        ReadResult.Duplicate dup = result.duplicates().get(0);
        assertEquals("Heavy Rain Floods Streets of Alexandria", dup.title());
        assertTrue(dup.dropped().file().endsWith("crlf_bom.txt"), dup.toString());
        assertEquals(1, dup.dropped().line());
        assertTrue(dup.kept().file().endsWith("no_caption.txt"), dup.toString());
        assertEquals("Envoys Meet in Muscat to Revive Stalled Border Talks", result.duplicates().get(1).title());
    }

    @Test
    void crlfFileAloneParsesLikeItsLfTwin() throws IOException {
        List<Article> crlf = read("crlf_bom.txt").articles();
        assertEquals(2, crlf.size());
        assertEquals("Heavy Rain Floods Streets of Alexandria", crlf.get(0).title());
        assertEquals("Streets in the Mediterranean city were under water after a night of storms.",
                crlf.get(0).paragraphs().get(0));
        assertEquals(read("no_caption.txt").articles().get(0).id(), crlf.get(0).id());
    }

    @Test
    void emptyFileHoldsNoArticle() throws IOException {
        ReadResult result = read("empty.txt");
        assertEquals(0, result.articles().size());
        assertEquals(0, result.skipped().size());
    }

    @Test
    void textWithoutRepeatedHeadlineIsOnePlainArticle() throws IOException {
        List<Article> articles = read("plain.txt").articles();
        assertEquals(1, articles.size());
        assertEquals("Central Bank Holds Rates Steady", articles.get(0).title());
        assertEquals(List.of("The bank kept its main rate at 5 percent.", "Analysts had expected the pause."),
                articles.get(0).paragraphs());
    }

    @Test
    void articleWithoutBodyIsAnErrorOrSkippedWhenLenient() {
        String page = "Lonely Headline\n\nTT\n20\n\nLonely Headline\n";
        ArticleFormatException e = assertThrows(ArticleFormatException.class,
                () -> new RawPageReader(false).read(page, "page.txt"));
        assertEquals("page.txt:1: field 'body': article \"Lonely Headline\" has no body text", e.getMessage());

        ReadResult lenient = new RawPageReader(true)
                .read(page + "\n\n\nSecond One\n\nTT\n20\n\nSecond One\n\nIt has a body.\n", "page.txt");
        assertEquals(1, lenient.articles().size());
        assertEquals(1, lenient.skipped().size());
        assertEquals(1, lenient.skipped().get(0).source().line());
    }

    @Test
    void textBeforeTheFirstHeadlineIsReported() {
        String page = "stray words\n\nTitle A\n\nTT\n20\n\nTitle A\n\nBody of A.\n";
        ArticleFormatException e = assertThrows(ArticleFormatException.class,
                () -> new RawPageReader(false).read(page, "p.txt"));
        assertEquals(new Source("p.txt", 1), e.source());
    }

    @Test
    void aQuotationRepeatedInABodyIsNotTakenForAHeadline() {
        String page = "Title B\n\nTT\n20\n\nTitle B\n\n\"We will not leave,\" she said.\nOfficials disagreed.\n"
                + "Another line.\nA fourth line.\n\"We will not leave,\" she said.\nThe end.\n";
        ReadResult result = new RawPageReader(false).read(page, "q.txt");
        assertEquals(1, result.articles().size());
        assertEquals(6, result.articles().get(0).paragraphs().size());
    }

    @Test
    void invalidUtf8NamesTheLine() throws IOException {
        Path file = Files.createTempFile("bad", ".txt");
        Files.write(file, new byte[] {'o', 'k', '\n', 'b', 'a', (byte) 0xC3, '(', '\n'});
        ArticleFormatException e = assertThrows(ArticleFormatException.class, () -> new RawPageReader(false).read(file));
        assertEquals(2, e.source().line());
        assertTrue(e.getMessage().contains("invalid UTF-8"), e.getMessage());
        Files.delete(file);
    }

    /** The shared sample pages: three unique articles, the Iraq one in both files. */
    @Test
    void sharedSamplesWhenPresent() throws IOException {
        Path dir = Path.of(System.getProperty("newstopic.root", "..")).resolve("../shared/samples/raw").normalize();
        Assumptions.assumeTrue(Files.isDirectory(dir), "shared samples not present: " + dir);
        ReadResult result = ArticleInputs.read(List.of(dir.toString()), InputFormat.RAW, RecordLayout.STANDARD,
                ReadOptions.STRICT, System.in);
        assertEquals(List.of(
                "Iraq and US Need to Return to Dialogue Over Future of Coalition Force, Says Iraq FM",
                "Hamas Sources: Trump’s Displacement Remarks Inconsistent with US Messages",
                "Tunisia Dismantles Makeshift Camp Housing Thousands of Sub-Saharan Migrants"),
                result.articles().stream().map(Article::title).toList());
        assertEquals(1, result.duplicates().size());
        for (Article a : result.articles()) {
            assertTrue(a.paragraphs().size() >= 5, a.title());
            assertTrue(a.paragraphs().stream().noneMatch(p -> p.equals("TT") || p.equals("20") || p.equals(a.title())));
        }
    }
}
