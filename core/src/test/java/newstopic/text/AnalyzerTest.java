package newstopic.text;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

class AnalyzerTest {

    private static final AnalyzerConfig DEFAULT = AnalyzerConfig.DEFAULT;
    private static final AnalyzerConfig NOTHING = new AnalyzerConfig(false, false, false, false, false, false, false, false);

    static List<String> tokens(AnalyzerConfig config, String text) {
        Analyzer.Pipeline pipeline = new Analyzer(config).newPipeline().reset(text);
        List<String> out = new ArrayList<>();
        while (pipeline.next()) {
            out.add(pipeline.term().toString() + (pipeline.term().isAcronym() ? "*" : ""));
        }
        return out;
    }

    @Test
    void newsSentenceWithAcronymsPossessivesAndHyphens() {
        assertEquals(List.of("the", "us*", "and", "the", "un*", "said", "iraq", "fm", "met", "iran-backed",
                        "militias", "leaders", "in", "baghdad"),
                tokens(DEFAULT, "The U.S. and the U.N. said Iraq’s FM met Iran-backed militias' leaders in Baghdad."));
    }

    @Test
    void htmlEntitiesIncludingFeedMangledOnesAreDecodedAndTagsDropped() {
        assertEquals(List.of("unions", "say", "they", "are", "disappointed", "after", "talks", "now", "more"),
                tokens(DEFAULT, "Unions say they are #39;disappointed#39; &lt;b&gt;after&lt;/b&gt; talks quot;now quot; &amp; more"));
        // an encoded apostrophe gets the same possessive rule as a literal one
        assertEquals(tokens(DEFAULT, "It's fine"), tokens(DEFAULT, "It&#x27;s fine"));
        assertEquals(List.of("it", "fine"), tokens(DEFAULT, "It&#x27;s fine"));
    }

    @Test
    void urlsAndFreeStandingNumbersBecomePlaceholders() {
        assertEquals(List.of("see", "<url>", "or", "<url>", "<num>", "troops", "<num>", "rise", "1990s", "g7",
                        "f-16", "covid-19"),
                tokens(DEFAULT, "See https://example.com/a?b=1, or www.site.org. 2,500 troops; 3.5% rise; 1990s G7 F-16 covid-19"));
    }

    @Test
    void unicodeIsNfkcFoldedAndLettersOfEveryScriptAreWords() {
        assertEquals(List.of("full", "width", "fine", "café", "naïve", "istanbul", "état"),
                tokens(DEFAULT, "ＦＵＬＬ width ﬁne café\u00a0naïve İstanbul ÉTAT"));
        assertEquals(List.of("قصف", "غزة", "<num>", "и", "москва", "北京", "हिन्दी"),
                tokens(DEFAULT, "قصف غزة 2024 и Москва 北京 हिन्दी"));
        // a decomposed é (e + combining acute) is composed by NFKC into the same token
        assertEquals(tokens(DEFAULT, "caf\u00e9"), tokens(DEFAULT, "cafe\u0301"));
    }

    @Test
    void apostrophesAmpersandsAndDottedAbbreviations() {
        assertEquals(List.of("o'brien", "rock'n'roll", "at&t", "eg*", "am*", "plan", "b", "the", "end", "us*", "led"),
                tokens(DEFAULT, "O’Brien rock'n'roll AT&T e.g. a.m. Plan B. The end U.S.-led"));
    }

    @Test
    void stopWordsAndStemmingAreOptionsThatSpareAcronyms() {
        AnalyzerConfig config = DEFAULT.withStopWords(true).withStem(true);
        assertEquals(List.of("us*", "un*", "said", "iraq", "fm", "met", "iran-backed", "militia", "leader", "baghdad"),
                tokens(config, "The U.S. and the U.N. said Iraq's FM met Iran-backed militias' leaders in Baghdad."));
        assertEquals(List.of("refuge", "negoti", "ceasefir", "attack"),
                tokens(config, "Refugees and negotiations: a ceasefire after attacks"));
    }

    @Test
    void cachedStemsEqualFreshOnesAcrossCacheResets() {
        AnalyzerConfig config = DEFAULT.withStem(true);
        Analyzer.Pipeline pipeline = new Analyzer(config).newPipeline();
        PorterStemmer stemmer = new PorterStemmer();
        String[] suffixes = {"ing", "ations", "ness", "ies", "ed", "fulness", "ly", "s"};
        // more distinct words than the cache holds, seen twice: the second pass reads the cache
        for (int round = 0; round < 2; round++) {
            for (int i = 0; i < 40_000; i++) {
                String word = "w" + Integer.toString(i, 26).replaceAll("[0-9]", "x") + suffixes[i % suffixes.length];
                pipeline.reset(word);
                pipeline.next();
                char[] expected = word.toCharArray();
                int n = stemmer.stem(expected, 0, expected.length);
                assertEquals(new String(expected, 0, n), pipeline.term().toString(), word);
            }
        }
    }

    @Test
    void everyNormalizationCanBeTurnedOff() {
        assertEquals(List.of("Iraq's", "2,500", "3.5", "https", "ab", "cd", "amp", "Q"),
                tokens(NOTHING, "Iraq's 2,500 3.5. https://ab.cd &amp; Q"));
    }

    @Test
    void overlongRunsAreSkippedNotTruncated() {
        String blob = "a".repeat(CharTerm.MAX_LENGTH + 1);
        assertEquals(List.of("before", "after"), tokens(DEFAULT, "before " + blob + " after"));
        assertEquals(List.of("a".repeat(CharTerm.MAX_LENGTH)), tokens(DEFAULT, "a".repeat(CharTerm.MAX_LENGTH)));
    }

    @Test
    void pipelineIsReusableAcrossTexts() {
        Analyzer.Pipeline pipeline = new Analyzer(DEFAULT).newPipeline();
        pipeline.reset("first text here");
        pipeline.next();
        pipeline.reset("second");
        List<String> out = new ArrayList<>();
        while (pipeline.next()) {
            out.add(pipeline.term().toString());
        }
        assertEquals(List.of("second"), out);
    }

    @Test
    void emptyAndPunctuationOnlyTextsHaveNoTokens() {
        assertEquals(List.of(), tokens(DEFAULT, ""));
        assertEquals(List.of(), tokens(DEFAULT, " -- ... !!! ' & "));
    }
}
