package dev.roomcall.app;

import dev.roomcall.server.SelfSignedCertificate;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;

/**
 * The built-in server's self-signed certificate in the person's configuration directory: made on the first run,
 * reused afterwards so its fingerprint stays the same (people compare it once per device).
 */
final class ServerCertificate {

    /** Held while a certificate is read or made, so two Roomcall processes starting together end with one. */
    static final String LOCK_FILE = "roomcall-tls.lock";
    /** One JVM may hold a file lock only once; threads of this one queue here first. */
    private static final Object IN_PROCESS = new Object();

    private ServerCertificate() {}

    /**
     * The certificate stored in {@code directory}, or a new one stored there.
     *
     * @param hostNames names or addresses a new certificate also names, besides localhost (e.g. the LAN address)
     * @throws IOException if the directory cannot be written or the certificate cannot be made
     */
    static SelfSignedCertificate loadOrCreate(Path directory, List<String> hostNames) throws IOException {
        Files.createDirectories(directory);
        synchronized (IN_PROCESS) {
            try (FileChannel channel = FileChannel.open(directory.resolve(LOCK_FILE), StandardOpenOption.CREATE,
                    StandardOpenOption.WRITE);
                    FileLock lock = channel.lock()) {
                return SelfSignedCertificate.loadOrCreate(directory, hostNames);
            } catch (IllegalStateException e) {
                throw new IOException(e.getMessage(), e);
            }
        }
    }
}
