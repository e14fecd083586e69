/**
 * Roomcall's media engine over webrtc-java (libwebrtc): local camera and microphone (real, synthetic or a
 * "camera off" slate), peer sessions with perfect negotiation, remote video converted to BGRA, and call statistics.
 *
 * <p>Start with {@link dev.roomcall.media.MediaEngine#start(dev.roomcall.media.MediaOptions)}: one engine per
 * process at a time. Threads:
 * <ul>
 *   <li>Each {@link dev.roomcall.media.PeerSession} has its own thread for every peer-connection call (so
 *   negotiation steps never interleave) and a second one for {@link dev.roomcall.media.SessionListener}
 *   callbacks, which arrive in order.</li>
 *   <li>{@link dev.roomcall.media.FrameSource} frames are converted on libwebrtc's decoder thread; a view polls
 *   {@link dev.roomcall.media.FrameSource#latest()} from its own thread.</li>
 *   <li>Device queries run on daemon threads with a timeout, because libwebrtc's audio enumeration can block
 *   forever when no sound server runs; nothing here ever waits on them unboundedly.</li>
 * </ul>
 * No class here depends on a UI toolkit.
 */
package dev.roomcall.media;
