package dev.roomcall.app.ui.call;

import dev.roomcall.media.Frame;
import dev.roomcall.media.FrameSource;
import java.nio.ByteBuffer;
import java.util.function.Supplier;
import javafx.animation.AnimationTimer;
import javafx.scene.image.ImageView;
import javafx.scene.image.PixelBuffer;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.Region;

/**
 * Shows the newest frame of a {@link FrameSource}, letterboxed. Once per pulse it copies the newest
 * converted frame into a direct buffer behind a {@link PixelBuffer} (reallocated only when the size
 * changes), so the render thread never reads memory the converter is writing.
 */
public final class VideoView extends Region {

    private final ImageView view = new ImageView();
    private final Supplier<FrameSource> source;
    private final AnimationTimer timer;
    private PixelBuffer<ByteBuffer> pixels;
    private ByteBuffer buffer;
    private long shownSequence = -1;
    private FrameSource shownSource;

    /** @param source the frame source to follow; may return null (nothing to show yet) and may change per call */
    public VideoView(Supplier<FrameSource> source, boolean mirrored) {
        this.source = source;
        view.setPreserveRatio(true);
        view.setSmooth(true);
        if (mirrored) {
            view.setScaleX(-1);
        }
        getChildren().add(view);
        getStyleClass().add("video-view");
        timer = new AnimationTimer() {
            @Override
            public void handle(long now) {
                pull();
            }
        };
        timer.start();
    }

    public boolean hasPicture() {
        return view.getImage() != null;
    }

    public void stop() {
        timer.stop();
    }

    private void pull() {
        FrameSource current = source.get();
        if (current != shownSource) {
            shownSource = current;
            shownSequence = -1;
            view.setImage(null);
        }
        if (current == null) {
            return;
        }
        Frame frame = current.latest();
        if (frame == null || frame.sequence() == shownSequence) {
            return;
        }
        shownSequence = frame.sequence();
        int bytes = frame.width() * frame.height() * 4;
        if (pixels == null || pixels.getWidth() != frame.width() || pixels.getHeight() != frame.height()) {
            buffer = ByteBuffer.allocateDirect(bytes);
            pixels = new PixelBuffer<>(frame.width(), frame.height(), buffer, PixelFormat.getByteBgraPreInstance());
            view.setImage(new WritableImage(pixels));
            requestLayout();
        }
        ByteBuffer src = frame.bgra();
        pixels.updateBuffer(pb -> {
            // Absolute put leaves the position at 0, which the GL renderer insists on.
            buffer.put(0, src, 0, bytes);
            return null;
        });
        view.setRotate(frame.rotation());
    }

    @Override
    protected void layoutChildren() {
        double w = getWidth();
        double h = getHeight();
        boolean sideways = Math.abs(view.getRotate()) % 180 == 90;
        view.setFitWidth(sideways ? h : w);
        view.setFitHeight(sideways ? w : h);
        double iw = view.getLayoutBounds().getWidth();
        double ih = view.getLayoutBounds().getHeight();
        view.relocate((w - iw) / 2, (h - ih) / 2);
    }
}
