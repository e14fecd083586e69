package dev.roomcall.app.presentation;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * A value views can follow, without any UI toolkit: {@link #observe} calls back at once and after every change.
 * Not thread-safe on purpose: a view model and its views live on one thread (the UI thread), and events from
 * other threads are handed over to it before they touch a value.
 *
 * @param <T> the value's type; null is allowed
 */
public final class Value<T> {

    private final List<Consumer<? super T>> observers = new ArrayList<>();
    private T current;

    public Value(T initial) {
        this.current = initial;
    }

    public T get() {
        return current;
    }

    /** Changes the value; observers hear of it only if it really changed. */
    public void set(T value) {
        if (Objects.equals(current, value)) {
            return;
        }
        current = value;
        for (Consumer<? super T> observer : List.copyOf(observers)) {
            observer.accept(value);
        }
    }

    /** Calls {@code observer} now with the current value and on every change; the returned action stops that. */
    public Runnable observe(Consumer<? super T> observer) {
        observers.add(observer);
        observer.accept(current);
        return () -> observers.remove(observer);
    }

    @Override
    public String toString() {
        return String.valueOf(current);
    }
}
