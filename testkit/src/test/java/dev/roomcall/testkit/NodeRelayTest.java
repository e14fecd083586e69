package dev.roomcall.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class NodeRelayTest {

    @Test
    void theDemoRelayIsOnePairAndLogsEachMessage() {
        assertEquals(List.of("node", "relay.js", "0"), NodeRelay.command(NodeRelay.Setup.defaults()));
    }

    @Test
    void theBenchmarksRelayPairsByPathAndLogsNothingPerMessage() {
        assertEquals(List.of("node", "relay.js", "0", "--rooms", "--quiet"), NodeRelay.command(NodeRelay.Setup.benchmark()));
    }

    @Test
    void binaryFramesAndPagesAreSwitches() {
        NodeRelay.Setup setup = NodeRelay.Setup.defaults().withFrames(NodeRelay.Frames.BINARY).withPages(Path.of("/p"));

        assertEquals(List.of("node", "relay.js", "0", "--binary-frames", "--pages=/p"), NodeRelay.command(setup));
    }
}
