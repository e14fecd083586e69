package dev.roomcall.app.e2e;

import dev.roomcall.testkit.NodeRelay;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * The 004 demo as the browser tests meet it: the testkit's Node relay serving the demo's pages
 * ({@code src/test/resources/demo004/}: {@code /} is page004.html, {@code /page000.html} the other demo).
 */
final class DemoRelay {

    private DemoRelay() {}

    /** A relay that forwards frames as it received them. */
    static NodeRelay start() throws IOException, InterruptedException {
        return start(NodeRelay.Frames.AS_RECEIVED);
    }

    static NodeRelay start(NodeRelay.Frames frames) throws IOException, InterruptedException {
        Path pages = Files.createDirectories(E2eDirs.target().resolve("demo004-pages"));
        copy("page004.html", pages.resolve("index.html"));
        copy("page004.html", pages.resolve("page004.html"));
        copy("page000.html", pages.resolve("page000.html"));
        return NodeRelay.start(NodeRelay.Setup.defaults().withFrames(frames).withPages(pages),
                E2eDirs.target().resolve("node-relay"), E2eDirs.logs());
    }

    private static void copy(String page, Path to) throws IOException {
        try (InputStream in = DemoRelay.class.getResourceAsStream("/demo004/" + page)) {
            if (in == null) {
                throw new IOException("fixture file demo004/" + page + " is not on the test classpath");
            }
            Files.copy(in, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
