package newstopic.prediction;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicReferenceArray;

import newstopic.article.Article;
import newstopic.features.FeatureNames;
import newstopic.features.SparseVector;
import newstopic.features.Workspace;
import newstopic.model.ModelFile;
import newstopic.model.ModelHeader;
import newstopic.model.SentenceWeights;
import newstopic.model.TopicModel;

/**
 * Classifies news articles with a trained model: the library's entry point.
 *
 * <pre>{@code
 * TopicClassifier classifier = TopicClassifier.load(Path.of("models/newstopic.model"));
 * Prediction p = classifier.classify("Envoys meet in Cairo", "Talks on a truce in Gaza resumed ...");
 * p.labels();          // [conflict, diplomacy]
 * p.probabilities();   // {conflict=0.91, migration=0.03, diplomacy=0.97}
 * }</pre>
 *
 * <p>Labels are decided by the model's {@link DecisionPolicy}, the same rule its cross-validation
 * metrics were measured with. A model with a {@link TopicModel#longTexts() long-text model} scores
 * and decides the texts its policy does not call short with that model and its own policy.
 *
 * <p>Immutable and thread-safe: any number of threads may classify at once and get exactly the
 * results a single thread would. Per-thread scratch buffers are pooled and reused, so steady-state
 * classification allocates little beyond its results.
 */
public final class TopicClassifier {

    private final TopicModel model;
    private final List<String> labels;
    private final DecisionPolicy policy;
    /** The model and policy of long texts: the model's own when it has no long-text model. */
    private final TopicModel longModel;
    private final DecisionPolicy longPolicy;
    private final ScratchPool pool = new ScratchPool();

    public TopicClassifier(TopicModel model) {
        this.model = model;
        this.labels = model.header().labels();
        this.policy = DecisionPolicy.of(model.header());
        this.longModel = model.longTexts() != null ? model.longTexts() : model;
        this.longPolicy = model.longTexts() != null ? DecisionPolicy.of(longModel.header()) : policy;
    }

    /** Loads a model file (checked for format, version and checksum). */
    public static TopicClassifier load(Path modelFile) throws IOException {
        return new TopicClassifier(ModelFile.read(modelFile));
    }

    public TopicModel model() {
        return model;
    }

    public ModelHeader header() {
        return model.header();
    }

    /** The labels this model assigns. */
    public List<String> labels() {
        return labels;
    }

    /** Classifies a headline and a body. */
    public Prediction classify(String title, String text) {
        return classify(null, title, text, 0);
    }

    /** Classifies an article: headline, then captions and body. */
    public Prediction classify(Article article) {
        return classify(article, 0);
    }

    /** Classifies an article and names, per label, the {@code explain} n-grams that pushed its decision most. */
    public Prediction classify(Article article, int explain) {
        return classify(article.id(), article.title(), article.text(), explain);
    }

    /** The rule that turns this model's probabilities into labels (of short texts, when it has a long-text model). */
    public DecisionPolicy policy() {
        return policy;
    }

    /** The rule of texts that are not short: the long-text model's, or {@link #policy()}. */
    public DecisionPolicy longTextPolicy() {
        return longPolicy;
    }

    /** Classifies each article, in order, on every core (the common fork-join pool) for larger batches. */
    public List<Prediction> classifyAll(List<Article> articles) {
        if (articles.size() < 64) {
            List<Prediction> out = new ArrayList<>(articles.size());
            for (Article a : articles) {
                out.add(classify(a));
            }
            return out;
        }
        return articles.parallelStream().map(this::classify).toList();
    }

    /**
     * Classifies a headline and text; {@code explain > 0} adds per label the n-grams that pushed
     * its decision most.
     */
    public Prediction classify(String id, String title, String text, int explain) {
        Scratch s = borrow();
        try {
            decide(title, text, s);
            int count = 0;
            for (boolean d : s.decisions) {
                count += d ? 1 : 0;
            }
            String[] assigned = new String[count];
            for (int k = 0, i = 0; k < labels.size(); k++) {
                if (s.decisions[k]) {
                    assigned[i++] = labels.get(k);
                }
            }
            List<String> chosen = List.of(assigned);
            Map<String, List<Contribution>> explanations = explain > 0
                    ? explain(title, text, s, chosen, explain) : Map.of();
            return new Prediction(id, title, chosen, new LabelScores(labels, s.scores), explanations);
        } finally {
            pool.give(s);
        }
    }

    /**
     * Featurizes and scores an article and decides its labels, into {@code s}: the model and policy
     * that decided (the long-text ones for a text that is not short), the probabilities as reported
     * in {@code scores}, the decisions, and whether the headline and the sentences were scored for
     * the rules.
     */
    private void decide(String title, String text, Scratch s) {
        boolean isShort = policy.isShort(text);
        TopicModel m = isShort ? model : longModel;
        DecisionPolicy rule = isShort ? policy : longPolicy;
        s.model = m;
        s.policy = rule;
        m.featurizer().featurize(title, text, s.workspace, s.vector);
        double[] p = s.scores;
        m.margins(s.vector, p);
        s.sentencesScored = rule.needsSentences(text);
        double[] sentence = s.sentencesScored ? sentenceProbabilities(text, p, s) : null;
        m.probabilities(p);
        s.headlineScored = rule.needsHeadline(title, text);
        if (s.headlineScored) {
            m.featurizer().featurize(title, "", s.workspace, s.headlineVector);
            m.margins(s.headlineVector, s.headline);
            m.probabilities(s.headline);
        }
        rule.decide(p, s.headlineScored ? s.headline : null, sentence, isShort, s.decisions);
    }

    /** Whether label {@code k}'s reported probability is its headline's: the headline rule decided it. */
    private static boolean decidedByHeadline(int k, Scratch s) {
        return s.headlineScored && s.policy.headlineApplies(k) && s.headline[k] == s.scores[k];
    }

    /**
     * Per label under the sentence rule, its probability from the article's margins and the
     * margins of the text's two best sentences, each scored alone (NaN for the other labels).
     */
    private double[] sentenceProbabilities(String text, double[] articleMargins, Scratch s) {
        Arrays.fill(s.best, Double.NEGATIVE_INFINITY);
        Arrays.fill(s.second, Double.NEGATIVE_INFINITY);
        s.model.featurizer().featurizeSentences(text, s.workspace, s.sentenceVector, () -> {
            s.model.margins(s.sentenceVector, s.sentenceMargins);
            for (int k = 0; k < s.best.length; k++) {
                SentenceWeights.offer(s.sentenceMargins[k], s.best, s.second, k);
            }
        });
        for (int k = 0; k < s.sentence.length; k++) {
            SentenceWeights w = s.policy.sentenceWeights(k);
            s.sentence[k] = w == null ? Double.NaN : w.probability(articleMargins[k], s.best[k], s.second[k]);
        }
        return s.sentence;
    }

    /**
     * Per label, the n-grams that moved the score that decided it, strongest in the decision's
     * direction first: the headline's margin where the headline rule reported the headline's
     * probability; the sentence rule's logit (its weights times the article's and the two best
     * sentences' contributions) where that rule applied; else the article's margin.
     */
    private Map<String, List<Contribution>> explain(String title, String text, Scratch s, List<String> assigned, int n) {
        // forEachNgram uses the workspace's analysis chain only: the article's vector is intact
        Map<Integer, String> names = FeatureNames.inText(s.model.featurizer(), title, text, s.workspace);
        Map<String, List<Contribution>> out = new LinkedHashMap<>();
        for (int k = 0; k < labels.size(); k++) {
            Map<Integer, Double> byFeature = new LinkedHashMap<>();
            SentenceWeights rule = s.sentencesScored ? s.policy.sentenceWeights(k) : null;
            if (decidedByHeadline(k, s)) {
                addContributions(s.model, s.headlineVector, k, 1, byFeature);
            } else if (rule != null) {
                addContributions(s.model, s.vector, k, rule.article(), byFeature);
                addBestSentences(text, s, k, rule, byFeature);
            } else {
                addContributions(s.model, s.vector, k, 1, byFeature);
            }
            List<Contribution> all = new ArrayList<>(byFeature.size());
            byFeature.forEach((f, c) -> {
                if (c != 0) {
                    all.add(new Contribution(FeatureNames.nameOf(names, f), c));
                }
            });
            boolean yes = assigned.contains(labels.get(k));
            // the strongest pushes in the direction of the decision
            all.sort((a, b) -> yes ? Double.compare(b.weight(), a.weight()) : Double.compare(a.weight(), b.weight()));
            out.put(labels.get(k), List.copyOf(all.subList(0, Math.min(n, all.size()))));
        }
        return out;
    }

    private static void addContributions(TopicModel m, SparseVector v, int k, double scale, Map<Integer, Double> byFeature) {
        for (int i = 0; i < v.size(); i++) {
            int f = v.index(i);
            byFeature.merge(f, scale * v.value(i) * m.weight(f, k), Double::sum);
        }
    }

    /**
     * Adds label {@code k}'s best and second-best sentences' contributions, scaled by the rule's
     * weights: the sentences are scored again, and the first whose margin equals the best (then
     * the second-best) margin that classification kept is the one it used.
     */
    private void addBestSentences(String text, Scratch s, int k, SentenceWeights rule, Map<Integer, Double> byFeature) {
        boolean[] taken = new boolean[2];
        s.model.featurizer().featurizeSentences(text, s.workspace, s.sentenceVector, () -> {
            s.model.margins(s.sentenceVector, s.sentenceMargins);
            double m = s.sentenceMargins[k];
            if (!taken[0] && m == s.best[k]) {
                taken[0] = true;
                addContributions(s.model, s.sentenceVector, k, rule.best(), byFeature);
            } else if (!taken[1] && m == s.second[k]) {
                taken[1] = true;
                addContributions(s.model, s.sentenceVector, k, rule.second(), byFeature);
            }
        });
    }

    /**
     * Splits each label's margin over the words of the article that earned it, for display: an
     * n-gram's contribution (its value in the article's vector times its weight) is shared equally
     * by its occurrences, and each occurrence's share equally by its words. A label the headline
     * rule decided is shown as its explanation is: by the headline's words alone, with the
     * headline's own vector; a label under the sentence rule by the article's words, whose margin is
     * one of the rule's inputs. Slower than {@link #classify}: it reads the text three times (vector,
     * n-grams, shown text) and builds objects per word.
     */
    public Highlight highlight(String title, String text) {
        Scratch s = borrow();
        try {
            decide(title, text, s);
            boolean[] byHeadline = new boolean[labels.size()];
            for (int k = 0; k < byHeadline.length; k++) {
                byHeadline[k] = decidedByHeadline(k, s);
            }
            Shares article = new Shares(valuesOf(s.vector));
            Shares headline = new Shares(s.headlineScored ? valuesOf(s.headlineVector) : Map.of());
            List<int[]> occurrences = new ArrayList<>(); // feature, sign, in title (0/1), start, end, words
            s.model.featurizer().forEachNgram(title, text, s.workspace, (index, sign, ngram, inTitle, start, end) -> {
                occurrences.add(new int[] {index, sign, inTitle ? 1 : 0, start, end, wordCount(ngram)});
                article.counts.merge(index, 1, Integer::sum);
                if (inTitle) {
                    headline.counts.merge(index, 1, Integer::sum);
                }
            });
            Highlight.Part titlePart = part(s.model, s.workspace.normalized(title), occurrences, 1, article, headline, byHeadline);
            Highlight.Part bodyPart = part(s.model, s.workspace.normalized(text), occurrences, 0, article, headline, byHeadline);
            return new Highlight(labels, titlePart, bodyPart);
        } finally {
            pool.give(s);
        }
    }

    /** A vector's value per feature, and how many occurrences in the shown text share each. */
    private record Shares(Map<Integer, Double> values, Map<Integer, Integer> counts) {
        Shares(Map<Integer, Double> values) {
            this(values, new HashMap<>());
        }

        double perOccurrence(int feature) {
            Integer n = counts.get(feature);
            return n == null ? 0 : values.getOrDefault(feature, 0.0) / n;
        }
    }

    private static Map<Integer, Double> valuesOf(SparseVector v) {
        Map<Integer, Double> values = new HashMap<>();
        for (int i = 0; i < v.size(); i++) {
            values.merge(v.index(i), (double) v.value(i), Double::sum);
        }
        return values;
    }

    private Highlight.Part part(TopicModel m, String shown, List<int[]> occurrences, int inTitle, Shares article, Shares headline,
                                boolean[] byHeadline) {
        int labelCount = labels.size();
        // words are the single-word n-grams; longer ones spread over the words they cover
        TreeMap<Integer, double[]> words = new TreeMap<>();
        Map<Integer, Integer> wordEnds = new HashMap<>();
        for (int[] o : occurrences) {
            if (o[2] == inTitle && o[5] == 1) {
                words.putIfAbsent(o[3], new double[labelCount]);
                wordEnds.put(o[3], o[4]);
            }
        }
        for (int[] o : occurrences) {
            if (o[2] != inTitle) {
                continue;
            }
            var covered = words.subMap(o[3], true, o[4], false);
            if (covered.isEmpty()) {
                continue;
            }
            double fromArticle = article.perOccurrence(o[0]) / covered.size();
            // a label the headline decided takes its shares from the headline, in the headline only
            double fromHeadline = inTitle == 1 ? headline.perOccurrence(o[0]) / covered.size() : 0;
            for (double[] w : covered.values()) {
                for (int k = 0; k < labelCount; k++) {
                    w[k] += (byHeadline[k] ? fromHeadline : fromArticle) * m.weight(o[0], k);
                }
            }
        }
        List<Highlight.Span> spans = new ArrayList<>(words.size());
        for (var e : words.entrySet()) {
            double[] w = e.getValue();
            List<Double> weights = new ArrayList<>(labelCount);
            boolean any = false;
            for (double x : w) {
                weights.add(x);
                any |= x != 0;
            }
            if (any) {
                spans.add(new Highlight.Span(e.getKey(), wordEnds.get(e.getKey()), weights));
            }
        }
        return new Highlight.Part(shown, spans);
    }

    private static int wordCount(String ngram) {
        int n = 1;
        for (int i = 0; i < ngram.length(); i++) {
            if (ngram.charAt(i) == ' ') {
                n++;
            }
        }
        return n;
    }

    /**
     * Scratch buffers kept for reuse in a few slots, each thread starting at its own slot: threads
     * on different cores rarely touch the same slot, and taking or giving allocates nothing. A
     * shared queue cost two contended atomic operations and a node allocation per call, and two
     * threads classified only 1.1-1.5 times as fast as one. Every slot is tried before new buffers
     * are made or given ones dropped: buffers hold a 1.5 MB word cache, and making them anew under
     * HTTP load grew the heap. Thread-safe.
     */
    private static final class ScratchPool {

        private static final int SLOTS = Integer.highestOneBit(Math.max(4, Runtime.getRuntime().availableProcessors() * 4) - 1) << 1;

        /** Slot {@code i} lives at {@code i * PAD}: one cache line each, so threads do not share lines. */
        private static final int PAD = 16;
        private final AtomicReferenceArray<Scratch> slots = new AtomicReferenceArray<>(SLOTS * PAD);

        private static int home() {
            long id = Thread.currentThread().threadId();
            return (int) (id ^ (id >>> 16)) * 0x9E3779B1 >>> 16;
        }

        /** Buffers from a slot near this thread's own, or null when none is free. */
        Scratch take() {
            int at = home();
            for (int i = 0; i < SLOTS; i++) {
                int slot = ((at + i) & (SLOTS - 1)) * PAD;
                if (slots.getPlain(slot) != null) {
                    Scratch s = slots.getAndSet(slot, null);
                    if (s != null) {
                        return s;
                    }
                }
            }
            return null;
        }

        void give(Scratch s) {
            int at = home();
            for (int i = 0; i < SLOTS; i++) {
                if (slots.compareAndSet(((at + i) & (SLOTS - 1)) * PAD, null, s)) {
                    return;
                }
            }
        }
    }

    /** Pooled buffers, or new ones when every pooled set is in use; give them back with {@code pool.give}. */
    private Scratch borrow() {
        Scratch s = pool.take();
        return s != null ? s : new Scratch(model);
    }

    /** One thread's buffers. */
    private static final class Scratch {
        final Workspace workspace;
        final SparseVector vector = new SparseVector(256);
        final SparseVector headlineVector = new SparseVector(32);
        final SparseVector sentenceVector = new SparseVector(64);
        final double[] scores;
        final double[] headline;
        final double[] sentenceMargins;
        final double[] best;
        final double[] second;
        final double[] sentence;
        final boolean[] decisions;
        /** The model and policy of the last {@code decide}. */
        TopicModel model;
        DecisionPolicy policy;
        /** Whether the last {@code decide} scored the headline alone, and each sentence alone. */
        boolean headlineScored;
        boolean sentencesScored;

        Scratch(TopicModel model) {
            int l = model.labelCount();
            workspace = model.featurizer().newWorkspace();
            scores = new double[l];
            headline = new double[l];
            sentenceMargins = new double[l];
            best = new double[l];
            second = new double[l];
            sentence = new double[l];
            decisions = new boolean[l];
        }
    }
}
