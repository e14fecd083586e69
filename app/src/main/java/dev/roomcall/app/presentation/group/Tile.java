package dev.roomcall.app.presentation.group;

import dev.roomcall.app.call.PeerId;
import dev.roomcall.app.presentation.NetworkQuality;
import dev.roomcall.media.render.FrameSource;
import java.util.Objects;

/**
 * One remote person as the grid shows them: their name (already bounded for display), whether their microphone and
 * camera are on, how well their connection carries, whether they speak now, whether this side pinned them, and
 * their pictures: the camera and, while they share it, their screen.
 *
 * @param camera their camera's frames; null until the first picture arrives
 * @param screen their shared screen's frames; null while they share nothing
 */
public record Tile(PeerId peer, String name, boolean microphoneOn, boolean cameraOn, NetworkQuality quality,
                   boolean speaking, boolean pinned, FrameSource camera, FrameSource screen) {

    public Tile {
        Objects.requireNonNull(peer, "peer");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(quality, "quality");
    }

    /** Someone who just arrived: microphone and camera on until they say otherwise, nothing measured yet. */
    static Tile arrived(PeerId peer, String name) {
        return new Tile(peer, name, true, true, NetworkQuality.UNKNOWN, false, false, null, null);
    }

    public boolean sharingScreen() {
        return screen != null;
    }

    Tile withName(String newName) {
        return new Tile(peer, newName, microphoneOn, cameraOn, quality, speaking, pinned, camera, screen);
    }

    Tile withMedia(boolean microphone, boolean cameraIsOn) {
        return new Tile(peer, name, microphone, cameraIsOn, quality, speaking && microphone, pinned, camera, screen);
    }

    Tile withQuality(NetworkQuality newQuality) {
        return new Tile(peer, name, microphoneOn, cameraOn, newQuality, speaking, pinned, camera, screen);
    }

    Tile withSpeaking(boolean now) {
        return new Tile(peer, name, microphoneOn, cameraOn, quality, now, pinned, camera, screen);
    }

    Tile withPinned(boolean now) {
        return new Tile(peer, name, microphoneOn, cameraOn, quality, speaking, now, camera, screen);
    }

    Tile withCamera(FrameSource source) {
        return new Tile(peer, name, microphoneOn, cameraOn, quality, speaking, pinned, source, screen);
    }

    Tile withScreen(FrameSource source) {
        return new Tile(peer, name, microphoneOn, cameraOn, quality, speaking, pinned, camera, source);
    }
}
