package newstopic.article;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;

import newstopic.io.Sha256;

/** Stable ids for articles whose input has none. Stateless and thread-safe. */
final class ArticleIds {

    private ArticleIds() {
    }

    /** {@code raw-} and 16 hex digits of the SHA-256 of title and body: equal articles, equal ids. */
    static String of(String title, List<String> paragraphs) {
        MessageDigest sha = Sha256.digest();
        sha.update(title.getBytes(StandardCharsets.UTF_8));
        for (String p : paragraphs) {
            sha.update((byte) '\n');
            sha.update(p.getBytes(StandardCharsets.UTF_8));
        }
        return "raw-" + HexFormat.of().formatHex(sha.digest(), 0, 8);
    }
}
