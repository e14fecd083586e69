package dev.roomcall.app.presentation.group;

import dev.roomcall.app.call.PeerId;
import dev.roomcall.app.presentation.NetworkQuality;
import dev.roomcall.app.presentation.StatsFeed;
import dev.roomcall.app.presentation.Value;
import dev.roomcall.media.render.FrameSource;
import dev.roomcall.media.stats.CallStats;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.LongSupplier;
import java.util.function.UnaryOperator;

/**
 * The other people in a call as the grid shows them, without a UI toolkit: one {@link Tile} per {@link PeerId} in
 * order of arrival, the {@link GridLayout} that follows from them, who speaks ({@link SpeakerDetector}), who is
 * pinned, and each person's statistics. The call's events are handed in as the commands below, on the UI thread;
 * news about someone who is not (or no longer) here is ignored, since a late event of a person who just left must
 * not bring their tile back.
 */
public final class Participants {

    private final LongSupplier clockMs;
    private final Map<PeerId, Tile> people = new LinkedHashMap<>();
    private final Map<PeerId, StatsFeed> feeds = new LinkedHashMap<>();
    private final SpeakerDetector speakers = new SpeakerDetector();
    private final Value<List<Tile>> tiles = new Value<>(List.of());
    private final Value<GridLayout> layout = new Value<>(GridLayout.WAITING);
    private final Value<PeerId> statsPeer = new Value<>(null);
    private final List<Consumer<Presence>> presenceObservers = new ArrayList<>();

    /** @param clockMs a monotonic millisecond clock, for the speaking detector */
    public Participants(LongSupplier clockMs) {
        this.clockMs = clockMs;
    }

    // ------------------------------------------------------------------ what views follow

    /** Everyone here, in order of arrival. */
    public Value<List<Tile>> tiles() {
        return tiles;
    }

    public Value<GridLayout> layout() {
        return layout;
    }

    public Optional<Tile> tile(PeerId peer) {
        return Optional.ofNullable(people.get(peer));
    }

    /** Whose statistics the overlay shows; null while nobody is here. */
    public Value<PeerId> statsPeer() {
        return statsPeer;
    }

    /** {@code peer}'s statistics; an empty feed for someone not here. */
    public StatsFeed statsOf(PeerId peer) {
        StatsFeed feed = feeds.get(peer);
        return feed != null ? feed : StatsFeed.empty();
    }

    /** Tells {@code observer} each arrival and departure; the returned action stops that. */
    public Runnable onPresence(Consumer<Presence> observer) {
        presenceObservers.add(observer);
        return () -> presenceObservers.remove(observer);
    }

    // ------------------------------------------------------------------ what the call reports

    /** {@code peer} came into the room while this side was there (said and chimed); a known peer is renamed. */
    public void joined(PeerId peer, String name) {
        arrive(peer, name, Presence.Change.ARRIVED);
    }

    /** {@code peer} was in the room before this side came (said, no chime); a known peer is renamed. */
    public void wasThere(PeerId peer, String name) {
        arrive(peer, name, Presence.Change.WAS_THERE);
    }

    public void renamed(PeerId peer, String name) {
        update(peer, t -> t.withName(TileText.name(name)));
    }

    /** {@code peer} left: their tile goes, and a pin or statistics choice on them with it. */
    public void left(PeerId peer) {
        Tile gone = people.remove(peer);
        if (gone == null) {
            return;
        }
        feeds.remove(peer);
        speakers.forget(peer);
        if (peer.equals(statsPeer.get())) {
            statsPeer.set(people.isEmpty() ? null : people.keySet().iterator().next());
        }
        publish();
        tell(new Presence(Presence.Change.LEFT, peer, gone.name()));
    }

    /** The call is over: everyone's tile goes at once, without a word for each. */
    public void clear() {
        people.clear();
        feeds.clear();
        statsPeer.set(null);
        publish();
    }

    /** {@code peer}'s camera pictures (null: none). */
    public void video(PeerId peer, FrameSource camera) {
        update(peer, t -> t.withCamera(camera));
    }

    /** {@code peer}'s shared screen, or null when they stopped sharing. */
    public void screen(PeerId peer, FrameSource screen) {
        update(peer, t -> t.withScreen(screen));
    }

    /** What {@code peer} said about their microphone and camera. */
    public void mediaState(PeerId peer, boolean microphone, boolean camera) {
        if (!microphone) {
            speakers.forget(peer);
        }
        update(peer, t -> t.withMedia(microphone, camera));
    }

    /** The level of {@code peer}'s audio as played, 0..1; feed it a few times a second. */
    public void audioLevel(PeerId peer, double level) {
        Tile tile = people.get(peer);
        if (tile == null || !tile.microphoneOn()) {
            return;
        }
        speakers.level(peer, level, clockMs.getAsLong());
        refreshSpeaking();
    }

    /** Lets speaking end for people whose levels stopped coming; call a few times a second. */
    public void tick() {
        refreshSpeaking();
    }

    public void quality(PeerId peer, NetworkQuality quality) {
        update(peer, t -> t.withQuality(quality));
    }

    /** A statistics snapshot of {@code peer}'s session: their overlay's numbers and their connection quality. */
    public void stats(PeerId peer, CallStats snapshot) {
        StatsFeed feed = feeds.get(peer);
        if (feed == null) {
            return;
        }
        feed.add(snapshot, clockMs.getAsLong());
        quality(peer, feed.quality().get());
    }

    // ------------------------------------------------------------------ what the person here does

    /** Shows {@code peer} large (their shared screen if they share, else their camera); one pin at a time. */
    public void pin(PeerId peer) {
        if (!people.containsKey(peer)) {
            return;
        }
        people.replaceAll((p, t) -> t.withPinned(p.equals(peer)));
        publish();
    }

    public void unpin() {
        people.replaceAll((p, t) -> t.withPinned(false));
        publish();
    }

    /** A click on a tile: pins that person, or unpins them if they were pinned. */
    public void togglePin(PeerId peer) {
        Tile tile = people.get(peer);
        if (tile != null && tile.pinned()) {
            unpin();
        } else {
            pin(peer);
        }
    }

    /** Shows {@code peer}'s statistics in the overlay. */
    public void chooseStats(PeerId peer) {
        if (people.containsKey(peer)) {
            statsPeer.set(peer);
        }
    }

    // ------------------------------------------------------------------ inside

    private void arrive(PeerId peer, String name, Presence.Change change) {
        String shown = TileText.name(name);
        if (people.containsKey(peer)) {
            renamed(peer, name);
            return;
        }
        people.put(peer, Tile.arrived(peer, shown));
        feeds.put(peer, StatsFeed.empty());
        if (statsPeer.get() == null) {
            statsPeer.set(peer);
        }
        publish();
        tell(new Presence(change, peer, shown));
    }

    private void update(PeerId peer, UnaryOperator<Tile> change) {
        Tile tile = people.get(peer);
        if (tile == null) {
            return;
        }
        people.put(peer, change.apply(tile));
        publish();
    }

    private void refreshSpeaking() {
        Set<PeerId> now = speakers.speaking(clockMs.getAsLong());
        boolean changed = false;
        for (Map.Entry<PeerId, Tile> e : people.entrySet()) {
            boolean speaking = now.contains(e.getKey()) && e.getValue().microphoneOn();
            if (e.getValue().speaking() != speaking) {
                e.setValue(e.getValue().withSpeaking(speaking));
                changed = true;
            }
        }
        if (changed) {
            publish();
        }
    }

    private void publish() {
        List<Tile> now = List.copyOf(people.values());
        tiles.set(now);
        layout.set(LayoutRule.decide(now));
    }

    private void tell(Presence change) {
        for (Consumer<Presence> observer : List.copyOf(presenceObservers)) {
            observer.accept(change);
        }
    }
}
