package dev.roomcall.media.natives;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Comparator;
import java.util.stream.Stream;
import java.util.zip.CRC32;
import java.util.zip.CheckedInputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * One unpacked copy of a native library that ships inside a jar, kept between starts so that a start maps the file
 * instead of inflating it again. webrtc-java's own loader inflates its 23 MB library into a new temporary file on
 * every start (≈ 120 ms of CPU beside the first window; loading a kept copy takes ≈ 10 ms).
 *
 * <p>A copy lives in a directory named for the jar entry's CRC-32 and size, so another version of the library gets a
 * directory of its own (and the older ones are removed when it is unpacked). A copy is used only if its size and
 * CRC-32 still match the entry, so a copy damaged on disk is unpacked again rather than handed to the dynamic
 * linker. It appears under its name only once complete (written beside it, checked, then renamed), so two starts
 * at the same moment never see half a file.
 *
 * <p>What is loaded from here runs as native code in the app, so on POSIX systems every directory of the cache and
 * the copy must belong to the user running it and be writable by nobody else; the directories it makes are the
 * user's alone. A cache placed somewhere others can write (say {@code -Droomcall.cache.dir=/tmp/x}) is refused, not
 * trusted: a CRC-32 says a copy is intact, not that nobody made it to match.
 */
public final class LibraryCache {

    private final Path root;

    /**
     * @param root the app's cache directory (the libraries go in its {@code native} folder); made when first needed,
     *             and refused like the rest if others can write it: whoever can rename what is in it can swap a copy
     *             between its check and its loading
     */
    public LibraryCache(Path root) {
        this.root = root;
    }

    /**
     * @return a complete copy of {@code entryName} from {@code jar}, unpacked now if no intact copy is kept
     * @throws FileNotFoundException if the jar has no such entry
     * @throws IOException if the copy can be neither found nor written (a read-only or full disk)
     */
    public Path copyOf(Path jar, String entryName) throws IOException {
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            ZipEntry entry = zip.getEntry(entryName);
            if (entry == null || entry.isDirectory()) {
                throw new FileNotFoundException(entryName + " is not in " + jar);
            }
            String name = Path.of(entryName).getFileName().toString();
            Path natives = root.resolve("native");
            Path versions = natives.resolve(name);
            Path dir = versions.resolve(String.format("%08x-%d", entry.getCrc(), entry.getSize()));
            Path copy = dir.resolve(name);
            if (root.getParent() != null) {
                Files.createDirectories(root.getParent());
            }
            for (Path each : new Path[] {root, natives, versions, dir}) {
                makeOwnDirectory(each);
            }
            if (Files.exists(copy)) {
                requireOwn(copy);
            }
            if (intact(copy, entry)) {
                return copy;
            }
            Path part = Files.createTempFile(dir, name, ".part");
            try {
                long crc;
                // Written into the file made above, which keeps its owner-only permissions (a copy over it would not).
                try (CheckedInputStream in = new CheckedInputStream(zip.getInputStream(entry), new CRC32());
                     OutputStream out = Files.newOutputStream(part)) {
                    in.transferTo(out);
                    crc = in.getChecksum().getValue();
                }
                if (crc != entry.getCrc() || Files.size(part) != entry.getSize()) {
                    throw new IOException(entryName + " in " + jar + " does not match its own CRC-32 and size");
                }
                publish(part, copy, entry);
            } finally {
                Files.deleteIfExists(part);
            }
            removeOtherVersions(versions, dir);
            return copy;
        }
    }

    private static void makeOwnDirectory(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            try {
                Files.createDirectory(dir, ownerOnly(dir));
            } catch (FileAlreadyExistsException e) {
                // made by another start at the same moment; checked below like any other
            }
        }
        requireOwn(dir);
    }

    private static FileAttribute<?>[] ownerOnly(Path dir) {
        return dir.getFileSystem().supportedFileAttributeViews().contains("posix")
                ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------"))}
                : new FileAttribute<?>[0];
    }

    /** @throws IOException if {@code path} is not the running user's, or others may write it */
    private static void requireOwn(Path path) throws IOException {
        PosixFileAttributeView view = Files.getFileAttributeView(path, PosixFileAttributeView.class);
        if (view == null) {
            return; // Windows: the cache is under the user's own %LOCALAPPDATA%
        }
        PosixFileAttributes attributes = view.readAttributes();
        if (attributes.permissions().contains(PosixFilePermission.GROUP_WRITE)
                || attributes.permissions().contains(PosixFilePermission.OTHERS_WRITE)) {
            throw new IOException(path + " can be written by other users: no native code is loaded from there");
        }
        String user = System.getProperty("user.name");
        if (user != null && !attributes.owner().getName().equals(user)) {
            throw new IOException(path + " belongs to " + attributes.owner().getName() + ", not to " + user
                    + ": no native code is loaded from there");
        }
    }

    private static void publish(Path part, Path copy, ZipEntry entry) throws IOException {
        try {
            try {
                Files.move(part, copy, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(part, copy, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            // Windows cannot replace a library another start has loaded; that start's copy is as good.
            if (!intact(copy, entry)) {
                throw e;
            }
        }
    }

    private static boolean intact(Path copy, ZipEntry entry) throws IOException {
        if (!Files.isRegularFile(copy) || Files.size(copy) != entry.getSize()) {
            return false;
        }
        CRC32 crc = new CRC32();
        try (FileChannel channel = FileChannel.open(copy, StandardOpenOption.READ)) {
            long size = channel.size();
            for (long at = 0; at < size; at += Integer.MAX_VALUE) {
                MappedByteBuffer chunk = channel.map(FileChannel.MapMode.READ_ONLY, at, Math.min(Integer.MAX_VALUE, size - at));
                crc.update(chunk);
            }
        }
        return crc.getValue() == entry.getCrc();
    }

    /** Older versions are only ever unpacked again by an older Roomcall; failing to remove one costs disk, no more. */
    private static void removeOtherVersions(Path versions, Path keep) {
        try (DirectoryStream<Path> dirs = Files.newDirectoryStream(versions)) {
            for (Path dir : dirs) {
                if (!dir.equals(keep)) {
                    deleteTree(dir);
                }
            }
        } catch (IOException | UncheckedIOException e) {
            // best effort, see above
        }
    }

    private static void deleteTree(Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        } catch (IOException | UncheckedIOException e) {
            // a library another process still has open on Windows; the next unpacking tries again
        }
    }

    /** For messages: where this cache keeps its files. */
    @Override
    public String toString() {
        return root.toString();
    }
}
