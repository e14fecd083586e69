package dev.roomcall.media;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The call executors of the two sides of an in-process call: one serial thread each, as a call in the app owns
 * one. Shared by all tests of the JVM, like the engine.
 */
public final class CallExecutors {
    public static final ExecutorService A = serial("test-call-a");
    public static final ExecutorService B = serial("test-call-b");

    private CallExecutors() {}

    private static ExecutorService serial(String name) {
        return Executors.newSingleThreadExecutor(r -> {
            Thread thread = new Thread(r, name);
            thread.setDaemon(true);
            return thread;
        });
    }
}
