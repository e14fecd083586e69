package dev.roomcall.app.settings;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URI;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ServerAddressTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
        "ws://10.0.0.2:3000, ws://10.0.0.2:3000/",
        "wss://rooms.example.org, wss://rooms.example.org/",
        "http://10.0.0.2:3000/#abcd-efgh-jkmnp, ws://10.0.0.2:3000/",
        "HTTPS://rooms.example.org/signal, wss://rooms.example.org/signal",
        "10.0.0.2:3000, ws://10.0.0.2:3000/",
        "'  ws://[::1]:3000/  ', ws://[::1]:3000/",
    })
    void pageAndSocketAddressesBecomeTheSocketToSignalOn(String typed, String webSocket) {
        assertEquals(URI.create(webSocket), ServerAddress.webSocket(typed));
        assertEquals(Optional.empty(), ServerAddress.check(typed));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
        "ftp://10.0.0.2, SERVER_SCHEME",
        "mailto:someone@example.org, SERVER_SCHEME",
        "ws://, SERVER_HOST",
        "ws://host:99999, SERVER_HOST",
        "ws://bad host, SERVER_HOST",
        "'', SERVER_HOST",
    })
    void unusableAddressesSayWhy(String typed, SettingProblem problem) {
        assertEquals(Optional.of(problem), ServerAddress.check(typed));
    }
}
