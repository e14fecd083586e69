package dev.roomcall.app.ui.call;

import dev.roomcall.media.render.Frame;
import dev.roomcall.media.render.FrameSource;
import java.nio.ByteBuffer;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import javafx.animation.AnimationTimer;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.geometry.Rectangle2D;
import javafx.scene.image.ImageView;
import javafx.scene.image.PixelBuffer;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.Region;
import javafx.scene.shape.Rectangle;
import javafx.util.Callback;

/**
 * Shows the newest frame of a {@link FrameSource}, letterboxed, turned upright by the frame's rotation and
 * optionally mirrored (see {@link VideoFit}). Once per pulse it copies the newest converted frame into a direct
 * buffer behind a {@link PixelBuffer}, so the renderer never reads memory the converter is writing. Nothing is
 * allocated per frame: the buffer, image and copy callback are made once per frame size. The view watches the
 * source it shows (a source converts frames only while watched) and lets go of it when the source changes or the
 * view stops.
 */
public final class VideoView extends Region {

    private final ImageView view = new ImageView();
    private final Supplier<FrameSource> source;
    private final BooleanSupplier mirroring;
    private boolean mirrored;
    private final AnimationTimer timer;
    private final ReadOnlyBooleanWrapper showing = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyDoubleWrapper aspect = new ReadOnlyDoubleWrapper(16.0 / 9.0);
    private final Rectangle clip = new Rectangle();
    /** Copies {@link #pending} into the pixel buffer; one instance, so a frame costs no allocation. */
    private final Callback<PixelBuffer<ByteBuffer>, Rectangle2D> copy = this::copyPending;
    private PixelBuffer<ByteBuffer> pixels;
    private ByteBuffer buffer;
    private Frame pending;
    private int rotation;
    private long shownSequence = -1;
    private FrameSource shownSource;
    /** The watch on {@link #shownSource}, or null while there is none. */
    private FrameSource.Watch watch;

    /** @param source the frame source to follow; may return null (nothing to show yet) and may change per call */
    public VideoView(Supplier<FrameSource> source, boolean mirrored) {
        this(source, () -> mirrored);
    }

    /**
     * @param mirroring asked with each new frame whether to show it mirrored: a camera's own picture reads like a
     *                  mirror, while text painted into the picture (the "camera off" slate) must stay readable
     */
    public VideoView(Supplier<FrameSource> source, BooleanSupplier mirroring) {
        this.source = source;
        this.mirroring = mirroring;
        this.mirrored = mirroring.getAsBoolean();
        view.setPreserveRatio(false);
        view.setSmooth(true);
        view.setScaleX(mirrored ? -1 : 1);
        getChildren().add(view);
        getStyleClass().add("video-view");
        // A rotated picture must not spill over whatever sits next to the view.
        clip.widthProperty().bind(widthProperty());
        clip.heightProperty().bind(heightProperty());
        setClip(clip);
        timer = new AnimationTimer() {
            @Override
            public void handle(long now) {
                pull();
            }
        };
        timer.start();
    }

    /** True while a picture is shown. */
    public ReadOnlyBooleanProperty showingProperty() {
        return showing.getReadOnlyProperty();
    }

    /** Width over height of the picture as shown (after rotation). */
    public ReadOnlyDoubleProperty aspectProperty() {
        return aspect.getReadOnlyProperty();
    }

    /** Stops following the source and lets go of it; the last picture stays. */
    public void stop() {
        timer.stop();
        watch(null);
    }

    /**
     * Takes the newest frame, if there is a new one. Runs once per pulse; package-visible for tests, which may also
     * pull after {@link #stop()} (the view then watches its source again).
     */
    void pull() {
        FrameSource current = source.get();
        if (current != shownSource) {
            watch(current);
            shownSequence = -1;
            if (pixels != null) {
                view.setImage(null);
                pixels = null;
                buffer = null;
                showing.set(false);
            }
        }
        if (current == null) {
            return;
        }
        Frame frame = current.latest();
        if (frame == null || frame.sequence() == shownSequence) {
            return;
        }
        shownSequence = frame.sequence();
        if (mirroring.getAsBoolean() != mirrored) {
            mirrored = !mirrored;
            view.setScaleX(mirrored ? -1 : 1);
            requestLayout();
        }
        if (pixels == null || pixels.getWidth() != frame.width() || pixels.getHeight() != frame.height()) {
            buffer = ByteBuffer.allocateDirect(frame.width() * frame.height() * 4);
            pixels = new PixelBuffer<>(frame.width(), frame.height(), buffer, PixelFormat.getByteBgraPreInstance());
            view.setImage(new WritableImage(pixels));
            showing.set(true);
            rotation = frame.rotation();
            aspect.set(VideoFit.aspect(frame.width(), frame.height(), rotation));
            requestLayout();
        } else if (frame.rotation() != rotation) {
            rotation = frame.rotation();
            aspect.set(VideoFit.aspect(frame.width(), frame.height(), rotation));
            requestLayout();
        }
        pending = frame;
        pixels.updateBuffer(copy);
        pending = null;
    }

    private void watch(FrameSource next) {
        if (watch != null) {
            watch.close();
            watch = null;
        }
        shownSource = next;
        if (next != null) {
            watch = next.watch();
        }
    }

    private Rectangle2D copyPending(PixelBuffer<ByteBuffer> target) {
        Frame frame = pending;
        int bytes = frame.width() * frame.height() * 4;
        // Absolute put leaves the position at 0, which the renderer insists on.
        buffer.put(0, frame.bgra(), 0, bytes);
        return null;
    }

    /** The direct buffer behind the shown image; for tests that check it is reused. */
    ByteBuffer pixelBuffer() {
        return buffer;
    }

    /** The node the picture is drawn in; for tests of the geometry. */
    ImageView imageView() {
        return view;
    }

    /** The picture adapts to whatever room it gets; its own size must not push the window around. */
    @Override
    protected double computePrefWidth(double height) {
        return 160;
    }

    @Override
    protected double computePrefHeight(double width) {
        return 90;
    }

    @Override
    protected void layoutChildren() {
        PixelBuffer<ByteBuffer> shown = pixels;
        if (shown == null) {
            return;
        }
        VideoFit fit = VideoFit.of(shown.getWidth(), shown.getHeight(), rotation, mirrored, getWidth(), getHeight());
        view.setFitWidth(fit.imageWidth());
        view.setFitHeight(fit.imageHeight());
        view.setRotate(fit.rotate());
        view.relocate(fit.x(), fit.y());
    }
}
