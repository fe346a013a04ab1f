package newstopic.article;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

class TextFilesTest {

    @Test
    void utf8LengthCountsWhatTheEncoderWrites() {
        // ASCII, Latin-1, Arabic, CJK, an emoji (a surrogate pair) and a lone surrogate
        for (String s : new String[] {"", "Gaza", "Z\u00fcrich caf\u00e9", "\u063a\u0632\u0629", "\u5317\u4eac",
                "talks \ud83d\udd4a\ufe0f", "bad \ud800 half"}) {
            assertEquals(s.getBytes(StandardCharsets.UTF_8).length, TextFiles.utf8Length(s), s);
        }
    }
}
