package newstopic;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/**
 * newstopic's version, the one source for provenance, {@code --version} and the HTTP answers:
 * Maven writes it into {@code newstopic/version.properties} at build time. Stateless and thread-safe.
 */
public final class Version {

    private static final String VERSION = read();

    private Version() {
    }

    /** The version of this build, for example {@code 0.1.0-SNAPSHOT}. */
    public static String get() {
        return VERSION;
    }

    private static String read() {
        try (InputStream in = Version.class.getResourceAsStream("version.properties")) {
            Properties p = new Properties();
            if (in != null) {
                p.load(in);
            }
            String v = p.getProperty("version", "");
            // an unfiltered resource (an IDE build) still says something true
            return v.isEmpty() || v.startsWith("${") ? "dev" : v;
        } catch (IOException e) {
            return "dev";
        }
    }
}
