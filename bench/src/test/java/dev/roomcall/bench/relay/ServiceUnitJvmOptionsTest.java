package dev.roomcall.bench.relay;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class ServiceUnitJvmOptionsTest {

    @Test
    void optionsAreTheWordsBetweenJavaAndJarAcrossContinuationLines() {
        String unit = """
                [Service]
                # ExecStart=/usr/bin/java -Xmx1g -jar commented.jar
                ExecStart=/usr/bin/java -Xmx64m -XX:+UseSerialGC \\
                    -Xss256k -jar /opt/roomcall/roomcall-server.jar \\
                    --host 0.0.0.0
                Restart=on-failure
                """;
        assertEquals(List.of("-Xmx64m", "-XX:+UseSerialGC", "-Xss256k"), ServiceUnitJvmOptions.parse(unit));
    }

    @Test
    void noOptionsIsAnEmptyList() {
        assertEquals(List.of(), ServiceUnitJvmOptions.parse("ExecStart=/usr/bin/java -jar server.jar\n"));
    }

    @Test
    void aUnitThatDoesNotRunAJarIsRefused() {
        assertRefused("[Service]\nType=simple\n", "no ExecStart=");
        assertRefused("ExecStart=/usr/bin/node relay.js\n", "does not start java");
        assertRefused("ExecStart=/usr/bin/java -Xmx1g Main\n", "no -jar");
    }

    @Test
    void theShippedUnitStartsTheServerWithASmallSerialHeapAndTrimsItsNativeHeap() throws Exception {
        List<String> options = ServiceUnitJvmOptions.read(Path.of("../packaging/server/roomcall-server.service"));
        assertTrue(options.containsAll(List.of("-XX:+UseSerialGC", "-XX:+ExitOnOutOfMemoryError",
                "-XX:TrimNativeHeapInterval=5000")), options::toString);
    }

    @Test
    void theShippedUnitKeepsAQuarterOfTheOldGenerationFreeSoPromotionRarelyForcesAFullCollection() throws Exception {
        List<String> options = ServiceUnitJvmOptions.read(Path.of("../packaging/server/roomcall-server.service"));
        assertEquals(25, ratio(options, "-XX:MinHeapFreeRatio="), options::toString);
        assertTrue(ratio(options, "-XX:MaxHeapFreeRatio=") >= 25, options::toString);
    }

    @Test
    void theDeploymentGuideStartsJavaJarWithTheUnitsOptions() throws Exception {
        List<String> options = ServiceUnitJvmOptions.read(Path.of("../packaging/server/roomcall-server.service"));
        String guide = Files.readString(Path.of("../docs/deploy.md"));
        String command = "java " + String.join(" ", options) + " -jar roomcall-server.jar";
        assertTrue(guide.contains(command), "docs/deploy.md should show: " + command);
    }

    private static int ratio(List<String> options, String prefix) {
        return options.stream().filter(o -> o.startsWith(prefix)).map(o -> Integer.parseInt(o.substring(prefix.length())))
                .findFirst().orElseThrow(() -> new AssertionError("the unit sets no " + prefix + " " + options));
    }

    private static void assertRefused(String unit, String why) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ServiceUnitJvmOptions.parse(unit));
        assertTrue(e.getMessage().contains(why), e.getMessage());
    }
}
