package newstopic.spark;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.Serializable;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.NoSuchFileException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.LocatedFileStatus;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.RemoteIterator;

/**
 * One input file of a {@link SparkPredict} run: where Hadoop finds it, the name that sources and
 * messages give it (the path as the user wrote it, as {@code newstopic predict} does), its format,
 * and its place in the order of all inputs. Immutable and thread-safe.
 */
record InputFile(String uri, String name, Format format, int index) implements Serializable {

    /** How a file is read. */
    enum Format {
        CSV, JSONL, RAW, PARQUET;

        /** The format named on the command line, or {@code null} for "by file name". */
        static Format parse(String name) {
            return switch (name.toLowerCase(Locale.ROOT)) {
                case "auto" -> null;
                case "csv" -> CSV;
                case "jsonl", "ndjson" -> JSONL;
                case "raw", "txt" -> RAW;
                case "parquet" -> PARQUET;
                default -> throw new IllegalArgumentException("unknown --input-format '" + name
                        + "' (auto, csv, jsonl, parquet or raw)");
            };
        }

        /** By file name, as {@code newstopic predict} guesses: anything unknown is a raw page. */
        static Format of(String fileName) {
            String n = fileName.toLowerCase(Locale.ROOT);
            if (n.endsWith(".csv")) {
                return CSV;
            }
            if (n.endsWith(".jsonl") || n.endsWith(".ndjson")) {
                return JSONL;
            }
            if (n.endsWith(".parquet")) {
                return PARQUET;
            }
            return RAW;
        }
    }

    /** The labels sidecar of a folder of raw pages: never an article file. */
    private static final String SIDECAR = "labels.csv";

    /** Whether a folder walk reads {@code name}: article files, not notes, sidecars or hidden files. */
    static boolean isArticleFile(String name) {
        String n = name.toLowerCase(Locale.ROOT);
        return !n.startsWith(".") && !n.startsWith("_") && !n.equals(SIDECAR)
                && (n.endsWith(".csv") || n.endsWith(".jsonl") || n.endsWith(".ndjson") || n.endsWith(".txt")
                || n.endsWith(".parquet"));
    }

    /**
     * The files of {@code inputs}: files as named, folders walked (sub-folders too) in name order.
     *
     * @param forced the format of every file, or {@code null} to go by file names
     * @throws NoSuchFileException when an input does not exist
     */
    static List<InputFile> list(List<String> inputs, Format forced, Configuration conf) throws IOException {
        List<InputFile> out = new ArrayList<>();
        for (String input : inputs) {
            if (input.equals("-")) {
                throw new IllegalArgumentException("spark-predict cannot read standard input ('-'); name files or folders");
            }
            Path path = new Path(input);
            FileSystem fs = path.getFileSystem(conf);
            FileStatus status;
            try {
                status = fs.getFileStatus(path);
            } catch (FileNotFoundException e) {
                throw new NoSuchFileException(input, null, "no such file or folder");
            }
            boolean local = path.toUri().getScheme() == null;
            if (!status.isDirectory()) {
                String name = path.getName();
                out.add(new InputFile(status.getPath().toString(), input, forced != null ? forced : Format.of(name),
                        out.size()));
                continue;
            }
            String root = status.getPath().toUri().getPath();
            List<LocatedFileStatus> files = new ArrayList<>();
            RemoteIterator<LocatedFileStatus> it = fs.listFiles(status.getPath(), true);
            while (it.hasNext()) {
                LocatedFileStatus f = it.next();
                String relative = f.getPath().toUri().getPath().substring(root.length()).replaceFirst("^/", "");
                if (f.isFile() && visible(relative) && isArticleFile(f.getPath().getName())) {
                    files.add(f);
                }
            }
            files.sort(Comparator.comparing(f -> f.getPath().toString()));
            for (LocatedFileStatus f : files) {
                String relative = f.getPath().toUri().getPath().substring(root.length()).replaceFirst("^/", "");
                String name = local ? java.nio.file.Path.of(input).resolve(relative).toString() : f.getPath().toString();
                out.add(new InputFile(f.getPath().toString(), name,
                        forced != null ? forced : Format.of(f.getPath().getName()), out.size()));
            }
        }
        return out;
    }

    private static boolean visible(String relative) {
        for (String part : relative.split("/")) {
            if (part.startsWith(".") || part.startsWith("_")) {
                return false;
            }
        }
        return true;
    }

    /**
     * A comparable form of a Hadoop path or URI (Spark writes {@code file:///a%20b}, Hadoop
     * {@code file:/a b}): scheme, authority and decoded path.
     */
    static String key(String pathOrUri) {
        URI u;
        try {
            u = new URI(pathOrUri);
        } catch (URISyntaxException e) {
            u = new Path(pathOrUri).toUri();
        }
        String scheme = u.getScheme() == null ? "file" : u.getScheme();
        String authority = u.getAuthority() == null ? "" : u.getAuthority();
        return scheme + "://" + authority + u.getPath();
    }
}
