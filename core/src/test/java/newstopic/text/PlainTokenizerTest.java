package newstopic.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import newstopic.article.Article;
import newstopic.article.ArticleInputs;
import newstopic.article.InputFormat;
import newstopic.article.ReadOptions;
import newstopic.article.RecordLayout;
import org.junit.jupiter.api.Test;

/**
 * The fast path for plain text must cut exactly the tokens the reference tokenizer cuts, and must
 * give up on exactly the texts the normalizer would change.
 */
public class PlainTokenizerTest {

    static final Path DATA = Path.of(System.getProperty("newstopic.root", "..")).resolve("data");

    /** Texts that probe every rule of the tokenizer and normalizer. */
    public static final List<String> ADVERSARIAL = List.of(
            "", " ", "a", "A", "9", ".", "-", "'", "U.S.", "u.s", "U.S", "e.g. a.b.c.d. A.B.C talks", "I. Smith, J.R.R. Tolkien",
            "iran-backed o'brien at&t AT&T 2,500 3.5 3.5.6 1,2,3 1, 2 1 ,2 1. 2 .5 5. -5 5- a-1 1-a",
            "Israel's troops' Refugees's talk-s - -- 's 'tis rock'n'roll x's s's ''s a''b a--b",
            "http://x.com/a?b=1 https://t.co/x) www.example.org. HTTP://X.COM Www.Foo help keep whip hope whop http htt www www.",
            "http://x.com/a?b=1&c=2 https://a.b/&amp;", "see www.x.org/path\"quoted\" and http://y.z<b>",
            "a".repeat(16) + " " + "b".repeat(17) + " " + "c".repeat(64) + " " + "d".repeat(65) + " " + "9".repeat(70) + " e",
            "x".repeat(8) + " " + "y".repeat(9) + " 12345678 123456789 " + "Ab".repeat(8) + " " + "Ab".repeat(9),
            "WAR Talks TALKS talked talking 1999 2024 2024's 1990s B52 b-52 F-16s COVID-19 covid19",
            "&amp; &lt;b&gt;x&lt;/b&gt; quot;talks quot; #39;s &#39; &#x27; &nbsp; a;b a#b <p>hi</p>",
            "Z\u00fcrich caf\u00e9 \uFB01ne \u00A0 war \u2019s \u201cquoted\u201d \u2014 dash", "\uD83D\uDE00 war \uD83D\uDE00talks",
            "e\u0301 talks", "\u0645\u0631\u062d\u0628\u0627 talks", "tab\tnew\nline\r\nend", "a\u0000b", "trailing-", "trailing'",
            "1,", "1.", "a.", "a.b", "a.b.", "ab.c", "end.", "x-y-z", "x--y", "A&B", "a&", "&b", "a'", "'a");

    public static List<String> corpusTexts() throws IOException {
        List<String> texts = new ArrayList<>();
        for (String dir : List.of("corpus", "raw")) {
            List<Article> articles = ArticleInputs.read(List.of(DATA.resolve(dir).toString()), InputFormat.AUTO,
                    RecordLayout.STANDARD, ReadOptions.STRICT, System.in).articles();
            for (Article a : articles) {
                texts.add(a.title());
                texts.add(a.text());
            }
        }
        return texts;
    }

    private static final List<AnalyzerConfig> CONFIGS = List.of(
            AnalyzerConfig.DEFAULT,
            AnalyzerConfig.DEFAULT.withStopWords(true).withStem(true),
            new AnalyzerConfig(false, false, false, false, false, false, false, false),
            new AnalyzerConfig(true, true, false, true, true, true, true, false),
            new AnalyzerConfig(true, false, true, false, true, false, false, true));

    @Test
    void cutsTheReferenceTokensOfEveryPlainTextAndGivesUpOnTheOthers() throws IOException {
        List<String> texts = new ArrayList<>(corpusTexts());
        texts.addAll(ADVERSARIAL);
        int plainTexts = 0;
        for (AnalyzerConfig config : CONFIGS) {
            Analyzer.Pipeline fast = new Analyzer(config).newPipeline();
            Analyzer.Pipeline reference = new Analyzer(config).newPipeline();
            TextNormalizer normalizer = new TextNormalizer(config);
            for (String text : texts) {
                List<String> expected = surfaceTokens(reference.reset(text));
                // on the normalized text the fast tokenizer never gives up
                assertEquals(expected, fastTokens(fast, fast.normalized(text)), () -> config + ": " + text);
                List<String> actual = fastTokens(fast, fast.plain(text));
                boolean needed = normalizer.isNeeded(text.toCharArray(), text.length());
                if (actual == null) {
                    assertTrue(needed, () -> "gave up on plain text: " + text);
                } else {
                    assertEquals(false, needed, () -> "took a text that needs normalizing: " + text);
                    assertEquals(expected, actual, () -> config + ": " + text);
                    plainTexts++;
                }
            }
        }
        assertTrue(plainTexts > texts.size() * 3, "most texts are plain: " + plainTexts);
    }

    /** Each surface token as start:end:text:acronym. */
    private static List<String> surfaceTokens(Analyzer.Pipeline pipeline) {
        List<String> out = new ArrayList<>();
        CharTerm t = pipeline.term();
        while (pipeline.nextSurface()) {
            out.add(t.startOffset() + ":" + t.endOffset() + ":" + t + ":" + t.isAcronym());
        }
        return out;
    }

    /** The same through the fast path, or null when it gives up. */
    private static List<String> fastTokens(Analyzer.Pipeline pipeline, PlainTokenizer plain) {
        List<String> out = new ArrayList<>();
        CharTerm t = pipeline.term();
        while (true) {
            int start = -1;
            int kind = plain.next();
            if (kind == PlainTokenizer.WORD) {
                start = plain.start();
                out.add(start + ":?:" + unpack(plain.low(), plain.high()) + ":false");
                // the end offset is where the full tokenizer would have stopped too
                pipeline.nextSurfaceAt(start);
                out.set(out.size() - 1, start + ":" + t.endOffset() + ":" + unpack(plain.low(), plain.high()) + ":false");
            } else if (kind == PlainTokenizer.OTHER) {
                if (!pipeline.nextSurfaceAt(plain.start())) {
                    return plain.skipTo(pipeline.textLength()) ? out : null;
                }
                out.add(t.startOffset() + ":" + t.endOffset() + ":" + t + ":" + t.isAcronym());
                if (!plain.skipTo(t.endOffset())) {
                    return null;
                }
            } else if (kind == PlainTokenizer.END) {
                return out;
            } else {
                return null;
            }
        }
    }

    private static String unpack(long low, long high) {
        StringBuilder sb = new StringBuilder();
        for (long v : new long[] {low, high}) {
            for (int i = 0; i < 8 && (v >>> (i << 3) & 0xFF) != 0; i++) {
                sb.append((char) (v >>> (i << 3) & 0xFF));
            }
        }
        return sb.toString();
    }
}
