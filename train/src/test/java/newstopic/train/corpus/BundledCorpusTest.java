package newstopic.train.corpus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import newstopic.article.Article;
import newstopic.article.ArticleInputs;
import newstopic.article.CsvArticleReader;
import newstopic.article.InputFormat;
import newstopic.article.ReadOptions;
import newstopic.article.ReadResult;
import newstopic.article.RecordLayout;
import newstopic.features.NearDuplicates;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Validates the bundled training data in data/ (the corpus training reads by default): schema, labels, uniqueness and the coverage it promises. */
class BundledCorpusTest {

    static final Set<String> TOPICS = Set.of("conflict", "migration", "diplomacy");
    static final Path DATA = Path.of(System.getProperty("newstopic.root", "..")).resolve("data");

    /** The CSV corpus, then the labeled raw pages: everything {@code newstopic train} reads by default. */
    static List<Article> corpus;
    static ReadResult pages;

    @BeforeAll
    static void readCorpus() throws IOException {
        corpus = new ArrayList<>();
        try (Stream<Path> files = Files.list(DATA.resolve("corpus"))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".csv")).sorted().toList()) {
                // strict: any schema or label problem fails here with file, line and field
                ReadResult r = new CsvArticleReader(RecordLayout.STANDARD, new ReadOptions(false, TOPICS)).read(f);
                corpus.addAll(r.articles());
            }
        }
        pages = ArticleInputs.read(List.of(DATA.resolve("pages").toString()), InputFormat.RAW, RecordLayout.STANDARD,
                new ReadOptions(false, TOPICS), System.in);
        corpus.addAll(pages.articles());
    }

    private static int words(String s) {
        String t = s.strip();
        return t.isEmpty() ? 0 : t.split("\\s+").length;
    }

    @Test
    void everyItemIsLabeledWithAUniqueIdAndATitle() {
        Set<String> ids = new HashSet<>();
        for (Article a : corpus) {
            assertTrue(ids.add(a.id()), "duplicate id " + a.id() + " at " + a.source());
            assertTrue(a.isLabeled(), a.source().toString());
            assertTrue(!a.title().isBlank() && !a.body().isBlank(), "title and text needed: " + a.source());
        }
    }

    @Test
    void sizeAndLengthMinima() {
        long briefs = corpus.stream().filter(a -> words(a.body()) <= 90).count();
        long articles = corpus.stream().filter(a -> words(a.body()) >= 150 && words(a.body()) <= 500).count();
        long longArticles = corpus.stream().filter(a -> words(a.body()) >= 300 && words(a.body()) <= 900).count();
        assertTrue(corpus.size() >= 5500, "items: " + corpus.size());
        assertTrue(briefs >= 4000, "briefs (<= 90 words): " + briefs);
        assertTrue(articles >= 300, "full articles (150-500 words): " + articles);
        assertTrue(longArticles >= 1000, "long articles (300-900 words), as real wire and newspaper copy: " + longArticles);
    }

    @Test
    void theLabeledRawPagesAreReadWholeAndLabeledEvery() {
        assertTrue(pages.articles().size() >= 300, "raw-page articles: " + pages.articles().size());
        assertEquals(List.of(), pages.duplicates(), "no article is repeated across the pages");
        for (Article a : pages.articles()) {
            assertTrue(a.isLabeled(), "no labels.csv row for \"" + a.title() + "\" (" + a.source() + ")");
            assertTrue(words(a.body()) >= 300, "a long article: " + a.source());
            assertTrue(a.paragraphs().stream().noneMatch(p -> p.equals("TT") || p.matches("\\d{1,4}")),
                    "no page debris in the body: " + a.source());
        }
    }

    @Test
    void everyLabelCombinationIsCoveredAndAThirdHaveNoLabel() {
        Map<Set<String>, Integer> combos = new HashMap<>();
        for (Article a : corpus) {
            combos.merge(a.labels(), 1, Integer::sum);
        }
        for (Set<String> combo : List.of(Set.of("conflict"), Set.of("migration"), Set.of("diplomacy"),
                Set.of("conflict", "diplomacy"), Set.of("conflict", "migration"), Set.of("migration", "diplomacy"),
                Set.of("conflict", "migration", "diplomacy"))) {
            assertTrue(combos.getOrDefault(combo, 0) >= 25, "too few items labeled " + combo + ": " + combos.get(combo));
        }
        int none = combos.getOrDefault(Set.of(), 0);
        assertTrue(none >= 0.35 * corpus.size(), "no-label share: " + none + " of " + corpus.size());
    }

    @Test
    void noExactOrNearDuplicateTexts() {
        List<String> texts = corpus.stream().map(a -> a.title() + "\n" + a.body()).toList();
        // 0.3 catches the same event retold in other words, not only light edits
        NearDuplicates.Result result = NearDuplicates.find(texts, 0.3);
        List<String> found = result.pairs().stream()
                .map(p -> corpus.get(p.first()).id() + " ~ " + corpus.get(p.second()).id() + " (" + p.jaccard() + ")")
                .toList();
        assertEquals(List.of(), found);
        Set<String> titles = new HashSet<>();
        for (Article a : corpus) {
            assertTrue(titles.add(a.title().toLowerCase()), "title used twice: " + a.title());
        }
    }

    @Test
    void rawPagesHaveLabelsForEveryArticleAndOneRepeatedArticle() throws IOException {
        Path raw = DATA.resolve("raw");
        try (Stream<Path> files = Files.list(raw)) {
            assertTrue(files.filter(p -> p.toString().endsWith(".txt")).count() >= 12);
        }
        ReadResult pages = ArticleInputs.read(List.of(raw.toString()), InputFormat.AUTO, RecordLayout.STANDARD,
                new ReadOptions(false, TOPICS), System.in);
        assertEquals(1, pages.duplicates().size(), "one article is repeated across two files");
        assertTrue(pages.articles().size() >= 30, "articles: " + pages.articles().size());
        for (Article a : pages.articles()) {
            assertTrue(a.isLabeled(), "no labels.csv row for \"" + a.title() + "\" (" + a.source() + ")");
            assertTrue(!a.paragraphs().isEmpty() && words(a.body()) >= 150, a.title());
        }
        Set<String> titles = new HashSet<>();
        pages.articles().forEach(a -> titles.add(a.title()));
        List<String> sidecar = Files.readAllLines(raw.resolve("labels.csv"));
        assertEquals(titles.size() + 1, sidecar.size(), "labels.csv rows match the articles one to one");
    }
}
