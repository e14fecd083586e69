package dev.roomcall.app;

import dev.roomcall.app.call.Role;
import dev.roomcall.app.call.ShareRequest;
import dev.roomcall.app.settings.IceServerSetting;
import dev.roomcall.media.screen.ShareSettings;
import java.net.URI;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * What this launch was asked for, as {@link Main} read it from the command line; the rest of the app never sees the
 * command-line parser.
 *
 * @param room             the room to start in, or null for a new one
 * @param server           {@code --server}, or null for the built-in server
 * @param hostPort         {@code --host}'s port (0 for any free one), or null when not given
 * @param iceServers       the {@code --ice-server} entries; reading them may throw {@link IllegalArgumentException}
 *                         naming the option (a credential file that cannot be read), which is a start error
 * @param exitAfterSeconds headless only: hang up after this long, or null to wait for the other side
 * @param name             {@code --name}: the display name others see, or null when not given
 * @param share            {@code --share}: what to share once connected, or null
 * @param shareFps         {@code --share-fps}: frames a second of a share (5 to 15), or null for the default
 */
public record LaunchOptions(String room, URI server, Integer hostPort, Supplier<List<IceServerSetting>> iceServers,
                            boolean relayOnly, boolean fakeMedia, Role role, Double exitAfterSeconds, String name,
                            ShareRequest share, Integer shareFps) {
    public LaunchOptions {
        Objects.requireNonNull(iceServers, "iceServers");
        Objects.requireNonNull(role, "role");
        if (shareFps != null && (shareFps < ShareSettings.MIN_FPS || shareFps > ShareSettings.MAX_FPS)) {
            throw new IllegalArgumentException("--share-fps must be " + ShareSettings.MIN_FPS + " to "
                    + ShareSettings.MAX_FPS + ", not " + shareFps);
        }
    }

    /** {@code base} (the person's settings) with {@code --share-fps}'s frame rate, when it was given. */
    public ShareSettings shareSettings(ShareSettings base) {
        return shareFps == null ? base
                : new ShareSettings(base.maxWidth(), base.maxHeight(), shareFps, base.maxBitrateBps());
    }

    /** Without {@code --name}, sharing nothing. */
    public LaunchOptions(String room, URI server, Integer hostPort, Supplier<List<IceServerSetting>> iceServers,
                         boolean relayOnly, boolean fakeMedia, Role role, Double exitAfterSeconds) {
        this(room, server, hostPort, iceServers, relayOnly, fakeMedia, role, exitAfterSeconds, null, null, null);
    }
}
