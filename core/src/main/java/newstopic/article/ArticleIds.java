package newstopic.article;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/** Stable ids for articles whose input has none. Stateless and thread-safe. */
final class ArticleIds {

    private ArticleIds() {
    }

    /** {@code raw-} and 16 hex digits of the SHA-256 of title and body: equal articles, equal ids. */
    static String of(String title, List<String> paragraphs) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(title.getBytes(StandardCharsets.UTF_8));
            for (String p : paragraphs) {
                sha.update((byte) '\n');
                sha.update(p.getBytes(StandardCharsets.UTF_8));
            }
            return "raw-" + HexFormat.of().formatHex(sha.digest(), 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JDK", e);
        }
    }
}
