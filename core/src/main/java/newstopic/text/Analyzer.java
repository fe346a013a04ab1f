package newstopic.text;

/**
 * Turns text into tokens as an {@link AnalyzerConfig} says. The analyzer itself is immutable and
 * thread-safe; the {@link Pipeline}s it hands out are not, and are meant to be reused, one per
 * thread, for every text that thread analyses.
 */
public final class Analyzer {

    private final AnalyzerConfig config;

    public Analyzer(AnalyzerConfig config) {
        this.config = config;
    }

    public AnalyzerConfig config() {
        return config;
    }

    /** A fresh normalizer + tokenizer + filters chain. */
    public Pipeline newPipeline() {
        return new Pipeline(config);
    }

    /**
     * One reusable analysis chain: {@link #reset} with a text, then pull tokens with
     * {@link #next()}. Not thread-safe.
     */
    public static final class Pipeline implements TokenStream {

        private final TextNormalizer normalizer;
        private final Tokenizer tokenizer = new Tokenizer();
        private final TokenStream output;

        Pipeline(AnalyzerConfig config) {
            normalizer = new TextNormalizer(config);
            TokenStream stream = tokenizer;
            if (config.stopWords()) {
                stream = new StopWordFilter(stream, StopWords.english());
            }
            if (config.stem()) {
                stream = new StemFilter(stream);
            }
            output = stream;
        }

        /** Normalizes {@code text} and positions the stream before its first token. */
        public Pipeline reset(CharSequence text) {
            normalizer.normalize(text);
            tokenizer.reset(normalizer.buffer(), 0, normalizer.length());
            return this;
        }

        @Override
        public boolean next() {
            return output.next();
        }

        @Override
        public CharTerm term() {
            return output.term();
        }
    }
}
