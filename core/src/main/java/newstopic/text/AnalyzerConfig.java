package newstopic.text;

/**
 * How text is cleaned and cut into tokens. Immutable and thread-safe; part of a model's
 * provenance, so a model always analyses text the way it was trained.
 *
 * @param nfkc         apply Unicode NFKC (full-width forms, ligatures, non-breaking spaces)
 * @param lowercase    fold case
 * @param htmlEntities decode HTML entities ({@code &amp;amp;}, {@code &amp;#39;}, and the broken
 *                     {@code #39;} / {@code quot;} forms feeds leave behind) and drop tags
 * @param possessives  drop the possessive {@code 's} and the trailing apostrophe of {@code s'}
 * @param urls         map URLs to the token {@code <url>}
 * @param numbers      map free-standing numbers ({@code 2,500}, {@code 3.5}) to {@code <num>}
 * @param stopWords    drop English stop words (acronyms such as {@code U.S.} are kept)
 * @param stem         apply the Porter stemmer
 */
public record AnalyzerConfig(boolean nfkc, boolean lowercase, boolean htmlEntities, boolean possessives,
                             boolean urls, boolean numbers, boolean stopWords, boolean stem) {

    /** Everything on but stop words and stemming: what news classification does best with n-grams. */
    public static final AnalyzerConfig DEFAULT = new AnalyzerConfig(true, true, true, true, true, true, false, false);

    public AnalyzerConfig withStopWords(boolean on) {
        return new AnalyzerConfig(nfkc, lowercase, htmlEntities, possessives, urls, numbers, on, stem);
    }

    public AnalyzerConfig withStem(boolean on) {
        return new AnalyzerConfig(nfkc, lowercase, htmlEntities, possessives, urls, numbers, stopWords, on);
    }
}
