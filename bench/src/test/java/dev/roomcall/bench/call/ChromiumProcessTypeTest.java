package dev.roomcall.bench.call;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ChromiumProcessTypeTest {

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(delimiter = '|', textBlock = """
            /usr/lib/chromium/chromium --headless --user-data-dir=/tmp/p                                     | browser
            /usr/lib/chromium/chromium --type=renderer --user-data-dir=/tmp/p                                | renderer
            /usr/lib/chromium/chromium --type=gpu-process --user-data-dir=/tmp/p                             | gpu-process
            /usr/lib/chromium/chromium --type=zygote --no-zygote-sandbox                                     | zygote
            /usr/lib/chromium/chromium --type=utility --utility-sub-type=network.mojom.NetworkService --lang=en | utility: network
            /usr/lib/chromium/chromium --type=utility --utility-sub-type=audio.mojom.AudioService            | utility: audio
            /usr/lib/chromium/chromium --type=utility --utility-sub-type=video                                | utility: video
            /usr/lib/chromium/chromium --type=utility                                                         | utility
            /usr/lib/chromium/chromium --no-type=renderer                                                     | browser
            '   '                                                                                             | ?
            """)
    void aProcessTypeComesFromItsCommandLine(String commandLine, String type) {
        assertEquals(type, ChromiumProcessType.of(commandLine));
    }
}
