package newstopic.cli;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import java.util.function.Function;

import newstopic.Futures;
import newstopic.article.Article;

/**
 * Works on articles in batches on several threads and hands the results back in input order:
 * the reading thread {@link #add}s articles as it reads them, workers turn each batch into a result
 * (classify, format), and the reading thread consumes results in order (write, count). At most
 * two batches per thread are in flight, so memory stays flat whatever the input size. Not
 * thread-safe: one reading thread calls {@link #add} and {@link #finish}.
 */
final class OrderedBatches<R> implements AutoCloseable {

    private final int batchSize;
    private final int maxInFlight;
    private final Function<List<Article>, R> work;
    private final Consumer<R> inOrder;
    private final ExecutorService pool;
    private final ArrayDeque<Future<R>> inFlight = new ArrayDeque<>();
    private List<Article> batch;

    OrderedBatches(int threads, int batchSize, Function<List<Article>, R> work, Consumer<R> inOrder) {
        this.batchSize = batchSize;
        this.maxInFlight = 2 * threads;
        this.work = work;
        this.inOrder = inOrder;
        this.pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "newstopic-worker");
            t.setDaemon(true); // a failed write ends the command without waiting for batches nobody reads
            return t;
        });
        this.batch = new ArrayList<>(batchSize);
    }

    void add(Article article) {
        batch.add(article);
        if (batch.size() == batchSize) {
            submit();
        }
    }

    /** Submits the last batch and consumes every result. */
    void finish() {
        if (!batch.isEmpty()) {
            submit();
        }
        while (!inFlight.isEmpty()) {
            consumeHead();
        }
    }

    private void submit() {
        List<Article> b = batch;
        batch = new ArrayList<>(batchSize);
        inFlight.add(pool.submit(() -> work.apply(b)));
        // consume what is done, and wait once too much is in flight
        while (!inFlight.isEmpty() && (inFlight.size() >= maxInFlight || inFlight.peek().isDone())) {
            consumeHead();
        }
    }

    private void consumeHead() {
        inOrder.accept(Futures.await(inFlight.poll()));
    }

    @Override
    public void close() {
        pool.shutdownNow();
    }
}
