package dev.roomcall.bench.render;

import dev.onvoid.webrtc.media.FourCC;
import dev.onvoid.webrtc.media.video.NativeI420Buffer;
import dev.onvoid.webrtc.media.video.VideoBufferConverter;
import java.nio.ByteBuffer;
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
 * The render path's conversion of one decoded frame to the display's BGRA buffer: libyuv (through webrtc-java's
 * VideoBufferConverter, into a reused direct buffer, as media's ConvertingFrameSink does) against the plain-Java
 * fallback. Run with {@code -prof gc} for the bytes allocated per frame. Target: ≤ 1 ms and 0 B per 720p frame.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class I420ToBgraBench {

    @Param({"1280x720", "1920x1080"})
    public String size;

    private NativeI420Buffer frame;
    private ByteBuffer bgra;
    private JavaI420ToBgra java;
    private ByteBuffer y;
    private ByteBuffer u;
    private ByteBuffer v;

    @Setup(Level.Trial)
    public void setUp() throws Exception {
        int[] wh = TestFrames.size(size);
        frame = TestFrames.picture(wh[0], wh[1]);
        bgra = ByteBuffer.allocateDirect(wh[0] * wh[1] * 4);
        java = new JavaI420ToBgra(wh[0], wh[1], bgra);
        // The fallback reads planes it holds; webrtc-java's getDataY/U/V make a new slice per call (see planeSlices).
        y = frame.getDataY();
        u = frame.getDataU();
        v = frame.getDataV();
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        frame.release();
    }

    @Benchmark
    public ByteBuffer libyuv() throws Exception {
        bgra.clear();
        VideoBufferConverter.convertFromI420(frame, bgra, FourCC.ARGB);
        return bgra;
    }

    @Benchmark
    public ByteBuffer javaFallback() {
        java.convert(y, frame.getStrideY(), u, frame.getStrideU(), v, frame.getStrideV());
        return bgra;
    }

    /**
     * Only what VideoBufferConverter does before calling libyuv: ask the frame for its three planes. Shows where
     * libyuv's bytes per frame come from (each getData call returns a new ByteBuffer slice that escapes to JNI).
     */
    @Benchmark
    public void planeSlices(org.openjdk.jmh.infra.Blackhole hole) {
        hole.consume(frame.getDataY());
        hole.consume(frame.getDataU());
        hole.consume(frame.getDataV());
    }
}
