package dev.roomcall.app.ui;

import dev.roomcall.app.CallRuntime;
import dev.roomcall.app.LaunchOptions;
import dev.roomcall.app.Main;
import dev.roomcall.app.StartException;
import dev.roomcall.app.call.TestEngine;
import dev.roomcall.app.cli.CommandLine;
import dev.roomcall.app.settings.Settings;
import dev.roomcall.media.MediaEngine;
import dev.roomcall.media.MediaOptions;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Supplier;

/** Call runtimes for UI tests: a real embedded server on a free port and the test JVM's one shared media engine. */
public final class TestRuntimes {

    private TestRuntimes() {}

    /** The engine every test in this JVM shares: libwebrtc allows one per process. */
    public static MediaEngine sharedEngine() {
        return TestEngine.get();
    }

    /** Hands out the shared engine and never closes it: other tests still need it. */
    public static final CallRuntime.Engines SHARED = new CallRuntime.Engines() {
        @Override
        public MediaEngine start(MediaOptions options) {
            return sharedEngine();
        }

        @Override
        public void release(MediaEngine engine) {
            // shared: stays open for the next test
        }
    };

    /** A runtime as the window starts it, with the built-in server on a free port; {@code args} as on the command line. */
    public static CallRuntime start(Settings settings, String... args) throws StartException {
        return start(() -> settings, args);
    }

    /** A runtime that reads its settings from {@code settings} whenever it needs them, as from the settings store. */
    public static CallRuntime start(Supplier<Settings> settings, String... args) throws StartException {
        return CallRuntime.start(launchOptions(args), settings, SHARED);
    }

    /** {@code args} as {@link Main} reads them. */
    public static LaunchOptions launchOptions(String... args) {
        List<String> all = new ArrayList<>(Arrays.asList(args));
        if (!all.contains("--server") && !all.contains("--host")) {
            all.addAll(List.of("--host", "0"));
        }
        CommandLine options = new CommandLine();
        new picocli.CommandLine(options).parseArgs(all.toArray(String[]::new));
        return Main.launchOptions(options);
    }
}
