package dev.roomcall.media.natives;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

class LibraryCacheTest {

    private static final String LIB = "libdemo-linux-x86_64.so";

    @TempDir
    Path dir;

    private static byte[] bytes(int size, long seed) {
        byte[] data = new byte[size];
        new Random(seed).nextBytes(data);
        return data;
    }

    private Path jar(String name, String entry, byte[] content) throws IOException {
        Path jar = dir.resolve(name);
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(jar))) {
            out.putNextEntry(new ZipEntry("dev/demo/Demo.class"));
            out.write(new byte[] {1, 2, 3});
            out.putNextEntry(new ZipEntry(entry));
            out.write(content);
        }
        return jar;
    }

    private static String key(byte[] content) {
        CRC32 crc = new CRC32();
        crc.update(content);
        return String.format("%08x-%d", crc.getValue(), content.length);
    }

    private List<Path> filesUnder(Path root) throws IOException {
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(Files::isRegularFile).toList();
        }
    }

    @Test
    void unpacksTheEntryIntoADirectoryNamedForItsCrcAndSize() throws IOException {
        byte[] library = bytes(300_000, 1);
        LibraryCache cache = new LibraryCache(dir.resolve("cache"));

        Path copy = cache.copyOf(jar("a.jar", LIB, library), LIB);

        assertEquals(dir.resolve("cache").resolve("native").resolve(LIB).resolve(key(library)).resolve(LIB), copy);
        assertArrayEquals(library, Files.readAllBytes(copy));
        assertEquals(List.of(copy), filesUnder(dir.resolve("cache")), "nothing half-written is left beside it");
    }

    @Test
    void anEntryInAFolderOfTheJarIsKeptUnderItsFileName() throws IOException {
        byte[] library = bytes(1000, 2);
        Path copy = new LibraryCache(dir.resolve("cache")).copyOf(jar("a.jar", "natives/x86_64/" + LIB, library),
                "natives/x86_64/" + LIB);
        assertEquals(LIB, copy.getFileName().toString());
        assertArrayEquals(library, Files.readAllBytes(copy));
    }

    @Test
    void theNextStartUsesTheKeptCopyWithoutWritingIt() throws IOException {
        byte[] library = bytes(300_000, 3);
        Path jar = jar("a.jar", LIB, library);
        Path copy = new LibraryCache(dir.resolve("cache")).copyOf(jar, LIB);
        FileTime long_ago = FileTime.fromMillis(1_000_000_000_000L);
        Files.setLastModifiedTime(copy, long_ago);

        Path again = new LibraryCache(dir.resolve("cache")).copyOf(jar, LIB);

        assertEquals(copy, again);
        assertEquals(long_ago, Files.getLastModifiedTime(again), "the kept copy was not written again");
    }

    @Test
    void aDamagedCopyOfTheRightSizeIsUnpackedAgain() throws IOException {
        byte[] library = bytes(300_000, 4);
        Path jar = jar("a.jar", LIB, library);
        Path copy = new LibraryCache(dir.resolve("cache")).copyOf(jar, LIB);
        byte[] damaged = library.clone();
        damaged[123_456] ^= 0x40;
        Files.write(copy, damaged);

        assertArrayEquals(library, Files.readAllBytes(new LibraryCache(dir.resolve("cache")).copyOf(jar, LIB)));
    }

    @Test
    void aTruncatedCopyIsUnpackedAgain() throws IOException {
        byte[] library = bytes(300_000, 5);
        Path jar = jar("a.jar", LIB, library);
        Path copy = new LibraryCache(dir.resolve("cache")).copyOf(jar, LIB);
        Files.write(copy, new byte[4096]);

        assertArrayEquals(library, Files.readAllBytes(new LibraryCache(dir.resolve("cache")).copyOf(jar, LIB)));
    }

    @Test
    void anotherVersionGetsItsOwnDirectoryAndTheOlderOneIsRemoved() throws IOException {
        byte[] older = bytes(200_000, 6);
        byte[] newer = bytes(210_000, 7);
        LibraryCache cache = new LibraryCache(dir.resolve("cache"));
        Path old = cache.copyOf(jar("old.jar", LIB, older), LIB);

        Path copy = cache.copyOf(jar("new.jar", LIB, newer), LIB);

        assertArrayEquals(newer, Files.readAllBytes(copy));
        assertFalse(Files.exists(old.getParent()), "the older version's directory is removed");
        assertEquals(List.of(copy), filesUnder(dir.resolve("cache")));
    }

    @Test
    void startsAtTheSameMomentAllGetTheWholeLibrary() throws Exception {
        byte[] library = bytes(2_000_000, 8);
        Path jar = jar("a.jar", LIB, library);
        ExecutorService starts = Executors.newFixedThreadPool(4);
        try {
            List<Callable<Path>> four = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                four.add(() -> new LibraryCache(dir.resolve("cache")).copyOf(jar, LIB));
            }
            for (Future<Path> start : starts.invokeAll(four)) {
                assertArrayEquals(library, Files.readAllBytes(start.get()));
            }
        } finally {
            starts.shutdownNow();
        }
        assertEquals(1, filesUnder(dir.resolve("cache")).size(), "one copy, no part left behind");
    }

    @Test
    @EnabledOnOs({OS.LINUX, OS.MAC})
    void theCacheItMakesIsTheUsersAlone() throws IOException {
        Path copy = new LibraryCache(dir.resolve("cache")).copyOf(jar("a.jar", LIB, bytes(1000, 11)), LIB);

        for (Path path = copy.getParent(); !path.equals(dir); path = path.getParent()) {
            assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(path)), path.toString());
        }
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(copy)));
    }

    @Test
    @EnabledOnOs({OS.LINUX, OS.MAC})
    void aCopyOthersCanWriteIsRefusedNotLoaded() throws IOException {
        Path jar = jar("a.jar", LIB, bytes(1000, 12));
        Path copy = new LibraryCache(dir.resolve("cache")).copyOf(jar, LIB);
        Files.setPosixFilePermissions(copy.getParent(), PosixFilePermissions.fromString("rwxrwxrwx"));

        IOException refused = assertThrows(IOException.class, () -> new LibraryCache(dir.resolve("cache")).copyOf(jar, LIB));
        assertTrue(refused.getMessage().contains("written by other users"), refused.getMessage());

        Files.setPosixFilePermissions(copy.getParent(), PosixFilePermissions.fromString("rwx------"));
        Files.setPosixFilePermissions(copy, PosixFilePermissions.fromString("rw-rw-rw-"));
        assertThrows(IOException.class, () -> new LibraryCache(dir.resolve("cache")).copyOf(jar, LIB));
    }

    @Test
    @EnabledOnOs({OS.LINUX, OS.MAC})
    void aCacheDirectoryOthersCanWriteIsRefused() throws IOException {
        Path shared = Files.createDirectory(dir.resolve("shared"),
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwxrwxrwx")));
        Files.setPosixFilePermissions(shared, PosixFilePermissions.fromString("rwxrwxrwx"));

        assertThrows(IOException.class, () -> new LibraryCache(shared).copyOf(jar("a.jar", LIB, bytes(10, 13)), LIB));
    }

    @Test
    void anEntryTheJarDoesNotHaveIsNamedInTheError() throws IOException {
        Path jar = jar("a.jar", LIB, bytes(10, 9));
        FileNotFoundException missing = assertThrows(FileNotFoundException.class,
                () -> new LibraryCache(dir.resolve("cache")).copyOf(jar, "libother.so"));
        assertTrue(missing.getMessage().contains("libother.so"), missing.getMessage());
    }

    @Test
    void aCacheThatCannotBeWrittenIsAnErrorNotAHalfFile() throws IOException {
        Path jar = jar("a.jar", LIB, bytes(1000, 10));
        Path notADirectory = Files.writeString(dir.resolve("cache"), "a file where the cache should be");

        assertThrows(IOException.class, () -> new LibraryCache(notADirectory).copyOf(jar, LIB));
        assertEquals("a file where the cache should be", Files.readString(notADirectory));
    }
}
