package newstopic.train;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;

import newstopic.Futures;
import newstopic.article.Article;
import newstopic.features.Featurizer;
import newstopic.features.SparseVector;
import newstopic.features.Workspace;

/** Runs training's tasks on its worker pool. Stateless and thread-safe. */
final class Parallel {

    private Parallel() {
    }

    /** Runs every task and waits; the first failure is rethrown as it was. */
    static void runAll(ExecutorService pool, List<Callable<Void>> tasks) {
        List<Future<Void>> futures;
        try {
            futures = pool.invokeAll(tasks);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("training interrupted", e);
        }
        futures.forEach(Futures::await);
    }

    /**
     * Every article's vector, in parallel chunks (one workspace per chunk); with {@code headlineOnly}
     * the vector of the headline alone, for the articles {@code include} accepts (null for the rest).
     */
    static SparseVector[] featurize(Featurizer featurizer, List<Article> articles, boolean headlineOnly,
                                    java.util.function.IntPredicate include, int threads, ExecutorService pool,
                                    TrainingListener listener) {
        SparseVector[] x = new SparseVector[articles.size()];
        inChunks(featurizer, articles.size(), threads, pool, listener, (i, ws, v) -> {
            if (include != null && !include.test(i)) {
                return;
            }
            Article a = articles.get(i);
            if (headlineOnly) {
                featurizer.featurize(a.title(), "", ws, v);
            } else {
                featurizer.featurize(a, ws, v);
            }
            x[i] = v.copy();
        });
        return x;
    }

    /** Per article {@code include} accepts, the vector of each of its text's sentences alone (null for the rest). */
    static SparseVector[][] featurizeSentences(Featurizer featurizer, List<Article> articles,
                                               java.util.function.IntPredicate include, int threads, ExecutorService pool) {
        SparseVector[][] x = new SparseVector[articles.size()][];
        inChunks(featurizer, articles.size(), threads, pool, TrainingListener.NONE, (i, ws, v) -> {
            if (include.test(i)) {
                x[i] = sentenceVectors(featurizer, articles.get(i).text(), ws, v);
            }
        });
        return x;
    }

    /** The vector of each sentence of {@code text}, scored alone as the classifier scores it. */
    static SparseVector[] sentenceVectors(Featurizer featurizer, String text, Workspace ws, SparseVector scratch) {
        List<SparseVector> out = new ArrayList<>();
        featurizer.featurizeSentences(text, ws, scratch, () -> out.add(scratch.copy()));
        return out.toArray(new SparseVector[0]);
    }

    /** What a chunk does with one article index, given the chunk's workspace and scratch vector. */
    private interface PerArticle {
        void run(int i, Workspace ws, SparseVector scratch);
    }

    /** Runs {@code body} for every index in [0, n), in parallel chunks with one workspace each. */
    private static void inChunks(Featurizer featurizer, int n, int threads, ExecutorService pool, TrainingListener listener,
                                 PerArticle body) {
        int chunks = Math.max(1, Math.min(n, threads * 4));
        List<Callable<Void>> tasks = new ArrayList<>();
        for (int c = 0; c < chunks; c++) {
            int from = (int) ((long) n * c / chunks);
            int to = (int) ((long) n * (c + 1) / chunks);
            tasks.add(() -> {
                Workspace ws = featurizer.newWorkspace();
                SparseVector v = new SparseVector();
                for (int i = from; i < to; i++) {
                    body.run(i, ws, v);
                }
                listener.advanced(to - from);
                return null;
            });
        }
        runAll(pool, tasks);
    }
}
