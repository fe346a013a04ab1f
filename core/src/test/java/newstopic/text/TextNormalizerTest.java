package newstopic.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class TextNormalizerTest {

    private final TextNormalizer normalizer = new TextNormalizer(AnalyzerConfig.DEFAULT);

    @Test
    void straightensQuotesAndFoldsDashesAndSpaces() {
        assertEquals("\"Gaza's future,\" the Minister said   don't stop cease-fire now",
                normalizer.normalize("“Gaza’s future,” the Minister said \u2014 don’t stop cease\u2010fire\u00a0now"));
    }

    @Test
    void decodesEntitiesIncludingMangledOnesAndDropsTags() {
        assertEquals("'x'  bold  \"q \" A&B it's & #9 x;",
                normalizer.normalize("#39;x#39; &lt;b&gt;bold&lt;/b&gt; quot;q quot; A&amp;B it&#x27;s &amp; #9 x;"));
    }

    @Test
    void appliesNfkc() {
        assertEquals("fine FULL café", normalizer.normalize("ﬁne ＦＵＬＬ cafe\u0301"));
    }

    @Test
    void plainAsciiWithoutMarkupNeedsNoPass() {
        char[] plain = "Talks resume in Geneva, officials say (AFP).".toCharArray();
        assertFalse(normalizer.isNeeded(plain, plain.length));
        for (String s : new String[] {"caf\u00e9", "a &amp; b", "#39;", "x; y", "<b>"}) {
            assertTrue(normalizer.isNeeded(s.toCharArray(), s.length()), s);
        }
        TextNormalizer off = new TextNormalizer(new AnalyzerConfig(true, true, false, true, true, true, false, false));
        assertFalse(off.isNeeded("a &amp; b".toCharArray(), 9));
    }
}
