package dev.roomcall.media;

import dev.roomcall.media.render.ConvertingFrameSink;
import dev.roomcall.media.render.Frame;
import dev.roomcall.media.render.FrameSource;

import dev.onvoid.webrtc.media.video.NativeI420Buffer;
import dev.onvoid.webrtc.media.video.VideoFrame;
import dev.roomcall.bench.render.TestFrames;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Media's real render-path sink, measured as libwebrtc drives it while a view watches it: one decoded frame in
 * (onVideoFrame converts it and releases it), the view takes the newest frame out (latest()). It belongs to bench/
 * and never ships. The frame is retained before each call because the sink releases every frame it is given, as it
 * must with libwebrtc's copies.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class ConvertingFrameSinkBench {

    @Param({"1280x720", "1920x1080"})
    public String size;

    private NativeI420Buffer buffer;
    private VideoFrame frame;
    private ConvertingFrameSink sink;
    private FrameSource.Watch view;

    @Setup(Level.Trial)
    public void setUp() throws Exception {
        int[] wh = TestFrames.size(size);
        buffer = TestFrames.picture(wh[0], wh[1]);
        frame = new VideoFrame(buffer, 0);
        sink = new ConvertingFrameSink("bench");
        sink.addFrameListener(() -> { }); // the first-frame report's listener, as in a call
        view = sink.watch(); // as a shown picture's view does: only a watched sink converts
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        view.close();
        frame.release();
    }

    @Benchmark
    public Frame convertAndTake() {
        frame.retain();
        sink.onVideoFrame(frame);
        return sink.latest();
    }
}
