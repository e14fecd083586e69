package dev.roomcall.app.call.sfu;

import dev.roomcall.media.stats.CallStats;
import dev.roomcall.media.stats.ReceivedStream;
import dev.roomcall.media.stats.VideoStreamStats;
import dev.roomcall.media.stats.VideoTracks;
import dev.roomcall.signaling.janus.FeedDisplay;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.function.ToLongFunction;

/**
 * One round of a member's statistics in a room on Janus, told apart by person as a mesh's sessions are: what came
 * from each other member is what their feeds' m-sections of the subscription received (mid → feed → member, from
 * Janus's stream list), their camera feed's and their screen feed's; what this side sends goes once to Janus for all
 * of them, the publication's and, while it shares, the screen feed's.
 *
 * @param publication  what the camera and microphone's publishing connection measured
 * @param screen       what the screen feed's connection measured; {@link CallStats#EMPTY} while not sharing
 * @param subscription what the subscription (everyone else's feeds on one connection) measured
 * @param displayOfMid the display of the feed each of the subscription's m-sections carries now
 */
public record FeedStats(CallStats publication, CallStats screen, CallStats subscription,
                        Map<String, String> displayOfMid) {

    public static final FeedStats NONE = new FeedStats(CallStats.EMPTY, CallStats.EMPTY, CallStats.EMPTY, Map.of());

    public FeedStats {
        publication = publication == null ? CallStats.EMPTY : publication;
        screen = screen == null ? CallStats.EMPTY : screen;
        subscription = subscription == null ? CallStats.EMPTY : subscription;
        displayOfMid = displayOfMid == null ? Map.of() : Map.copyOf(displayOfMid);
    }

    /** Video frames sent: the camera's and the shared screen's. */
    public long framesSent() {
        return publication.framesSent() + screen.framesSent();
    }

    /** Bytes sent to the media server on both publishing connections. */
    public long bytesSent() {
        return publication.bytesSent() + screen.bytesSent();
    }

    /**
     * {@code member}'s figures as a mesh session to them would have them: what came from their feeds (RTP payload
     * bytes, frames, the largest picture, their audio's level; zeros before any), with the subscription's round trip
     * and candidates (their media comes that way), and what this side sends, which reaches them through Janus.
     */
    public CallStats of(String member) {
        List<ReceivedStream> theirs = subscription.received().stream()
                .filter(stream -> member.equals(owner(stream).map(FeedDisplay::member).orElse(null)))
                .toList();
        List<ReceivedStream> video = theirs.stream().filter(ReceivedStream::video).toList();
        VideoStreamStats camera = merged(video, stream -> !owner(stream).orElseThrow().screen());
        VideoStreamStats shared = merged(video, stream -> owner(stream).orElseThrow().screen());
        String codec = video.stream().sorted((a, b) -> Boolean.compare(isScreen(a), isScreen(b)))
                .map(ReceivedStream::codec).filter(c -> !c.isEmpty()).findFirst().orElse("");
        VideoTracks sent = screen.videoTracks();
        VideoTracks tracks = new VideoTracks(camera, shared, publication.videoTracks().cameraSent(),
                sent.screenSent().present() ? sent.screenSent() : sent.cameraSent());
        return new CallStats(sum(video, ReceivedStream::frames), framesSent(), sum(theirs, ReceivedStream::bytes),
                bytesSent(), sum(theirs.stream().filter(s -> !s.video()).toList(), ReceivedStream::bytes),
                video.stream().mapToInt(ReceivedStream::width).max().orElse(0),
                video.stream().mapToInt(ReceivedStream::height).max().orElse(0),
                video.stream().mapToDouble(ReceivedStream::fps).max().orElse(0), subscription.rttMs(), codec,
                sum(theirs, ReceivedStream::packetsLost), subscription.candidateType(),
                sum(theirs, ReceivedStream::packetsReceived), publication.localAudioLevel(),
                theirs.stream().mapToDouble(ReceivedStream::audioLevel).max().orElse(0),
                subscription.candidatePair(), tracks, theirs);
    }

    /** Whose feed a stream's m-section carries, if Janus said. */
    private Optional<FeedDisplay> owner(ReceivedStream stream) {
        return Optional.ofNullable(displayOfMid.get(stream.mid())).map(FeedDisplay::parse);
    }

    private boolean isScreen(ReceivedStream stream) {
        return owner(stream).map(FeedDisplay::screen).orElse(false);
    }

    /**
     * One track's figures from its streams: usually one; after Janus moved a feed to another m-section, the old one's
     * counters may linger a round beside the new one's.
     */
    private static VideoStreamStats merged(List<ReceivedStream> video, Predicate<ReceivedStream> track) {
        List<ReceivedStream> streams = video.stream().filter(track).toList();
        if (streams.isEmpty()) {
            return VideoStreamStats.NONE;
        }
        return new VideoStreamStats(streams.stream().mapToInt(ReceivedStream::width).max().orElse(0),
                streams.stream().mapToInt(ReceivedStream::height).max().orElse(0),
                streams.stream().mapToDouble(ReceivedStream::fps).max().orElse(0),
                sum(streams, ReceivedStream::bytes), sum(streams, ReceivedStream::frames));
    }

    private static long sum(List<ReceivedStream> streams, ToLongFunction<ReceivedStream> figure) {
        return streams.stream().mapToLong(figure).sum();
    }
}
