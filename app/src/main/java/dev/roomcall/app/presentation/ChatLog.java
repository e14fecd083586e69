package dev.roomcall.app.presentation;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * The chat of one call: its lines, whether it can be used, whether the panel is open and how many messages
 * arrived while it was closed (the badge). Keeps at most {@link #MAX_ENTRIES} lines so a chatty call cannot
 * grow without bound. Single-threaded like every view model here.
 */
public final class ChatLog {

    public static final int MAX_ENTRIES = 500;

    private final List<ChatEntry> entries = new ArrayList<>();
    private final List<Consumer<ChatEntry>> listeners = new ArrayList<>();
    private final Value<Integer> unread = new Value<>(0);
    private final Value<Boolean> open = new Value<>(false);
    private final Value<Boolean> available = new Value<>(false);

    /** Lines so far, oldest first. */
    public List<ChatEntry> entries() {
        return List.copyOf(entries);
    }

    /** Messages from the other person not seen yet: they arrived while the panel was closed. */
    public Value<Integer> unread() {
        return unread;
    }

    /** Whether the chat panel is showing. */
    public Value<Boolean> open() {
        return open;
    }

    /** Whether messages can be sent now (the data channel is open). */
    public Value<Boolean> available() {
        return available;
    }

    /** Hears every added line (after it was added). */
    public Runnable onAdded(Consumer<ChatEntry> listener) {
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }

    public void setOpen(boolean show) {
        open.set(show);
        if (show) {
            unread.set(0);
        }
    }

    public void toggleOpen() {
        setOpen(!open.get());
    }

    void setAvailable(boolean now) {
        available.set(now);
    }

    void add(ChatEntry entry) {
        entries.add(entry);
        if (entries.size() > MAX_ENTRIES) {
            entries.remove(0);
        }
        if (entry.from() == ChatEntry.From.PEER && !open.get()) {
            unread.set(unread.get() + 1);
        }
        for (Consumer<ChatEntry> listener : List.copyOf(listeners)) {
            listener.accept(entry);
        }
    }
}
