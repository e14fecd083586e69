package dev.roomcall.app.presentation;

import dev.roomcall.app.call.CallEvent;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/** Whoever else follows a screen's call besides its model (e.g. the arrival alerts); called on the UI thread. */
final class CallObservers implements Consumer<CallEvent> {

    private final List<Consumer<CallEvent>> observers = new CopyOnWriteArrayList<>();

    void add(Consumer<CallEvent> observer) {
        observers.add(observer);
    }

    @Override
    public void accept(CallEvent event) {
        observers.forEach(observer -> observer.accept(event));
    }
}
