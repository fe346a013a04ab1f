package newstopic.io;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Writes files so that readers see the old content or the new, never a part: the bytes go to a
 * temporary file beside the target, are forced to disk, and replace the target by a rename. The
 * new file gets the permissions of the file it replaces, or those the umask gives a new file.
 * Temporary files left by a writer that was killed are removed by the next write to the same
 * target. Stateless and thread-safe (two writers of one target: the last rename wins).
 */
public final class AtomicFiles {

    /** Writes the content of a file to a stream; the stream is buffered, and closing it only flushes it. */
    @FunctionalInterface
    public interface Content {
        void writeTo(OutputStream out) throws IOException;
    }

    private AtomicFiles() {
    }

    /** Writes {@code target} atomically; on any failure the target is untouched and no temporary file is left. */
    public static void write(Path target, Content content) throws IOException {
        Path dir = target.toAbsolutePath().getParent();
        if (dir == null || !Files.isDirectory(dir)) {
            throw new NoSuchFileException(target.toString(), null, "its folder does not exist");
        }
        if (Files.isDirectory(target)) {
            throw new IOException(target + ": is a folder, not a file");
        }
        String name = target.getFileName().toString();
        removeStaleTemporaries(dir, name);
        Path tmp = dir.resolve("." + name + "." + ProcessHandle.current().pid() + "."
                + Long.toHexString(ThreadLocalRandom.current().nextLong()) + ".tmp");
        try {
            // CREATE_NEW, unlike createTempFile, leaves the mode to the umask (0600 locked other users out)
            try (FileChannel channel = FileChannel.open(tmp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
                OutputStream out = new BufferedOutputStream(Channels.newOutputStream(channel), 1 << 16) {
                    @Override
                    public void close() throws IOException {
                        flush(); // writers such as Jackson close what they are given; the channel is ours to force
                    }
                };
                content.writeTo(out);
                out.flush();
                channel.force(true);
            }
            copyPermissions(target, tmp);
            try {
                Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    private static void copyPermissions(Path from, Path to) throws IOException {
        PosixFileAttributeView old = Files.getFileAttributeView(from, PosixFileAttributeView.class);
        PosixFileAttributeView fresh = Files.getFileAttributeView(to, PosixFileAttributeView.class);
        if (old != null && fresh != null && Files.isRegularFile(from)) {
            fresh.setPermissions(old.readAttributes().permissions());
        }
    }

    /** Temporaries of {@code name} whose writing process is gone: a killed write leaves nothing behind for long. */
    private static void removeStaleTemporaries(Path dir, String name) throws IOException {
        String prefix = "." + name + ".";
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, p -> {
            String f = p.getFileName().toString();
            return f.startsWith(prefix) && f.endsWith(".tmp");
        })) {
            for (Path p : files) {
                String[] parts = p.getFileName().toString().substring(prefix.length()).split("\\.");
                if (parts.length == 3 && isDeadProcess(parts[0])) {
                    Files.deleteIfExists(p);
                }
            }
        }
    }

    private static boolean isDeadProcess(String pid) {
        try {
            long id = Long.parseLong(pid);
            return id != ProcessHandle.current().pid() && ProcessHandle.of(id).map(h -> !h.isAlive()).orElse(true);
        } catch (NumberFormatException e) {
            return false;
        }
    }
}
