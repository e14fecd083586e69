package dev.roomcall.bench.call;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a Chromium process is, from its command line: Chromium starts every child with {@code --type=} (and utility
 * processes with {@code --utility-sub-type=}, e.g. the network service); the browser process has neither.
 */
final class ChromiumProcessType {

    private static final Pattern TYPE = Pattern.compile("(?:^|\\s)--type=(\\S+)");
    private static final Pattern SUB_TYPE = Pattern.compile("(?:^|\\s)--utility-sub-type=(\\S+)");

    private ChromiumProcessType() {}

    /** E.g. "browser", "renderer", "gpu-process", "zygote", "utility: network", "utility: video"; "?" if gone. */
    static String of(String commandLine) {
        if (commandLine.isBlank()) {
            return "?";
        }
        Matcher type = TYPE.matcher(commandLine);
        if (!type.find()) {
            return "browser";
        }
        Matcher sub = SUB_TYPE.matcher(commandLine);
        if (!type.group(1).equals("utility") || !sub.find()) {
            return type.group(1);
        }
        // network.mojom.NetworkService → network; video_capture.mojom.VideoCaptureService → video_capture; video → video
        String service = sub.group(1);
        int dot = service.indexOf('.');
        return "utility: " + (dot < 0 ? service : service.substring(0, dot));
    }
}
