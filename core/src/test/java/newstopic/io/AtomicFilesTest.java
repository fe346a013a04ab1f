package newstopic.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicFilesTest {

    @TempDir
    Path dir;

    private static void write(Path target, String text) throws IOException {
        AtomicFiles.write(target, out -> out.write(text.getBytes(StandardCharsets.UTF_8)));
    }

    /** Files in the folder whose name marks them as temporaries of {@code target}. */
    private List<String> temporariesOf(String target) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).filter(f -> f.startsWith("." + target)).sorted().toList();
        }
    }

    private static void assumePosix() {
        Assumptions.assumeTrue(FileSystems.getDefault().supportedFileAttributeViews().contains("posix"),
                "POSIX permissions are not supported here");
    }

    private static Set<PosixFilePermission> mode(Path p) throws IOException {
        return Files.getPosixFilePermissions(p);
    }

    @Test
    void writesTheContent() throws IOException {
        Path target = dir.resolve("model.json");
        byte[] big = new byte[200_000]; // larger than the 64 KiB buffer
        for (int i = 0; i < big.length; i++) {
            big[i] = (byte) (i * 31 + 7);
        }
        AtomicFiles.write(target, out -> {
            out.write("head".getBytes(StandardCharsets.US_ASCII));
            out.write(big);
            out.close(); // writers such as Jackson close the stream: the write must still complete
        });
        byte[] read = Files.readAllBytes(target);
        assertEquals(4 + big.length, read.length);
        assertEquals("head", new String(read, 0, 4, StandardCharsets.US_ASCII));
        assertArrayEquals(big, java.util.Arrays.copyOfRange(read, 4, read.length));
        assertEquals(List.of(), temporariesOf("model.json"));
    }

    @Test
    void replacesAnExistingFile() throws IOException {
        Path target = dir.resolve("out.txt");
        Files.writeString(target, "old content that is longer than the new");
        write(target, "new");
        assertEquals("new", Files.readString(target));
        assertEquals(List.of(), temporariesOf("out.txt"));
    }

    @Test
    void relativeTargetIsWrittenWhereItPoints() throws IOException {
        // a bare file name has no parent: the folder is the working directory's, resolved absolutely
        Path target = dir.resolve("rel.txt");
        Path relative = Path.of("").toAbsolutePath().relativize(target);
        write(relative, "r");
        assertEquals("r", Files.readString(target));
    }

    @Test
    void replacingKeepsMode0644() throws IOException {
        assumePosix();
        Path target = dir.resolve("shared.txt");
        Files.writeString(target, "old");
        Files.setPosixFilePermissions(target, PosixFilePermissions.fromString("rw-r--r--"));
        write(target, "new");
        assertEquals(PosixFilePermissions.fromString("rw-r--r--"), mode(target));
    }

    @Test
    void replacingKeepsMode0600() throws IOException {
        assumePosix();
        Path target = dir.resolve("secret.txt");
        Files.writeString(target, "old");
        Files.setPosixFilePermissions(target, PosixFilePermissions.fromString("rw-------"));
        write(target, "new");
        assertEquals("new", Files.readString(target));
        assertEquals(PosixFilePermissions.fromString("rw-------"), mode(target));
    }

    @Test
    void aNewFileGetsTheModeTheUmaskGives() throws IOException {
        assumePosix();
        // what the umask gives a plain new file in the same folder
        Path reference = Files.createFile(dir.resolve("reference"));
        Set<PosixFilePermission> umaskMode = mode(reference);
        Assumptions.assumeTrue(umaskMode.contains(PosixFilePermission.GROUP_READ)
                        && umaskMode.contains(PosixFilePermission.OTHERS_READ),
                "the umask is stricter than 022: " + PosixFilePermissions.toString(umaskMode));
        Path target = dir.resolve("fresh.txt");
        write(target, "x");
        // a temp-file route would give 0600 and lock other users out
        assertNotEquals(PosixFilePermissions.fromString("rw-------"), mode(target));
        assertEquals(umaskMode, mode(target));
    }

    @Test
    void aFailingContentLeavesTheOldBytesAndNoTemporary() throws IOException {
        Path target = dir.resolve("keep.bin");
        Files.writeString(target, "old bytes");
        IOException boom = new IOException("disk on fire");
        IOException thrown = assertThrows(IOException.class, () -> AtomicFiles.write(target, out -> {
            out.write(new byte[100_000]); // some bytes have reached the temporary already
            throw boom;
        }));
        assertSame(boom, thrown);
        assertEquals("old bytes", Files.readString(target));
        assertEquals(List.of(), temporariesOf("keep.bin"));
    }

    @Test
    void aRuntimeFailureAlsoLeavesNoTemporaryAndNoNewFile() throws IOException {
        Path target = dir.resolve("never.txt");
        assertThrows(UncheckedIOException.class, () -> AtomicFiles.write(target, out -> {
            out.write(1);
            throw new UncheckedIOException(new IOException("nope"));
        }));
        assertFalse(Files.exists(target));
        assertEquals(List.of(), temporariesOf("never.txt"));
    }

    /** The pid of a process that has exited (and been reaped). */
    private static long deadPid() throws IOException, InterruptedException {
        Process p = new ProcessBuilder("true").start();
        p.waitFor();
        long pid = p.pid();
        Assumptions.assumeFalse(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false),
                "pid " + pid + " is alive again");
        return pid;
    }

    @Test
    void aStaleTemporaryOfADeadWriterIsRemovedButNotOneOfThisProcess() throws Exception {
        Path target = dir.resolve("data.csv");
        Path stale = Files.writeString(dir.resolve(".data.csv." + deadPid() + ".1f2e3d4c.tmp"), "half");
        Path ours = Files.writeString(dir.resolve(".data.csv." + ProcessHandle.current().pid() + ".abc.tmp"), "busy");
        // another target's temporary and a non-numeric pid are not this write's business
        Path otherTarget = Files.writeString(dir.resolve(".other.csv." + deadPid() + ".99.tmp"), "other");
        Path notAPid = Files.writeString(dir.resolve(".data.csv.pid.99.tmp"), "odd");
        write(target, "a,b\n");
        assertFalse(Files.exists(stale), "the dead writer's temporary is gone");
        assertTrue(Files.exists(ours), "this process may be writing it right now");
        assertTrue(Files.exists(otherTarget));
        assertTrue(Files.exists(notAPid));
        assertEquals("a,b\n", Files.readString(target));
    }

    @Test
    void aMissingFolderIsNoSuchFile() {
        Path target = dir.resolve("missing").resolve("out.txt");
        assertThrows(NoSuchFileException.class, () -> write(target, "x"));
        assertFalse(Files.exists(dir.resolve("missing")));
    }

    @Test
    void aFolderAsTargetIsAnIOException() throws IOException {
        Path folder = Files.createDirectory(dir.resolve("sub"));
        Files.writeString(folder.resolve("inside.txt"), "kept");
        IOException e = assertThrows(IOException.class, () -> write(folder, "x"));
        assertFalse(e instanceof NoSuchFileException, e.toString());
        assertTrue(Files.isDirectory(folder));
        assertEquals("kept", Files.readString(folder.resolve("inside.txt")));
        assertEquals(List.of(), temporariesOf("sub"));
    }
}
