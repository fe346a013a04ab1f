package newstopic.benchmarks;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import newstopic.article.ArticleInputs;
import newstopic.article.InputFormat;
import newstopic.article.ReadOptions;
import newstopic.article.RecordLayout;
import newstopic.model.ModelFile;
import newstopic.train.TopicTrainer;
import newstopic.train.TrainOptions;

/**
 * {@code TrainModel INPUT MODEL}: trains with the defaults of {@code newstopic train} and writes
 * the model; the benchmarks run it in a child JVM. Stateless and thread-safe.
 */
public final class TrainModel {

    private TrainModel() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 2) {
            System.err.println("usage: TrainModel INPUT MODEL");
            System.exit(2);
        }
        var articles = ArticleInputs.read(List.of(args[0]), InputFormat.AUTO, RecordLayout.STANDARD, ReadOptions.STRICT, System.in)
                .articles();
        ModelFile.write(TopicTrainer.train(articles, TrainOptions.builder().build()).model(), Path.of(args[1]));
    }
}
