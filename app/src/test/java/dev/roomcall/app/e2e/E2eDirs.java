package dev.roomcall.app.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Where the end-to-end harness keeps its working copies and logs: under the module's target/ directory. */
final class E2eDirs {

    private E2eDirs() {}

    /** The build directory, found from where the test classes were loaded (target/test-classes). */
    static Path target() {
        try {
            Path classes = Path.of(E2eDirs.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            return classes.getParent();
        } catch (URISyntaxException e) {
            throw new IllegalStateException("cannot locate the test classes", e);
        }
    }

    /** target/e2e-logs, created on first use. */
    static Path logs() {
        Path logs = target().resolve("e2e-logs");
        try {
            Files.createDirectories(logs);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return logs;
    }
}
