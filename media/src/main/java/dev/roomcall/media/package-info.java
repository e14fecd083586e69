/**
 * Roomcall's media engine over webrtc-java (libwebrtc). Start with
 * {@link dev.roomcall.media.MediaEngine#start(dev.roomcall.media.MediaOptions)}: one engine per process at a time.
 *
 * <ul>
 *   <li>{@code session}: one {@link dev.roomcall.media.session.PeerSession} per remote peer, with perfect
 *   negotiation, its senders, the chat data channel and its monitoring.</li>
 *   <li>{@code local}: the local tracks every session sends, device listing and the one owner of device choice.</li>
 *   <li>{@code synthetic}: the test pattern, tone and "camera off" slate.</li>
 *   <li>{@code render}: frames converted to BGRA for a view.</li>
 *   <li>{@code stats}: call statistics and DTLS verification.</li>
 *   <li>{@code natives}: where libwebrtc's JNI library is mapped from, unpacked once per version.</li>
 * </ul>
 *
 * <p>Threads: a call owns one serial executor, passed to
 * {@link dev.roomcall.media.MediaEngine#createSession}; every peer-connection call, libwebrtc callback and listener
 * callback of its sessions runs there, and nothing there waits for libwebrtc. Frames are converted on libwebrtc's
 * decoder thread and polled by a view. Device queries run on daemon threads with a time-out, because libwebrtc's
 * audio enumeration can block forever when no sound server runs. No class here depends on a UI toolkit.
 */
package dev.roomcall.media;
