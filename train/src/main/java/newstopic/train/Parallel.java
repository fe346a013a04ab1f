package newstopic.train;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;

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
        try {
            for (Future<Void> f : pool.invokeAll(tasks)) {
                f.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("training interrupted", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            if (e.getCause() instanceof Error err) {
                throw err;
            }
            throw new IllegalStateException(e.getCause());
        }
    }

    /**
     * Every article's vector, in parallel chunks (one workspace per chunk); with {@code headlineOnly}
     * the vector of the headline alone, for the articles {@code include} accepts (null for the rest).
     */
    static SparseVector[] featurize(Featurizer featurizer, List<Article> articles, boolean headlineOnly,
                                    java.util.function.IntPredicate include, int threads, ExecutorService pool,
                                    TrainingListener listener) {
        int n = articles.size();
        SparseVector[] x = new SparseVector[n];
        int chunks = Math.max(1, Math.min(n, threads * 4));
        List<Callable<Void>> tasks = new ArrayList<>();
        for (int c = 0; c < chunks; c++) {
            int from = (int) ((long) n * c / chunks);
            int to = (int) ((long) n * (c + 1) / chunks);
            tasks.add(() -> {
                Workspace ws = featurizer.newWorkspace();
                SparseVector v = new SparseVector();
                for (int i = from; i < to; i++) {
                    if (include != null && !include.test(i)) {
                        continue;
                    }
                    Article a = articles.get(i);
                    if (headlineOnly) {
                        featurizer.featurize(a.title(), "", ws, v);
                    } else {
                        featurizer.featurize(a, ws, v);
                    }
                    x[i] = v.copy();
                }
                listener.advanced(to - from);
                return null;
            });
        }
        runAll(pool, tasks);
        return x;
    }
}
