package newstopic.features;

import newstopic.text.CharTerm;

/**
 * The hashing trick: each word n-gram goes to bucket {@code hash mod 2^bits}, with a sign from
 * another hash bit when {@link FeaturizerConfig#signed()}. Needs no fitting and no vocabulary, so
 * its memory is fixed whatever the corpus. Word hashes are MurmurHash3; an n-gram's hash folds
 * its words' hashes together. Immutable and thread-safe.
 */
public final class HashingFeaturizer implements Featurizer {

    static final int SEED = 0x746f7069;

    private final FeaturizerConfig config;
    private final int mask;

    public HashingFeaturizer(FeaturizerConfig config) {
        if (config.kind() != FeaturizerConfig.Kind.HASHING) {
            throw new IllegalArgumentException("not a hashing configuration: " + config.kind());
        }
        this.config = config;
        this.mask = (1 << config.hashBits()) - 1;
    }

    @Override
    public FeaturizerConfig config() {
        return config;
    }

    @Override
    public int dimension() {
        return mask + 1;
    }

    @Override
    public void featurize(CharSequence title, CharSequence body, Workspace ws, SparseVector out) {
        ws.accumulator.clear();
        if (config.titleWeight() > 0) {
            scan(title, config.titleWeight(), ws, null, true);
        }
        scan(body, 1f, ws, null, false);
        ws.accumulator.writeTo(out, config.sublinearTf(), null, config.l2());
    }

    @Override
    public void forEachNgram(CharSequence title, CharSequence body, Workspace ws, NgramVisitor visitor) {
        scan(title, 1f, ws, visitor, true);
        scan(body, 1f, ws, visitor, false);
    }

    /** Adds the text's n-grams to the accumulator, or hands them to {@code visitor} when given. */
    private void scan(CharSequence text, float weight, Workspace ws, NgramVisitor visitor, boolean inTitle) {
        var pipeline = ws.pipeline.reset(text);
        CharTerm term = pipeline.term();
        NgramWindow window = ws.window;
        window.clear();
        RecentWords recent = visitor == null ? null : new RecentWords(window.maxNgram(), inTitle);
        while (pipeline.next()) {
            int wordHash = MurmurHash3.hash(term.buffer(), 0, term.length(), SEED);
            int ngrams = window.push(wordHash);
            int head = window.head();
            if (recent != null) {
                recent.put(head, term);
            }
            int h = wordHash;
            emit(h, weight, ws, visitor, recent, head, 1, term.endOffset());
            for (int len = 2; len <= ngrams; len++) {
                h = MurmurHash3.combine(h, window.word(len - 1));
                emit(MurmurHash3.fmix(h ^ len), weight, ws, visitor, recent, head, len, term.endOffset());
            }
        }
    }

    private void emit(int hash, float weight, Workspace ws, NgramVisitor visitor, RecentWords recent, int head, int len, int end) {
        int index = hash & mask;
        boolean negative = config.signed() && hash < 0;
        if (visitor == null) {
            ws.accumulator.add(index, negative ? -weight : weight);
        } else {
            recent.visit(visitor, index, negative ? -1 : 1, head, len, end);
        }
    }
}
