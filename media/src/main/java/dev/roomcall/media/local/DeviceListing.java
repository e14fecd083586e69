package dev.roomcall.media.local;

import java.util.List;

/**
 * What {@link DeviceCatalog#list()} found.
 *
 * @param cameras           video capture devices
 * @param microphones       audio capture devices
 * @param speakers          audio playout devices
 * @param videoAnswered     false if camera enumeration failed or timed out (then {@code cameras} is empty)
 * @param audioAnswered     false if the audio system failed or timed out (then both audio lists are empty)
 */
public record DeviceListing(List<DeviceInfo> cameras, List<DeviceInfo> microphones, List<DeviceInfo> speakers,
                            boolean videoAnswered, boolean audioAnswered) {
    public DeviceListing {
        cameras = List.copyOf(cameras);
        microphones = List.copyOf(microphones);
        speakers = List.copyOf(speakers);
    }
}
