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
        private final Tokenizer tokenizer;
        private final TokenStream output;
        private final StopWords stopWords;
        private final StemFilter stemFilter;
        private final PlainTokenizer plain;
        private char[] input = new char[1024];
        private char[] tokenizerText = input;
        private int tokenizerLength;

        Pipeline(AnalyzerConfig config) {
            normalizer = new TextNormalizer(config);
            tokenizer = new Tokenizer(config);
            TokenStream stream = tokenizer;
            stopWords = config.stopWords() ? StopWords.english() : null;
            if (stopWords != null) {
                stream = new StopWordFilter(stream, stopWords);
            }
            stemFilter = config.stem() ? new StemFilter(stream) : null;
            if (stemFilter != null) {
                stream = stemFilter;
            }
            output = stream;
            plain = new PlainTokenizer(config);
        }

        /** Normalizes {@code text} and positions the stream before its first token. */
        public Pipeline reset(CharSequence text) {
            int n = load(text);
            if (normalizer.isNeeded(input, n)) {
                normalizer.normalize(input, n);
                tokenizerText = normalizer.buffer();
                tokenizerLength = normalizer.length();
            } else {
                tokenizerText = input; // plain ASCII without markup: nothing to normalize
                tokenizerLength = n;
            }
            tokenizer.reset(tokenizerText, 0, tokenizerLength);
            return this;
        }

        /**
         * Starts on {@code text} without normalizing it and returns the fast tokenizer for plain
         * text; where it answers {@link PlainTokenizer#OTHER}, {@link #nextSurfaceAt} reads the
         * token. When it answers {@link PlainTokenizer#NOT_PLAIN}, {@link #reset} the text instead.
         */
        public PlainTokenizer plain(CharSequence text) {
            int n = load(text);
            tokenizerText = input;
            tokenizerLength = n;
            plain.reset(input, n, false);
            return plain;
        }

        /**
         * {@link #reset}s the text (normalizing it as needed) and returns the fast tokenizer on
         * the result: for text that {@link #plain} found not plain. It never answers
         * {@link PlainTokenizer#NOT_PLAIN}; {@link #nextSurfaceAt} reads its other tokens.
         */
        public PlainTokenizer normalized(CharSequence text) {
            reset(text);
            plain.reset(tokenizerText, tokenizerLength, true);
            return plain;
        }

        /**
         * Moves to the first surface token (as {@link #nextSurface()} cuts it) that starts at or
         * after {@code start} in the text given to {@link #plain} or {@link #normalized}; false
         * when there is none.
         * {@code start} must be where {@link PlainTokenizer#start()} said a token starts.
         */
        public boolean nextSurfaceAt(int start) {
            tokenizer.reset(tokenizerText, start, tokenizerLength);
            return tokenizer.next();
        }

        /** The length of the text being tokenized (after normalizing, if it was). */
        public int textLength() {
            return tokenizerLength;
        }

        private int load(CharSequence text) {
            int n = text.length();
            if (input.length < n) {
                input = new char[Math.max(n, input.length * 2)];
            }
            if (text instanceof String s) {
                s.getChars(0, n, input, 0); // bulk copy: much faster than charAt per character
            } else {
                for (int i = 0; i < n; i++) {
                    input[i] = text.charAt(i);
                }
            }
            return n;
        }

        /**
         * The text as normalized for tokenizing, which token offsets refer to; a copy, made only
         * for display (highlighting), never per token.
         */
        public String text() {
            return new String(tokenizerText, 0, tokenizerLength);
        }

        @Override
        public boolean next() {
            return output.next();
        }

        /**
         * Moves to the next token as the tokenizer cut it, before stop words and stemming, for
         * callers that remember what {@link #analyze()} makes of each surface form: the same
         * tokens as {@link #next()} once each is analysed, in the same {@link #term()}.
         */
        public boolean nextSurface() {
            return tokenizer.next();
        }

        /** Applies the filters to the current surface token in place; false when they drop it. */
        public boolean analyze() {
            CharTerm term = tokenizer.term();
            if (stopWords != null && !StopWordFilter.keeps(term, stopWords)) {
                return false;
            }
            if (stemFilter != null) {
                stemFilter.apply(term);
            }
            return true;
        }

        @Override
        public CharTerm term() {
            return output.term();
        }
    }
}
