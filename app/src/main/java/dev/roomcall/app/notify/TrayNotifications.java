package dev.roomcall.app.notify;

import java.awt.AWTException;
import java.awt.Image;
import java.awt.SystemTray;
import java.awt.Toolkit;
import java.awt.TrayIcon;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Desktop notifications on Windows and macOS: a tray icon that shows the message as a balloon (Windows' toast,
 * macOS' notification centre); clicking the message brings the call forward. The icon is added on the first
 * notification and removed on {@link #close()}.
 */
final class TrayNotifications implements DesktopNotifications {

    private static final Logger LOG = LoggerFactory.getLogger(TrayNotifications.class);

    private TrayIcon icon;
    private volatile Runnable lastClick = () -> {};

    static boolean supported() {
        return !java.awt.GraphicsEnvironment.isHeadless() && SystemTray.isSupported();
    }

    @Override
    public synchronized void show(String summary, String body, Runnable onClick) {
        try {
            if (icon == null) {
                Image image = Toolkit.getDefaultToolkit().getImage(TrayNotifications.class.getResource("tray.png"));
                icon = new TrayIcon(image, "Roomcall");
                icon.setImageAutoSize(true);
                icon.addActionListener(e -> lastClick.run());
                SystemTray.getSystemTray().add(icon);
            }
            lastClick = onClick;
            icon.displayMessage(summary, body, TrayIcon.MessageType.INFO);
        } catch (AWTException | RuntimeException e) {
            LOG.warn("Tray notification not shown: {}", e.toString());
        }
    }

    @Override
    public synchronized void close() {
        if (icon != null) {
            SystemTray.getSystemTray().remove(icon);
            icon = null;
        }
    }
}
