package dev.roomcall.app.call;

/** Receives a call's events in order, on the call's own thread: never block in it. */
@FunctionalInterface
public interface CallListener {
    void onEvent(CallEvent event);
}
