package dev.roomcall.app.e2e;

import dev.roomcall.testkit.Coturn;
import dev.roomcall.testkit.LabProcess;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The standalone Roomcall server ({@code signaling-server/target/roomcall-server.jar}) as its own process, for tests
 * that need it where this JVM is not, inside a namespace of the lab.
 */
final class ServerProcess {

    private ServerProcess() {}

    /** Starts the server under {@code launcher} (e.g. {@code ip netns exec NS}) and waits until it listens. */
    static LabProcess start(List<String> launcher, String name, String... args) throws IOException, InterruptedException {
        Path jar = Path.of(System.getProperty("roomcall.server.jar", "../signaling-server/target/roomcall-server.jar"));
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("no server jar at " + jar.toAbsolutePath() + ": run 'mvn verify'");
        }
        List<String> command = new ArrayList<>(launcher);
        command.addAll(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar",
                jar.toAbsolutePath().toString()));
        command.addAll(List.of(args));
        LabProcess server = LabProcess.start(name, command, E2eDirs.logs());
        try {
            server.awaitOutput(Pattern.compile("listening on"), Duration.ofSeconds(30));
        } catch (IOException | RuntimeException | Error e) {
            server.close();
            throw e;
        }
        return server;
    }

    /** A file holding coturn's shared secret, for {@code --turn-secret-file} (a secret stays off command lines). */
    static Path secretFile(Coturn coturn, String name) throws IOException {
        Path file = Files.createDirectories(E2eDirs.target().resolve("e2e-work")).resolve(name + "-turn-secret");
        Files.writeString(file, coturn.secret() + "\n", StandardCharsets.UTF_8);
        return file;
    }
}
