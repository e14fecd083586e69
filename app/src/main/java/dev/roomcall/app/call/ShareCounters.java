package dev.roomcall.app.call;

/**
 * How much screen sharing flows in a call, for the statistics line.
 *
 * @param screenFramesSent          frames captured and sent in this side's current share; 0 while not sharing
 * @param remoteScreenFramesDecoded frames of the peers' shared screens decoded and converted in this call so far
 */
public record ShareCounters(long screenFramesSent, long remoteScreenFramesDecoded) {
    public static final ShareCounters NONE = new ShareCounters(0, 0);
}
