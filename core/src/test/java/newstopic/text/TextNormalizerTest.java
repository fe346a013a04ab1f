package newstopic.text;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class TextNormalizerTest {

    private static String normalize(AnalyzerConfig config, String text) {
        TextNormalizer n = new TextNormalizer(config);
        n.normalize(text);
        return n.toString();
    }

    @Test
    void foldsQuotesCaseAndPossessives() {
        assertEquals("\"gaza future,\" the minister said of the migrants camp; don't",
                normalize(AnalyzerConfig.DEFAULT, "“Gaza’s future,” the Minister said of the migrants’ camp; don’t"));
    }

    @Test
    void placeholdersUsePrivateUseCharacters() {
        assertEquals("up \uE001 percent at  \uE000 ", normalize(AnalyzerConfig.DEFAULT, "Up 3.5 percent at http://a.b/c"));
    }

    @Test
    void dashesSeparateWordsButHyphensJoinThem() {
        assertEquals("war   talks cease-fire", normalize(AnalyzerConfig.DEFAULT, "war \u2014 talks cease\u2010fire"));
    }
}
