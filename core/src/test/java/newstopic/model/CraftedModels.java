package newstopic.model;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.Arrays;

/** Re-signed model files with inconsistent content, for the tests of other modules. */
public final class CraftedModels {

    private CraftedModels() {
    }

    /** {@code model} as a file whose vocabulary claims {@code features} features, its checksum valid. */
    public static byte[] withFeatureCount(TopicModel model, int features) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ModelFile.writeTo(model, out);
        byte[] body = Arrays.copyOf(out.toByteArray(), out.size() - 32);
        ByteBuffer b = ByteBuffer.wrap(body);
        int p = 16 + b.getInt(12) + 4; // after the header and the document count
        int words = b.getInt(p);
        p += 4;
        for (int i = 0; i < words; i++) {
            p += 2 + (b.getShort(p) & 0xffff);
        }
        b.putInt(p, features);
        return HostileModelFileTest.resign(body);
    }
}
