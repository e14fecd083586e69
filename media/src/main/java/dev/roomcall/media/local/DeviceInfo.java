package dev.roomcall.media.local;

import java.util.Objects;

/**
 * A capture or playout device as the platform names it.
 *
 * @param name human-readable name
 * @param id   the platform's stable descriptor (what a device picker should remember)
 */
public record DeviceInfo(String name, String id) {
    public DeviceInfo {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(id, "id");
    }
}
